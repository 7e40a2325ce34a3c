import { Migration } from '@mikro-orm/migrations';

/**
 * A customer's orders newest first (myOrders) by one index that also orders them, in place of the
 * foreign key's index on `customer_id` alone, which it covers. With it the page statement's generic plan
 * reads the customer's page by index whatever PostgreSQL guesses of how many orders a customer has, so
 * the plan cache keeps it instead of planning each execution (db/plain-rows.ts, `LITERAL_PAGE_SIZES`).
 */
export class Migration20261207000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "orders_customer_id_created_at_id_index" on "orders" ("customer_id", "created_at" desc, "id");`);
    this.addSql(`drop index if exists "orders_customer_id_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index if not exists "orders_customer_id_index" on "orders" ("customer_id");`);
    this.addSql(`drop index if exists "orders_customer_id_created_at_id_index";`);
  }

}

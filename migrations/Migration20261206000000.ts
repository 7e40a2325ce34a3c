import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's due-soon rows without looking up every order of the day (issue 14 item 5): each line
 * carries its order's number, and `installments (due_date, order_number, number)` replaces the
 * `(due_date)` index, so the rows come in the card's own order (due date, order number, line) and the
 * scan stops after the first `limit` open lines of payable orders (reports/dashboard.ts). Before, every
 * open line of the first day (2,160 at 1M installments) was joined to its order to sort by its number.
 *
 * The copy is the database's: a trigger sets it from the order on every insert and on any write of
 * `order_id` or `order_number` (whatever a writer sends, ORM or raw SQL), and an order whose number
 * changes (none does today) passes it on to its lines.
 */
export class Migration20261206000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "installments" add column "order_number" varchar(32) not null default '';`);
    this.addSql(`update "installments" i set "order_number" = o."number" from "orders" o where o."id" = i."order_id";`);
    this.addSql(`create function angsur_installment_order_number() returns trigger language plpgsql as $$
begin
  new.order_number := (select o.number from orders o where o.id = new.order_id);
  return new;
end
$$;`);
    this.addSql(`create trigger angsur_installment_order_number before insert or update of order_id, order_number on installments
  for each row execute function angsur_installment_order_number();`);
    this.addSql(`create function angsur_order_number_to_lines() returns trigger language plpgsql as $$
begin
  update installments set order_number = new.number where order_id = new.id;
  return null;
end
$$;`);
    this.addSql(`create trigger angsur_order_number_to_lines after update of number on orders
  for each row when (new.number is distinct from old.number) execute function angsur_order_number_to_lines();`);
    // Built after the copy, so the copy's updates stay HOT; queries use the index from the first
    // transaction that starts after every transaction older than this one has ended (indcheckxmin).
    this.addSql(`drop index if exists "installments_due_date_index";`);
    this.addSql(`create index "installments_due_date_order_number_number_index" on "installments" ("due_date", "order_number", "number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "installments_due_date_order_number_number_index";`);
    this.addSql(`create index "installments_due_date_index" on "installments" ("due_date");`);
    this.addSql(`drop trigger if exists angsur_order_number_to_lines on orders;`);
    this.addSql(`drop function if exists angsur_order_number_to_lines();`);
    this.addSql(`drop trigger if exists angsur_installment_order_number on installments;`);
    this.addSql(`drop function if exists angsur_installment_order_number();`);
    this.addSql(`alter table "installments" drop column "order_number";`);
  }

}

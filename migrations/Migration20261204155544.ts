import { Migration } from '@mikro-orm/migrations';

export class Migration20261204155544 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "company_title" varchar(120) null, add column "company_address" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "company_title", drop column "company_address";`);
  }

}

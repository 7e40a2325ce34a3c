import { Migration } from '@mikro-orm/migrations';

/** The invoicing moment: `installments.invoiced_at`, claimed once by the invoicing job. */
export class Migration20261204204240 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "installments" add column if not exists "invoiced_at" timestamptz null;`);
    // What the job looks for: lines not invoiced yet, by due date (stays small: invoiced rows leave it).
    this.addSql(`create index if not exists "installments_to_invoice_index" on "installments" ("due_date") where "invoiced_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "installments_to_invoice_index";`);
    this.addSql(`alter table "installments" drop column if exists "invoiced_at";`);
  }

}

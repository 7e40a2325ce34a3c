import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's due-soon rows from a partial index of open lines by due date, covering what the card
 * reads (issue 14 item 5; installment.entity.ts declares the same index). The predicate is the open-line
 * rule as of today (installments/closed-lines.ts `openLineSql`), frozen here as a migration must be.
 */
export class Migration20261205012000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "installments_open_due_index" on "installments" ("due_date", "order_id", "number") include ("id", "amount", "paid_amount", "late_fee", "late_fee_paid") where (not (status in ('CANCELLED', 'RESTRUCTURED')) and (paid_amount < amount or late_fee_paid < late_fee));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "installments_open_due_index";`);
  }

}

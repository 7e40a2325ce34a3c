import { Migration } from '@mikro-orm/migrations';
import { bookSchema, dropBookSchema } from '../server/src/reports/dashboard-book';

/**
 * The dashboard's book kept by due date (issue 14 item 5): two insert-only delta tables, the
 * statement-level triggers on installments and orders that fill them, and the backfill of the book as
 * it is. The trigger functions are rendered from the installment rules (reports/dashboard-book.ts);
 * test/dashboard/dashboard-book.test.ts checks the installed text still matches them.
 */
export class Migration20261205002000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of bookSchema()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropBookSchema()) this.addSql(sql);
  }
}

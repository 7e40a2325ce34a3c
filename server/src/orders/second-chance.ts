import { PAYABLE_SQL } from '../installments/owed-sql';
import { overdueOnSql } from '../installments/rules';

/** "This week" on the dashboard: today and the six days after. */
export const SECOND_CHANCE_WINDOW_DAYS = 7;

/**
 * An order on its second chance: an admin lifted its suspension with a pay-until date (graceUntil),
 * the date falls between `from` and `from + days`, and the arrears are still there (once paid, the
 * deadline no longer matters). Written once, for the orders list's filter and the dashboard's count;
 * `from` is a bound date (today in Asia/Jakarta), `o` the orders alias.
 */
export const secondChanceEndingSql = (from: string, days: string) =>
  `(o.grace_until between ${from} and ${from} + ${days} - 1 and o.status in ${PAYABLE_SQL}
    and exists (select 1 from installments i where i.order_id = o.id and ${overdueOnSql(from)}))`;

/**
 * Lines that are history and never owe anything again: cancelled with the order, or replaced by a
 * restructuring. The one home of that rule for the server (re-exported by rules.ts, with its SQL) and
 * the console, which bundles this file: so it imports nothing.
 */
export const CLOSED_LINE_STATUSES = ['CANCELLED', 'RESTRUCTURED'] as const;
export const isClosedLine = (status: string) => (CLOSED_LINE_STATUSES as readonly string[]).includes(status);
/**
 * `isClosedLine` in SQL on the columns of the table aliased `p` (with its dot, or '' for bare columns:
 * an index predicate). rules.ts renders `CLOSED_LINE_SQL` and `OPEN_SQL` from these with `i.`; the
 * installment entity renders its open-lines index predicate with '', so the index and the queries state
 * the same rule (the entity cannot import rules.ts, which depends on it).
 */
export const closedLineSql = (p: string) => `(${p}status in (${CLOSED_LINE_STATUSES.map((x) => `'${x}'`).join(', ')}))`;
/** A line still owes something: not closed, and its amount or its late fee not fully paid. */
export const openLineSql = (p: string) => `(not ${closedLineSql(p)} and (${p}paid_amount < ${p}amount or ${p}late_fee_paid < ${p}late_fee))`;

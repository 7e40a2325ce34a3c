import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageTotal } from '../db/plain-rows';
import { OPEN_SQL, OWED_SQL, PAYABLE_SQL } from '../installments/owed-sql';

/**
 * The book (open installments of orders that owe money now), kept as aggregates by due date so the
 * dashboard never scans it (issue 14 item 5): every card is a sum over a few hundred day rows.
 *
 * - `dashboard_book_days (due_date, installments, owed)`: how many open installments of payable
 *   orders fall due on the day, and what is still owed on them (OWED_SQL).
 * - `dashboard_order_statuses (status, orders)`: orders per status.
 * - `dashboard_book_edges (due_date, prev_due, orders)`: for every open installment of a payable
 *   order, its due date and the due date of the order's previous open installment (null for the
 *   order's oldest). An order has something in a due-date range [a, b] exactly when one of its lines
 *   lies in the range and the line before it does not (it is older than a): so the orders of an aging
 *   bucket are the edge rows whose day is in the bucket and whose previous day is not, and the orders
 *   owing anything are the rows with no previous day. No count(distinct), whatever "today" is.
 *
 * Both tables are insert-only deltas: statement-level triggers with transition tables on installments
 * and orders add what a statement changed (an ORM flush, a payment, a billing-pass chunk's set-based
 * UPDATE, raw SQL alike), so a payment and a billing-pass chunk never wait on a shared aggregate row.
 * `compactDashboardBook` (a job) folds the deltas into one row per key. What is open, owed and payable
 * is the installment rules' SQL (installments/rules.ts via owed-sql.ts), not restated here; the
 * migration installs the functions rendered from them, and test/dashboard/dashboard-book.test.ts fails
 * when the installed text no longer matches what the rules render (a rule changed without a migration).
 *
 * Assumed (true of every writer today): a write that changes which lines of an order are open holds
 * the order's row lock (payments, refunds, restructuring, cancellation lock the order; the billing pass
 * changes fees and statuses, not which lines are open), and orders are never deleted (they are records;
 * TRUNCATE clears the aggregates).
 */
export const BOOK_DAYS = 'dashboard_book_days';
export const BOOK_EDGES = 'dashboard_book_edges';
/** Orders per status, kept the same way: `activeOrders` without counting the orders table. */
export const ORDER_STATUSES = 'dashboard_order_statuses';

/**
 * How many orders there are, of `statuses` or of any: a sum over the kept orders per status (a few
 * rows between compactions), not a count of the orders table. The staff orders list's total on each
 * page load of the whole book or a status tab (orders.service.ts `listOrders`).
 */
export function ordersCounted(statuses?: readonly string[]): PageTotal {
  return statuses
    ? { key: 'orders-by-status', sql: `select coalesce(sum(orders), 0) from ${ORDER_STATUSES} where status = any(?)`, params: [statuses] }
    : { key: 'orders', sql: `select coalesce(sum(orders), 0) from ${ORDER_STATUSES}`, params: [] };
}

/** A line's facts the book depends on, per transition table row or current row (alias `i`). */
const facts = (from: string) => `select i.id, i.order_id, i.due_date, i.number, ${OPEN_SQL} as open, ${OWED_SQL} as owed from ${from} i`;

/** Edge rows (due_date, prev_due, sign) of the open lines in `lines` (order_id, due_date, number, sign). */
const edgesOf = (lines: string) =>
  `select due_date, lag(due_date) over (partition by order_id order by due_date, number) as prev_due, sign from ${lines} x`;

const addEdges = (rows: string) => `insert into ${BOOK_EDGES} (due_date, prev_due, orders)
    select due_date, prev_due, sum(sign) from (${rows}) e group by due_date, prev_due having sum(sign) <> 0`;

/**
 * The delta of one statement on installments. `after`/`before` are the transition tables (or an empty
 * set for the side an INSERT or DELETE lacks). A line moved when its facts changed; the days table gets
 * the moved lines' difference, and the orders whose open lines changed (not only what is owed on them)
 * get their edges recomputed: now (the table after the statement) minus before (the lines the statement
 * did not touch plus the transition table's old rows).
 */
function installmentsDelta(after: string, before: string) {
  const same = `(a.order_id, a.due_date, a.number, a.open, a.owed) is not distinct from (b.order_id, b.due_date, b.number, b.open, b.owed)`;
  const shape = `(a.order_id, a.due_date, a.number, a.open) is not distinct from (b.order_id, b.due_date, b.number, b.open)`;
  return `with a as (${facts(after)}), b as (${facts(before)}),
    moved as (
      select a.order_id, a.due_date, a.open, a.owed, 1 as sign, ${shape} as kept_shape from a left join b using (id) where b.id is null or not ${same}
      union all
      select b.order_id, b.due_date, b.open, b.owed, -1, ${shape} from b left join a using (id) where a.id is null or not ${same}
    ),
    days as (
      insert into ${BOOK_DAYS} (due_date, installments, owed)
      select m.due_date, sum(m.sign), sum(m.sign * m.owed) from moved m join orders o on o.id = m.order_id
      where m.open and o.status in ${PAYABLE_SQL}
      group by m.due_date having sum(m.sign) <> 0 or sum(m.sign * m.owed) <> 0
    ),
    touched as (
      select distinct m.order_id as id from moved m join orders o on o.id = m.order_id
      where m.open and not m.kept_shape and o.status in ${PAYABLE_SQL}
    ),
    now_open as (select i.order_id, i.due_date, i.number, 1 as sign from installments i join touched t on t.id = i.order_id where ${OPEN_SQL}),
    was_open as (
      select i.order_id, i.due_date, i.number, -1 as sign from installments i join touched t on t.id = i.order_id
        where ${OPEN_SQL} and not exists (select 1 from a where a.id = i.id)
      union all
      select b.order_id, b.due_date, b.number, -1 from b join touched t on t.id = b.order_id where b.open
    )
    ${addEdges(`${edgesOf('now_open')} union all ${edgesOf('was_open')}`)}`;
}

/** Orders per status: what `after` adds and `before` takes away. */
const statusesDelta = (after: string, before: string) => `insert into ${ORDER_STATUSES} (status, orders)
    select status, sum(sign) from (select status, 1 as sign from ${after} x union all select status, -1 from ${before} x) s
    group by status having sum(sign) <> 0`;

/**
 * The delta of one statement updating orders: the status counts, and an order that became payable
 * adds its open lines, one that stopped removes them.
 */
const ordersDelta = `with statuses as (${statusesDelta('new_rows', 'old_rows')}),
    flipped as (
      select n.id, case when n.status in ${PAYABLE_SQL} then 1 else -1 end as sign from new_rows n join old_rows b using (id)
      where (n.status in ${PAYABLE_SQL}) <> (b.status in ${PAYABLE_SQL})
    ),
    lines as (select i.order_id, i.due_date, i.number, ${OWED_SQL} as owed, f.sign from installments i join flipped f on f.id = i.order_id where ${OPEN_SQL}),
    days as (
      insert into ${BOOK_DAYS} (due_date, installments, owed)
      select due_date, sum(sign), sum(sign * owed) from lines group by due_date having sum(sign) <> 0 or sum(sign * owed) <> 0
    )
    ${addEdges(edgesOf('lines'))}`;

/** An empty set shaped like the table, for the transition table an INSERT or DELETE does not have. */
const none = (table: string) => `(select * from ${table} where false)`;

/**
 * The trigger functions' bodies, by function name: what Migration20261205002000 installed (frozen
 * there), and what the test compares the database's functions with. A change to the rules that
 * changes this text needs a migration that installs these functions again.
 */
export function bookFunctions(): Record<string, string> {
  const body = (sql: string) => `\nbegin\n  ${sql};\n  return null;\nend\n`;
  return {
    angsur_book_installments_inserted: body(installmentsDelta('new_rows', none('installments'))),
    angsur_book_installments_updated: body(installmentsDelta('new_rows', 'old_rows')),
    angsur_book_installments_deleted: body(installmentsDelta(none('installments'), 'old_rows')),
    angsur_book_orders_inserted: body(statusesDelta('new_rows', none('orders'))),
    angsur_book_orders_updated: body(ordersDelta),
    angsur_book_orders_deleted: body(statusesDelta(none('orders'), 'old_rows')),
    angsur_book_truncated: body(`delete from ${BOOK_DAYS};\n  delete from ${BOOK_EDGES};\n  delete from ${ORDER_STATUSES}`),
  };
}

/** The whole book from scratch, as one set of rows per table (the migration's backfill, and the rebuild). */
const BACKFILL = [
  `insert into ${BOOK_DAYS} (due_date, installments, owed)
   select i.due_date, count(*), sum(${OWED_SQL}) from installments i join orders o on o.id = i.order_id
   where o.status in ${PAYABLE_SQL} and ${OPEN_SQL} group by i.due_date`,
  addEdges(edgesOf(`(select i.order_id, i.due_date, i.number, 1 as sign from installments i join orders o on o.id = i.order_id where o.status in ${PAYABLE_SQL} and ${OPEN_SQL})`)),
  statusesDelta('orders', none('orders')),
];

/**
 * The tables emptied and filled again from the book, in one transaction: what the migration's backfill
 * does, and a repair should the tables ever be doubted (test/dashboard/dashboard-book.test.ts proves it
 * gives what the triggers keep).
 */
export async function rebuildDashboardBook(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const run = (q: string) => tx.getConnection().execute(q, [], 'run', tx.getTransactionContext());
    // Writers wait for the rebuild (one scan of the book) rather than add deltas it would count twice or miss.
    await run(`lock table installments, orders in share mode`);
    for (const q of [`delete from ${BOOK_DAYS}`, `delete from ${BOOK_EDGES}`, `delete from ${ORDER_STATUSES}`, ...BACKFILL]) await run(q);
  });
}

/**
 * Folds the deltas into one row per key (dropping keys that sum to nothing), one statement per table,
 * each answering how many rows it folded away. Writers only insert, so they never wait for this; a
 * compaction running beside another skips the rows the other deleted and leaves the rows it inserted,
 * so the sums stay right either way.
 */
export const COMPACT_SQL = [
  `with gone as (delete from ${BOOK_DAYS} returning *), kept as (
     insert into ${BOOK_DAYS} (due_date, installments, owed)
     select due_date, sum(installments), sum(owed) from gone group by due_date having sum(installments) <> 0 or sum(owed) <> 0 returning 1)
   select (select count(*) from gone)::int - (select count(*) from kept)::int as n`,
  `with gone as (delete from ${BOOK_EDGES} returning *), kept as (
     insert into ${BOOK_EDGES} (due_date, prev_due, orders)
     select due_date, prev_due, sum(orders) from gone group by due_date, prev_due having sum(orders) <> 0 returning 1)
   select (select count(*) from gone)::int - (select count(*) from kept)::int as n`,
  `with gone as (delete from ${ORDER_STATUSES} returning *), kept as (
     insert into ${ORDER_STATUSES} (status, orders)
     select status, sum(orders) from gone group by status having sum(orders) <> 0 returning 1)
   select (select count(*) from gone)::int - (select count(*) from kept)::int as n`,
] as const;

/** The compaction job: rows folded away per table. */
export async function compactDashboardBook(em: EntityManager): Promise<{ days: number; edges: number; statuses: number }> {
  const conn = em.getConnection();
  const folded: number[] = [];
  for (const q of COMPACT_SQL) folded.push((await conn.execute<{ n: number }[]>(q))[0]!.n);
  return { days: folded[0]!, edges: folded[1]!, statuses: folded[2]! };
}

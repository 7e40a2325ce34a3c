import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { ZONE } from '../common/time';
import { OPEN_SQL, OWED_SQL, PAYABLE_SQL } from '../installments/owed-sql';
import { daysLateSql } from '../installments/rules';
import { OrderStatus } from '../orders/order-status';
import { secondChanceEndingSql } from '../orders/second-chance';
import { AWAITING_VERIFICATION, Payment } from '../payments/payment.entity';
import { FAILING, Service } from '../hosting/service.entity';
import { SpkParty, SpkStatus, spkStatusesWaitingFor } from '../spk/spk-status';
import { BOOK_DAYS, BOOK_EDGES, ORDER_STATUSES } from './dashboard-book';

/**
 * The staff dashboard's figures, set-based SQL over the whole book (no rows pulled into Node), money summed in PostgreSQL as numeric and carried back as text into bigint: exact at any size.
 *
 * Definitions (README "Dashboard"):
 * - receivables are what is still owed on orders that owe money now (PAYABLE: SPK confirmed, not
 *   closed): unpaid installment amounts plus unpaid late fees. Orders still waiting for their SPK owe
 *   nothing yet, as everywhere else in the API.
 * - an installment is overdue when its due date is before today (Asia/Jakarta) and something on it is
 *   unpaid; this is the date, not the `status` column, so the figures are right even before today's
 *   billing pass has run (the same rule as `summary.arrearsAmount` and the orders' `overdue` filter).
 */

export enum AgingBucket {
  CURRENT = 'CURRENT',
  DAYS_1_30 = 'DAYS_1_30',
  DAYS_31_60 = 'DAYS_31_60',
  DAYS_61_90 = 'DAYS_61_90',
  OVER_90 = 'OVER_90',
}
export const AGING_ORDER = [AgingBucket.CURRENT, AgingBucket.DAYS_1_30, AgingBucket.DAYS_31_60, AgingBucket.DAYS_61_90, AgingBucket.OVER_90] as const;

/** Waiting for staff: a draft to submit, a revision to make, a customer signature to check. */
export const SPK_STAFF_STATUSES = spkStatusesWaitingFor(SpkParty.STAFF);

const sql = <T>(em: EntityManager, text: string, params: unknown[] = []) => em.getConnection().execute<T[]>(text, params, 'all', em.getTransactionContext());
const money = (text: string | null | undefined) => BigInt(text ?? '0');

export interface AgingLine {
  bucket: AgingBucket;
  installments: number;
  orders: number;
  amount: bigint;
}

export interface Receivables {
  buckets: AgingLine[];
  /** Orders with anything still owed. */
  orders: number;
  /** Orders with an overdue installment. */
  overdueOrders: number;
}

/**
 * Cash basis for the calendar month `now` falls in (Asia/Jakarta): payments settled in the month
 * (whether or not refunded later: the money did come in then), minus payments refunded in the month
 * (whenever they were settled: the money left then). So a month's figure never changes once the month
 * is over, and a refund shows up in the month it was made. A refund's moment is when its allocations
 * were reversed (a settled payment always has allocations: settled = live allocations).
 */
export interface Collections {
  /** YYYY-MM in Asia/Jakarta. */
  month: string;
  settled: bigint;
  settledCount: number;
  refunded: bigint;
  refundedCount: number;
  net: bigint;
}

export interface UpcomingLine {
  installmentId: string;
  number: number;
  dueDate: string;
  amount: bigint;
  orderId: string;
  orderNumber: string;
  customerName: string;
  customerPhone: string;
}

export interface UpcomingDueFigures {
  total: number;
  amount: bigint;
  items: UpcomingLine[];
}

export interface SpkWaitingLine {
  spkId: string;
  number: string;
  status: SpkStatus;
  since: Date;
  orderId: string;
  orderNumber: string;
  customerName: string;
}

export interface SpkQueueFigures {
  total: number;
  items: SpkWaitingLine[];
}

/** The day's work, counted: each figure is what the list it links to shows with its filter. */
export interface WorkFigures {
  /** New orders no SPK has been drafted for (status AWAITING_SPK). */
  ordersAwaitingSpk: number;
  /** SPKs whose next move is staff's (spkStatusesWaitingFor(STAFF)). */
  spksAwaitingStaff: number;
  /** Transfer proofs waiting for FINANCE (AWAITING_VERIFICATION). */
  proofsToVerify: number;
  /** Services whose driver failed (FAILING). */
  servicesFailing: number;
  /** Orders whose second chance ends within `days` (secondChanceEndingSql). */
  secondChanceEnding: number;
}

/** What one card asks for; the cards of one request are answered by one statement. */
export type DashboardPart =
  | { kind: 'activeOrders' }
  | { kind: 'receivables' }
  | { kind: 'collections' }
  | { kind: 'upcomingDue'; days: number; limit: number }
  | { kind: 'spksAwaitingStaff'; limit: number }
  | { kind: 'work'; days: number };

export type DashboardValue = number | Receivables | Collections | UpcomingDueFigures | SpkQueueFigures | WorkFigures;

/** A part's identity: equal parts (the same card twice, or aliases with equal arguments) share one answer. */
export const partKey = (p: DashboardPart) => JSON.stringify(p);

/** One SELECT column: SQL text and the bindings of its `?` placeholders, in order. */
interface Column {
  sql: string;
  params: unknown[];
  read: (row: Record<string, unknown>) => DashboardValue;
}

// Days late come from the installment rules.
/** The aging rule on `day` (a SQL date expression): the dashboard and the receivables export (statements/receivables.ts) both read it. */
export const bucketRules = (day: string): [AgingBucket, string][] => {
  const late = daysLateSql(day);
  return [
    [AgingBucket.CURRENT, `${late} <= 0`],
    [AgingBucket.DAYS_1_30, `${late} between 1 and 30`],
    [AgingBucket.DAYS_31_60, `${late} between 31 and 60`],
    [AgingBucket.DAYS_61_90, `${late} between 61 and 90`],
    [AgingBucket.OVER_90, `${late} > 90`],
  ];
};
/** The aging rule with one `?` (the date) each. */
export const BUCKET_RULES = bucketRules('?::date');

/** A line's bucket index (in BUCKET_RULES' order) from `i.due_date` against `d.today`. */
const BUCKET_OF = `case ${bucketRules('d.today').map(([, rule], k) => `when ${rule} then ${k}`).join(' ')} end`;

/**
 * The book as kept by dashboard-book.ts, as of `d.today`: `days` (open installments and what is owed
 * on them per due date, with the date's bucket) and `edges` (an order's open line with the bucket of
 * the order's previous open line: an order is in a bucket once, at its first line there). Each row is
 * bucketed in place, by the rule (a few comparisons per row over the few thousand rows the aggregates
 * hold: cheaper than bucketing each distinct date once and joining the edges to it twice, measured in
 * docs/benchmarks.md "Dashboard").
 */
const BOOK = `d as (select ?::date as today),
  days as (select i.due_date, i.n, i.a, ${BUCKET_OF} as k from (
    select due_date, sum(installments) as n, sum(owed) as a from ${BOOK_DAYS} group by due_date having sum(installments) <> 0) i, d),
  edge_sums as (select due_date, prev_due, sum(orders) as n from ${BOOK_EDGES} group by due_date, prev_due having sum(orders) <> 0),
  edges as (select e.n, e.prev_due, c.k, p.k as pk from edge_sums e cross join d
    cross join lateral (select ${BUCKET_OF} as k from (select e.due_date) i) c
    cross join lateral (select ${BUCKET_OF} as k from (select e.prev_due as due_date) i) p)`;

/**
 * Every card of a page load in one statement. The book (open installments of orders that owe money
 * now) is never scanned: aging, receivables, arrears and the due-soon totals are sums over the
 * aggregates kept by due date (dashboard-book.ts), a few hundred day rows bucketed against today.
 * Beside them: the due-soon rows themselves (at most `limit`, by due date), and the order, payment and
 * SPK figures, small subqueries. Money travels as numeric text, so bigint stays exact.
 */
export async function dashboardFigures(em: EntityManager, at: { today: string; now: Date }, parts: readonly DashboardPart[]): Promise<DashboardValue[]> {
  const { today } = at;
  // The lists' own filters, rendered as SQL (values inlined by the ORM), so a count means what its list shows.
  const countOf = <T extends object>(entity: new () => T, where: object) => `(${em.createQueryBuilder(entity).count().where(where).getFormattedQuery()})::int`;
  const columns = parts.map((p, n): Column => {
    const as = `c${n}`;
    switch (p.kind) {
      case 'activeOrders':
        return { sql: `(select coalesce(sum(orders), 0)::int from ${ORDER_STATUSES} where status = ?) as ${as}`, params: [OrderStatus.ACTIVE], read: (r) => r[as] as number };
      case 'receivables': {
        const per = BUCKET_RULES.map((_, k) => `'b${k}n', coalesce(sum(n) filter (where k = ${k}), 0)::int, 'b${k}a', coalesce(sum(a) filter (where k = ${k}), 0)::text`).join(', ');
        const orders = BUCKET_RULES.map((_, k) => `, 'b${k}o', coalesce(sum(n) filter (where k = ${k} and pk is distinct from ${k}), 0)::int`).join('');
        return {
          sql: `(select json_build_object(${per}) from days) as ${as}_days,
                (select json_build_object('orders', coalesce(sum(n) filter (where prev_due is null), 0)::int,
                   'late', coalesce(sum(n) filter (where prev_due is null and k <> 0), 0)::int${orders}) from edges) as ${as}_edges`,
          params: [],
          read: (r) => {
            const days = r[`${as}_days`] as Record<string, number | string>;
            const edges = r[`${as}_edges`] as Record<string, number>;
            return {
              buckets: BUCKET_RULES.map(([bucket], k) => ({ bucket, installments: days[`b${k}n`] as number, orders: edges[`b${k}o`]!, amount: money(days[`b${k}a`] as string) })),
              orders: edges.orders!,
              overdueOrders: edges.late!,
            };
          },
        };
      }
      case 'collections': {
        const start = DateTime.fromJSDate(at.now, { zone: ZONE }).startOf('month');
        const from = start.toJSDate();
        const to = start.plus({ months: 1 }).toJSDate();
        return {
          sql: `(select json_build_object('settled', coalesce(sum(amount), 0)::text, 'settledCount', count(*)::int)
                   from payments p where p.status in ('SETTLED', 'REFUNDED') and p.settled_at >= ? and p.settled_at < ?) as ${as}_in,
                (select json_build_object('refunded', coalesce(sum(amount), 0)::text, 'refundedCount', count(*)::int)
                   from payments p cross join lateral (select max(a.reversed_at) as at from payment_allocations a where a.payment_id = p.id) r
                   where p.status = 'REFUNDED' and r.at >= ? and r.at < ?) as ${as}_out`,
          params: [from, to, from, to],
          read: (r) => {
            const got = r[`${as}_in`] as { settled: string; settledCount: number };
            const back = r[`${as}_out`] as { refunded: string; refundedCount: number };
            const settled = money(got.settled);
            const refunded = money(back.refunded);
            return { month: start.toFormat('yyyy-MM'), settled, settledCount: got.settledCount, refunded, refundedCount: back.refundedCount, net: settled - refunded };
          },
        };
      }
      case 'upcomingDue': {
        const window = (date: string) => `${date} between d.today and d.today + ?::int`;
        // The rows come off the (due_date, order_number, number) index in the card's order, so the scan
        // stops at the `limit`-th open line of a payable order: only those lines' orders are looked up,
        // not every order of a busy day (each line carries its order's number, kept by the database).
        // The day counts (exact) bound it further: from the first day with an open line to the day by
        // which `limit` are due, so days of paid lines only are not read (and an empty window not at all).
        const first = `(select min(due_date) from days where ${window('days.due_date')})`;
        const last = `(select coalesce(min(c.due_date), d.today + ?::int) from (
                        select due_date, sum(n) over (order by due_date) as upto from days where ${window('days.due_date')}) c where c.upto >= ?)`;
        return {
          sql: `(select json_build_object('n', coalesce(sum(n), 0)::int, 'a', coalesce(sum(a), 0)::text) from days where ${window('days.due_date')}) as ${as}_totals,
                (select coalesce(json_agg(x order by x.due_date, x.order_number, x.number), '[]') from (
                   select i.id as "installmentId", i.number, to_char(i.due_date, 'YYYY-MM-DD') as due_date, ${OWED_SQL}::text as amount,
                          o.id as "orderId", i.order_number, o.customer_name as "customerName", o.customer_phone as "customerPhone"
                   from installments i join orders o on o.id = i.order_id
                   where o.status in ${PAYABLE_SQL} and ${OPEN_SQL} and i.due_date between ${first} and ${last}
                   order by i.due_date, i.order_number, i.number limit ?) x) as ${as}_items`,
          params: [p.days, p.days, p.days, p.days, p.limit, p.limit],
          read: (r) => {
            const totals = r[`${as}_totals`] as { n: number; a: string };
            const items = r[`${as}_items`] as (Omit<UpcomingLine, 'amount' | 'dueDate' | 'orderNumber'> & { amount: string; due_date: string; order_number: string })[];
            return {
              total: totals.n,
              amount: money(totals.a),
              items: items.map(({ due_date, order_number, amount, ...line }) => ({ ...line, dueDate: due_date, orderNumber: order_number, amount: money(amount) })),
            };
          },
        };
      }
      case 'work': {
        const staffSpks = `(${SPK_STAFF_STATUSES.map((s) => `'${s}'`).join(', ')})`;
        return {
          sql: `json_build_object(
                  'ordersAwaitingSpk', (select count(*)::int from orders where status = ?),
                  'spksAwaitingStaff', (select count(*)::int from spks where status in ${staffSpks}),
                  'proofsToVerify', ${countOf(Payment, AWAITING_VERIFICATION)},
                  'servicesFailing', ${countOf(Service, FAILING)},
                  'secondChanceEnding', (select count(*)::int from orders o where ${secondChanceEndingSql('?::date', '?::int')})) as ${as}`,
          // secondChanceEndingSql's placeholders: from, from, days, from.
          params: [OrderStatus.AWAITING_SPK, today, today, p.days, today],
          read: (r) => r[as] as WorkFigures,
        };
      }
      case 'spksAwaitingStaff': {
        const statuses = `(${SPK_STAFF_STATUSES.map((s) => `'${s}'`).join(', ')})`;
        return {
          sql: `(select count(*)::int from spks s where s.status in ${statuses}) as ${as}_total,
                (select coalesce(json_agg(x order by x.since desc, x.number), '[]') from (
                   select s.id as "spkId", s.number, s.status, w.since, o.id as "orderId", o.number as "orderNumber", o.customer_name as "customerName"
                   from spks s join orders o on o.id = s.order_id
                   cross join lateral (select coalesce(max(e.created_at), s.updated_at) as since from spk_events e where e.spk_id = s.id and e.to_status = s.status) w
                   where s.status in ${statuses}
                   order by w.since desc, s.number limit ?) x) as ${as}_items`,
          params: [p.limit],
          read: (r) => ({
            total: r[`${as}_total`] as number,
            items: (r[`${as}_items`] as (Omit<SpkWaitingLine, 'since'> & { since: string })[]).map((s) => ({ ...s, since: new Date(s.since) })),
          }),
        };
      }
    }
  });
  const text = `with ${BOOK}\nselect ${columns.map((c) => c.sql).join(',\n')} from d`;
  const [row] = await sql<Record<string, unknown>>(em, text, [today, ...columns.flatMap((c) => c.params)]);
  return columns.map((c) => c.read(row!));
}

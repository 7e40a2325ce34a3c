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

/** An aggregate over the book: per order (`perOrder`, with its bindings), then over the orders (`total`). */
interface BookFigure {
  perOrder: string;
  params: unknown[];
  total: string;
}

// Days late come from the installment rules (one `?` each: today).
const LATE = daysLateSql('?::date');
/** The aging rule, one `?` (the date) each: the dashboard and the receivables export (statements/receivables.ts) both read it. */
export const BUCKET_RULES: [AgingBucket, string][] = [
  [AgingBucket.CURRENT, `${LATE} <= 0`],
  [AgingBucket.DAYS_1_30, `${LATE} between 1 and 30`],
  [AgingBucket.DAYS_31_60, `${LATE} between 31 and 60`],
  [AgingBucket.DAYS_61_90, `${LATE} between 61 and 90`],
  [AgingBucket.OVER_90, `${LATE} > 90`],
];

/**
 * Every card of a page load in one statement. The book (open installments of orders that owe money
 * now) is read once, summed per order and then over the orders: aging, receivables, arrears and the
 * due-soon totals are all columns of that one aggregate (orders are counted from the per-order sums,
 * with no DISTINCT to sort). Beside it: the due-soon rows themselves (at most `limit`, by due date),
 * and the order, payment and SPK figures, small subqueries. Money travels as numeric text, so bigint
 * stays exact.
 */
export async function dashboardFigures(em: EntityManager, at: { today: string; now: Date }, parts: readonly DashboardPart[]): Promise<DashboardValue[]> {
  const { today } = at;
  // The lists' own filters, rendered as SQL (values inlined by the ORM), so a count means what its list shows.
  const countOf = <T extends object>(entity: new () => T, where: object) => `(${em.createQueryBuilder(entity).count().where(where).getFormattedQuery()})::int`;
  const book: BookFigure[] = [];
  const columns = parts.map((p, n): Column => {
    const as = `c${n}`;
    switch (p.kind) {
      case 'activeOrders':
        return { sql: `(select count(*)::int from orders where status = ?) as ${as}`, params: [OrderStatus.ACTIVE], read: (r) => r[as] as number };
      case 'receivables': {
        BUCKET_RULES.forEach(([, rule], k) => {
          const b = `${as}_b${k}`;
          book.push({
            perOrder: `count(*) filter (where ${rule}) as ${b}n, sum(${OWED_SQL}) filter (where ${rule}) as ${b}a`,
            params: [today, today],
            total: `sum(${b}n)::int as ${b}n, count(*) filter (where ${b}n > 0)::int as ${b}o, coalesce(sum(${b}a), 0)::text as ${b}a`,
          });
        });
        const late = BUCKET_RULES.slice(1).map((_, k) => `${as}_b${k + 1}n`).join(' + ');
        book.push({ perOrder: '', params: [], total: `count(*)::int as ${as}_orders, count(*) filter (where ${late} > 0)::int as ${as}_late` });
        return {
          sql: '',
          params: [],
          read: (r) => ({
            buckets: BUCKET_RULES.map(([bucket], k) => ({
              bucket,
              installments: Number(r[`${as}_b${k}n`] ?? 0),
              orders: r[`${as}_b${k}o`] as number,
              amount: money(r[`${as}_b${k}a`] as string),
            })),
            orders: r[`${as}_orders`] as number,
            overdueOrders: r[`${as}_late`] as number,
          }),
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
        const window = `i.due_date between ?::date and ?::date + ?::int`;
        book.push({
          perOrder: `count(*) filter (where ${window}) as ${as}_n, sum(${OWED_SQL}) filter (where ${window}) as ${as}_a`,
          params: [today, today, p.days, today, today, p.days],
          total: `coalesce(sum(${as}_n), 0)::int as ${as}_n, coalesce(sum(${as}_a), 0)::text as ${as}_a`,
        });
        return {
          sql: `(select coalesce(json_agg(x order by x.due_date, x.order_number, x.number), '[]') from (
                   select i.id as "installmentId", i.number, to_char(i.due_date, 'YYYY-MM-DD') as due_date, ${OWED_SQL}::text as amount,
                          o.id as "orderId", o.number as order_number, o.customer_name as "customerName", o.customer_phone as "customerPhone"
                   from installments i join orders o on o.id = i.order_id
                   where o.status in ${PAYABLE_SQL} and ${OPEN_SQL} and ${window}
                   order by i.due_date, o.number, i.number limit ?) x) as ${as}_items`,
          params: [today, today, p.days, p.limit],
          read: (r) => {
            const items = r[`${as}_items`] as (Omit<UpcomingLine, 'amount' | 'dueDate' | 'orderNumber'> & { amount: string; due_date: string; order_number: string })[];
            return {
              total: r[`${as}_n`] as number,
              amount: money(r[`${as}_a`] as string),
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
  const select = columns.filter((c) => c.sql).map((c) => c.sql);
  const perOrder = book.filter((b) => b.perOrder);
  const text = book.length
    ? `with per_order as (
         select ${['i.order_id', ...perOrder.map((b) => b.perOrder)].join(', ')}
         from installments i join orders o on o.id = i.order_id
         where o.status in ${PAYABLE_SQL} and ${OPEN_SQL}
         group by i.order_id
       ), totals as (select ${book.map((b) => b.total).join(', ')} from per_order)
       select ${['totals.*', ...select].join(',\n')} from totals`
    : `select ${select.join(',\n')}`;
  const [row] = await sql<Record<string, unknown>>(em, text, [...perOrder.flatMap((b) => b.params), ...columns.flatMap((c) => c.params)]);
  return columns.map((c) => c.read(row!));
}

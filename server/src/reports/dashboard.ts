import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { ZONE } from '../common/time';
import { OPEN_SQL, OWED_SQL, PAYABLE_SQL } from '../installments/owed-sql';
import { OrderStatus } from '../orders/order-status';
import { SpkParty, SpkStatus, spkStatusesWaitingFor } from '../spk/spk-status';

/**
 * The staff dashboard's figures, each one set-based SQL over the whole book (no rows pulled into
 * Node), money summed in PostgreSQL as numeric and carried back as text into bigint: exact at any size.
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

export async function activeOrdersCount(em: EntityManager): Promise<number> {
  const [row] = await sql<{ n: number }>(em, `select count(*)::int as n from orders where status = ?`, [OrderStatus.ACTIVE]);
  return row!.n;
}

/** Everything still owed, by how late it is; the buckets add up to the outstanding total. */
export async function receivablesByAge(em: EntityManager, today: string): Promise<Receivables> {
  const rows = await sql<{ bucket: string; installments: number; orders: number; amount: string }>(
    em,
    `with owed as (
       select i.order_id, ${OWED_SQL} as amount,
              case when i.due_date >= ?::date then 'CURRENT'
                   when ?::date - i.due_date <= 30 then 'DAYS_1_30'
                   when ?::date - i.due_date <= 60 then 'DAYS_31_60'
                   when ?::date - i.due_date <= 90 then 'DAYS_61_90'
                   else 'OVER_90' end as bucket
       from installments i join orders o on o.id = i.order_id
       where o.status in ${PAYABLE_SQL} and ${OPEN_SQL}
     )
     select bucket, count(*)::int as installments, count(distinct order_id)::int as orders, sum(amount)::text as amount from owed group by bucket
     union all
     select 'ALL', 0, count(distinct order_id)::int, '0' from owed
     union all
     select 'OVERDUE', 0, count(distinct order_id)::int, '0' from owed where bucket <> 'CURRENT'`,
    [today, today, today, today],
  );
  const by = new Map(rows.map((r) => [r.bucket, r]));
  return {
    buckets: AGING_ORDER.map((bucket) => {
      const r = by.get(bucket);
      return { bucket, installments: r?.installments ?? 0, orders: r?.orders ?? 0, amount: money(r?.amount) };
    }),
    orders: by.get('ALL')?.orders ?? 0,
    overdueOrders: by.get('OVERDUE')?.orders ?? 0,
  };
}

export interface Collections {
  /** YYYY-MM in Asia/Jakarta. */
  month: string;
  settled: bigint;
  settledCount: number;
  refunded: bigint;
  refundedCount: number;
  net: bigint;
}

/**
 * Cash basis for the calendar month `now` falls in (Asia/Jakarta): payments settled in the month
 * (whether or not refunded later: the money did come in then), minus payments refunded in the month
 * (whenever they were settled: the money left then). So a month's figure never changes once the month
 * is over, and a refund shows up in the month it was made. A refund's moment is when its allocations
 * were reversed (a settled payment always has allocations: settled = live allocations).
 */
export async function collectionsForMonth(em: EntityManager, now: Date): Promise<Collections> {
  const start = DateTime.fromJSDate(now, { zone: ZONE }).startOf('month');
  const from = start.toJSDate();
  const to = start.plus({ months: 1 }).toJSDate();
  const [row] = await sql<{ settled: string; settled_count: number; refunded: string; refunded_count: number }>(
    em,
    `with settled as (
       select p.amount from payments p where p.status in ('SETTLED', 'REFUNDED') and p.settled_at >= ? and p.settled_at < ?
     ), refunded as (
       select p.amount from payments p
       cross join lateral (select max(a.reversed_at) as at from payment_allocations a where a.payment_id = p.id) r
       where p.status = 'REFUNDED' and r.at >= ? and r.at < ?
     )
     select (select coalesce(sum(amount), 0)::text from settled) as settled, (select count(*)::int from settled) as settled_count,
            (select coalesce(sum(amount), 0)::text from refunded) as refunded, (select count(*)::int from refunded) as refunded_count`,
    [from, to, from, to],
  );
  const settled = money(row!.settled);
  const refunded = money(row!.refunded);
  return { month: start.toFormat('yyyy-MM'), settled, settledCount: row!.settled_count, refunded, refundedCount: row!.refunded_count, net: settled - refunded };
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

/** Open installments falling due from today through today + `days` (inclusive), soonest first. */
export async function upcomingDue(em: EntityManager, today: string, days: number, limit: number) {
  const where = `from installments i join orders o on o.id = i.order_id
    where o.status in ${PAYABLE_SQL} and ${OPEN_SQL} and i.due_date between ?::date and ?::date + ?::int`;
  const [totals, rows] = await Promise.all([
    sql<{ n: number; amount: string }>(em, `select count(*)::int as n, coalesce(sum(${OWED_SQL}), 0)::text as amount ${where}`, [today, today, days]),
    sql<{ id: string; number: number; due_date: string; amount: string; order_id: string; order_number: string; customer_name: string; customer_phone: string }>(
      em,
      `select i.id, i.number, to_char(i.due_date, 'YYYY-MM-DD') as due_date, ${OWED_SQL}::text as amount,
              o.id as order_id, o.number as order_number, o.customer_name, o.customer_phone
       ${where} order by i.due_date, o.number, i.number limit ?`,
      [today, today, days, limit],
    ),
  ]);
  return {
    total: totals[0]!.n,
    amount: money(totals[0]!.amount),
    items: rows.map<UpcomingLine>((r) => ({
      installmentId: r.id,
      number: r.number,
      dueDate: r.due_date,
      amount: money(r.amount),
      orderId: r.order_id,
      orderNumber: r.order_number,
      customerName: r.customer_name,
      customerPhone: r.customer_phone,
    })),
  };
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

/** SPKs whose next step is the staff's, the most recent arrivals first; `since` is when the SPK entered its status. */
export async function spksAwaitingStaff(em: EntityManager, limit: number) {
  const statuses = `(${SPK_STAFF_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  const [totals, rows] = await Promise.all([
    sql<{ n: number }>(em, `select count(*)::int as n from spks s where s.status in ${statuses}`),
    sql<{ id: string; number: string; status: SpkStatus; since: Date; order_id: string; order_number: string; customer_name: string }>(
      em,
      `select s.id, s.number, s.status, w.since, o.id as order_id, o.number as order_number, o.customer_name
       from spks s join orders o on o.id = s.order_id
       cross join lateral (select coalesce(max(e.created_at), s.updated_at) as since from spk_events e where e.spk_id = s.id and e.to_status = s.status) w
       where s.status in ${statuses}
       order by w.since desc, s.number limit ?`,
      [limit],
    ),
  ]);
  return {
    total: totals[0]!.n,
    items: rows.map<SpkWaitingLine>((r) => ({
      spkId: r.id,
      number: r.number,
      status: r.status,
      since: new Date(r.since),
      orderId: r.order_id,
      orderNumber: r.order_number,
      customerName: r.customer_name,
    })),
  };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { CLOSED_LINE_SQL } from '../installments/rules';
import type { Rupiah } from '../money/rupiah';
import { AGING_ORDER, AgingBucket, BUCKET_RULES } from '../reports/dashboard';
import { BILLED_ORDER_SQL } from './ledger';

export interface ReceivableRow {
  orderId: string;
  orderNumber: string;
  customerName: string;
  customerEmail: string;
  orderStatus: string;
  /** What was owed at the end of the date, by the dashboard's aging buckets. */
  buckets: Record<AgingBucket, Rupiah>;
  total: Rupiah;
  oldestOverdueDueDate: string | null;
}

/**
 * Receivables at the end of `date` (Asia/Jakarta), per order, for the accountant: on every line of an
 * order in force or fulfilled today (BILLED_ORDER_SQL: the book as it stands, not as it stood), the amount and the late fee accrued by then
 * (ledger.ts dates a fee on its first day) less what payments settled by then had allocated to it and
 * not refunded by then; aged by the dashboard's own buckets (BUCKET_RULES) at that date. Lines are read
 * as the book stands: a restructured line is closed (its open amount is on the new lines, aged by their
 * due dates). For today this is the dashboard's receivables card, order by order.
 */
export async function receivablesAt(em: EntityManager, date: string): Promise<ReceivableRow[]> {
  const owedAt = `i.amount - coalesce(al.principal, 0) + (case when i.due_date + o.late_fee_grace_days + 1 <= d.day then i.late_fee else 0 end) - coalesce(al.fee, 0)`;
  const rows = await em.getConnection().execute<Record<string, string | null>[]>(
    `with d as (select ?::date as day),
     i as (
       select o.id as order_id, o.number as order_number, o.customer_name, o.customer_email, o.status as order_status, i.due_date, ${owedAt} as owed
       from installments i join orders o on o.id = i.order_id cross join d
       left join lateral (
         select sum(a.principal) as principal, sum(a.late_fee) as fee
         from payment_allocations a join payments p on p.id = a.payment_id
         where a.installment_id = i.id and (p.settled_at at time zone 'Asia/Jakarta')::date <= d.day
           and (a.reversed_at is null or (a.reversed_at at time zone 'Asia/Jakarta')::date > d.day)) al on true
       where ${BILLED_ORDER_SQL} and not ${CLOSED_LINE_SQL})
     select order_id, order_number, customer_name, customer_email, order_status,
       ${BUCKET_RULES.map(([, rule], k) => `coalesce(sum(owed) filter (where ${rule}), 0)::text as b${k}`).join(', ')},
       sum(owed)::text as total, to_char(min(due_date) filter (where due_date < ?::date), 'YYYY-MM-DD') as oldest
     from i where owed > 0 group by order_id, order_number, customer_name, customer_email, order_status order by order_number`,
    [date, ...BUCKET_RULES.map(() => date), date],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => ({
    orderId: r.order_id!,
    orderNumber: r.order_number!,
    customerName: r.customer_name!,
    customerEmail: r.customer_email!,
    orderStatus: r.order_status!,
    buckets: Object.fromEntries(BUCKET_RULES.map(([bucket], k) => [bucket, BigInt(r[`b${k}`]!)])) as Record<AgingBucket, Rupiah>,
    total: BigInt(r.total!),
    oldestOverdueDueDate: r.oldest,
  }));
}

export { AGING_ORDER };

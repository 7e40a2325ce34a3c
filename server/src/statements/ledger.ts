import type { EntityManager } from '@mikro-orm/postgresql';
import { sum, type Rupiah } from '../money/rupiah';
import { PAYABLE_SQL } from '../installments/owed-sql';
import { OrderStatus } from '../orders/order-status';

/**
 * The customer's account as a ledger: what they were billed and what they paid, dated, from which a
 * statement of account (any period) and the receivables at any date are read. Derived from the
 * installments and the payments' allocations, never stored, so it cannot drift from them:
 * - INSTALLMENT: an installment falls due (debit `amount` on its due date), on orders whose contract is
 *   in force or fulfilled (BILLED_ORDER_SQL); a restructured line counts with what it kept (what was paid
 *   on it), its open amount is on the new lines, so the total billed stays the same;
 * - STAMP_DUTY: a customer-borne e-Meterai added to an installment (debit, with the installment: the
 *   INSTALLMENT entry is its amount without it), so the statement shows it on its own line;
 * - LATE_FEE: the late fee accrued on an installment (debit), dated on the first day it accrues (due
 *   date + grace days + 1): fees have no history of their own, so a fee shows its amount as it stands;
 * - PAYMENT: a settled payment (credit), for exactly what it allocated (payments = allocations), on the
 *   day it settled (Asia/Jakarta);
 * - REFUND: a refund (debit), for what it took back from the installments, on the day it was made.
 * balance = debits − credits: positive is owed, negative a credit (paid ahead of the schedule).
 */
export enum LedgerKind {
  INSTALLMENT = 'INSTALLMENT',
  LATE_FEE = 'LATE_FEE',
  STAMP_DUTY = 'STAMP_DUTY',
  PAYMENT = 'PAYMENT',
  REFUND = 'REFUND',
}

export interface LedgerEntry {
  /** Asia/Jakarta calendar date, YYYY-MM-DD. */
  date: string;
  kind: LedgerKind;
  orderNumber: string;
  /** Installment number (0 = down payment) or the payment's reference. */
  ref: string;
  /** Signed: debits positive, credits negative. */
  amount: Rupiah;
}

// Same day: what was billed before what was paid, so a day's balance reads naturally.
const KIND_ORDER: Record<LedgerKind, number> = { INSTALLMENT: 0, STAMP_DUTY: 1, LATE_FEE: 2, PAYMENT: 3, REFUND: 4 };

/**
 * Orders whose contract is in force or was fulfilled: payable (SPK confirmed, not closed) or completed.
 * Orders still waiting for their SPK owe nothing yet, and cancelled ones never did (as on the dashboard).
 */
export const BILLED_ORDER_SQL = `(o.status in ${PAYABLE_SQL} or o.status = '${OrderStatus.COMPLETED}')`;

// Not the closed-line rule: a restructured line stays in the ledger with what was billed and paid on it
// (its amount is what was paid), so the payments allocated to it still balance.
const LEDGER_LINES_SQL = `i.status <> 'CANCELLED'`;
const LEDGER_SQL = `
  with o as (select o.* from orders o where o.customer_id = ? and ${BILLED_ORDER_SQL})
  select to_char(i.due_date, 'YYYY-MM-DD') as date, 'INSTALLMENT' as kind, o.number as order_number, i.number::text as ref, (i.amount - i.stamp_duty)::text as amount
    from installments i join o on o.id = i.order_id where ${LEDGER_LINES_SQL} and i.amount - i.stamp_duty > 0
  union all
  select to_char(i.due_date, 'YYYY-MM-DD'), 'STAMP_DUTY', o.number, i.number::text, i.stamp_duty::text
    from installments i join o on o.id = i.order_id where ${LEDGER_LINES_SQL} and i.stamp_duty > 0
  union all
  select to_char(i.due_date + o.late_fee_grace_days + 1, 'YYYY-MM-DD'), 'LATE_FEE', o.number, i.number::text, i.late_fee::text
    from installments i join o on o.id = i.order_id where ${LEDGER_LINES_SQL} and i.late_fee > 0
  union all
  select to_char(p.settled_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD'), 'PAYMENT', o.number, p.reference, (-sum(a.principal + a.late_fee))::text
    from payments p join o on o.id = p.order_id join payment_allocations a on a.payment_id = p.id
    where p.settled_at is not null group by p.id, o.number
  union all
  select to_char(max(a.reversed_at) at time zone 'Asia/Jakarta', 'YYYY-MM-DD'), 'REFUND', o.number, p.reference, sum(a.principal + a.late_fee)::text
    from payments p join o on o.id = p.order_id join payment_allocations a on a.payment_id = p.id
    where a.reversed_at is not null group by p.id, o.number`;

/** Every entry of the customer's account, in date order. */
export async function ledgerOf(em: EntityManager, customerId: string): Promise<LedgerEntry[]> {
  const rows = await em.getConnection().execute<{ date: string; kind: LedgerKind; order_number: string; ref: string; amount: string }[]>(
    LEDGER_SQL, [customerId], 'all', em.getTransactionContext());
  return rows
    .map((r) => ({ date: r.date, kind: r.kind, orderNumber: r.order_number, ref: r.ref, amount: BigInt(r.amount) }))
    .sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.orderNumber.localeCompare(b.orderNumber) || a.ref.localeCompare(b.ref, 'en', { numeric: true }));
}

export interface StatementLine extends LedgerEntry {
  /** The balance after this line. */
  balance: Rupiah;
}

export interface Statement {
  from: string;
  to: string;
  opening: Rupiah;
  lines: StatementLine[];
  /** Totals of the period by kind (billed positive, paid negative), for the summary box. */
  totals: Record<LedgerKind, Rupiah>;
  closing: Rupiah;
}

/**
 * The statement for [from, to] (inclusive dates): the opening balance is everything before `from`,
 * each line carries the running balance, and closing = opening + the period's movements, by
 * construction and in bigint.
 */
export function statementFrom(entries: LedgerEntry[], from: string, to: string): Statement {
  const opening = sum(entries.filter((e) => e.date < from).map((e) => e.amount));
  let balance = opening;
  const lines = entries
    .filter((e) => e.date >= from && e.date <= to)
    .map((e) => ({ ...e, balance: (balance += e.amount) }));
  const totals = Object.fromEntries(Object.values(LedgerKind).map((k) => [k, sum(lines.filter((l) => l.kind === k).map((l) => l.amount))])) as Record<LedgerKind, Rupiah>;
  return { from, to, opening, lines, totals, closing: balance };
}

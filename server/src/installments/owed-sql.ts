import { PAYABLE_STATUSES } from '../orders/order-status';

/**
 * SQL fragments that say what is still owed, written once so the dashboard and the installments list
 * agree with each other and with `summarize()` (installments/summary.ts). Aliases: `i` installments,
 * `o` orders. Only constants are interpolated; values always travel as bindings.
 */

/** Orders that owe money now (the SPK is confirmed and the order is not closed). */
export const PAYABLE_SQL = `(${PAYABLE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** An installment with principal or late fee still unpaid. */
export const OPEN_SQL = `(i.status <> 'CANCELLED' and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee))`;

/** What the customer still owes on one installment: unpaid amount plus unpaid late fee. */
export const OWED_SQL = `(i.amount - i.paid_amount + i.late_fee - i.late_fee_paid)`;

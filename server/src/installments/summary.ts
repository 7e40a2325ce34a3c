import { sum, type Rupiah } from '../money/rupiah';
import { isClosedLine, isOpen, isOverdueOn, keepsPayments, owed, type InstallmentMoney } from './rules';

export interface InstallmentLike extends InstallmentMoney {
  number: number;
}

export interface ScheduleSummary {
  installmentsCount: number;
  paidCount: number;
  remainingCount: number;
  paidAmount: Rupiah;
  outstandingAmount: Rupiah;
  overdueCount: number;
  /** Unpaid principal of installments past their due date, plus unpaid late fees. */
  arrearsAmount: Rupiah;
  nextDue: { number: number; dueDate: string; amount: Rupiah } | null;
}

/**
 * The history a customer and staff see for an order, derived from its installments at `today`
 * (Asia/Jakarta date): counts, arrears and what is due next. Derived, never stored, so it cannot drift.
 * Its SQL form, for lists that need the summary and not the lines, is `summary-sql.ts` (proven equal
 * by test/installments/summary-sql.test.ts).
 */
export function summarize(installments: InstallmentLike[], today: string, opts: { payable?: boolean } = {}): ScheduleSummary {
  // Cancelled and restructured lines are not part of the schedule any more; what was paid on a
  // restructured line still counts as paid (the restructuring kept it there).
  const active = installments.filter((i) => !isClosedLine(i.status));
  const withMoney = installments.filter(keepsPayments);
  const unpaid = active.filter(isOpen).sort((a, b) => a.number - b.number);
  // An order that cannot be paid yet (SPK not confirmed) is never late.
  const overdue = opts.payable === false ? [] : unpaid.filter((i) => isOverdueOn(i, today));
  const next = unpaid[0];
  return {
    installmentsCount: active.length,
    paidCount: active.length - unpaid.length,
    remainingCount: unpaid.length,
    paidAmount: sum(withMoney.map((i) => i.paidAmount + i.lateFeePaid)),
    outstandingAmount: sum(unpaid.map(owed)),
    overdueCount: overdue.length,
    arrearsAmount: sum(overdue.map(owed)),
    nextDue: next ? { number: next.number, dueDate: next.dueDate, amount: owed(next) } : null,
  };
}

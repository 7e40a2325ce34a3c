import { addMonthsClamped } from '../common/time';
import { applyBps, splitWithRemainderLast, sum, type Rupiah } from '../money/rupiah';
import { DownPaymentType } from '../catalog/enums';

export interface PricedItem {
  cashPrice: Rupiah;
  setupFee: Rupiah;
}

export interface PlanTerms {
  tenorMonths: number;
  downPaymentType: DownPaymentType;
  downPaymentValue: bigint;
  marginBpsPerMonth: number;
  adminFee: Rupiah;
}

export interface ScheduleLine {
  /** 0 is the down payment (with setup and admin fees); 1..N the monthly installments. */
  number: number;
  dueDate: string;
  principal: Rupiah;
  margin: Rupiah;
  fees: Rupiah;
  amount: Rupiah;
}

export interface Schedule {
  quantity: number;
  cashPrice: Rupiah;
  setupFee: Rupiah;
  adminFee: Rupiah;
  downPayment: Rupiah;
  financedAmount: Rupiah;
  marginAmount: Rupiah;
  totalPrice: Rupiah;
  lines: ScheduleLine[];
}

export type ScheduleProblem = 'downPaymentTooLarge' | 'installmentTooSmall';

export class ScheduleError extends Error {
  constructor(readonly problem: ScheduleProblem) {
    super(problem);
  }
}

/**
 * The one place an installment schedule is computed: quotes, checkout and the SPK all call this.
 *
 * - Down payment: PERCENT is basis points of the cash price (rounded half up), FIXED is rupiah per unit.
 * - Margin: flat, `marginBpsPerMonth` × tenor on the financed amount (cash price - down payment).
 * - Installment 0 = down payment + setup fee + admin fee, due on the start date; it is left out when 0.
 * - Installments 1..N split principal and margin evenly; the last one carries both remainders, so the
 *   lines add up exactly to `totalPrice` = cash price + setup fee + admin fee + margin.
 * - Due dates: the start date's day in each following month, clamped at month end (Asia/Jakarta dates).
 */
export function buildSchedule(item: PricedItem, plan: PlanTerms, startDate: string, quantity = 1): Schedule {
  const q = BigInt(quantity);
  const cashPrice = item.cashPrice * q;
  const setupFee = item.setupFee * q;
  const adminFee = plan.adminFee * q;
  const downPayment =
    plan.downPaymentType === DownPaymentType.PERCENT ? applyBps(cashPrice, plan.downPaymentValue) : plan.downPaymentValue * q;
  if (downPayment >= cashPrice) throw new ScheduleError('downPaymentTooLarge');
  const financedAmount = cashPrice - downPayment;
  const marginAmount = applyBps(financedAmount, BigInt(plan.marginBpsPerMonth) * BigInt(plan.tenorMonths));
  if (financedAmount + marginAmount < BigInt(plan.tenorMonths) || financedAmount < BigInt(plan.tenorMonths)) {
    throw new ScheduleError('installmentTooSmall');
  }

  const lines: ScheduleLine[] = [];
  const upfront = downPayment + setupFee + adminFee;
  if (upfront > 0n) {
    lines.push({ number: 0, dueDate: startDate, principal: downPayment, margin: 0n, fees: setupFee + adminFee, amount: upfront });
  }
  const principals = splitWithRemainderLast(financedAmount, plan.tenorMonths);
  const margins = splitWithRemainderLast(marginAmount, plan.tenorMonths);
  for (let i = 0; i < plan.tenorMonths; i++) {
    const principal = principals[i]!;
    const margin = margins[i]!;
    lines.push({ number: i + 1, dueDate: addMonthsClamped(startDate, i + 1), principal, margin, fees: 0n, amount: principal + margin });
  }
  const totalPrice = cashPrice + setupFee + adminFee + marginAmount;
  if (sum(lines.map((l) => l.amount)) !== totalPrice) throw new Error('schedule does not add up'); // unreachable by construction
  return { quantity, cashPrice, setupFee, adminFee, downPayment, financedAmount, marginAmount, totalPrice, lines };
}

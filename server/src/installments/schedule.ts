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
  /** One unit's total: what each order item costs. */
  unitTotalPrice: Rupiah;
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
 * The one place an installment schedule is computed: quotes, checkout and the SPK (which prints the
 * order's stored lines) all come from here, so a quote is line for line the order it quotes.
 *
 * - Down payment: PERCENT is basis points of the cash price (rounded half up), FIXED is rupiah per unit.
 * - Margin: flat, `marginBpsPerMonth` × tenor on the financed amount (cash price - down payment).
 * - Installment 0 = down payment + setup fee + admin fee, due on the start date; it is left out when 0.
 * - Installments 1..N split principal and margin evenly; the last one carries both remainders, so the
 *   lines add up exactly to `totalPrice` = cash price + setup fee + admin fee + margin.
 * - Due dates: the start date's day in each following month, clamped at month end (Asia/Jakarta dates).
 * - Quantity: every unit is its own order item with its own price, so the schedule of `quantity` units
 *   is one unit's schedule times the quantity (rounding once per unit, never over the sum): the item
 *   totals then add up to the order total exactly.
 */
export function buildSchedule(item: PricedItem, plan: PlanTerms, startDate: string, quantity = 1): Schedule {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError('quantity must be a positive integer');
  const unit = unitSchedule(item, plan, startDate);
  const q = BigInt(quantity);
  return {
    quantity,
    unitTotalPrice: unit.totalPrice,
    cashPrice: unit.cashPrice * q,
    setupFee: unit.setupFee * q,
    adminFee: unit.adminFee * q,
    downPayment: unit.downPayment * q,
    financedAmount: unit.financedAmount * q,
    marginAmount: unit.marginAmount * q,
    totalPrice: unit.totalPrice * q,
    lines: unit.lines.map((l) => ({ ...l, principal: l.principal * q, margin: l.margin * q, fees: l.fees * q, amount: l.amount * q })),
  };
}

function unitSchedule(item: PricedItem, plan: PlanTerms, startDate: string) {
  const { cashPrice, setupFee } = item;
  const adminFee = plan.adminFee;
  const downPayment = plan.downPaymentType === DownPaymentType.PERCENT ? applyBps(cashPrice, plan.downPaymentValue) : plan.downPaymentValue;
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
  return { cashPrice, setupFee, adminFee, downPayment, financedAmount, marginAmount, totalPrice, lines };
}

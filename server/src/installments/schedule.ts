import { addMonthsClamped } from '../common/time';
import { applyBps, splitWithRemainderLast, sum, type Rupiah } from '../money/rupiah';
import { DownPaymentType } from '../catalog/enums';
import { vatPerInstallment, type VatTerms } from '../tax/vat';

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
  /** PPN of this line (tax/vat.ts): included in `amount`; with its tax base and DPP nilai lain. */
  taxBase: Rupiah;
  otherTaxBase: Rupiah;
  vat: Rupiah;
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
  /** The contract's PPN: what the lines' `vat` adds up to (0 without VAT terms). */
  vatAmount: Rupiah;
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
 * - VAT (when the order has VAT terms): per line by the rule in tax/vat.ts. A price without VAT gets the
 *   line's PPN added to its amount; a price with VAT already holds it. `totalPrice` includes it.
 * - Quantity: every unit is its own order item with its own price, so the schedule of `quantity` units
 *   is one unit's schedule times the quantity (rounding once per unit, never over the sum): the item
 *   totals then add up to the order total exactly.
 */
export function buildSchedule(item: PricedItem, plan: PlanTerms, startDate: string, quantity = 1, vat: VatTerms | null = null): Schedule {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError('quantity must be a positive integer');
  const unit = withVat(unitSchedule(item, plan, startDate), vat);
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
    vatAmount: unit.vatAmount * q,
    totalPrice: unit.totalPrice * q,
    lines: unit.lines.map((l) => ({
      ...l,
      principal: l.principal * q,
      margin: l.margin * q,
      fees: l.fees * q,
      taxBase: l.taxBase * q,
      otherTaxBase: l.otherTaxBase * q,
      vat: l.vat * q,
      amount: l.amount * q,
    })),
  };
}

/** Puts each line's PPN on it (tax/vat.ts); a price without VAT gets it added to what is paid. */
function withVat<S extends { totalPrice: Rupiah; lines: ScheduleLine[] }>(unit: S, terms: VatTerms | null): S & { vatAmount: Rupiah } {
  if (!terms) return { ...unit, vatAmount: 0n };
  const parts = vatPerInstallment(unit.lines.map((l) => l.amount), terms);
  const lines = unit.lines.map((l, k) => ({ ...l, taxBase: parts[k]!.taxBase, otherTaxBase: parts[k]!.otherTaxBase, vat: parts[k]!.vat, amount: parts[k]!.gross }));
  const vatAmount = sum(parts.map((p) => p.vat));
  return { ...unit, lines, vatAmount, totalPrice: sum(lines.map((l) => l.amount)) };
}

/** A line before VAT: all of it is tax base, none of it PPN. */
const noVat = (amount: Rupiah) => ({ taxBase: amount, otherTaxBase: 0n, vat: 0n });

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
    lines.push({ number: 0, dueDate: startDate, principal: downPayment, margin: 0n, fees: setupFee + adminFee, ...noVat(upfront), amount: upfront });
  }
  const principals = splitWithRemainderLast(financedAmount, plan.tenorMonths);
  const margins = splitWithRemainderLast(marginAmount, plan.tenorMonths);
  for (let i = 0; i < plan.tenorMonths; i++) {
    const principal = principals[i]!;
    const margin = margins[i]!;
    lines.push({ number: i + 1, dueDate: addMonthsClamped(startDate, i + 1), principal, margin, fees: 0n, ...noVat(principal + margin), amount: principal + margin });
  }
  const totalPrice = cashPrice + setupFee + adminFee + marginAmount;
  if (sum(lines.map((l) => l.amount)) !== totalPrice) throw new Error('schedule does not add up'); // unreachable by construction
  return { cashPrice, setupFee, adminFee, downPayment, financedAmount, marginAmount, totalPrice, lines };
}

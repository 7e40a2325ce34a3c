import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requirePermission } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { badInput, conflict, notFound } from '../common/errors';
import { addMonthsClamped, todayJakarta } from '../common/time';
import { Installment, InstallmentStatus } from '../installments/installment.entity';
import { InstallmentAction, installmentMachine, isOpen, isOverdueOn, stampDutyCovered } from '../installments/rules';
import { splitWithRemainderLast, sum } from '../money/rupiah';
import { followMoney } from '../orders/order-money';
import { isPayable } from '../orders/order-status';
import { Order } from '../orders/order.entity';
import { createAddendum, makeAddendum, planAddendum, whileRenderedFromStaleData, type SpkDeps } from '../spk/spk.service';
import { SpkStatus } from '../spk/spk-status';
import { vatOf, vatPerInstallment, type VatTerms } from '../tax/vat';
import { Restructuring, type RestructuredLine } from './restructuring.entity';

export interface RestructureArgs {
  orderId: string;
  tenorMonths: number;
  /** Whether the unpaid late fees move into the new schedule (true) or are waived (false). */
  includeLateFees: boolean;
  /** When the first new installment falls due; today when not given. */
  firstDueDate?: string | null;
  reason: string;
}

/** Amounts already holding their PPN: what remains of a contract is re-split as prices that include VAT. */
const inclusive = (terms: VatTerms | null) => (terms ? { ...terms, pricesIncludeVat: true } : null);

/**
 * Restructures an order in arrears, in one short transaction with the order row locked (the addendum's
 * PDF is rendered before it, from a dry run; see below):
 * - every open line is closed as RESTRUCTURED, keeping only what was paid on it (amount = paid, late
 *   fee = fee paid), so its allocations, and with them the ledger, stay exactly as they were;
 * - the open amount (and the open late fees when `includeLateFees`, otherwise they are waived) becomes
 *   `tenorMonths` new lines, split evenly with the remainder on the last (the money module's rule),
 *   numbered after the old ones, due monthly from `firstDueDate`; their PPN is the VAT rule
 *   (tax/vat.ts) on the re-split open principal as prices that include VAT; late fees carry no PPN;
 * - the order's total becomes the sum of its lines, its status follows the money (arrears gone), and
 *   an SPK addendum is drafted for the customer to approve and sign like the first SPK.
 * Restructuring again while an addendum is still unsigned, or twice at once, is a CONFLICT: the second
 * transaction waits for the lock and then finds nothing in arrears (or the round taken).
 */
export async function restructureOrder(em: EntityManager, deps: SpkDeps, user: AuthUser | null, args: RestructureArgs) {
  const actor = requirePermission(user, 'order.restructure');
  const today = todayJakarta(deps.clock);
  const firstDueDate = args.firstDueDate ?? today;
  if (!Number.isInteger(args.tenorMonths) || args.tenorMonths < 1 || args.tenorMonths > 60) throw badInput('tenorMonths', 'validation.range', { min: 1, max: 60 });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDueDate) || firstDueDate < today) throw badInput('firstDueDate', 'restructuring.firstDueDate');
  if (!args.reason.trim()) throw badInput('reason', 'validation.required');
  const work = (tx: EntityManager) => restructureIn(tx, deps, actor, args, today, firstDueDate);
  // The addendum's PDF takes a document's time: worked out in a dry run, rendered with no transaction
  // open (so the order's lock is not held meanwhile), then the real transaction does the same and stores
  // the document only if it still shows what the order now says.
  return whileRenderedFromStaleData(async () => {
    const made = await makeAddendum(await dryRun(em, async (tx) => {
      const { order, round } = await work(tx);
      return planAddendum(tx, deps, order, round);
    }));
    return em.transactional(async (tx) => {
      const { order, round, restructuring } = await work(tx);
      restructuring.addendum = await createAddendum(tx, deps, actor, order, round, made) as never;
      return restructuring;
    });
  });
}

/** What `work` returns when done in a transaction that is then rolled back: nothing of it is kept. */
async function dryRun<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const tx = em.fork();
  await tx.begin();
  try {
    return await work(tx);
  } finally {
    await tx.rollback();
  }
}

/** The restructuring itself, in `tx` with the order locked (see restructureOrder); flushed, addendum not made yet. */
async function restructureIn(tx: EntityManager, deps: SpkDeps, actor: AuthUser, args: RestructureArgs, today: string, firstDueDate: string) {
  const order = await tx.findOne(Order, args.orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!order) throw notFound('order.notFound');
  const previous = await tx.find(Restructuring, { order }, { orderBy: { round: 'desc' }, populate: ['addendum'] });
  if (previous[0]?.addendum && ![SpkStatus.CONFIRMED, SpkStatus.CANCELLED].includes(previous[0].addendum.$.status)) {
    throw conflict('restructuring.addendumPending', {}, { reason: 'ADDENDUM_PENDING', spkId: previous[0].addendum.id });
  }
  // Not the closed-line rule: earlier rounds' restructured lines stay in, for what was paid on them
  // (the order's total is the sum of its lines) and their numbers (the new lines come after them).
  const lines = await tx.find(Installment, { order, status: { $ne: InstallmentStatus.CANCELLED } }, { orderBy: { number: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!isPayable(order.status) || !lines.some((i) => isOverdueOn(i, today))) {
    throw conflict('restructuring.notInArrears', {}, { reason: 'NOT_IN_ARREARS', currentState: order.status });
  }
  const open = lines.filter(isOpen);
  const openAmount = sum(open.map((i) => i.amount - i.paidAmount));
  const openFees = sum(open.map((i) => i.lateFee - i.lateFeePaid));
  // Customer-borne e-Meterai still unpaid moves as it is onto the first new line (no PPN on it).
  const openStamp = sum(open.map((i) => i.stampDuty - stampDutyCovered(i, i.paidAmount)));
  const carried = args.includeLateFees ? openFees : 0n;
  const round = (previous[0]?.round ?? 0) + 1;
  const terms = inclusive(order.vatTerms);

  const oldLines: RestructuredLine[] = open.map((i) => ({
    id: i.id, number: i.number, amount: i.amount.toString(), paidAmount: i.paidAmount.toString(),
    lateFee: i.lateFee.toString(), lateFeePaid: i.lateFeePaid.toString(), vat: i.vat.toString(),
  }));
  for (const i of open) {
    i.status = installmentMachine.apply(i.status, InstallmentAction.RESTRUCTURE);
    i.stampDuty = stampDutyCovered(i, i.paidAmount);
    i.amount = i.paidAmount;
    i.lateFee = i.lateFeePaid;
    // What was paid keeps its share of PPN by the same rule; the rest moves to the new lines.
    const v = terms ? vatOf(i.paidAmount, terms) : null;
    i.vat = v?.vat ?? 0n;
    i.taxBase = v?.taxBase ?? i.paidAmount;
    i.otherTaxBase = v?.otherTaxBase ?? 0n;
  }

  const principals = splitWithRemainderLast(openAmount - openStamp, args.tenorMonths);
  const stamps = principals.map((_, k) => (k === 0 ? openStamp : 0n));
  const fees = splitWithRemainderLast(carried, args.tenorMonths);
  const vats = terms ? vatPerInstallment(principals, terms) : null;
  const nextNumber = Math.max(...lines.map((i) => i.number)) + 1;
  const created = principals.map((principal, k) => tx.create(Installment, {
    order,
    number: nextNumber + k,
    dueDate: addMonthsClamped(firstDueDate, k),
    principal,
    margin: 0n,
    fees: fees[k]!,
    stampDuty: stamps[k]!,
    amount: principal + fees[k]! + stamps[k]!,
    taxBase: vats?.[k]!.taxBase ?? principal,
    otherTaxBase: vats?.[k]!.otherTaxBase ?? 0n,
    vat: vats?.[k]!.vat ?? 0n,
  }));
  const all = [...lines, ...created];
  order.totalPrice = sum(all.map((i) => i.amount));

  const restructuring = tx.create(Restructuring, {
    order, round, openAmount, lateFeesCarried: carried, lateFeesWaived: openFees - carried, tenorMonths: args.tenorMonths,
    firstDueDate, reason: args.reason.trim(), oldLines, createdBy: actor.id,
  });
  await followMoney(tx, deps, order, all, actor, { restructuringRound: round });
  audit(tx, actor, 'order.restructure', { entityType: 'Order', entityId: order.id }, {
    round, openAmount, lateFeesCarried: carried, lateFeesWaived: openFees - carried, tenorMonths: args.tenorMonths, firstDueDate,
    lines: oldLines.map((l) => l.number), newLines: created.map((i) => i.number),
  });
  await tx.flush();
  return { order, round, restructuring };
}

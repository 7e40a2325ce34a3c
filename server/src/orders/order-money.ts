import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { todayJakarta, type Clock } from '../common/time';
import type { DomainEvents, EventDeps } from '../events/domain-events';
import { Installment, InstallmentStatus } from '../installments/installment.entity';
import { applyStatus, owed } from '../installments/rules';
import { isPayable, OrderAction, OrderStatus, orderMachine } from './order-status';
import { Order } from './order.entity';

/**
 * The order follows its money, after every payment and every refund, through the order state machine:
 * - the down payment (the first installment) not fully paid: back to AWAITING_DOWN_PAYMENT
 *   (`order.downPaymentReverted`: hosting suspends the services, no hosting without the down payment);
 * - the down payment paid while awaiting it: ACTIVE (`order.activated`: hosting resumes what it
 *   suspended for non-payment, and keeps the order suspended for any other cause);
 * - money open again on a COMPLETED order: ACTIVE; everything paid: COMPLETED;
 * - `order.balanceChanged` before the completion: hosting ends a suspension for non-payment once
 *   nothing is overdue, so a paid-off suspended order completes with its services running.
 * Then every installment's status is recomputed at once by the rule the billing pass uses. The caller
 * holds the order's row lock and passes its non-cancelled installments, sorted by number.
 */
export async function followMoney(
  tx: EntityManager,
  deps: EventDeps & { clock: Clock },
  order: Order,
  installments: Installment[],
  actor: AuthUser | null,
  cause: { paymentId?: string; refund?: boolean; restructuringRound?: number },
) {
  const now = deps.clock.now();
  const from = order.status;
  const first = installments[0];
  const downPaid = !first || owed(first) === 0n;
  const allPaid = installments.every((i) => owed(i) === 0n);
  const ids = { orderId: order.id, customerId: order.customer.id };
  const meta = { actor, at: now };

  if (!downPaid && orderMachine.can(order.status, OrderAction.REVERT_DOWN_PAYMENT)) {
    order.status = orderMachine.apply(order.status, OrderAction.REVERT_DOWN_PAYMENT);
    await deps.events.emit(tx, 'order.downPaymentReverted', ids, meta);
  } else if (downPaid && order.status === OrderStatus.AWAITING_DOWN_PAYMENT) {
    order.status = orderMachine.apply(order.status, OrderAction.ACTIVATE);
    await deps.events.emit(tx, 'order.activated', ids, meta);
  }
  if (!allPaid && orderMachine.can(order.status, OrderAction.REOPEN)) order.status = orderMachine.apply(order.status, OrderAction.REOPEN);

  const payable = isPayable(order.status) || order.status === OrderStatus.COMPLETED;
  const today = todayJakarta(deps.clock);
  for (const i of installments) applyStatus(i, today, payable, now);

  await deps.events.emit(tx, 'order.balanceChanged', { ...ids, paymentId: cause.paymentId ?? null, refund: cause.refund === true, restructuringRound: cause.restructuringRound ?? null }, meta);
  if (allPaid && orderMachine.can(order.status, OrderAction.COMPLETE)) {
    order.status = orderMachine.apply(order.status, OrderAction.COMPLETE);
    await deps.events.emit(tx, 'order.completed', ids, meta);
  }
  if (from !== order.status) audit(tx, actor, 'order.money_status', { entityType: 'Order', entityId: order.id }, { from, to: order.status, ...cause });
  return { from, to: order.status };
}

/**
 * The orders domain's reactions: a settled or refunded payment moves the order's money, and the
 * order follows it in the payment's transaction (the payment holds the order's row lock already).
 */
export function registerOrderHandlers(events: DomainEvents) {
  const follow = async (tx: EntityManager, orderId: string, actor: AuthUser | null, at: Date, cause: { paymentId: string; refund?: boolean }) => {
    const order = await tx.findOneOrFail(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // Not the closed-line rule: followMoney takes every line that holds money, restructured ones too
    // (as restructureOrder passes them): the first line is the down payment even once restructured.
    const installments = await tx.find(Installment, { order, status: { $ne: InstallmentStatus.CANCELLED } }, { orderBy: { number: 'asc' } });
    await followMoney(tx, { events, clock: { now: () => at } }, order, installments, actor, cause);
  };
  events.on('payment.settled', 'orders: follow the money', (tx, p, meta) => follow(tx, p.orderId, meta.actor, meta.at, { paymentId: p.paymentId }));
  events.on('payment.refunded', 'orders: follow the money', (tx, p, meta) => follow(tx, p.orderId, meta.actor, meta.at, { paymentId: p.paymentId, refund: true }));
}

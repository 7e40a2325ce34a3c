import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { todayJakarta, type Clock } from '../common/time';
import type { Installment } from '../installments/installment.entity';
import { applyStatus, owed } from '../installments/rules';
import type { NotificationBus } from '../notifications/bus';
import { liftNonPaymentSuspensionIfSettled, resumeServices, suspendServices } from '../hosting/hosting.service';
import { Service } from '../hosting/service.entity';
import { ServiceStatus, SuspensionCause } from '../hosting/service-status';
import { isPayable, OrderAction, OrderStatus, orderMachine } from './order-status';
import type { Order } from './order.entity';
import type { EventDeps } from '../events/domain-events';

/**
 * The order follows its money, after every payment and every refund, through the order state machine:
 * - the down payment (the first installment) not fully paid: back to AWAITING_DOWN_PAYMENT, and its
 *   active services suspended for non-payment (no hosting without the down payment);
 * - the down payment paid while awaiting it: ACTIVE, and services suspended for non-payment resume;
 * - money open again on a COMPLETED order: ACTIVE; everything paid: COMPLETED;
 * - a suspension for non-payment ends once nothing is overdue.
 * Then every installment's status is recomputed at once by the rule the billing pass uses. The caller
 * holds the order's row lock and passes its non-cancelled installments, sorted by number.
 */
export async function followMoney(
  tx: EntityManager,
  deps: EventDeps & { clock: Clock; bus: NotificationBus },
  order: Order,
  installments: Installment[],
  actor: AuthUser | null,
  cause: Record<string, unknown>,
) {
  const now = deps.clock.now();
  const from = order.status;
  const first = installments[0];
  const downPaid = !first || owed(first) === 0n;
  const allPaid = installments.every((i) => owed(i) === 0n);

  if (!downPaid && orderMachine.can(order.status, OrderAction.REVERT_DOWN_PAYMENT)) {
    order.status = orderMachine.apply(order.status, OrderAction.REVERT_DOWN_PAYMENT);
    await suspendServices(tx, deps, order, actor, SuspensionCause.NON_PAYMENT, 'Uang muka dikembalikan (refund)');
  } else if (downPaid && order.status === OrderStatus.AWAITING_DOWN_PAYMENT) {
    order.status = orderMachine.apply(order.status, OrderAction.ACTIVATE);
    if (from !== order.status) await resumeServices(tx, deps, order, actor, 'Uang muka lunas', null, SuspensionCause.NON_PAYMENT);
    // A service still suspended for another cause (the admin's, the customer's choice) keeps the order suspended.
    const stillSuspended = await tx.findOne(Service, { order, status: ServiceStatus.SUSPENDED });
    if (stillSuspended) {
      order.status = orderMachine.apply(order.status, OrderAction.SUSPEND);
      await deps.events.emit(tx, 'order.suspended', { orderId: order.id, customerId: order.customer.id, cause: stillSuspended.suspensionCause ?? SuspensionCause.ADMIN, reason: null }, { actorId: actor?.id ?? null, at: now });
    }
  }
  if (!allPaid && orderMachine.can(order.status, OrderAction.REOPEN)) order.status = orderMachine.apply(order.status, OrderAction.REOPEN);

  const payable = isPayable(order.status) || order.status === OrderStatus.COMPLETED;
  const today = todayJakarta(deps.clock);
  for (const i of installments) applyStatus(i, today, payable, now);

  // Settling the arrears ends a suspension for non-payment by itself (not one an admin imposed).
  await liftNonPaymentSuspensionIfSettled(tx, order, deps);
  if (allPaid && orderMachine.can(order.status, OrderAction.COMPLETE)) {
    order.status = orderMachine.apply(order.status, OrderAction.COMPLETE);
    await deps.events.emit(tx, 'order.completed', { orderId: order.id, customerId: order.customer.id }, { actorId: actor?.id ?? null, at: now });
  }
  if (from !== order.status) audit(tx, actor, 'order.money_status', { entityType: 'Order', entityId: order.id }, { from, to: order.status, ...cause });
  return { from, to: order.status };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../common/time';
import type { DomainEvents, EventDeps } from '../events/domain-events';
import type { NotificationBus } from '../notifications/bus';
import { OrderAction, orderMachine } from '../orders/order-status';
import { Order } from '../orders/order.entity';
import { applySuspension, liftNonPaymentSuspensionIfSettled, resumeServices, storedText, suspendServices } from './hosting.service';
import { Service } from './service.entity';
import { ServiceStatus, SuspensionCause } from './service-status';

type Deps = EventDeps & { clock: Clock; bus: NotificationBus };

const orderOf = (tx: EntityManager, id: string) => tx.findOneOrFail(Order, id);

/**
 * The hosting domain's reactions to money and billing moves: services go down when the money says
 * they must and come back when it is paid. Each runs in the mover's transaction, which already holds
 * the order's row lock.
 */
export function registerHostingHandlers(events: DomainEvents, deps: Deps) {
  events.on('order.downPaymentReverted', 'hosting: suspend services (no hosting without the down payment)', async (tx, p, meta) => {
    await suspendServices(tx, deps, await orderOf(tx, p.orderId), meta.actor, SuspensionCause.NON_PAYMENT, storedText('suspension.downPaymentRefunded'));
  });

  events.on('order.activated', 'hosting: resume services suspended for non-payment', async (tx, p, meta) => {
    const order = await orderOf(tx, p.orderId);
    await resumeServices(tx, deps, order, meta.actor, storedText('suspension.downPaymentPaid'), null, SuspensionCause.NON_PAYMENT);
    // A service still suspended for another cause (the admin's, the customer's choice) keeps the order suspended.
    const stillSuspended = await tx.findOne(Service, { order, status: ServiceStatus.SUSPENDED });
    if (stillSuspended) {
      order.status = orderMachine.apply(order.status, OrderAction.SUSPEND);
      await events.emit(tx, 'order.suspended', { ...p, cause: stillSuspended.suspensionCause ?? SuspensionCause.ADMIN, reason: null }, meta);
    }
  });

  events.on('order.balanceChanged', 'hosting: end a suspension for non-payment once nothing is overdue', async (tx, p, meta) => {
    await liftNonPaymentSuspensionIfSettled(tx, await orderOf(tx, p.orderId), { ...deps, clock: { now: () => meta.at } });
  });

  events.on('installment.autoSuspendDue', 'hosting: suspend for non-payment', async (tx, p, meta) => {
    await applySuspension(tx, { ...deps, clock: { now: () => meta.at } }, await orderOf(tx, p.orderId), null, SuspensionCause.NON_PAYMENT, storedText('suspension.automatic', { days: p.afterDays }));
  });
}

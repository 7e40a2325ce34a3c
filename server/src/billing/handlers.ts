import type { Clock } from '../common/time';
import type { Config } from '../config/config';
import type { DomainEvents } from '../events/domain-events';
import type { NotificationBus } from '../notifications/bus';
import { Order } from '../orders/order.entity';
import { sendOverdueNotice } from './overdue-notice';

/** Billing's reactions: a customer refused an SPK for arrears is told to pay or suspend. */
export function registerBillingHandlers(events: DomainEvents, deps: { clock: Clock; bus: NotificationBus; config: Config }) {
  events.on('spk.blockedByArrears', 'billing: overdue notice for each order in arrears', async (tx, p, meta) => {
    const orders = await tx.find(Order, { number: { $in: p.overdueOrderNumbers }, customer: p.customerId });
    // publicUrl is read at the moment: a server on PORT=0 learns it only once listening.
    for (const o of orders) await sendOverdueNotice(tx, { clock: deps.clock, bus: deps.bus, publicUrl: deps.config.publicUrl }, o, meta.actor);
  });
}

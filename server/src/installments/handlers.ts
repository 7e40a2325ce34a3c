import type { Clock } from '../common/time';
import { todayJakarta } from '../common/time';
import type { DomainEvents } from '../events/domain-events';
import { Order } from '../orders/order.entity';
import { Installment } from './installment.entity';
import { refreshStatuses } from './statuses';

/** The installments' reactions: the schedule starts counting when the SPK is confirmed. */
export function registerInstallmentHandlers(events: DomainEvents, deps: { clock: Clock }) {
  events.on('spk.confirmed', 'installments: the down payment falls due, statuses follow', async (tx, p) => {
    const order = await tx.findOneOrFail(Order, p.orderId);
    const today = todayJakarta(deps.clock);
    // Nothing could be paid before confirmation: a down payment dated earlier falls due today.
    await tx.nativeUpdate(Installment, { order, number: 0, dueDate: { $lt: today } }, { dueDate: today });
    await refreshStatuses(tx, order, deps.clock);
  });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { todayJakarta, type Clock } from '../common/time';
import { isPayable } from '../orders/order-status';
import type { Order } from '../orders/order.entity';
import { Installment } from './installment.entity';
import { applyStatus, liveLines } from './rules';

/**
 * Sets every installment of the order to what today and its money say, by the rule the billing pass
 * uses, after a change that is not a payment (those go through followMoney): the SPK's confirmation,
 * which makes the order payable and can move the down payment's due date.
 */
export async function refreshStatuses(tx: EntityManager, order: Order, clock: Clock) {
  const today = todayJakarta(clock);
  // Closed lines keep their status whatever the date says (statusOn), so only the lines in force.
  const installments = await tx.find(Installment, { order, ...liveLines() }, { refresh: true });
  for (const i of installments) applyStatus(i, today, isPayable(order.status), clock.now());
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { storedText } from '../common/messages';
import type { DomainEvents } from '../events/domain-events';
import { Order } from '../orders/order.entity';
import { StaffTask } from './service.entity';


/**
 * Hosting's part at the end of a contract: a customer's request (renew, upgrade, cancel) becomes a
 * staff task on the order, in the same transaction as the request.
 */
export function registerContractTaskHandlers(events: DomainEvents) {
  events.on('contract.requestMade', 'hosting: staff task for the request', async (em: EntityManager, e) => {
    const order = await em.findOneOrFail(Order, e.orderId);
    const instructions = [
      storedText('contractTask.paid', { number: order.number, customer: order.customerName, wish: storedText(`contractTask.${e.kind}`) }),
      e.note ? storedText('contractTask.note', { note: e.note }) : null,
      storedText('contractTask.next'),
    ]
      .filter(Boolean)
      .join('\n');
    em.create(StaffTask, { order, action: 'contract', instructions, contractRequestId: e.requestId });
  });
}

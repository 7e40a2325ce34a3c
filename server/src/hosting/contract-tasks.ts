import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvents } from '../events/domain-events';
import { Order } from '../orders/order.entity';
import { StaffTask } from './service.entity';

const WHAT: Record<'RENEWAL' | 'UPGRADE' | 'CANCELLATION', string> = {
  RENEWAL: 'ingin memperpanjang layanan',
  UPGRADE: 'ingin meningkatkan paket',
  CANCELLATION: 'ingin berhenti berlangganan',
};

/**
 * Hosting's part at the end of a contract: a customer's request (renew, upgrade, cancel) becomes a
 * staff task on the order, in the same transaction as the request.
 */
export function registerContractTaskHandlers(events: DomainEvents) {
  events.on('contract.requestMade', 'hosting: staff task for the request', async (em: EntityManager, e) => {
    const order = await em.findOneOrFail(Order, e.orderId);
    const instructions = [
      `Pesanan ${order.number} (${order.customerName}) sudah lunas; pelanggan ${WHAT[e.kind]}.`,
      e.note ? `Catatan pelanggan: ${e.note}` : null,
      'Hubungi pelanggan, sepakati langkahnya, lalu tandai tugas ini selesai.',
    ]
      .filter(Boolean)
      .join('\n');
    em.create(StaffTask, { order, action: 'contract', instructions, contractRequestId: e.requestId });
  });
}

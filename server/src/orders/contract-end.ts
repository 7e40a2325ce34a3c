import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requirePermission, accessRecord } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { conflict } from '../common/errors';
import type { DomainEvents } from '../events/domain-events';
import { ContractRequest, ContractRequestKind, ContractRequestStatus } from './contract-request.entity';
import { OrderStatus } from './order-status';
import { Order } from './order.entity';

/**
 * The end of the contract: once the order is COMPLETED (every installment paid) its customer may ask
 * for a renewal, an upgrade or a cancellation, once per kind while the earlier one is open. The request
 * is recorded and announced ('contract.requestMade'); whoever handles it (hosting: a staff task)
 * listens there.
 */
export async function requestContractChange(
  em: EntityManager,
  events: DomainEvents,
  user: AuthUser | null,
  orderId: string,
  input: { kind: ContractRequestKind; note?: string | null },
) {
  const actor = requirePermission(user, 'contract.request');
  return em.transactional(async (tx) => {
    const order = accessRecord(actor, await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE }), { owner: (o) => o.customer.id, notFound: 'order.notFound' });
    if (order.status !== OrderStatus.COMPLETED) {
      throw conflict('contract.notEnded', {}, { currentState: order.status, reason: 'CONTRACT_NOT_ENDED' });
    }
    if (await tx.count(ContractRequest, { order, kind: input.kind, status: ContractRequestStatus.OPEN })) {
      throw conflict('contract.requestOpen', {}, { reason: 'REQUEST_OPEN' });
    }
    const note = input.note?.trim() || null;
    const request = tx.create(ContractRequest, { order, customer: order.customer, kind: input.kind, note });
    audit(tx, actor, 'contract.request', { entityType: 'Order', entityId: order.id }, { requestId: request.id, kind: input.kind, note });
    await tx.flush();
    await events.emit(tx, 'contract.requestMade', { requestId: request.id, orderId: order.id, customerId: order.customer.id, kind: input.kind, note }, { actorId: actor.id });
    return request;
  });
}

/** The customer's requests on an order, newest first (the caller has already been allowed to see the order). */
export function contractRequestsOf(em: EntityManager, orderId: string) {
  return em.find(ContractRequest, { order: orderId }, { orderBy: { createdAt: 'desc' } });
}

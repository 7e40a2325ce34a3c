import type { DomainEvents } from '../events/domain-events';
import { ContractRequest, ContractRequestStatus } from './contract-request.entity';

/** The orders domain hears that staff handled an end-of-contract request: it is no longer open. */
export function registerContractHandlers(events: DomainEvents) {
  events.on('contract.requestHandled', 'orders: close the contract request', async (em, e) => {
    const request = await em.findOne(ContractRequest, { id: e.requestId, order: e.orderId });
    if (request) request.status = ContractRequestStatus.DONE;
  });
}

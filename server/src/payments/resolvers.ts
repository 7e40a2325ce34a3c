import { OrderPaymentsResolver, PaymentAllocationResolver, PaymentResolver, VirtualAccountResolver } from './payments.resolver';
import { ReconciliationResolver } from './statements/reconciliation.resolver';

/** What the payments domain offers the GraphQL API (assembled in app/schema.ts). */
export const paymentsResolvers = [PaymentResolver, PaymentAllocationResolver, OrderPaymentsResolver, VirtualAccountResolver, ReconciliationResolver] as const;

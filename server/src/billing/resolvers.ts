import { BillingResolver, OrderNoticeResolver } from './billing.resolver';

/** What the billing domain offers the GraphQL API (assembled in app/schema.ts). */
export const billingResolvers = [BillingResolver, OrderNoticeResolver] as const;

import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AccountsResolver } from '../accounts/accounts.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { InstallmentPlanResolver, ProductResolver } from '../catalog/catalog.resolver';
import { CartItemResolver, OrderResolver } from '../orders/orders.resolver';
import { OrderPaymentsResolver, PaymentAllocationResolver, PaymentResolver } from '../payments/payments.resolver';
import { OrderSpkResolver, SpkEventResolver, SpkResolver, SpkVersionResolver } from '../spk/spk.resolver';
import { OrderServicesResolver, ServiceResolver, StaffTaskResolver, SuspensionEventResolver } from '../hosting/hosting.resolver';
import { BillingResolver, OrderNoticeResolver } from '../billing/billing.resolver';
import { NotificationResolver } from '../notifications/notifications.resolver';
import { InstallmentResolver } from '../installments/installments.resolver';
import { DashboardResolver } from '../reports/dashboard.resolver';
import { PrivacyRequestResolver } from '../privacy/privacy.resolver';
import { ProviderSigningFieldsResolver, SpkProviderSigningResolver } from '../spk/provider-signing.resolver';
import { authChecker } from './auth-checker';
import { pubSub } from './pubsub';

export const resolvers = [AccountsResolver, ProductResolver, InstallmentPlanResolver, AuditResolver, OrderResolver, CartItemResolver, PaymentResolver, PaymentAllocationResolver, OrderPaymentsResolver, SpkResolver, SpkVersionResolver, SpkEventResolver, OrderSpkResolver, ServiceResolver, StaffTaskResolver, SuspensionEventResolver, OrderServicesResolver, NotificationResolver, BillingResolver, OrderNoticeResolver, InstallmentResolver, DashboardResolver, PrivacyRequestResolver, SpkProviderSigningResolver, ProviderSigningFieldsResolver] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is a pure function of the code: built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    pubSub,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return cached;
}

import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { accountsResolvers } from '../accounts/resolvers';
import { auditResolvers } from '../audit/resolvers';
import { billingResolvers } from '../billing/resolvers';
import { catalogResolvers } from '../catalog/resolvers';
import { authChecker } from '../graphql/auth-checker';
import { pubSub } from '../graphql/pubsub';
import { markUnguardedFieldsSimple } from '../graphql/simple-fields';
import { hostingResolvers } from '../hosting/resolvers';
import { installmentsResolvers } from '../installments/resolvers';
import { notificationsResolvers } from '../notifications/resolvers';
import { ordersResolvers } from '../orders/resolvers';
import { paymentsResolvers } from '../payments/resolvers';
import { privacyResolvers } from '../privacy/resolvers';
import { reportsResolvers } from '../reports/resolvers';
import { restructuringResolvers } from '../restructuring/resolvers';
import { spkResolvers } from '../spk/resolvers';
import { taxResolvers } from '../tax/resolvers';

/** Every domain's resolvers: each domain lists what it offers in its own `resolvers.ts`. */
export const resolvers = [
  ...accountsResolvers,
  ...catalogResolvers,
  ...auditResolvers,
  ...ordersResolvers,
  ...paymentsResolvers,
  ...spkResolvers,
  ...hostingResolvers,
  ...notificationsResolvers,
  ...billingResolvers,
  ...installmentsResolvers,
  ...reportsResolvers,
  ...privacyResolvers,
  ...taxResolvers,
  ...restructuringResolvers,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is a pure function of the code: built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  if (!cached) {
    const options: BuildSchemaOptions = {
      resolvers,
      authChecker,
      pubSub,
      validate: { forbidUnknownValues: false },
      emitSchemaFile: false,
    };
    // Before building, from the same options: plain fields without a guard skip type-graphql's
    // per-field wrapper (graphql/simple-fields.ts).
    markUnguardedFieldsSimple(options);
    cached = buildSchema(options);
  }
  return cached;
}

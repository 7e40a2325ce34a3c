import { InstallmentResolver } from './installments.resolver';

/** What the installments domain offers the GraphQL API (assembled in app/schema.ts). */
export const installmentsResolvers = [InstallmentResolver] as const;

import { InstallmentPlanResolver, ProductResolver } from './catalog.resolver';

/** What the catalog domain offers the GraphQL API (assembled in app/schema.ts). */
export const catalogResolvers = [ProductResolver, InstallmentPlanResolver] as const;

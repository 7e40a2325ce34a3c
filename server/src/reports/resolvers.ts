import { DashboardResolver } from './dashboard.resolver';

/** What the reports domain offers the GraphQL API (assembled in app/schema.ts). */
export const reportsResolvers = [DashboardResolver] as const;

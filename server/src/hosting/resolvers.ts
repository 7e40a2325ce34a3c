import { OrderServicesResolver, ServiceResolver, StaffTaskResolver, SuspensionEventResolver } from './hosting.resolver';

/** What the hosting domain offers the GraphQL API (assembled in app/schema.ts). */
export const hostingResolvers = [ServiceResolver, StaffTaskResolver, SuspensionEventResolver, OrderServicesResolver] as const;

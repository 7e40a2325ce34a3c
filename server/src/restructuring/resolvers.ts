import { OrderRestructuringResolver, RestructuringResolver } from './restructuring.resolver';

/** What the restructuring domain offers the GraphQL API (assembled in app/schema.ts). */
export const restructuringResolvers = [RestructuringResolver, OrderRestructuringResolver] as const;

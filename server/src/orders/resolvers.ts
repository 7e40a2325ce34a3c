import { OrderContractEndResolver } from './contract-end.resolver';
import { CartItemResolver, OrderResolver } from './orders.resolver';

/** What the orders domain offers the GraphQL API (assembled in app/schema.ts). */
export const ordersResolvers = [OrderResolver, CartItemResolver, OrderContractEndResolver] as const;

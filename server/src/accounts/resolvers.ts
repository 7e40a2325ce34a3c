import { AccountsResolver } from './accounts.resolver';

/** What the accounts domain offers the GraphQL API (assembled in app/schema.ts). */
export const accountsResolvers = [AccountsResolver] as const;

import { ProviderSigningFieldsResolver, SpkProviderSigningResolver } from './provider-signing.resolver';
import { OrderSpkResolver, SpkEventResolver, SpkResolver, SpkVersionResolver } from './spk.resolver';

/** What the SPK domain offers the GraphQL API (assembled in app/schema.ts). */
export const spkResolvers = [SpkResolver, SpkVersionResolver, SpkEventResolver, OrderSpkResolver, SpkProviderSigningResolver, ProviderSigningFieldsResolver] as const;

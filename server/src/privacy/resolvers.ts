import { PrivacyRequestResolver } from './privacy.resolver';

/** What the privacy domain offers the GraphQL API (assembled in app/schema.ts). */
export const privacyResolvers = [PrivacyRequestResolver] as const;

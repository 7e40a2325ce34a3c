import { createPubSub } from '@graphql-yoga/subscription';

/**
 * In-process publish/subscribe for subscriptions. The notifications issue replaces the transport
 * with LISTEN/NOTIFY on a real PostgreSQL so several server processes share events.
 */
export const pubSub = createPubSub();

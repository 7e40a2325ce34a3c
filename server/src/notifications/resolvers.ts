import { NotificationResolver } from './notifications.resolver';

/** What the notifications domain offers the GraphQL API (assembled in app/schema.ts). */
export const notificationsResolvers = [NotificationResolver] as const;

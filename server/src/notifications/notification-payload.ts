import type { NotificationRowPayload } from './bus';
import type { Notification } from './notification.entity';

/**
 * A notification as its "added" event carries it (issue 14 item 7: subscribers get the row with the
 * event, so a fan-out reads nothing). The insert trigger builds the same object in SQL
 * (migrations/Migration20261204210500); the embedded bus takes it from the entity here.
 */
export function rowPayload(n: Notification): NotificationRowPayload {
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    link: n.link,
    data: n.data,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export type NotificationView = Pick<Notification, 'id' | 'type' | 'title' | 'body' | 'link' | 'data' | 'readAt' | 'createdAt' | 'updatedAt'>;

/** The event's row as the subscription's value: the Notification fields, timestamps as Dates. */
export function notificationFromPayload(p: NotificationRowPayload): NotificationView {
  return {
    id: p.id,
    type: p.type,
    title: p.title,
    body: p.body,
    link: p.link,
    data: p.data,
    readAt: p.readAt === null ? null : new Date(p.readAt),
    createdAt: new Date(p.createdAt),
    updatedAt: new Date(p.updatedAt),
  };
}

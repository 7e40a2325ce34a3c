import type { NotificationRowPayload } from './bus';
import type { Notification } from './notification.entity';

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

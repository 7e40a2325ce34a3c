import type { AreaMessages } from '../i18n/areas';

/** The bell and the notifications page. Titles and bodies come from the server, already localized. */
export const notificationMessages: AreaMessages = {
  id: {
    angsur: {
      notifications: {
        title: 'Notifikasi',
        bell: 'Notifikasi (%{smart_count} belum dibaca)',
        markAllRead: 'Tandai semua dibaca',
        markRead: 'Tandai dibaca',
        viewAll: 'Lihat semua notifikasi',
        all: 'Semua',
        unread: 'Belum dibaca',
        empty: 'Belum ada notifikasi.',
        noneUnread: 'Semua notifikasi sudah dibaca.',
      },
    },
  },
  en: {
    angsur: {
      notifications: {
        title: 'Notifications',
        bell: 'Notifications (%{smart_count} unread)',
        markAllRead: 'Mark all read',
        markRead: 'Mark read',
        viewAll: 'See all notifications',
        all: 'All',
        unread: 'Unread',
        empty: 'No notifications yet.',
        noneUnread: 'Every notification has been read.',
      },
    },
  },
};

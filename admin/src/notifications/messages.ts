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
      channels: {
        menu: 'Profil & notifikasi',
        title: 'Profil saya',
        heading: 'Saluran notifikasi',
        intro: 'Ke mana kabar tentang langkah pelanggan (pesanan baru, SPK, bukti transfer, pembayaran) dikirim kepada Anda.',
        inApp: 'Di aplikasi (lonceng): selalu aktif',
        email: 'Email (%{email})',
        whatsapp: 'WhatsApp (%{phone})',
        saved: 'Pilihan notifikasi disimpan.',
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
      channels: {
        menu: 'Profile & notifications',
        title: 'My profile',
        heading: 'Notification channels',
        intro: 'Where news of customers’ moves (new orders, SPKs, transfer proofs, payments) reaches you.',
        inApp: 'In the app (the bell): always on',
        email: 'E-mail (%{email})',
        whatsapp: 'WhatsApp (%{phone})',
        saved: 'Notification choices saved.',
      },
    },
  },
};

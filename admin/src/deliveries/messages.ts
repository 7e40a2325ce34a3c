import type { AreaMessages } from '../i18n/areas';

const id = {
  resources: {
    notificationDeliveries: {
      name: 'Log pengiriman |||| Log pengiriman',
      fields: {
        createdAt: 'Dibuat',
        channel: 'Saluran',
        target: 'Tujuan',
        status: 'Status',
        attempts: 'Percobaan',
        lastError: 'Galat terakhir',
        nextAttemptAt: 'Percobaan berikutnya',
        sentAt: 'Terkirim',
      },
      channel: { EMAIL: 'Email', WHATSAPP: 'WhatsApp' },
      status: { PENDING: 'Menunggu', SENT: 'Terkirim', FAILED: 'Gagal' },
      tabs: { failed: 'Gagal', pending: 'Menunggu', all: 'Semua' },
    },
  },
};

const en: typeof id = {
  resources: {
    notificationDeliveries: {
      name: 'Delivery log |||| Delivery log',
      fields: {
        createdAt: 'Created',
        channel: 'Channel',
        target: 'To',
        status: 'Status',
        attempts: 'Attempts',
        lastError: 'Last error',
        nextAttemptAt: 'Next attempt',
        sentAt: 'Sent',
      },
      channel: { EMAIL: 'Email', WHATSAPP: 'WhatsApp' },
      status: { PENDING: 'Waiting', SENT: 'Sent', FAILED: 'Failed' },
      tabs: { failed: 'Failed', pending: 'Waiting', all: 'All' },
    },
  },
};

export const deliveryMessages: AreaMessages = { id, en };

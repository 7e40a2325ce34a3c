import type { AreaMessages } from '../i18n/areas';

/** The installments list; the status names and basic fields are in the base files (resources.installments). */
export const installmentMessages: AreaMessages = {
  id: {
    resources: {
      installments: {
        fields: {
          order: 'Pesanan',
          owed: 'Sisa tagihan',
          dueFrom: 'Jatuh tempo dari',
          dueTo: 'Jatuh tempo sampai',
        },
        quick: {
          label: 'Filter cepat',
          overdue: 'Terlambat',
          dueThisWeek: 'Jatuh tempo minggu ini',
        },
        list: {
          lateFee: 'termasuk denda %{amount}',
        },
      },
    },
  },
  en: {
    resources: {
      installments: {
        fields: {
          order: 'Order',
          owed: 'Still owed',
          dueFrom: 'Due from',
          dueTo: 'Due until',
        },
        quick: {
          label: 'Quick filters',
          overdue: 'Overdue',
          dueThisWeek: 'Due this week',
        },
        list: {
          lateFee: 'incl. late fee %{amount}',
        },
      },
    },
  },
};

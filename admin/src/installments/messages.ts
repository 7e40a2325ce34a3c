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
        billingPass: {
          action: 'Jalankan penagihan sekarang',
          title: 'Jalankan penagihan harian sekarang?',
          message:
            'Penagihan harian biasanya berjalan sendiri setiap pagi. Menjalankannya sekarang mengerjakan hal yang sama untuk hari ini (WIB):',
          steps: {
            statuses: 'Memperbarui status angsuran: belum jatuh tempo, jatuh tempo, terlambat.',
            fees: 'Menghitung denda keterlambatan setelah masa tenggang, sampai batas denda paket (denda tidak pernah turun, dan tidak pernah melebihi yang dibenarkan hari ini).',
            reminders: 'Mengirim pengingat ke pelanggan dan pemberitahuan ke staf, masing-masing tepat satu kali.',
            suspension: 'Mengakhiri kesempatan kedua yang lewat dan menangguhkan layanan bila paketnya mengatur penangguhan otomatis.',
            safe: 'Aman dijalankan dua kali: proses kedua tidak menggandakan denda maupun pengingat.',
          },
          done: 'Penagihan harian selesai.',
          summaryTitle: 'Hasil penagihan %{date}',
          summaryIntro: 'Yang dikerjakan proses ini (nol berarti sudah dikerjakan sebelumnya atau tidak ada yang perlu):',
          counts: {
            statusChanges: 'Status angsuran berubah',
            feesChanged: 'Denda berubah',
            reminders: 'Pengingat ke pelanggan',
            staffNotices: 'Pemberitahuan ke staf',
            graceExpired: 'Kesempatan kedua berakhir',
            suspendedOrders: 'Pesanan ditangguhkan',
          },
          none: 'Tidak ada',
          preview: 'Pratinjau untuk hari ini (belum ada yang diubah atau dikirim):',
          previewLoading: 'Menghitung pratinjau…',
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
        billingPass: {
          action: 'Run billing now',
          title: 'Run the daily billing pass now?',
          message: 'The daily billing pass normally runs on its own every morning. Running it now does the same for today (Jakarta time):',
          steps: {
            statuses: 'Updates installment statuses: not yet due, due, overdue.',
            fees: 'Works out late fees after the grace days, up to the plan’s cap (a fee never goes down, and never exceeds what today justifies).',
            reminders: 'Sends reminders to customers and notices to staff, each exactly once.',
            suspension: 'Ends second chances that ran out and suspends services where the plan has automatic suspension.',
            safe: 'Safe to run twice: a second pass adds no fees and sends no reminders again.',
          },
          done: 'Daily billing pass done.',
          summaryTitle: 'Billing pass of %{date}',
          summaryIntro: 'What this pass did (zero means it was already done or nothing needed it):',
          counts: {
            statusChanges: 'Installment statuses changed',
            feesChanged: 'Late fees changed',
            reminders: 'Reminders to customers',
            staffNotices: 'Notices to staff',
            graceExpired: 'Second chances ended',
            suspendedOrders: 'Orders suspended',
          },
          none: 'None',
          preview: 'Preview for today (nothing has been changed or sent yet):',
          previewLoading: 'Working out the preview…',
        },
      },
    },
  },
};

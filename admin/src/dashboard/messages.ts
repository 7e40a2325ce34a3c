import type { AreaMessages } from '../i18n/areas';

/** The dashboard's figures and work tables (the older cards' texts are in the base files, angsur.dashboard). */
export const dashboardMessages: AreaMessages = {
  id: {
    angsur: {
      dashboard: {
        unavailable: 'Tidak tersedia',
        activeOrders: 'Pesanan aktif',
        unresolvedAnomalies: 'Anomali pembayaran belum diselesaikan',
        receivables: 'Piutang berjalan',
        work: {
          ordersAwaitingSpk: 'Pesanan baru menunggu SPK',
          spksAwaitingStaff: 'SPK menunggu tindakan staf',
          proofsToVerify: 'Bukti transfer untuk diverifikasi',
          servicesFailing: 'Layanan gagal disiapkan',
          secondChanceEnding: 'Kesempatan kedua berakhir minggu ini',
        },
        ordersCount: '%{smart_count} pesanan',
        receivablesDetail: '%{orders}, %{smart_count} angsuran belum lunas',
        overdueDetail: 'Tunggakan %{amount} (%{smart_count} angsuran)',
        collections: 'Penerimaan bulan ini',
        collectionsDetail: '%{smart_count} pembayaran lunas, setelah refund',
        collectionsDetailRefunds: '%{smart_count} pembayaran %{settled}, dikurangi refund %{refunded}',
        aging: {
          title: 'Umur piutang',
          hint: 'Sisa tagihan (angsuran dan denda) per lama keterlambatan dari jatuh tempo.',
          count: '%{smart_count} angsuran',
          bucketHeader: 'Kelompok',
          amountHeader: 'Jumlah',
          countHeader: 'Angsuran',
          bucket: {
            CURRENT: 'Belum jatuh tempo',
            DAYS_1_30: '1–30 hari',
            DAYS_31_60: '31–60 hari',
            DAYS_61_90: '61–90 hari',
            OVER_90: '> 90 hari',
          },
        },
        upcoming: {
          title: 'Jatuh tempo %{smart_count} hari ke depan',
          summary: '%{smart_count} angsuran, total %{amount}',
          empty: 'Tidak ada angsuran yang jatuh tempo dalam waktu dekat.',
        },
        spks: {
          title: 'SPK menunggu tindakan staf',
          summary: '%{smart_count} SPK: draf, revisi diminta atau sudah ditandatangani pelanggan',
          empty: 'Tidak ada SPK yang menunggu.',
          since: 'Sejak',
        },
      },
    },
  },
  en: {
    angsur: {
      dashboard: {
        unavailable: 'Unavailable',
        activeOrders: 'Active orders',
        unresolvedAnomalies: 'Unresolved payment anomalies',
        receivables: 'Outstanding receivables',
        work: {
          ordersAwaitingSpk: 'New orders waiting for an SPK',
          spksAwaitingStaff: 'SPKs waiting for staff',
          proofsToVerify: 'Transfer proofs to verify',
          servicesFailing: 'Services failing to set up',
          secondChanceEnding: 'Second chances ending this week',
        },
        ordersCount: '1 order |||| %{smart_count} orders',
        receivablesDetail: '%{orders}, 1 installment unpaid |||| %{orders}, %{smart_count} installments unpaid',
        overdueDetail: 'Arrears %{amount} (1 installment) |||| Arrears %{amount} (%{smart_count} installments)',
        collections: 'Collections this month',
        collectionsDetail: '1 settled payment, net of refunds |||| %{smart_count} settled payments, net of refunds',
        collectionsDetailRefunds: '1 payment %{settled}, less refunds %{refunded} |||| %{smart_count} payments %{settled}, less refunds %{refunded}',
        aging: {
          title: 'Receivables aging',
          hint: 'What is still owed (installments and late fees) by days past the due date.',
          count: '%{smart_count} installment |||| %{smart_count} installments',
          bucketHeader: 'Bucket',
          amountHeader: 'Amount',
          countHeader: 'Installments',
          bucket: {
            CURRENT: 'Not yet due',
            DAYS_1_30: '1–30 days',
            DAYS_31_60: '31–60 days',
            DAYS_61_90: '61–90 days',
            OVER_90: '> 90 days',
          },
        },
        upcoming: {
          title: 'Due in the next %{smart_count} days',
          summary: '%{smart_count} installment, %{amount} in all |||| %{smart_count} installments, %{amount} in all',
          empty: 'Nothing falls due soon.',
        },
        spks: {
          title: 'SPKs waiting for staff',
          summary: '%{smart_count} SPK: drafts, revisions requested or signed by the customer |||| %{smart_count} SPKs: drafts, revisions requested or signed by the customer',
          empty: 'No SPK is waiting.',
          since: 'Since',
        },
      },
    },
  },
};

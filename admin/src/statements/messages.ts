import type { AreaMessages } from '../i18n/areas';

const id = {
  angsur: {
    statements: {
      title: 'Laporan rekening',
      help: 'Saldo awal, angsuran yang jatuh tempo, denda, pembayaran, pengembalian dana dan saldo akhir untuk periode yang dipilih.',
      from: 'Dari tanggal',
      to: 'Sampai tanggal',
      pdf: 'Unduh PDF',
      csv: 'Unduh CSV',
      receivables: {
        action: 'Piutang per tanggal',
        title: 'Ekspor piutang untuk akuntan',
        help: 'Sisa tagihan tiap pesanan pada akhir tanggal yang dipilih, dikelompokkan menurut umur piutang seperti di dasbor (belum jatuh tempo, 1–30, 31–60, 61–90, lebih dari 90 hari).',
        date: 'Tanggal',
        download: 'Unduh CSV',
      },
      returns: 'Retur bulan ini (CSV)',
      returnsHelp: 'Coretax tidak menyediakan impor XML retur untuk penjual: unduh catatan retur bulan ini untuk dimasukkan di Coretax.',
    },
  },
};

const en: typeof id = {
  angsur: {
    statements: {
      title: 'Statement of account',
      help: 'Opening balance, installments falling due, late fees, payments, refunds and closing balance for the chosen period.',
      from: 'From',
      to: 'To',
      pdf: 'Download PDF',
      csv: 'Download CSV',
      receivables: {
        action: 'Receivables at a date',
        title: 'Receivables export for the accountant',
        help: 'What each order still owed at the end of the chosen date, in the dashboard’s aging buckets (current, 1–30, 31–60, 61–90, over 90 days).',
        date: 'Date',
        download: 'Download CSV',
      },
      returns: 'Returns of the month (CSV)',
      returnsHelp: 'Coretax offers no XML import of returns for sellers: download this month’s return records to enter them in Coretax.',
    },
  },
};

export const statementMessages: AreaMessages = { id, en };

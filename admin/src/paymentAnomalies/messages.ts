import type { AreaMessages } from '../i18n/areas';

const id = {
  resources: {
    paymentAnomalies: {
      name: 'Anomali pembayaran |||| Anomali pembayaran',
      fields: {
        createdAt: 'Diterima pada',
        kind: 'Jenis',
        reference: 'Referensi',
        provider: 'Penyedia',
        expected: 'Seharusnya',
        received: 'Diterima',
        details: 'Rincian dari penyedia',
        resolvedAt: 'Penyelesaian',
      },
      tabs: { unresolved: 'Belum diselesaikan', all: 'Semua' },
      kind: {
        AMOUNT_MISMATCH: 'Jumlah tidak sesuai',
        LATE_SETTLEMENT: 'Dibayar setelah kedaluwarsa',
        OVERPAYMENT: 'Kelebihan bayar',
        UNKNOWN_REFERENCE: 'Referensi tidak dikenal',
        UNIQUE_CODE_REFUND: 'Kode unik dikembalikan',
      },
      kindHint: {
        AMOUNT_MISMATCH: 'Jumlah yang dibayar berbeda dari tagihan pembayaran; tidak dibukukan.',
        LATE_SETTLEMENT: 'Uang masuk untuk pembayaran yang sudah kedaluwarsa atau ditolak.',
        OVERPAYMENT: 'Lebih besar dari sisa tagihan pesanan; tidak dibukukan.',
        UNKNOWN_REFERENCE: 'Referensi ini tidak cocok dengan pembayaran mana pun.',
        UNIQUE_CODE_REFUND: 'Kode unik transfer ini dikembalikan ke pelanggan (TRANSFER_UNIQUE_CODE=refund).',
      },
      provider: { sandbox: 'Sandbox', midtrans: 'Midtrans', xendit: 'Xendit' },
      short: 'kurang %{amount}',
      over: 'lebih %{amount}',
      state: { OPEN: 'Belum diselesaikan', RESOLVED: 'Diselesaikan' },
      resolutionNote: 'Catatan: %{note}',
      resolve: {
        action: 'Selesaikan',
        title: 'Selesaikan anomali %{reference}?',
        message: 'Catat apa yang dilakukan dengan uang ini (misalnya dikembalikan lewat gateway, atau dibukukan sebagai pembayaran baru). Catatan disimpan beserta nama Anda dan waktunya.',
        reason: 'Penyelesaian',
        done: 'Anomali diselesaikan.',
      },
      details: {
        more: 'Tampilkan semua (%{smart_count})',
        less: 'Ringkas',
      },
    },
  },
};

const en: typeof id = {
  resources: {
    paymentAnomalies: {
      name: 'Payment anomaly |||| Payment anomalies',
      fields: {
        createdAt: 'Received at',
        kind: 'Kind',
        reference: 'Reference',
        provider: 'Provider',
        expected: 'Expected',
        received: 'Received',
        details: 'Provider details',
        resolvedAt: 'Resolution',
      },
      tabs: { unresolved: 'Unresolved', all: 'All' },
      kind: {
        AMOUNT_MISMATCH: 'Amount mismatch',
        LATE_SETTLEMENT: 'Paid after expiry',
        OVERPAYMENT: 'Overpayment',
        UNKNOWN_REFERENCE: 'Unknown reference',
        UNIQUE_CODE_REFUND: 'Unique code to refund',
      },
      kindHint: {
        AMOUNT_MISMATCH: 'The amount paid differs from the payment’s; not applied.',
        LATE_SETTLEMENT: 'Money arrived for a payment that had already expired or been rejected.',
        OVERPAYMENT: 'More than the order still owes; not applied.',
        UNKNOWN_REFERENCE: 'The reference matches no payment.',
        UNIQUE_CODE_REFUND: "The transfer's unique code goes back to the customer (TRANSFER_UNIQUE_CODE=refund).",
      },
      provider: { sandbox: 'Sandbox', midtrans: 'Midtrans', xendit: 'Xendit' },
      short: '%{amount} short',
      over: '%{amount} over',
      state: { OPEN: 'Unresolved', RESOLVED: 'Resolved' },
      resolutionNote: 'Note: %{note}',
      resolve: {
        action: 'Resolve',
        title: 'Resolve anomaly %{reference}?',
        message: 'Record what was done with this money (for example refunded through the gateway, or booked as a new payment). The note is kept with your name and the time.',
        reason: 'Resolution',
        done: 'Anomaly resolved.',
      },
      details: {
        more: 'Show all (%{smart_count})',
        less: 'Show less',
      },
    },
  },
};

/** The payment anomalies list (FINANCE, ADMIN). */
export const paymentAnomalyMessages: AreaMessages = { id, en };

import type { AreaMessages } from '../i18n/areas';

const id = {
  angsur: {
    reconciliation: {
      menu: 'Rekonsiliasi',
      title: 'Rekonsiliasi mutasi bank',
      intro: 'Impor mutasi rekening; dana masuk yang cocok dengan transfer (jumlah + kode unik) tercatat otomatis. Yang tidak cocok ada di daftar ini dengan saran.',
      source: 'Format',
      file: 'Pilih berkas mutasi',
      import: 'Impor',
      imported: 'Diimpor %{imported} baris baru (%{duplicates} sudah pernah), cocok otomatis %{matched}, perlu dicek %{unmatched}.',
      columns: { bookedOn: 'Tanggal', amount: 'Jumlah', description: 'Keterangan', suggestions: 'Saran', action: 'Tindakan' },
      match: 'Cocokkan',
      matched: 'Transfer dicatat lunas.',
      dismiss: 'Bukan pembayaran',
      note: 'Catatan',
      dismissed: 'Baris ditutup.',
      noSuggestion: 'Tidak ada saran',
      empty: 'Tidak ada dana masuk yang perlu dicocokkan.',
      reasons: { EXACT_AMOUNT: 'jumlah sama', WITHOUT_CODE: 'tanpa kode unik', NEAR_AMOUNT: 'jumlah mirip', SAME_NAME: 'nama sama' },
    },
    channels: {
      virtualAccount: 'Virtual account pesanan',
      vaPending: 'Nomor virtual account sedang dibuat.',
      vaFailed: 'Virtual account belum dapat dibuat',
      vaHint: 'Transfer jumlah berapa pun ke nomor ini; pembayaran tercatat otomatis.',
      qris: 'Bayar dengan QRIS',
      qrisLimit: 'QRIS sampai %{max} per pembayaran; untuk jumlah lebih besar gunakan virtual account.',
      transferExact: 'Sudah termasuk kode unik %{code}: transfer tepat sejumlah ini agar tercatat otomatis.',
    },
  },
};

const en = {
  angsur: {
    reconciliation: {
      menu: 'Reconciliation',
      title: 'Bank statement reconciliation',
      intro: 'Import the bank statement; credits matching a transfer (amount + unique code) are settled automatically. The rest is listed here with suggestions.',
      source: 'Format',
      file: 'Choose a statement file',
      import: 'Import',
      imported: 'Imported %{imported} new lines (%{duplicates} seen before), %{matched} matched automatically, %{unmatched} to check.',
      columns: { bookedOn: 'Date', amount: 'Amount', description: 'Description', suggestions: 'Suggestions', action: 'Action' },
      match: 'Match',
      matched: 'Transfer settled.',
      dismiss: 'Not a payment',
      note: 'Note',
      dismissed: 'Line closed.',
      noSuggestion: 'No suggestion',
      empty: 'No credits to reconcile.',
      reasons: { EXACT_AMOUNT: 'same amount', WITHOUT_CODE: 'without the unique code', NEAR_AMOUNT: 'similar amount', SAME_NAME: 'same name' },
    },
    channels: {
      virtualAccount: "Order's virtual account",
      vaPending: 'The virtual account number is being created.',
      vaFailed: 'The virtual account could not be created yet',
      vaHint: 'Transfer any amount to this number; it is recorded automatically.',
      qris: 'Pay with QRIS',
      qrisLimit: 'QRIS up to %{max} per payment; for larger amounts use the virtual account.',
      transferExact: 'Includes the unique code %{code}: transfer exactly this amount so it is recorded automatically.',
    },
  },
};

/** FINANCE's reconciliation page and the payment channels shown on an order. */
export const reconciliationMessages: AreaMessages = { id, en };

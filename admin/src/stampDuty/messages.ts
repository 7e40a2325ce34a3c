import type { AreaMessages } from '../i18n/areas';

const id = {
  resources: {
    stampDutyLedger: {
      name: 'Bea Meterai |||| Bea Meterai',
      fields: {
        ordinal: 'No.',
        usedAt: 'Tanggal',
        month: 'Bulan',
        documentKind: 'Dokumen',
        documentNumber: 'Nomor dokumen',
        serial: 'Seri e-Meterai',
        amount: 'Bea',
        borneBy: 'Ditanggung',
        chargedInstallmentNumber: 'Angsuran',
      },
      kind: { SPK: 'SPK', RECEIPT: 'Kwitansi' },
      bearer: { COMPANY: 'Perusahaan', CUSTOMER: 'Pelanggan' },
      export: 'Laporan bea meterai (CSV)',
      report: {
        title: 'Laporan bulan %{month}',
        stamps: '%{stamps} e-Meterai, %{amount}',
        line: '%{kind}, ditanggung %{bearer}: %{stamps} (%{amount})',
        none: 'Belum ada e-Meterai yang dipakai bulan ini.',
        quota: 'Kuota: awal %{opening}, dibeli %{purchased} (%{cost}), dipakai %{used}, akhir %{closing}',
        untracked: 'Kuota tidak dilacak (STAMP_QUOTA 0 dan belum ada pembelian tercatat).',
      },
      quota: {
        title: 'Kuota e-Meterai',
        now: 'Sisa %{remaining} dari %{bought} yang dibeli (awal STAMP_QUOTA %{opening}, terpakai %{used}); peringatan ke ADMIN saat tersisa %{low}.',
      },
      purchases: {
        title: 'Pembelian kuota dari distributor',
        none: 'Belum ada pembelian tercatat.',
        purchasedOn: 'Tanggal beli',
        quantity: 'Jumlah',
        pricePerStamp: 'Harga per meterai',
        reference: 'Referensi',
        status: 'Status',
        statuses: { RECORDED: 'Tercatat', VOIDED: 'Dibatalkan' },
        record: 'Catat pembelian',
        recorded: 'Pembelian %{quantity} e-Meterai dicatat.',
        void: 'Batalkan',
        voidReason: 'Alasan pembatalan',
        voided: 'Pembelian dibatalkan.',
      },
    },
  },
};

const en: typeof id = {
  resources: {
    stampDutyLedger: {
      name: 'Stamp duty |||| Stamp duty',
      fields: {
        ordinal: 'No.',
        usedAt: 'Date',
        month: 'Month',
        documentKind: 'Document',
        documentNumber: 'Document number',
        serial: 'e-Meterai serial',
        amount: 'Duty',
        borneBy: 'Borne by',
        chargedInstallmentNumber: 'Installment',
      },
      kind: { SPK: 'SPK', RECEIPT: 'Receipt' },
      bearer: { COMPANY: 'Company', CUSTOMER: 'Customer' },
      export: 'Stamp-duty report (CSV)',
      report: {
        title: 'Report for %{month}',
        stamps: '%{stamps} e-Meterai, %{amount}',
        line: '%{kind}, borne by %{bearer}: %{stamps} (%{amount})',
        none: 'No e-Meterai used this month yet.',
        quota: 'Quota: opening %{opening}, purchased %{purchased} (%{cost}), used %{used}, closing %{closing}',
        untracked: 'The quota is not tracked (STAMP_QUOTA 0 and no purchase recorded).',
      },
      quota: {
        title: 'e-Meterai quota',
        now: '%{remaining} left of %{bought} bought (opening STAMP_QUOTA %{opening}, %{used} used); ADMIN is warned when %{low} remain.',
      },
      purchases: {
        title: 'Quota bought from the distributor',
        none: 'No purchase recorded yet.',
        purchasedOn: 'Bought on',
        quantity: 'Quantity',
        pricePerStamp: 'Price per stamp',
        reference: 'Reference',
        status: 'Status',
        statuses: { RECORDED: 'Recorded', VOIDED: 'Voided' },
        record: 'Record a purchase',
        recorded: 'Purchase of %{quantity} e-Meterai recorded.',
        void: 'Void',
        voidReason: 'Reason for voiding',
        voided: 'Purchase voided.',
      },
    },
  },
};

export const stampDutyMessages: AreaMessages = { id, en };

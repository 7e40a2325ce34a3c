import type { AreaMessages } from '../i18n/areas';

const id = {
  resources: {
    taxInvoices: {
      name: 'Pajak |||| Pajak',
      fields: {
        reference: 'Referensi',
        invoiceDate: 'Tanggal faktur',
        period: 'Masa pajak',
        kind: 'Jenis',
        status: 'Status',
        buyerName: 'Pembeli',
        buyerTin: 'NPWP pembeli',
        taxBase: 'Harga jual (DPP)',
        otherTaxBase: 'DPP nilai lain',
        vat: 'PPN',
        coretaxNumber: 'Nomor faktur Coretax',
      },
      status: { DRAFT: 'Draf', EXPORTED: 'Diekspor', NUMBERED: 'Bernomor', CANCELLED: 'Dibatalkan' },
      export: { action: 'Ekspor Coretax %{period}', done: '%{files} file Coretax dibuat (%{invoices} faktur).' },
      import: {
        action: 'Impor nomor faktur',
        title: 'Impor nomor faktur pajak dari Coretax',
        help: 'Satu baris per faktur: referensi (FP-…) dan nomor faktur pajak 17 digit, dipisah koma, titik koma atau tab. Mengimpor ulang file yang sama tidak mengubah apa pun.',
        file: 'Pilih file CSV',
        run: 'Impor',
        line: 'Baris',
        outcome: 'Hasil',
        message: 'Keterangan',
        outcomes: { NUMBERED: 'Nomor dicatat', UNCHANGED: 'Sudah tercatat', ERROR: 'Gagal' },
      },
    },
  },
};

const en: typeof id = {
  resources: {
    taxInvoices: {
      name: 'Tax |||| Tax',
      fields: {
        reference: 'Reference',
        invoiceDate: 'Invoice date',
        period: 'Tax period',
        kind: 'Kind',
        status: 'Status',
        buyerName: 'Buyer',
        buyerTin: 'Buyer NPWP',
        taxBase: 'Tax base',
        otherTaxBase: 'Other tax base (DPP nilai lain)',
        vat: 'VAT',
        coretaxNumber: 'Coretax number',
      },
      status: { DRAFT: 'Draft', EXPORTED: 'Exported', NUMBERED: 'Numbered', CANCELLED: 'Cancelled' },
      export: { action: 'Coretax export %{period}', done: '%{files} Coretax file(s) made (%{invoices} invoices).' },
      import: {
        action: 'Import numbers',
        title: 'Import tax invoice numbers from Coretax',
        help: 'One row per invoice: the reference (FP-…) and the 17-digit tax invoice number, separated by a comma, semicolon or tab. Importing the same file again changes nothing.',
        file: 'Choose a CSV file',
        run: 'Import',
        line: 'Line',
        outcome: 'Outcome',
        message: 'Details',
        outcomes: { NUMBERED: 'Number recorded', UNCHANGED: 'Already recorded', ERROR: 'Failed' },
      },
    },
  },
};

/** The Pajak menu (FINANCE, ADMIN). */
export const taxInvoiceMessages: AreaMessages = { id, en };

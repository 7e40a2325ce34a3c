import type { AreaMessages } from '../i18n/areas';

const id = {
  angsur: {
    privacy: {
      title: 'Data pribadi',
      intro: 'Sesuai UU PDP No. 27/2022 Anda dapat mengunduh data pribadi Anda, meminta perbaikan, atau meminta penghapusan. Kami menanggapi dalam 3 x 24 jam.',
      downloadJson: 'Unduh (JSON)',
      downloadPdf: 'Unduh (PDF)',
      details: 'Keterangan',
      detailsHelp: 'Untuk perbaikan: data mana yang salah dan seharusnya apa.',
      askCorrection: 'Minta perbaikan',
      askErasure: 'Minta penghapusan',
      sent: 'Permintaan terkirim. Kami menanggapi dalam 3 x 24 jam.',
      kind: { CORRECTION: 'Perbaikan', ERASURE: 'Penghapusan' },
      status: { OPEN: 'Diproses', OVERDUE: 'Lewat batas waktu', COMPLETED: 'Selesai', REJECTED: 'Ditolak' },
      queueTitle: 'Permintaan data pribadi',
      queueIntro: 'Permintaan perbaikan dan penghapusan data pribadi pelanggan; wajib ditanggapi dalam 3 x 24 jam (UU PDP Pasal 30 dan 43).',
      menu: 'Data pribadi',
      filter: { OPEN: 'Terbuka', OVERDUE: 'Lewat batas', ALL: 'Semua' },
      columns: { customer: 'Pelanggan', kind: 'Jenis', details: 'Keterangan', dueAt: 'Batas waktu', status: 'Status', action: 'Tindakan' },
      answer: 'Tanggapan / alasan',
      complete: 'Selesai diperbaiki',
      reject: 'Tolak',
      erase: 'Hapus data pribadi',
      handled: 'Permintaan ditangani.',
      kept: 'Disimpan',
      empty: 'Tidak ada permintaan.',
    },
  },
};

const en: typeof id = {
  angsur: {
    privacy: {
      title: 'Personal data',
      intro: 'Under Indonesia\'s Personal Data Protection Law (27/2022) you can download your personal data, ask for a correction, or ask for erasure. We answer within 3 x 24 hours.',
      downloadJson: 'Download (JSON)',
      downloadPdf: 'Download (PDF)',
      details: 'Details',
      detailsHelp: 'For a correction: which data is wrong and what it should say.',
      askCorrection: 'Ask for a correction',
      askErasure: 'Ask for erasure',
      sent: 'Request sent. We answer within 3 x 24 hours.',
      kind: { CORRECTION: 'Correction', ERASURE: 'Erasure' },
      status: { OPEN: 'In progress', OVERDUE: 'Past deadline', COMPLETED: 'Done', REJECTED: 'Refused' },
      queueTitle: 'Personal data requests',
      queueIntro: 'Customers\' requests to correct or erase personal data; they must be answered within 3 x 24 hours (PDP Law Art. 30 and 43).',
      menu: 'Personal data',
      filter: { OPEN: 'Open', OVERDUE: 'Past deadline', ALL: 'All' },
      columns: { customer: 'Customer', kind: 'Kind', details: 'Details', dueAt: 'Deadline', status: 'Status', action: 'Action' },
      answer: 'Answer / reason',
      complete: 'Corrected',
      reject: 'Refuse',
      erase: 'Erase personal data',
      handled: 'Request handled.',
      kept: 'Kept',
      empty: 'No requests.',
    },
  },
};

/** The customer's "Data pribadi" card and the staff queue of personal-data requests. */
export const privacyMessages: AreaMessages = { id, en };

import type { AreaMessages } from '../i18n/areas';

/** The order page's SPK and services tabs and its overdue handling (the rest of the order texts are in id.ts/en.ts). */
const id = {
  resources: {
    orders: {
      fields: { lastOverdueNoticeAt: 'Pemberitahuan terakhir' },
      tabs: { spk: 'SPK', services: 'Layanan' },
      spkTab: {
        none: 'Pesanan ini belum memiliki SPK.',
        create: {
          action: 'Buat SPK',
          title: 'Buat SPK untuk pesanan %{number}?',
          message:
            'Draf SPK dibuat dari pesanan dan profil %{customer} (nama lengkap, NIK, alamat, telepon, email). Pelanggan juga diberi tahu untuk melunasi atau menangguhkan tagihan lain yang menunggak.',
          incomplete: 'Data pelanggan belum lengkap: %{fields}. Lengkapi profil pelanggan terlebih dahulu.',
          state: 'SPK dibuat untuk pesanan yang menunggu SPK.',
          done: 'Draf SPK dibuat.',
        },
      },
      servicesTab: {
        none: 'Pesanan ini belum memiliki layanan hosting (dibuat pelanggan setelah SPK dikonfirmasi dan uang muka lunas).',
        details: 'Rincian',
        open: 'Buka layanan',
      },
      overdue: {
        role: 'Hanya staf Dukungan dan Admin yang menangani tunggakan.',
        // Indonesian has one plural form (polyglot always takes the first): no "|||| " variants.
        daysLate: '%{smart_count} hari terlambat',
        daysLateColumn: 'Keterlambatan',
        sent: 'Pemberitahuan terkirim: %{smart_count} hari terlambat, tunggakan %{arrears}.',
        openWhatsApp: 'Buka WhatsApp',
        notice: {
          action: 'Kirim pemberitahuan tunggakan',
          title: 'Kirim pemberitahuan tunggakan pesanan %{number}?',
          message: '%{customer} diberi tahu (aplikasi, email, WhatsApp) tentang tunggakan %{arrears} dan diminta memilih: bayar atau tangguhkan layanan.',
          noArrears: 'Pesanan ini tidak memiliki tunggakan.',
          done: 'Pemberitahuan tunggakan terkirim.',
        },
        suspend: {
          action: 'Tangguhkan',
          title: 'Tangguhkan layanan pesanan %{number}?',
          message: 'Semua layanan hosting pesanan ini dimatikan sementara dan pelanggan diberi tahu. Tunggakan saat ini: %{arrears}.',
          reason: 'Alasan penangguhan',
          state: 'Hanya pesanan aktif yang dapat ditangguhkan.',
          done: 'Layanan pesanan ditangguhkan.',
        },
        unsuspend: {
          action: 'Aktifkan kembali',
          title: 'Aktifkan kembali layanan pesanan %{number}?',
          message: 'Layanan hosting dinyalakan lagi. Beri batas waktu pembayaran sebagai kesempatan kedua; setelah lewat, penangguhan berlaku lagi.',
          reason: 'Alasan',
          payUntil: 'Bayar paling lambat',
          payUntilHelp: 'Opsional: kesempatan kedua untuk melunasi tunggakan.',
          state: 'Hanya pesanan yang ditangguhkan yang dapat diaktifkan kembali.',
          done: 'Layanan pesanan aktif kembali.',
        },
      },
    },
  },
};

const en: typeof id = {
  resources: {
    orders: {
      fields: { lastOverdueNoticeAt: 'Last notice' },
      tabs: { spk: 'SPK', services: 'Services' },
      spkTab: {
        none: 'This order has no SPK yet.',
        create: {
          action: 'Create SPK',
          title: 'Create the SPK for order %{number}?',
          message:
            "The SPK draft is made from the order and %{customer}'s profile (full name, NIK, address, phone, email). The customer is also told to pay or suspend any other overdue bills.",
          incomplete: "The customer's profile is incomplete: %{fields}. Complete the customer's profile first.",
          state: 'An SPK is made for an order waiting for one.',
          done: 'SPK draft created.',
        },
      },
      servicesTab: {
        none: 'This order has no hosting service yet (the customer creates it once the SPK is confirmed and the down payment settled).',
        details: 'Details',
        open: 'Open service',
      },
      overdue: {
        role: 'Only Support staff and Admins handle arrears.',
        daysLate: '1 day late |||| %{smart_count} days late',
        daysLateColumn: 'Late',
        sent: 'Notice sent: 1 day late, arrears %{arrears}. |||| Notice sent: %{smart_count} days late, arrears %{arrears}.',
        openWhatsApp: 'Open WhatsApp',
        notice: {
          action: 'Send overdue notice',
          title: 'Send an overdue notice for order %{number}?',
          message: '%{customer} is told (in-app, email, WhatsApp) about arrears of %{arrears} and asked to choose: pay or suspend the service.',
          noArrears: 'This order has no arrears.',
          done: 'Overdue notice sent.',
        },
        suspend: {
          action: 'Suspend',
          title: "Suspend order %{number}'s services?",
          message: "All of this order's hosting services are switched off for now and the customer is told. Current arrears: %{arrears}.",
          reason: 'Reason for suspending',
          state: 'Only an active order can be suspended.',
          done: "The order's services are suspended.",
        },
        unsuspend: {
          action: 'Unsuspend',
          title: "Unsuspend order %{number}'s services?",
          message: 'The hosting services are switched on again. Give a payment deadline as a second chance; once it passes, suspension applies again.',
          reason: 'Reason',
          payUntil: 'Pay by',
          payUntilHelp: 'Optional: a second chance to settle the arrears.',
          state: 'Only a suspended order can be unsuspended.',
          done: "The order's services are active again.",
        },
      },
    },
  },
};

export const orderWorkMessages: AreaMessages = { id, en };

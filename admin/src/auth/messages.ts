import type { AreaMessages } from '../i18n/areas';

const id = {
  angsur: {
    auth: {
      logoutEverywhere: {
        action: 'Keluar dari semua perangkat',
        title: 'Keluar dari semua perangkat?',
        message:
          'Semua sesi akun ini berakhir sekarang: di browser ini dan di semua perangkat lain. Gunakan bila perangkat hilang atau Anda pernah masuk di komputer bersama. Setelah itu Anda perlu masuk lagi di mana pun.',
        confirm: 'Keluar dari semua',
      },
    },
  },
};

const en: typeof id = {
  angsur: {
    auth: {
      logoutEverywhere: {
        action: 'Log out everywhere',
        title: 'Log out of every device?',
        message:
          'Every session of this account ends now: in this browser and on every other device. Use it when a device is lost or you signed in on a shared computer. You will need to sign in again everywhere.',
        confirm: 'Log out everywhere',
      },
    },
  },
};

/** The user menu's "log out everywhere" (the login page's texts are in the base files, angsur.auth). */
export const authMessages: AreaMessages = { id, en };

import type { AreaMessages } from '../i18n/areas';

const id = {
  angsur: {
    passwordReset: {
      forgotLink: 'Lupa kata sandi?',
      forgotTitle: 'Lupa kata sandi',
      forgotIntro: 'Masukkan email akun Anda. Kami kirimkan tautan untuk mengatur ulang kata sandi.',
      email: 'Email',
      send: 'Kirim tautan',
      sent: 'Bila email tersebut terdaftar, tautan untuk mengatur ulang kata sandi sudah kami kirim. Periksa kotak masuk (dan folder spam) Anda; tautan berlaku sekali dan untuk waktu terbatas.',
      resetTitle: 'Atur ulang kata sandi',
      newPassword: 'Kata sandi baru',
      repeat: 'Ulangi kata sandi baru',
      mismatch: 'Kedua kata sandi tidak sama.',
      save: 'Simpan kata sandi',
      done: 'Kata sandi sudah diganti dan semua sesi lama sudah keluar. Silakan masuk dengan kata sandi baru.',
      noToken: 'Tautan ini tidak lengkap. Buka tautan dari email, atau minta tautan baru.',
      backToLogin: 'Kembali ke halaman masuk',
    },
    auth: {
      logoutEverywhere: {
        action: 'Keluar dari semua perangkat',
        title: 'Keluar dari semua perangkat?',
        message:
          'Semua sesi akun ini berakhir sekarang: di browser ini dan di semua perangkat lain. Gunakan bila perangkat hilang atau Anda pernah masuk di komputer bersama. Setelah itu Anda perlu masuk lagi di mana pun.',
        confirm: 'Keluar dari semua',
      },
    },
    twoFactor: {
      menu: 'Verifikasi dua langkah',
      title: 'Verifikasi dua langkah',
      secondStep: 'Masukkan kode verifikasi.',
      enterCode: 'Buka aplikasi autentikator dan masukkan kode 6 digit untuk akun ini.',
      required: 'Peran Anda wajib memakai verifikasi dua langkah. Siapkan aplikasi autentikator (mis. Google Authenticator, Aegis) sekarang.',
      code: 'Kode verifikasi',
      recoveryHint: 'Atau salah satu kode pemulihan (xxxxx-xxxxx)',
      verify: 'Verifikasi',
      confirm: 'Aktifkan',
      back: 'Kembali',
      scan: 'Pindai kode QR ini dengan aplikasi autentikator, lalu masukkan kode 6 digit yang muncul.',
      manual: 'Tidak bisa memindai? Ketik kunci ini:',
      qrAlt: 'Kode QR untuk aplikasi autentikator',
      enabled: 'Verifikasi dua langkah aktif.',
      isOn: 'Verifikasi dua langkah sudah aktif untuk akun ini.',
      recoveryCodesIntro: 'Simpan kode pemulihan ini di tempat aman. Masing-masing hanya berlaku sekali, bila ponsel hilang. Kode ini tidak akan ditampilkan lagi.',
      continue: 'Sudah saya simpan, lanjutkan',
      newCodes: 'Buat kode pemulihan baru',
      disable: 'Nonaktifkan',
      disabled: 'Verifikasi dua langkah dinonaktifkan.',
    },
  },
};

const en: typeof id = {
  angsur: {
    passwordReset: {
      forgotLink: 'Forgot your password?',
      forgotTitle: 'Forgot password',
      forgotIntro: 'Enter the e-mail of your account. We will send you a link to reset the password.',
      email: 'E-mail',
      send: 'Send the link',
      sent: 'If this e-mail is registered, we have sent a link to reset the password. Check your inbox (and the spam folder); the link works once and for a limited time.',
      resetTitle: 'Reset password',
      newPassword: 'New password',
      repeat: 'Repeat the new password',
      mismatch: 'The two passwords differ.',
      save: 'Save the password',
      done: 'The password is changed and every old session is signed out. Please sign in with the new password.',
      noToken: 'This link is incomplete. Open the link from the e-mail, or ask for a new one.',
      backToLogin: 'Back to sign in',
    },
    auth: {
      logoutEverywhere: {
        action: 'Log out everywhere',
        title: 'Log out of every device?',
        message:
          'Every session of this account ends now: in this browser and on every other device. Use it when a device is lost or you signed in on a shared computer. You will need to sign in again everywhere.',
        confirm: 'Log out everywhere',
      },
    },
    twoFactor: {
      menu: 'Two-factor sign-in',
      title: 'Two-factor sign-in',
      secondStep: 'Enter the verification code.',
      enterCode: 'Open your authenticator app and enter the 6-digit code for this account.',
      required: 'Your role must use two-factor sign-in. Set up an authenticator app (e.g. Google Authenticator, Aegis) now.',
      code: 'Verification code',
      recoveryHint: 'Or one of your recovery codes (xxxxx-xxxxx)',
      verify: 'Verify',
      confirm: 'Turn on',
      back: 'Back',
      scan: 'Scan this QR code with your authenticator app, then enter the 6-digit code it shows.',
      manual: 'Cannot scan? Type this key:',
      qrAlt: 'QR code for the authenticator app',
      enabled: 'Two-factor sign-in is on.',
      isOn: 'Two-factor sign-in is on for this account.',
      recoveryCodesIntro: 'Keep these recovery codes somewhere safe. Each works once, for when your phone is lost. They will not be shown again.',
      continue: 'I have saved them, continue',
      newCodes: 'New recovery codes',
      disable: 'Turn off',
      disabled: 'Two-factor sign-in is off.',
    },
  },
};

/** The user menu's "log out everywhere" and two-factor sign-in (the login page's texts are in the base files, angsur.auth). */
export const authMessages: AreaMessages = { id, en };

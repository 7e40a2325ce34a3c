import type { Locale } from '../common/request-context';
import type { SpkAction } from '../spk/spk-status';

/**
 * How each audit action reads as a sentence, in Indonesian and English: the one place that says so, for
 * the audit log, the order's history (staff and customer) and their exports. `audit()` only accepts an
 * action listed here, and test/unit/audit-sentences.test.ts proves every action the code writes is here.
 *
 * Placeholders, filled by history.ts from the row and the records it names (never a UUID or raw key):
 * - `{actor}` who did it (a person's name, the company for staff seen by a customer, "sistem" for jobs);
 * - `{order}`, `{spk}`, `{payment}`, `{service}`, `{user}`: the record's number, reference, label or name
 *   (`{target}`: the row's own record, whichever kind),
 *   shown as a link where the reader may open it; `{subject}`: the name of any other record;
 * - `{reason}`: ": alasan …" when the row carries a reason or a note, else nothing;
 * - `{amount}`: the row's amount in rupiah; `{d:field}`: a plain value from the row's data;
 * - `{v:field}`: an enumerated value from the row's data, in words (VALUE_WORDS below);
 * - `{p:field}`: the person whose id is in the row's data (a link, like `{user}`).
 * `customer: true` marks what the order's own customer may see in their history.
 */
interface Sentence {
  id: string;
  en: string;
  customer?: true;
}

const spk = (id: string, en: string): Sentence => ({ id, en, customer: true });

export const AUDIT_SENTENCES = {
  // Orders
  'order.checkout': { id: '{actor} memesan {d:product} ({d:plan}): pesanan {order}', en: '{actor} ordered {d:product} ({d:plan}): order {order}', customer: true },
  'order.cancel': { id: '{actor} membatalkan pesanan {order}{reason}', en: '{actor} cancelled order {order}{reason}', customer: true },
  'order.assign': { id: '{actor} menyerahkan pesanan {order} kepada {p:to}', en: '{actor} assigned order {order} to {p:to}' },
  'order.money_status': { id: 'Status pesanan {order} berubah dari {v:from} menjadi {v:to}', en: 'Order {order} went from {v:from} to {v:to}' },
  'order.overdue_notice': { id: '{actor} mengirim teguran tunggakan {amount} untuk pesanan {order}', en: '{actor} sent an arrears notice of {amount} for order {order}', customer: true },
  'order.restructure': { id: '{actor} merestrukturisasi cicilan pesanan {order}', en: '{actor} restructured the installments of order {order}', customer: true },
  'order.suspend': { id: '{actor} menangguhkan pesanan {order}{reason}', en: '{actor} suspended order {order}{reason}', customer: true },
  'order.unsuspend': { id: '{actor} mengaktifkan kembali pesanan {order}{reason}', en: '{actor} reactivated order {order}{reason}', customer: true },
  'contract.request': { id: '{actor} mengajukan {v:kind} untuk pesanan {order}{reason}', en: '{actor} asked for {v:kind} of order {order}{reason}', customer: true },
  // SPK: one sentence per transition of the SPK machine (spk.<action in lower case>) and the other moves
  'spk.create': spk('{actor} membuat SPK {spk} untuk pesanan {order}', '{actor} drew up SPK {spk} for order {order}'),
  'spk.create_addendum': spk('{actor} membuat addendum SPK {spk} untuk pesanan {order}', '{actor} drew up the SPK addendum {spk} for order {order}'),
  'spk.submit_for_review': spk('{actor} mengirim SPK {spk} kepada pelanggan untuk diperiksa', '{actor} sent SPK {spk} to the customer for review'),
  'spk.approve': spk('{actor} menyetujui SPK {spk}', '{actor} approved SPK {spk}'),
  'spk.request_revision': spk('{actor} meminta revisi SPK {spk}{reason}', '{actor} asked for changes to SPK {spk}{reason}'),
  'spk.revise': spk('{actor} merevisi SPK {spk}', '{actor} revised SPK {spk}'),
  'spk.sign': spk('{actor} menandatangani SPK {spk}', '{actor} signed SPK {spk}'),
  'spk.upload_signed': spk('{actor} mengunggah SPK {spk} yang sudah ditandatangani', '{actor} uploaded the signed SPK {spk}'),
  'spk.reject_signature': spk('{actor} menolak tanda tangan pada SPK {spk}{reason}', '{actor} rejected the signature on SPK {spk}{reason}'),
  'spk.confirm': spk('{actor} mengonfirmasi SPK {spk}', '{actor} confirmed SPK {spk}'),
  'spk.cancel': spk('{actor} membatalkan SPK {spk}{reason}', '{actor} cancelled SPK {spk}{reason}'),
  'spk.provider_signing_start': spk('{actor} mulai menandatangani SPK {spk} secara elektronik lewat {d:provider}', '{actor} started signing SPK {spk} electronically with {d:provider}'),
  // Payments
  'payment.create': { id: '{actor} membuat pembayaran {payment} sebesar {amount} lewat {v:method} untuk pesanan {order}', en: '{actor} started payment {payment} of {amount} by {v:method} for order {order}', customer: true },
  'payment.upload_proof': { id: '{actor} mengunggah bukti transfer untuk pembayaran {payment}', en: '{actor} uploaded the transfer proof for payment {payment}', customer: true },
  'payment.settle': { id: '{actor} mencatat pembayaran {payment} sebesar {amount} lunas untuk pesanan {order}', en: '{actor} recorded payment {payment} of {amount} as settled for order {order}', customer: true },
  'payment.reject': { id: '{actor} menolak pembayaran {payment}{reason}', en: '{actor} rejected payment {payment}{reason}', customer: true },
  'payment.refund': { id: '{actor} mengembalikan dana pembayaran {payment} sebesar {amount}{reason}', en: '{actor} refunded payment {payment} of {amount}{reason}', customer: true },
  'payment.anomaly.resolve': { id: '{actor} menyelesaikan selisih pembayaran {d:reference}', en: '{actor} resolved the payment discrepancy {d:reference}' },
  'payment.statement.match': { id: '{actor} mencocokkan mutasi rekening {amount} dengan pembayaran {payment}', en: '{actor} matched a bank statement line of {amount} to payment {payment}' },
  'payment.statement.dismiss': { id: '{actor} mengabaikan mutasi rekening {amount}{reason}', en: '{actor} dismissed a bank statement line of {amount}{reason}' },
  // Billing
  'billing.pass': { id: '{actor} menjalankan penagihan harian untuk {d:date}', en: '{actor} ran the daily billing pass for {d:date}' },
  // Hosting
  'service.create': { id: '{actor} membuat layanan {service} untuk pesanan {order}', en: '{actor} set up service {service} for order {order}', customer: true },
  'service.driver_failed': { id: 'Server gagal menjalankan {v:action} layanan {service}: {d:error}', en: 'The server failed the {v:action} of service {service}: {d:error}' },
  'service.power': { id: '{actor} {v:power} layanan {service}', en: '{actor} {v:power} service {service}', customer: true },
  'service.task_done': { id: '{actor} menyelesaikan tugas {v:action} untuk {target}{reason}', en: '{actor} completed the {v:action} task for {target}{reason}' },
  'service.terminate': { id: '{actor} menghentikan layanan {service}{reason}', en: '{actor} terminated service {service}{reason}', customer: true },
  // Catalog
  'product.create': { id: '{actor} menambah produk {subject}', en: '{actor} added product {subject}' },
  'product.update': { id: '{actor} mengubah produk {subject}', en: '{actor} changed product {subject}' },
  'product.delete': { id: '{actor} menghapus produk {subject}', en: '{actor} deleted product {subject}' },
  'plan.create': { id: '{actor} menambah skema cicilan {subject}', en: '{actor} added installment plan {subject}' },
  'plan.update': { id: '{actor} mengubah skema cicilan {subject}', en: '{actor} changed installment plan {subject}' },
  'plan.delete': { id: '{actor} menghapus skema cicilan {subject}', en: '{actor} deleted installment plan {subject}' },
  // Tax
  'tax.invoice.create': { id: 'Faktur pajak {subject} dibuat, PPN {d:vat}', en: 'Tax invoice {subject} was made, VAT {d:vat}' },
  'tax.invoice.cancel': { id: 'Faktur pajak {subject} dibatalkan', en: 'Tax invoice {subject} was cancelled' },
  'tax.return.create': { id: 'Nota pembatalan {subject} dibuat untuk faktur {d:original}', en: 'Cancellation note {subject} was made for invoice {d:original}' },
  'tax.coretax.export': { id: '{actor} mengekspor {d:invoices} faktur pajak masa {d:period} ke Coretax', en: '{actor} exported {d:invoices} tax invoices for {d:period} to Coretax' },
  'tax.coretax.import': { id: '{actor} mengimpor nomor faktur dari Coretax', en: '{actor} imported tax invoice numbers from Coretax' },
  'stampDuty.quota.purchase': { id: '{actor} mencatat pembelian {d:quantity} e-Meterai dari distributor ({d:reference})', en: '{actor} recorded a purchase of {d:quantity} e-Meterai from the distributor ({d:reference})' },
  'stampDuty.quota.void': { id: '{actor} membatalkan pembelian {d:quantity} e-Meterai ({d:reference}){reason}', en: '{actor} voided the purchase of {d:quantity} e-Meterai ({d:reference}){reason}' },
  // Privacy
  'privacy.erasure_requested': { id: '{actor} meminta penghapusan data pribadinya', en: '{actor} asked for their personal data to be erased' },
  'privacy.correction_requested': { id: '{actor} meminta koreksi data pribadinya', en: '{actor} asked for their personal data to be corrected' },
  'privacy.correction_completed': { id: '{actor} menyelesaikan permintaan koreksi data', en: '{actor} completed a data correction request' },
  'privacy.request_rejected': { id: '{actor} menolak permintaan data pribadi{reason}', en: '{actor} rejected a personal data request{reason}' },
  'privacy.erasure_completed': { id: '{actor} menghapus data pribadi pelanggan', en: "{actor} erased a customer's personal data" },
  'privacy.export': { id: '{actor} mengunduh salinan data pribadinya', en: '{actor} downloaded a copy of their personal data' },
  // Accounts
  'user.register': { id: '{actor} mendaftar sebagai pelanggan', en: '{actor} signed up as a customer' },
  'user.login_failed': { id: 'Percobaan masuk yang gagal ke akun {user} dari {d:ip}', en: 'A failed sign-in to the account of {user} from {d:ip}' },
  'user.refresh_reuse': { id: 'Sesi lama {user} dipakai lagi; semua sesinya diakhiri', en: "An old session of {user} was reused; all their sessions were ended" },
  'user.logout_all': { id: '{actor} mengakhiri semua sesi {user}', en: '{actor} ended every session of {user}' },
  'user.change_password': { id: '{actor} mengganti kata sandi {user}', en: '{actor} changed the password of {user}' },
  'user.update_profile': { id: '{actor} memperbarui profilnya', en: '{actor} updated their profile' },
  'user.update': { id: '{actor} mengubah akun {user}', en: '{actor} changed the account of {user}' },
  'user.create_staff': { id: '{actor} membuat akun staf {user} ({v:role})', en: '{actor} created the staff account {user} ({v:role})' },
  'user.password_reset_requested': { id: '{user} meminta tautan atur ulang kata sandi', en: '{user} asked for a password reset link' },
  'user.password_reset': { id: '{user} mengatur ulang kata sandinya lewat tautan email', en: '{user} reset their password with the email link' },
  'user.2fa_failed': { id: 'Kode verifikasi salah saat {user} masuk dari {d:ip}', en: 'A wrong verification code when {user} signed in from {d:ip}' },
  'user.2fa_recovery_code_used': { id: '{user} masuk dengan kode pemulihan (sisa {d:left})', en: '{user} signed in with a recovery code ({d:left} left)' },
  'user.2fa_enabled': { id: '{actor} mengaktifkan verifikasi dua langkah', en: '{actor} turned on two-factor sign-in' },
  'user.2fa_disabled': { id: '{actor} menonaktifkan verifikasi dua langkah {user}', en: '{actor} turned off two-factor sign-in for {user}' },
  'user.2fa_reset': { id: '{actor} mengatur ulang verifikasi dua langkah {user}', en: '{actor} reset two-factor sign-in for {user}' },
  'user.2fa_recovery_codes_replaced': { id: '{actor} membuat kode pemulihan baru', en: '{actor} made new recovery codes' },
} as const satisfies Record<string, Sentence>;

export type AuditAction = keyof typeof AUDIT_SENTENCES;

/** The audit action of an SPK transition: `spk.approve` for APPROVE. */
export const spkAuditAction = (action: SpkAction) => `spk.${action.toLowerCase() as Lowercase<SpkAction>}` satisfies AuditAction;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_SENTENCES, action);
}

/** Whether the order's customer sees this action in their history. */
export function customerSees(action: string): boolean {
  return isAuditAction(action) && 'customer' in AUDIT_SENTENCES[action];
}

/** `{v:field}` values in words, keyed `field.VALUE`; a value not listed is shown as it is. */
export const VALUE_WORDS: Record<Locale, Record<string, string>> = {
  id: {
    'kind.RENEWAL': 'perpanjangan',
    'kind.UPGRADE': 'peningkatan paket',
    'kind.CANCELLATION': 'pembatalan kontrak',
    'power.start': 'menyalakan',
    'power.stop': 'mematikan',
    'power.reboot': 'memulai ulang',
    'action.create': 'pembuatan',
    'action.suspend': 'penangguhan',
    'action.unsuspend': 'pengaktifan kembali',
    'action.terminate': 'penghentian',
    'action.contract': 'akhir kontrak',
    'method.BANK_TRANSFER': 'transfer bank',
    'method.GATEWAY': 'pembayaran online',
    'method.QRIS': 'QRIS',
    'method.VIRTUAL_ACCOUNT': 'virtual account',
    'role.ADMIN': 'Admin',
    'role.FINANCE': 'Keuangan',
    'role.SUPPORT': 'Dukungan',
    'role.CUSTOMER': 'Pelanggan',
    'status.AWAITING_SPK': 'menunggu SPK',
    'status.AWAITING_DOWN_PAYMENT': 'menunggu uang muka',
    'status.ACTIVE': 'aktif',
    'status.SPK_IN_PROGRESS': 'SPK sedang diproses',
    'status.SUSPENDED': 'ditangguhkan',
    'status.COMPLETED': 'lunas',
    'status.CANCELLED': 'dibatalkan',
  },
  en: {
    'kind.RENEWAL': 'a renewal',
    'kind.UPGRADE': 'an upgrade',
    'kind.CANCELLATION': 'cancellation',
    'power.start': 'started',
    'power.stop': 'stopped',
    'power.reboot': 'rebooted',
    'action.create': 'set-up',
    'action.suspend': 'suspension',
    'action.unsuspend': 'reactivation',
    'action.terminate': 'termination',
    'action.contract': 'end-of-contract',
    'method.BANK_TRANSFER': 'bank transfer',
    'method.GATEWAY': 'online payment',
    'method.QRIS': 'QRIS',
    'method.VIRTUAL_ACCOUNT': 'virtual account',
    'role.ADMIN': 'Admin',
    'role.FINANCE': 'Finance',
    'role.SUPPORT': 'Support',
    'role.CUSTOMER': 'Customer',
    'status.AWAITING_SPK': 'awaiting SPK',
    'status.AWAITING_DOWN_PAYMENT': 'awaiting down payment',
    'status.ACTIVE': 'active',
    'status.SPK_IN_PROGRESS': 'SPK in progress',
    'status.SUSPENDED': 'suspended',
    'status.COMPLETED': 'paid off',
    'status.CANCELLED': 'cancelled',
  },
};

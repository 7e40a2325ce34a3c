import { DateTime } from 'luxon';
import { formatPhoneID, normalizePhoneID } from '../../common/id-formats';
import type { Locale } from '../../common/request-context';
import { formatDate, ZONE } from '../../common/time';
import { formatRupiah } from '../../money/rupiah';
import { LETTERHEAD_SLOT, SIGNATURE_SLOT } from './letterhead';
import { templateParam } from './whatsapp-message';

/**
 * Notification texts in Bahasa Indonesia and English, for every channel at once: the in-app
 * notification (title, body), the e-mail (subject, plain text, HTML with the same content) and
 * WhatsApp (a pre-approved template with its body parameters, and the same text filled in for the
 * sandbox, logs and messages inside the 24-hour window).
 *
 * Parameters: money is bigint rupiah (`Rp 1.500.000`), dates are calendar dates 'YYYY-MM-DD' in
 * Asia/Jakarta ("28 Februari 2026" / "28 February 2026"), phones are E.164 (`+62 812-3456-7890`),
 * URLs must be http(s). Anything else throws a RangeError or TypeError: a broken notification is a bug
 * to see in the outbox, not a text to send.
 *
 * ===================================================================================================
 * WhatsApp message templates (submit to Meta, category UTILITY, languages `id` and `en`; each template
 * has one name for both languages; the body parameters are plain text, in this order)
 * ===================================================================================================
 *
 * angsur_installment_reminder
 *   params: {{1}} customer name, {{2}} installment number, {{3}} order number, {{4}} amount, {{5}} due date
 *   id: Yth. Bapak/Ibu {{1}}, pengingat: angsuran ke-{{2}} pesanan {{3}} sebesar {{4}} jatuh tempo {{5}}. Mohon lakukan pembayaran paling lambat pada tanggal tersebut. Abaikan pesan ini bila Anda sudah membayar. Terima kasih.
 *   en: Dear {{1}}, reminder: installment {{2}} of order {{3}} for {{4}} is due on {{5}}. Please pay by that date. Ignore this message if you have already paid. Thank you.
 *   example: Budi Santoso | 3 | ORD-202602-000123 | Rp 1.035.000 | 28 Februari 2026
 *
 * angsur_installment_overdue
 *   params: {{1}} customer name, {{2}} installment number, {{3}} order number, {{4}} amount, {{5}} due date,
 *           {{6}} days late ("5 hari" / "5 days"), {{7}} arrears, {{8}} late fee
 *   id: Yth. Bapak/Ibu {{1}}, angsuran ke-{{2}} pesanan {{3}} sebesar {{4}} yang jatuh tempo {{5}} telah terlambat {{6}}. Tunggakan saat ini: {{7}}. Denda keterlambatan: {{8}}. Mohon segera lakukan pembayaran. Terima kasih.
 *   en: Dear {{1}}, installment {{2}} of order {{3}} for {{4}}, due on {{5}}, is {{6}} overdue. Current arrears: {{7}}. Late fee: {{8}}. Please pay as soon as possible. Thank you.
 *   example: Budi Santoso | 3 | ORD-202602-000123 | Rp 1.035.000 | 28 Februari 2026 | 5 hari | Rp 1.035.000 | Rp 50.000
 *
 * angsur_overdue_notice
 *   params: {{1}} customer name, {{2}} order number, {{3}} arrears, {{4}} days late ("14 hari" / "14 days"),
 *           {{5}} payment URL, {{6}} admin name, {{7}} admin phone
 *   id: Yth. Bapak/Ibu {{1}}, pesanan {{2}} memiliki tunggakan sebesar {{3}} yang telah terlambat {{4}}. Mohon segera lunasi melalui {{5}} agar layanan Anda tetap aktif. Jika tunggakan tidak segera dilunasi, layanan Anda akan ditangguhkan (suspend). Untuk bantuan, hubungi {{6}} di {{7}} (WhatsApp). Terima kasih.
 *   en: Dear {{1}}, order {{2}} has arrears of {{3}}, now {{4}} overdue. Please pay via {{5}} to keep your service active. If the arrears are not paid promptly, your service will be suspended. For help, contact {{6}} at {{7}} (WhatsApp). Thank you.
 *   example: Budi Santoso | ORD-202602-000123 | Rp 2.070.000 | 14 hari | https://billing.example.co.id/pay/ORD-202602-000123 | Sari | +62 812-3456-7890
 *
 * angsur_overdue_order_staff
 *   params: {{1}} customer name, {{2}} order number, {{3}} arrears, {{4}} days late ("14 hari" / "14 days")
 *   id: Tunggakan pelanggan {{1}}: pesanan {{2}} menunggak {{3}}, terlambat {{4}}. Mohon segera ditindaklanjuti. Terima kasih.
 *   en: Overdue customer {{1}}: order {{2}} has arrears of {{3}}, {{4}} overdue. Please follow up soon. Thank you.
 *   example: Budi Santoso | ORD-202602-000123 | Rp 2.070.000 | 14 hari
 *
 * angsur_spk_ready_for_review
 *   params: {{1}} customer name, {{2}} SPK number, {{3}} download URL, {{4}} admin WhatsApp link (wa.me)
 *   id: Yth. Bapak/Ibu {{1}}, SPK {{2}} sudah siap untuk Anda tinjau. Silakan unduh di {{3}} lalu periksa isinya dengan teliti. Bila ada yang perlu diubah atau ditanyakan, hubungi admin kami melalui {{4}} sebelum SPK ditandatangani. Terima kasih.
 *   en: Dear {{1}}, SPK {{2}} is ready for your review. Please download it at {{3}} and check it carefully. If anything needs changing or you have questions, contact our admin at {{4}} before the SPK is signed. Thank you.
 *   example: Budi Santoso | SPK/2026/02/000012 | https://billing.example.co.id/spk/SPK-7Q2M9X4K3P | https://wa.me/6281234567890
 *
 * angsur_spk_signed_by_admin
 *   params: {{1}} customer name, {{2}} SPK number, {{3}} download URL
 *   id: Yth. Bapak/Ibu {{1}}, SPK {{2}} telah kami tandatangani. Silakan unduh di {{3}} lalu tandatangani dan unggah kembali dokumen tersebut melalui akun Anda. Terima kasih.
 *   en: Dear {{1}}, we have signed SPK {{2}}. Please download it at {{3}}, sign it and upload the signed document in your account. Thank you.
 *   example: Budi Santoso | SPK/2026/02/000012 | https://billing.example.co.id/spk/SPK-7Q2M9X4K3P
 *
 * angsur_spk_signature_rejected
 *   params: {{1}} customer name, {{2}} SPK number, {{3}} reason
 *   id: Yth. Bapak/Ibu {{1}}, SPK {{2}} bertanda tangan yang Anda unggah belum dapat kami terima. Alasan: {{3}}. Mohon perbaiki lalu unggah kembali melalui akun Anda. Terima kasih.
 *   en: Dear {{1}}, the signed SPK {{2}} you uploaded could not be accepted. Reason: {{3}}. Please correct it and upload it again in your account. Thank you.
 *   example: Budi Santoso | SPK/2026/02/000012 | Tanda tangan tidak terlihat pada halaman terakhir
 *
 * angsur_spk_confirmed
 *   params: {{1}} customer name, {{2}} SPK number, {{3}} order number
 *   id: Yth. Bapak/Ibu {{1}}, SPK {{2}} untuk pesanan {{3}} telah dikonfirmasi dan berlaku. Pesanan Anda akan kami proses lebih lanjut. Terima kasih.
 *   en: Dear {{1}}, SPK {{2}} for order {{3}} has been confirmed and is now in effect. We will now process your order further. Thank you.
 *   example: Budi Santoso | SPK/2026/02/000012 | ORD-202602-000123
 *
 * angsur_payment_settled
 *   params: {{1}} customer name, {{2}} order number, {{3}} amount, {{4}} payment reference
 *   id: Yth. Bapak/Ibu {{1}}, pembayaran untuk pesanan {{2}} sebesar {{3}} telah kami terima (referensi {{4}}). Terima kasih.
 *   en: Dear {{1}}, we have received your payment for order {{2}} of {{3}} (reference {{4}}). Thank you.
 *   example: Budi Santoso | ORD-202602-000123 | Rp 1.035.000 | PAY-20260228-0001
 *
 * angsur_payment_rejected
 *   params: {{1}} customer name, {{2}} order number, {{3}} amount, {{4}} reason
 *   id: Yth. Bapak/Ibu {{1}}, pembayaran untuk pesanan {{2}} sebesar {{3}} belum dapat kami terima. Alasan: {{4}}. Mohon periksa kembali atau hubungi kami. Terima kasih.
 *   en: Dear {{1}}, your payment for order {{2}} of {{3}} could not be accepted. Reason: {{4}}. Please check it or contact us. Thank you.
 *   example: Budi Santoso | ORD-202602-000123 | Rp 1.035.000 | Bukti transfer tidak terbaca
 *
 * angsur_payment_refunded
 *   params: {{1}} customer name, {{2}} order number, {{3}} amount, {{4}} payment reference, {{5}} reason
 *   id: Yth. Bapak/Ibu {{1}}, pembayaran untuk pesanan {{2}} sebesar {{3}} (referensi {{4}}) telah dikembalikan (refund). Alasan: {{5}}. Tagihan yang dibayar dengan pembayaran ini kembali terbuka. Terima kasih.
 *   en: Dear {{1}}, your payment for order {{2}} of {{3}} (reference {{4}}) has been refunded. Reason: {{5}}. The installments it paid are open again. Thank you.
 *   example: Budi Santoso | ORD-202602-000123 | Rp 1.035.000 | PAY-20260228-0001 | Transfer ganda
 *
 * angsur_service_suspended
 *   params: {{1}} customer name, {{2}} service, {{3}} reason
 *   id: Yth. Bapak/Ibu {{1}}, layanan {{2}} Anda telah ditangguhkan (suspend). Alasan: {{3}}. Layanan akan diaktifkan kembali setelah hal tersebut diselesaikan; hubungi kami bila memerlukan bantuan. Terima kasih.
 *   en: Dear {{1}}, your service {{2}} has been suspended. Reason: {{3}}. It will be reactivated once this is resolved; contact us if you need help. Thank you.
 *   example: Budi Santoso | VPS 4 GB (vps-budi.example.co.id) | Tunggakan angsuran belum dilunasi
 *
 * angsur_service_unsuspended            (SERVICE_UNSUSPENDED without payUntil)
 *   params: {{1}} customer name, {{2}} service
 *   id: Yth. Bapak/Ibu {{1}}, layanan {{2}} Anda telah diaktifkan kembali dan dapat digunakan seperti biasa. Terima kasih.
 *   en: Dear {{1}}, your service {{2}} has been reactivated and can be used as usual. Thank you.
 *   example: Budi Santoso | VPS 4 GB (vps-budi.example.co.id)
 *
 * angsur_service_unsuspended_until      (SERVICE_UNSUSPENDED with payUntil)
 *   params: {{1}} customer name, {{2}} service, {{3}} pay-until date
 *   id: Yth. Bapak/Ibu {{1}}, layanan {{2}} Anda telah diaktifkan kembali. Mohon lunasi tunggakan paling lambat {{3}} agar layanan tidak ditangguhkan lagi. Terima kasih.
 *   en: Dear {{1}}, your service {{2}} has been reactivated. Please settle the arrears by {{3}} so that it is not suspended again. Thank you.
 *   example: Budi Santoso | VPS 4 GB (vps-budi.example.co.id) | 7 Maret 2026
 *
 * angsur_order_assigned
 *   params: {{1}} staff name, {{2}} order number, {{3}} customer name, {{4}} customer username,
 *           {{5}} customer e-mail, {{6}} customer phone, {{7}} customer note ("-" when none)
 *   id: Halo {{1}}, pesanan {{2}} telah ditugaskan kepada Anda. Pelanggan: {{3}} (pengguna {{4}}), email {{5}}, telepon {{6}}. Catatan pelanggan: {{7}}. Mohon segera ditindaklanjuti. Terima kasih.
 *   en: Hello {{1}}, order {{2}} has been assigned to you. Customer: {{3}} (username {{4}}), e-mail {{5}}, phone {{6}}. Customer note: {{7}}. Please follow up soon. Thank you.
 *   example: Sari | ORD-202602-000123 | Budi Santoso | budi | budi@example.co.id | +62 812-3456-7890 | Mohon dipasang di data center Jakarta
 *
 * angsur_staff_customer_move
 *   params: {{1}} staff name, {{2}} what the customer did (one sentence without a full stop), {{3}} back-office URL
 *   id: Halo {{1}}, {{2}}. Mohon segera ditindaklanjuti: {{3}}. Pesan otomatis dari Angsur.
 *   en: Hello {{1}}, {{2}}. Please follow up: {{3}}. Automatic message from Angsur.
 *   example: Sari | Budi Santoso mengunggah bukti transfer Rp 1.035.000 untuk pesanan ORD-202602-000123 | https://billing.example.co.id/admin/payments/1f0c…/show
 *
 * Parameters never contain a newline, a tab or more than four spaces in a row (Meta refuses them), and
 * an empty one is sent as "-". Free-text reasons and notes lose a trailing full stop.
 * ===================================================================================================
 */

export const NOTIFICATION_TYPES = [
  'INSTALLMENT_REMINDER',
  'INSTALLMENT_OVERDUE',
  'OVERDUE_NOTICE',
  'OVERDUE_ORDER_FOR_STAFF',
  'SPK_READY_FOR_REVIEW',
  'SPK_SIGNED_BY_ADMIN',
  'SPK_SIGNATURE_REJECTED',
  'SPK_CONFIRMED',
  'PAYMENT_SETTLED',
  'PAYMENT_REJECTED',
  'PAYMENT_REFUNDED',
  'SERVICE_SUSPENDED',
  'SERVICE_UNSUSPENDED',
  'ORDER_ASSIGNED',
  'STAFF_CUSTOMER_MOVE',
  'STAMP_QUOTA_LOW',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** A calendar date 'YYYY-MM-DD' (a Date is taken in Asia/Jakarta). */
export type DateParam = string | Date;

export interface NotificationParams {
  INSTALLMENT_REMINDER: { customerName: string; orderNumber: string; installmentNumber: number; dueDate: DateParam; amount: bigint; daysBefore: number; virtualAccount?: string | null };
  INSTALLMENT_OVERDUE: {
    customerName: string;
    orderNumber: string;
    installmentNumber: number;
    dueDate: DateParam;
    amount: bigint;
    daysLate: number;
    arrearsAmount: bigint;
    lateFee: bigint;
    virtualAccount?: string | null;
  };
  OVERDUE_NOTICE: { customerName: string; orderNumber: string; arrearsAmount: bigint; daysLate: number; payUrl: string; adminName: string; adminPhone: string };
  OVERDUE_ORDER_FOR_STAFF: { customerName: string; orderNumber: string; arrearsAmount: bigint; daysLate: number };
  SPK_READY_FOR_REVIEW: { customerName: string; spkNumber: string; downloadUrl: string; adminWaLink: string };
  SPK_SIGNED_BY_ADMIN: { customerName: string; spkNumber: string; downloadUrl: string };
  SPK_SIGNATURE_REJECTED: { customerName: string; spkNumber: string; reason: string };
  SPK_CONFIRMED: { customerName: string; spkNumber: string; orderNumber: string };
  PAYMENT_SETTLED: { customerName: string; orderNumber: string; amount: bigint; reference: string; virtualAccount?: string | null };
  PAYMENT_REJECTED: { customerName: string; orderNumber: string; amount: bigint; reason: string };
  PAYMENT_REFUNDED: { customerName: string; orderNumber: string; amount: bigint; reference: string; reason: string };
  SERVICE_SUSPENDED: { customerName: string; serviceLabel: string; reason: string };
  SERVICE_UNSUSPENDED: { customerName: string; serviceLabel: string; payUntil: DateParam | null };
  ORDER_ASSIGNED: {
    staffName: string;
    orderNumber: string;
    customerName: string;
    customerUsername: string;
    customerEmail: string;
    /** E.164 */
    customerPhone: string;
    customerNote?: string | null;
  };
  /** To ADMIN: few e-Meterai of the bought quota remain (STAMP_QUOTA plus recorded purchases, STAMP_QUOTA_LOW). */
  STAMP_QUOTA_LOW: { staffName: string; remaining: number; quota: number; url: string };
  STAFF_CUSTOMER_MOVE: {
    staffName: string;
    move: CustomerMove;
    customerName: string;
    orderNumber: string;
    /** The SPK number or the payment reference the move concerns. */
    documentNumber?: string | null;
    amount?: bigint | null;
    /** The customer's reason or note (revision asked, suspension). */
    note?: string | null;
    /** Absolute back-office URL of the record to open. */
    url: string;
  };
}

/** What a customer did that staff must act on (see notifications/staff-alerts.ts). */
export const CUSTOMER_MOVES = ['ORDER_PLACED', 'SPK_APPROVED', 'SPK_REVISION_REQUESTED', 'SPK_SIGNED', 'PAYMENT_PROOF_UPLOADED', 'ORDER_SUSPENDED', 'PAYMENT_SETTLED'] as const;
export type CustomerMove = (typeof CUSTOMER_MOVES)[number];

export interface RenderedNotification {
  title: string;
  body: string;
  email: { subject: string; text: string; html: string };
  whatsapp: { template: WhatsAppTemplateName; bodyParams: string[]; text: string };
}

// ---------------------------------------------------------------------------------------------------
// WhatsApp templates: the source of the list above (a test checks that the comment matches).

export const WHATSAPP_TEMPLATES = {
  angsur_installment_reminder: {
    params: ['customerName', 'installmentNumber', 'orderNumber', 'amount', 'dueDate'],
    id: 'Yth. Bapak/Ibu {{1}}, pengingat: angsuran ke-{{2}} pesanan {{3}} sebesar {{4}} jatuh tempo {{5}}. Mohon lakukan pembayaran paling lambat pada tanggal tersebut. Abaikan pesan ini bila Anda sudah membayar. Terima kasih.',
    en: 'Dear {{1}}, reminder: installment {{2}} of order {{3}} for {{4}} is due on {{5}}. Please pay by that date. Ignore this message if you have already paid. Thank you.',
  },
  angsur_installment_overdue: {
    params: ['customerName', 'installmentNumber', 'orderNumber', 'amount', 'dueDate', 'daysLate', 'arrearsAmount', 'lateFee'],
    id: 'Yth. Bapak/Ibu {{1}}, angsuran ke-{{2}} pesanan {{3}} sebesar {{4}} yang jatuh tempo {{5}} telah terlambat {{6}}. Tunggakan saat ini: {{7}}. Denda keterlambatan: {{8}}. Mohon segera lakukan pembayaran. Terima kasih.',
    en: 'Dear {{1}}, installment {{2}} of order {{3}} for {{4}}, due on {{5}}, is {{6}} overdue. Current arrears: {{7}}. Late fee: {{8}}. Please pay as soon as possible. Thank you.',
  },
  angsur_overdue_notice: {
    params: ['customerName', 'orderNumber', 'arrearsAmount', 'daysLate', 'payUrl', 'adminName', 'adminPhone'],
    id: 'Yth. Bapak/Ibu {{1}}, pesanan {{2}} memiliki tunggakan sebesar {{3}} yang telah terlambat {{4}}. Mohon segera lunasi melalui {{5}} agar layanan Anda tetap aktif. Jika tunggakan tidak segera dilunasi, layanan Anda akan ditangguhkan (suspend). Untuk bantuan, hubungi {{6}} di {{7}} (WhatsApp). Terima kasih.',
    en: 'Dear {{1}}, order {{2}} has arrears of {{3}}, now {{4}} overdue. Please pay via {{5}} to keep your service active. If the arrears are not paid promptly, your service will be suspended. For help, contact {{6}} at {{7}} (WhatsApp). Thank you.',
  },
  angsur_overdue_order_staff: {
    params: ['customerName', 'orderNumber', 'arrearsAmount', 'daysLate'],
    id: 'Tunggakan pelanggan {{1}}: pesanan {{2}} menunggak {{3}}, terlambat {{4}}. Mohon segera ditindaklanjuti. Terima kasih.',
    en: 'Overdue customer {{1}}: order {{2}} has arrears of {{3}}, {{4}} overdue. Please follow up soon. Thank you.',
  },
  angsur_spk_ready_for_review: {
    params: ['customerName', 'spkNumber', 'downloadUrl', 'adminWaLink'],
    id: 'Yth. Bapak/Ibu {{1}}, SPK {{2}} sudah siap untuk Anda tinjau. Silakan unduh di {{3}} lalu periksa isinya dengan teliti. Bila ada yang perlu diubah atau ditanyakan, hubungi admin kami melalui {{4}} sebelum SPK ditandatangani. Terima kasih.',
    en: 'Dear {{1}}, SPK {{2}} is ready for your review. Please download it at {{3}} and check it carefully. If anything needs changing or you have questions, contact our admin at {{4}} before the SPK is signed. Thank you.',
  },
  angsur_spk_signed_by_admin: {
    params: ['customerName', 'spkNumber', 'downloadUrl'],
    id: 'Yth. Bapak/Ibu {{1}}, SPK {{2}} telah kami tandatangani. Silakan unduh di {{3}} lalu tandatangani dan unggah kembali dokumen tersebut melalui akun Anda. Terima kasih.',
    en: 'Dear {{1}}, we have signed SPK {{2}}. Please download it at {{3}}, sign it and upload the signed document in your account. Thank you.',
  },
  angsur_spk_signature_rejected: {
    params: ['customerName', 'spkNumber', 'reason'],
    id: 'Yth. Bapak/Ibu {{1}}, SPK {{2}} bertanda tangan yang Anda unggah belum dapat kami terima. Alasan: {{3}}. Mohon perbaiki lalu unggah kembali melalui akun Anda. Terima kasih.',
    en: 'Dear {{1}}, the signed SPK {{2}} you uploaded could not be accepted. Reason: {{3}}. Please correct it and upload it again in your account. Thank you.',
  },
  angsur_spk_confirmed: {
    params: ['customerName', 'spkNumber', 'orderNumber'],
    id: 'Yth. Bapak/Ibu {{1}}, SPK {{2}} untuk pesanan {{3}} telah dikonfirmasi dan berlaku. Pesanan Anda akan kami proses lebih lanjut. Terima kasih.',
    en: 'Dear {{1}}, SPK {{2}} for order {{3}} has been confirmed and is now in effect. We will now process your order further. Thank you.',
  },
  angsur_payment_settled: {
    params: ['customerName', 'orderNumber', 'amount', 'reference'],
    id: 'Yth. Bapak/Ibu {{1}}, pembayaran untuk pesanan {{2}} sebesar {{3}} telah kami terima (referensi {{4}}). Terima kasih.',
    en: 'Dear {{1}}, we have received your payment for order {{2}} of {{3}} (reference {{4}}). Thank you.',
  },
  angsur_payment_rejected: {
    params: ['customerName', 'orderNumber', 'amount', 'reason'],
    id: 'Yth. Bapak/Ibu {{1}}, pembayaran untuk pesanan {{2}} sebesar {{3}} belum dapat kami terima. Alasan: {{4}}. Mohon periksa kembali atau hubungi kami. Terima kasih.',
    en: 'Dear {{1}}, your payment for order {{2}} of {{3}} could not be accepted. Reason: {{4}}. Please check it or contact us. Thank you.',
  },
  angsur_payment_refunded: {
    params: ['customerName', 'orderNumber', 'amount', 'reference', 'reason'],
    id: 'Yth. Bapak/Ibu {{1}}, pembayaran untuk pesanan {{2}} sebesar {{3}} (referensi {{4}}) telah dikembalikan (refund). Alasan: {{5}}. Tagihan yang dibayar dengan pembayaran ini kembali terbuka. Terima kasih.',
    en: 'Dear {{1}}, your payment for order {{2}} of {{3}} (reference {{4}}) has been refunded. Reason: {{5}}. The installments it paid are open again. Thank you.',
  },
  angsur_service_suspended: {
    params: ['customerName', 'serviceLabel', 'reason'],
    id: 'Yth. Bapak/Ibu {{1}}, layanan {{2}} Anda telah ditangguhkan (suspend). Alasan: {{3}}. Layanan akan diaktifkan kembali setelah hal tersebut diselesaikan; hubungi kami bila memerlukan bantuan. Terima kasih.',
    en: 'Dear {{1}}, your service {{2}} has been suspended. Reason: {{3}}. It will be reactivated once this is resolved; contact us if you need help. Thank you.',
  },
  angsur_service_unsuspended: {
    params: ['customerName', 'serviceLabel'],
    id: 'Yth. Bapak/Ibu {{1}}, layanan {{2}} Anda telah diaktifkan kembali dan dapat digunakan seperti biasa. Terima kasih.',
    en: 'Dear {{1}}, your service {{2}} has been reactivated and can be used as usual. Thank you.',
  },
  angsur_service_unsuspended_until: {
    params: ['customerName', 'serviceLabel', 'payUntil'],
    id: 'Yth. Bapak/Ibu {{1}}, layanan {{2}} Anda telah diaktifkan kembali. Mohon lunasi tunggakan paling lambat {{3}} agar layanan tidak ditangguhkan lagi. Terima kasih.',
    en: 'Dear {{1}}, your service {{2}} has been reactivated. Please settle the arrears by {{3}} so that it is not suspended again. Thank you.',
  },
  angsur_order_assigned: {
    params: ['staffName', 'orderNumber', 'customerName', 'customerUsername', 'customerEmail', 'customerPhone', 'customerNote'],
    id: 'Halo {{1}}, pesanan {{2}} telah ditugaskan kepada Anda. Pelanggan: {{3}} (pengguna {{4}}), email {{5}}, telepon {{6}}. Catatan pelanggan: {{7}}. Mohon segera ditindaklanjuti. Terima kasih.',
    en: 'Hello {{1}}, order {{2}} has been assigned to you. Customer: {{3}} (username {{4}}), e-mail {{5}}, phone {{6}}. Customer note: {{7}}. Please follow up soon. Thank you.',
  },
  angsur_staff_customer_move: {
    params: ['staffName', 'what', 'url'],
    id: 'Halo {{1}}, {{2}}. Mohon segera ditindaklanjuti: {{3}}. Pesan otomatis dari Angsur.',
    en: 'Hello {{1}}, {{2}}. Please follow up: {{3}}. Automatic message from Angsur.',
  },
} as const satisfies Record<string, { params: readonly string[]; id: string; en: string }>;

export type WhatsAppTemplateName = keyof typeof WHATSAPP_TEMPLATES;

/** The template's text with {{n}} replaced by the n-th parameter, as the recipient sees it. */
export function fillWhatsAppTemplate(name: WhatsAppTemplateName, locale: Locale, bodyParams: readonly string[]): string {
  const template = WHATSAPP_TEMPLATES[name];
  if (bodyParams.length !== template.params.length) {
    throw new RangeError(`WhatsApp template ${name} takes ${template.params.length} parameters, got ${bodyParams.length}`);
  }
  return template[locale].replace(/\{\{(\d+)\}\}/g, (_, n: string) => bodyParams[Number(n) - 1]!);
}

// ---------------------------------------------------------------------------------------------------
// Formatting and checking parameters

function money(value: bigint, what: string): string {
  if (typeof value !== 'bigint') throw new TypeError(`${what} must be a bigint number of rupiah`);
  return formatRupiah(value);
}

function calendarDate(value: DateParam, what: string): DateTime {
  if (value instanceof Date) {
    const d = DateTime.fromJSDate(value, { zone: ZONE });
    if (!d.isValid) throw new RangeError(`${what} is not a valid date`);
    return d;
  }
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`${what} must be a date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  const d = DateTime.fromISO(value, { zone: ZONE });
  if (!d.isValid) throw new RangeError(`${what} ${value} is not a valid date`);
  return d;
}

/** "28 Februari 2026" / "28 February 2026" in Jakarta's calendar. */
function date(value: DateParam, what: string, locale: Locale): string {
  // A batch repeats few dates thousands of times, and luxon's zone arithmetic was a third of rendering.
  const key = typeof value === 'string' ? `${locale}${value}` : null;
  const known = key === null ? undefined : DATES.get(key);
  if (known !== undefined) return known;
  const d = calendarDate(value, what);
  const text = formatDate(d.toISODate()!, locale);
  if (key !== null) {
    if (DATES.size >= 4096) DATES.clear();
    DATES.set(key, text);
  }
  return text;
}

/** Calendar dates already written out, by locale and 'YYYY-MM-DD' (only valid ones get here). */
const DATES = new Map<string, string>();

function count(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number >= 0, got ${value}`);
  return value;
}

/** "5 hari" / "1 day" / "5 days". */
function days(n: number, locale: Locale): string {
  if (locale === 'id') return `${n} hari`;
  return n === 1 ? '1 day' : `${n} days`;
}

/** When an installment falls due, relative to today. */
function dueIn(n: number, locale: Locale): string {
  if (locale === 'id') return n === 0 ? 'hari ini' : n === 1 ? 'besok' : `${n} hari lagi`;
  return n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`;
}

/** E.164 shown as `+62 812-3456-7890`; a number we cannot read is shown as given. */
function phone(value: string): string {
  const e164 = normalizePhoneID(value ?? '') ?? line(value);
  return formatPhoneID(e164);
}

function url(value: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new RangeError(`${what} is not a URL: ${JSON.stringify(value)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RangeError(`${what} must be an http(s) URL`);
  return value;
}

/** A name or label on one line, with a fallback when it is empty. */
function line(value: string | null | undefined, fallback = '-'): string {
  const s = (value ?? '').replace(/\s+/g, ' ').trim();
  return s === '' ? fallback : s;
}

/** The order's own virtual account ("BNI 8808..."), where any amount may be sent; nothing when it has none. */
function vaBlocks(virtualAccount: string | null | undefined, L: Locale): { p: string }[] {
  const va = line(virtualAccount, '');
  return va ? [{ p: t(L, `Bayar ke virtual account pesanan ini: ${va} (jumlah berapa pun diterima).`, `Pay into this order's virtual account: ${va} (any amount is accepted).`) }] : [];
}

/** Free text (reason, note): trimmed, without a trailing full stop since our sentence adds one. */
function freeText(value: string | null | undefined): string {
  const s = (value ?? '').trim().replace(/[\s.]+$/, '');
  return s === '' ? '-' : s;
}

/** The sentence a staff member reads about a customer's move, and what it asks of them. */
function customerMove(p: NotificationParams['STAFF_CUSTOMER_MOVE'], L: Locale): { title: string; what: string; note: string | null; next: string } {
  const who = line(p.customerName, t(L, 'Pelanggan', 'The customer'));
  const order = line(p.orderNumber);
  const doc = line(p.documentNumber);
  const amount = p.amount === null || p.amount === undefined ? null : money(p.amount, 'amount');
  /** " Rp 1.035.000", or nothing when the move has no amount. */
  const sum = amount ? ` ${amount}` : '';
  const reason = p.note ? `${t(L, 'Alasan', 'Reason')}: ${freeText(p.note)}.` : null;
  switch (p.move) {
    case 'ORDER_PLACED':
      return {
        title: t(L, `Pesanan baru ${order} dari ${who}`, `New order ${order} from ${who}`),
        what: t(L, `${who} membuat pesanan baru ${order}${amount ? ` senilai ${amount}` : ''}`, `${who} placed a new order ${order}${amount ? ` worth ${amount}` : ''}`),
        note: null,
        next: t(L, 'Pesanan menunggu SPK: buat SPK untuk pesanan ini.', 'The order is waiting for an SPK: draw one up.'),
      };
    case 'SPK_APPROVED':
      return {
        title: t(L, `${who} menyetujui SPK ${doc}`, `${who} approved SPK ${doc}`),
        what: t(L, `${who} menyetujui draf SPK ${doc} untuk pesanan ${order}`, `${who} approved the draft SPK ${doc} for order ${order}`),
        note: null,
        next: t(L, 'Tandatangani SPK lalu kirim ke pelanggan.', 'Sign the SPK and send it to the customer.'),
      };
    case 'SPK_REVISION_REQUESTED':
      return {
        title: t(L, `${who} meminta revisi SPK ${doc}`, `${who} asked for changes to SPK ${doc}`),
        what: t(L, `${who} meminta revisi SPK ${doc} untuk pesanan ${order}`, `${who} asked for changes to SPK ${doc} for order ${order}`),
        note: p.note ? `${t(L, 'Catatan pelanggan', 'Customer note')}: ${freeText(p.note)}.` : null,
        next: t(L, 'Periksa permintaan lalu terbitkan versi SPK yang baru.', 'Review the request and issue a new version of the SPK.'),
      };
    case 'SPK_SIGNED':
      return {
        title: t(L, `${who} mengunggah SPK ${doc} bertanda tangan`, `${who} uploaded the signed SPK ${doc}`),
        what: t(L, `${who} mengunggah SPK ${doc} bertanda tangan untuk pesanan ${order}`, `${who} uploaded the signed SPK ${doc} for order ${order}`),
        note: null,
        next: t(L, 'Periksa tanda tangan lalu konfirmasi SPK.', 'Check the signature and confirm the SPK.'),
      };
    case 'PAYMENT_PROOF_UPLOADED':
      return {
        title: t(L, `Bukti transfer${sum} dari ${who}`, `Transfer proof${sum} from ${who}`),
        what: t(L, `${who} mengunggah bukti transfer${sum} untuk pesanan ${order}`, `${who} uploaded a transfer proof${sum} for order ${order}`),
        note: p.documentNumber ? `${t(L, 'Referensi', 'Reference')}: ${doc}.` : null,
        next: t(L, 'Verifikasi bukti transfer dengan mutasi rekening.', 'Verify the proof against the bank statement.'),
      };
    case 'ORDER_SUSPENDED':
      return {
        title: t(L, `${who} menangguhkan pesanan ${order}`, `${who} suspended order ${order}`),
        what: t(L, `${who} menangguhkan sendiri pesanan ${order}`, `${who} suspended their own order ${order}`),
        note: reason,
        next: t(L, 'Hubungi pelanggan bila perlu tindak lanjut.', 'Contact the customer if it needs a follow-up.'),
      };
    case 'PAYMENT_SETTLED':
      return {
        title: t(L, `Pembayaran online${sum} dari ${who} diterima`, `Online payment${sum} from ${who} received`),
        what: t(L, `Pembayaran online${sum} dari ${who} untuk pesanan ${order} telah diterima`, `${who} paid${sum} online for order ${order}`),
        note: p.documentNumber ? `${t(L, 'Referensi', 'Reference')}: ${doc}.` : null,
        next: t(L, 'Lanjutkan pesanan bila menunggu pembayaran ini.', 'Carry the order on if it was waiting for this payment.'),
      };
    default:
      throw new RangeError(`unknown customer move ${String(p.move)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Content model: every channel is rendered from the same blocks, so text and HTML say the same thing.

export type Block =
  | { p: string }
  /** Label / value rows: "Label: value" in text, a table in HTML. */
  | { facts: Array<[string, string]> }
  /**
   * "Label: URL" in text, a link in HTML. `outsideApp`: the way into the record the notice is about,
   * for the e-mail only; the in-app notification leads there itself (its `link`), so its text leaves it out.
   */
  | { link: string; url: string; outsideApp?: true };

interface Content {
  title: string;
  subject: string;
  audience: 'customer' | 'staff';
  /** The name after "Yth. Bapak/Ibu" / "Dear", or the staff member's name; empty for the whole team. */
  name: string;
  blocks: Block[];
  wa: { template: WhatsAppTemplateName; params: string[] };
}

type Builder<T extends NotificationType> = (p: NotificationParams[T], L: Locale) => Content;

const t = (L: Locale, id: string, en: string) => (L === 'id' ? id : en);

const BUILDERS: { [T in NotificationType]: Builder<T> } = {
  INSTALLMENT_REMINDER(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const n = count(p.installmentNumber, 'installmentNumber');
    const amount = money(p.amount, 'amount');
    const due = date(p.dueDate, 'dueDate', L);
    const when = dueIn(count(p.daysBefore, 'daysBefore'), L);
    const order = line(p.orderNumber);
    return {
      audience: 'customer',
      name,
      title: t(L, `Pengingat angsuran ke-${n}`, `Installment ${n} reminder`),
      subject: t(L, `Pengingat: angsuran ke-${n} pesanan ${order} jatuh tempo ${due}`, `Reminder: installment ${n} of order ${order} is due on ${due}`),
      blocks: [
        {
          p: t(
            L,
            `Pengingat: angsuran ke-${n} pesanan ${order} sebesar ${amount} jatuh tempo ${due} (${when}).`,
            `Reminder: installment ${n} of order ${order} for ${amount} is due on ${due} (${when}).`,
          ),
        },
        { p: t(L, 'Mohon lakukan pembayaran paling lambat pada tanggal tersebut. Abaikan pesan ini bila Anda sudah membayar.', 'Please pay by that date. Ignore this message if you have already paid.') },
        ...vaBlocks(p.virtualAccount, L),
      ],
      wa: { template: 'angsur_installment_reminder', params: [name, String(n), order, amount, due] },
    };
  },

  INSTALLMENT_OVERDUE(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const n = count(p.installmentNumber, 'installmentNumber');
    const order = line(p.orderNumber);
    const amount = money(p.amount, 'amount');
    const due = date(p.dueDate, 'dueDate', L);
    const late = days(count(p.daysLate, 'daysLate'), L);
    const arrears = money(p.arrearsAmount, 'arrearsAmount');
    const fee = money(p.lateFee, 'lateFee');
    return {
      audience: 'customer',
      name,
      title: t(L, `Angsuran ke-${n} terlambat ${late}`, `Installment ${n} is ${late} overdue`),
      subject: t(L, `Angsuran ke-${n} pesanan ${order} telah terlambat ${late}`, `Installment ${n} of order ${order} is ${late} overdue`),
      blocks: [
        {
          p: t(
            L,
            `Angsuran ke-${n} pesanan ${order} sebesar ${amount} yang jatuh tempo ${due} telah terlambat ${late}.`,
            `Installment ${n} of order ${order} for ${amount}, due on ${due}, is ${late} overdue.`,
          ),
        },
        {
          facts: [
            [t(L, 'Tunggakan saat ini', 'Current arrears'), arrears],
            [t(L, 'Denda keterlambatan', 'Late fee'), fee],
          ],
        },
        { p: t(L, 'Mohon segera lakukan pembayaran.', 'Please pay as soon as possible.') },
        ...vaBlocks(p.virtualAccount, L),
      ],
      wa: { template: 'angsur_installment_overdue', params: [name, String(n), order, amount, due, late, arrears, fee] },
    };
  },

  OVERDUE_NOTICE(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const order = line(p.orderNumber);
    const arrears = money(p.arrearsAmount, 'arrearsAmount');
    const late = days(count(p.daysLate, 'daysLate'), L);
    const payUrl = url(p.payUrl, 'payUrl');
    const admin = line(p.adminName, 'Admin');
    const adminPhone = phone(p.adminPhone);
    return {
      audience: 'customer',
      name,
      title: t(L, `Pemberitahuan tunggakan pesanan ${order}`, `Overdue notice for order ${order}`),
      subject: t(L, `Pemberitahuan tunggakan pesanan ${order}: mohon segera dilunasi`, `Overdue notice for order ${order}: please pay now`),
      blocks: [
        {
          p: t(
            L,
            `Pesanan ${order} memiliki tunggakan sebesar ${arrears} yang telah terlambat ${late}. Mohon segera lunasi agar layanan Anda tetap aktif.`,
            `Order ${order} has arrears of ${arrears}, now ${late} overdue. Please pay now to keep your service active.`,
          ),
        },
        { link: t(L, 'Bayar di sini', 'Pay here'), url: payUrl },
        {
          p: t(
            L,
            'Jika tunggakan tidak segera dilunasi, layanan Anda akan ditangguhkan (suspend).',
            'If the arrears are not paid promptly, your service will be suspended.',
          ),
        },
        { p: t(L, `Untuk bantuan, hubungi ${admin} di ${adminPhone} (WhatsApp).`, `For help, contact ${admin} at ${adminPhone} (WhatsApp).`) },
      ],
      wa: { template: 'angsur_overdue_notice', params: [name, order, arrears, late, payUrl, admin, adminPhone] },
    };
  },

  OVERDUE_ORDER_FOR_STAFF(p, L) {
    const customer = line(p.customerName);
    const order = line(p.orderNumber);
    const arrears = money(p.arrearsAmount, 'arrearsAmount');
    const late = days(count(p.daysLate, 'daysLate'), L);
    return {
      audience: 'staff',
      name: '',
      title: t(L, `Pesanan menunggak: ${order}`, `Overdue order: ${order}`),
      subject: t(L, `Pesanan menunggak: ${order} (${customer}), terlambat ${late}`, `Overdue order: ${order} (${customer}), ${late} overdue`),
      blocks: [
        {
          p: t(
            L,
            `Tunggakan pelanggan ${customer}: pesanan ${order} menunggak ${arrears}, terlambat ${late}.`,
            `Overdue customer ${customer}: order ${order} has arrears of ${arrears}, ${late} overdue.`,
          ),
        },
        { p: t(L, 'Mohon segera ditindaklanjuti (hubungi pelanggan atau kirim pemberitahuan tunggakan).', 'Please follow up soon (contact the customer or send an overdue notice).') },
      ],
      wa: { template: 'angsur_overdue_order_staff', params: [customer, order, arrears, late] },
    };
  },

  SPK_READY_FOR_REVIEW(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const spk = line(p.spkNumber);
    const download = url(p.downloadUrl, 'downloadUrl');
    const wa = url(p.adminWaLink, 'adminWaLink');
    return {
      audience: 'customer',
      name,
      title: t(L, `SPK ${spk} siap ditinjau`, `SPK ${spk} is ready for review`),
      subject: t(L, `SPK ${spk} siap untuk Anda tinjau`, `SPK ${spk} is ready for your review`),
      blocks: [
        { p: t(L, `SPK ${spk} sudah siap untuk Anda tinjau. Silakan unduh lalu periksa isinya dengan teliti.`, `SPK ${spk} is ready for your review. Please download it and check it carefully.`) },
        { link: t(L, 'Unduh SPK', 'Download the SPK'), url: download },
        {
          p: t(
            L,
            'Bila ada yang perlu diubah atau ditanyakan, hubungi admin kami melalui WhatsApp sebelum SPK ditandatangani.',
            'If anything needs changing or you have questions, contact our admin on WhatsApp before the SPK is signed.',
          ),
        },
        { link: t(L, 'WhatsApp admin', 'WhatsApp our admin'), url: wa },
      ],
      wa: { template: 'angsur_spk_ready_for_review', params: [name, spk, download, wa] },
    };
  },

  SPK_SIGNED_BY_ADMIN(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const spk = line(p.spkNumber);
    const download = url(p.downloadUrl, 'downloadUrl');
    return {
      audience: 'customer',
      name,
      title: t(L, `SPK ${spk} menunggu tanda tangan Anda`, `SPK ${spk} is waiting for your signature`),
      subject: t(L, `SPK ${spk} telah kami tandatangani: mohon tandatangani dan unggah kembali`, `SPK ${spk} is signed by us: please sign and upload it`),
      blocks: [
        {
          p: t(
            L,
            `SPK ${spk} telah kami tandatangani. Silakan unduh lalu tandatangani dan unggah kembali dokumen tersebut melalui akun Anda.`,
            `We have signed SPK ${spk}. Please download it, sign it and upload the signed document in your account.`,
          ),
        },
        { link: t(L, 'Unduh SPK', 'Download the SPK'), url: download },
      ],
      wa: { template: 'angsur_spk_signed_by_admin', params: [name, spk, download] },
    };
  },

  SPK_SIGNATURE_REJECTED(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const spk = line(p.spkNumber);
    const reason = freeText(p.reason);
    return {
      audience: 'customer',
      name,
      title: t(L, `SPK ${spk} bertanda tangan belum diterima`, `Signed SPK ${spk} not accepted`),
      subject: t(L, `SPK ${spk} bertanda tangan belum dapat kami terima`, `The signed SPK ${spk} could not be accepted`),
      blocks: [
        { p: t(L, `SPK ${spk} bertanda tangan yang Anda unggah belum dapat kami terima.`, `The signed SPK ${spk} you uploaded could not be accepted.`) },
        { p: `${t(L, 'Alasan', 'Reason')}: ${reason}.` },
        { p: t(L, 'Mohon perbaiki lalu unggah kembali melalui akun Anda.', 'Please correct it and upload it again in your account.') },
      ],
      wa: { template: 'angsur_spk_signature_rejected', params: [name, spk, reason] },
    };
  },

  SPK_CONFIRMED(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const spk = line(p.spkNumber);
    const order = line(p.orderNumber);
    return {
      audience: 'customer',
      name,
      title: t(L, `SPK ${spk} telah dikonfirmasi`, `SPK ${spk} confirmed`),
      subject: t(L, `SPK ${spk} untuk pesanan ${order} telah dikonfirmasi`, `SPK ${spk} for order ${order} is confirmed`),
      blocks: [
        { p: t(L, `SPK ${spk} untuk pesanan ${order} telah dikonfirmasi dan berlaku.`, `SPK ${spk} for order ${order} has been confirmed and is now in effect.`) },
        { p: t(L, 'Pesanan Anda akan kami proses lebih lanjut.', 'We will now process your order further.') },
      ],
      wa: { template: 'angsur_spk_confirmed', params: [name, spk, order] },
    };
  },

  PAYMENT_SETTLED(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const order = line(p.orderNumber);
    const amount = money(p.amount, 'amount');
    const reference = line(p.reference);
    return {
      audience: 'customer',
      name,
      title: t(L, `Pembayaran ${amount} diterima`, `Payment of ${amount} received`),
      subject: t(L, `Pembayaran pesanan ${order} sebesar ${amount} telah diterima`, `Payment of ${amount} for order ${order} received`),
      blocks: [
        { p: t(L, `Pembayaran untuk pesanan ${order} sebesar ${amount} telah kami terima.`, `We have received your payment for order ${order} of ${amount}.`) },
        { facts: [[t(L, 'Referensi', 'Reference'), reference]] },
        ...vaBlocks(p.virtualAccount, L),
        { p: t(L, 'Terima kasih atas pembayaran Anda.', 'Thank you for your payment.') },
      ],
      wa: { template: 'angsur_payment_settled', params: [name, order, amount, reference] },
    };
  },

  PAYMENT_REJECTED(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const order = line(p.orderNumber);
    const amount = money(p.amount, 'amount');
    const reason = freeText(p.reason);
    return {
      audience: 'customer',
      name,
      title: t(L, `Pembayaran ${amount} belum diterima`, `Payment of ${amount} not accepted`),
      subject: t(L, `Pembayaran pesanan ${order} sebesar ${amount} belum dapat kami terima`, `Payment of ${amount} for order ${order} could not be accepted`),
      blocks: [
        { p: t(L, `Pembayaran untuk pesanan ${order} sebesar ${amount} belum dapat kami terima.`, `Your payment for order ${order} of ${amount} could not be accepted.`) },
        { p: `${t(L, 'Alasan', 'Reason')}: ${reason}.` },
        { p: t(L, 'Mohon periksa kembali atau hubungi kami.', 'Please check it or contact us.') },
      ],
      wa: { template: 'angsur_payment_rejected', params: [name, order, amount, reason] },
    };
  },

  PAYMENT_REFUNDED(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const order = line(p.orderNumber);
    const amount = money(p.amount, 'amount');
    const reference = line(p.reference);
    const reason = freeText(p.reason);
    return {
      audience: 'customer',
      name,
      title: t(L, `Pembayaran ${amount} dikembalikan`, `Payment of ${amount} refunded`),
      subject: t(L, `Pembayaran pesanan ${order} sebesar ${amount} telah dikembalikan`, `Payment of ${amount} for order ${order} refunded`),
      blocks: [
        { p: t(L, `Pembayaran untuk pesanan ${order} sebesar ${amount} telah dikembalikan (refund).`, `Your payment for order ${order} of ${amount} has been refunded.`) },
        { facts: [[t(L, 'Referensi', 'Reference'), reference]] },
        { p: `${t(L, 'Alasan', 'Reason')}: ${reason}.` },
        { p: t(L, 'Tagihan yang dibayar dengan pembayaran ini kembali terbuka.', 'The installments it paid are open again.') },
      ],
      wa: { template: 'angsur_payment_refunded', params: [name, order, amount, reference, reason] },
    };
  },

  SERVICE_SUSPENDED(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const service = line(p.serviceLabel);
    const reason = freeText(p.reason);
    return {
      audience: 'customer',
      name,
      title: t(L, `Layanan ${service} ditangguhkan`, `Service ${service} suspended`),
      subject: t(L, `Layanan ${service} Anda telah ditangguhkan`, `Your service ${service} has been suspended`),
      blocks: [
        { p: t(L, `Layanan ${service} Anda telah ditangguhkan (suspend).`, `Your service ${service} has been suspended.`) },
        { p: `${t(L, 'Alasan', 'Reason')}: ${reason}.` },
        {
          p: t(
            L,
            'Layanan akan diaktifkan kembali setelah hal tersebut diselesaikan; hubungi kami bila memerlukan bantuan.',
            'It will be reactivated once this is resolved; contact us if you need help.',
          ),
        },
      ],
      wa: { template: 'angsur_service_suspended', params: [name, service, reason] },
    };
  },

  SERVICE_UNSUSPENDED(p, L) {
    const name = line(p.customerName, t(L, 'Pelanggan', 'Customer'));
    const service = line(p.serviceLabel);
    const until = p.payUntil === null || p.payUntil === undefined ? null : date(p.payUntil, 'payUntil', L);
    return {
      audience: 'customer',
      name,
      title: t(L, `Layanan ${service} aktif kembali`, `Service ${service} reactivated`),
      subject: t(L, `Layanan ${service} Anda telah diaktifkan kembali`, `Your service ${service} has been reactivated`),
      blocks:
        until === null
          ? [{ p: t(L, `Layanan ${service} Anda telah diaktifkan kembali dan dapat digunakan seperti biasa.`, `Your service ${service} has been reactivated and can be used as usual.`) }]
          : [
              { p: t(L, `Layanan ${service} Anda telah diaktifkan kembali.`, `Your service ${service} has been reactivated.`) },
              {
                p: t(
                  L,
                  `Mohon lunasi tunggakan paling lambat ${until} agar layanan tidak ditangguhkan lagi.`,
                  `Please settle the arrears by ${until} so that it is not suspended again.`,
                ),
              },
            ],
      wa: until === null ? { template: 'angsur_service_unsuspended', params: [name, service] } : { template: 'angsur_service_unsuspended_until', params: [name, service, until] },
    };
  },

  ORDER_ASSIGNED(p, L) {
    const staff = line(p.staffName, t(L, 'Tim', 'team'));
    const order = line(p.orderNumber);
    const customer = line(p.customerName);
    const username = line(p.customerUsername);
    const email = line(p.customerEmail);
    const customerPhone = phone(p.customerPhone);
    const note = freeText(p.customerNote);
    // The note keeps its line breaks in the e-mail; WhatsApp parameters cannot carry any.
    const noteBlock = (p.customerNote ?? '').trim().replace(/[\s.]+$/, '') || '-';
    return {
      audience: 'staff',
      name: staff,
      title: t(L, `Pesanan ${order} ditugaskan kepada Anda`, `Order ${order} assigned to you`),
      subject: t(L, `Pesanan ${order} (${customer}) ditugaskan kepada Anda`, `Order ${order} (${customer}) has been assigned to you`),
      blocks: [
        { p: t(L, `Pesanan ${order} telah ditugaskan kepada Anda.`, `Order ${order} has been assigned to you.`) },
        {
          facts: [
            [t(L, 'Pelanggan', 'Customer'), customer],
            [t(L, 'Nama pengguna', 'Username'), username],
            ['Email', email],
            [t(L, 'Telepon', 'Phone'), customerPhone],
          ],
        },
        { p: `${t(L, 'Catatan pelanggan', 'Customer note')}: ${noteBlock}` },
        { p: t(L, 'Mohon segera ditindaklanjuti.', 'Please follow up soon.') },
      ],
      wa: { template: 'angsur_order_assigned', params: [staff, order, customer, username, email, customerPhone, note] },
    };
  },

  STAMP_QUOTA_LOW(p, L) {
    const staff = line(p.staffName, t(L, 'Tim', 'team'));
    const link = url(p.url, 'url');
    const left = Math.max(0, p.remaining);
    const title = t(L, `Kuota e-Meterai tinggal ${left}`, `${left} e-Meterai left in the quota`);
    const what = t(
      L,
      `kuota e-Meterai tinggal ${left} dari ${p.quota}; mohon beli kuota baru dari distributor dan catat pembeliannya di Pajak → Bea Meterai`,
      `only ${left} of ${p.quota} e-Meterai are left; please buy more from the distributor and record the purchase under Tax → Stamp duty`,
    );
    return {
      audience: 'staff',
      name: staff,
      title,
      subject: title,
      blocks: [{ p: `${what.charAt(0).toUpperCase()}${what.slice(1)}.` }, { link: t(L, 'Buka di back office', 'Open in the back office'), url: link, outsideApp: true }],
      // The generic staff template: "Halo {{1}}, {{2}}. Mohon segera ditindaklanjuti: {{3}}."
      wa: { template: 'angsur_staff_customer_move', params: [staff, what, link] },
    };
  },

  STAFF_CUSTOMER_MOVE(p, L) {
    const staff = line(p.staffName, t(L, 'Tim', 'team'));
    const link = url(p.url, 'url');
    const move = customerMove(p, L);
    return {
      audience: 'staff',
      name: staff,
      title: move.title,
      subject: move.title,
      blocks: [{ p: `${move.what}.` }, ...(move.note ? [{ p: move.note }] : []), { p: move.next }, { link: t(L, 'Buka di back office', 'Open in the back office'), url: link, outsideApp: true }],
      wa: { template: 'angsur_staff_customer_move', params: [staff, move.what, link] },
    };
  },
};

// ---------------------------------------------------------------------------------------------------
// Rendering

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const htmlText = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

/** What an e-mail is made of, whether it belongs to a notification or stands alone (the password reset). */
export type EmailContent = Pick<Content, 'audience' | 'name' | 'subject' | 'blocks'>;

function greeting(c: EmailContent, L: Locale): string {
  if (c.audience === 'customer') return t(L, `Yth. Bapak/Ibu ${c.name},`, `Dear ${c.name},`);
  return c.name ? t(L, `Halo ${c.name},`, `Hello ${c.name},`) : t(L, 'Halo Tim,', 'Hello team,');
}

function closing(c: EmailContent, L: Locale): string[] {
  if (c.audience === 'customer') return t(L, 'Hormat kami,\nTim Layanan Pelanggan', 'Kind regards,\nCustomer Service').split('\n');
  return [t(L, 'Pesan otomatis dari sistem penagihan.', 'Automatic message from the billing system.')];
}

function blockText(b: Block): string {
  if ('p' in b) return b.p;
  if ('facts' in b) return b.facts.map(([label, value]) => `${label}: ${value}`).join('\n');
  return `${b.link}: ${b.url}`;
}

const P = 'margin:0 0 16px 0;';

function blockHtml(b: Block): string {
  if ('p' in b) return `<p style="${P}">${htmlText(b.p)}</p>`;
  if ('facts' in b) {
    const rows = b.facts
      .map(
        ([label, value]) =>
          `<tr><td style="padding:4px 16px 4px 0;color:#4b5563;vertical-align:top;">${htmlText(label)}:</td><td style="padding:4px 0;font-weight:bold;vertical-align:top;">${htmlText(value)}</td></tr>`,
      )
      .join('');
    return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px 0;font-size:15px;">${rows}</table>`;
  }
  const href = escapeHtml(b.url);
  return `<p style="${P}">${htmlText(b.link)}:<br><a href="${href}" style="color:#1d4ed8;word-break:break-all;">${href}</a></p>`;
}

function renderHtml(c: EmailContent, L: Locale, subject: string): string {
  const sign = closing(c, L).map(htmlText).join('<br>');
  return [
    '<!DOCTYPE html>',
    `<html lang="${L}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(subject)}</title></head>`,
    '<body style="margin:0;padding:24px 12px;background-color:#f3f4f6;">',
    '<div style="max-width:560px;margin:0 auto;padding:24px;background-color:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.6;color:#111827;">',
    LETTERHEAD_SLOT,
    `<p style="${P}">${htmlText(greeting(c, L))}</p>`,
    ...c.blocks.map(blockHtml),
    `<p style="margin:24px 0 0 0;">${sign}${SIGNATURE_SLOT}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

export function renderNotification<T extends NotificationType>(type: T, locale: Locale, params: NotificationParams[T]): RenderedNotification {
  const build = BUILDERS[type] as Builder<T> | undefined;
  if (!build) throw new RangeError(`unknown notification type ${String(type)}`);
  if (locale !== 'id' && locale !== 'en') throw new RangeError(`unknown locale ${String(locale)}`);
  const c = build(params, locale);
  const body = c.blocks.filter((b) => !('outsideApp' in b && b.outsideApp)).map(blockText).join('\n\n');
  const bodyParams = c.wa.params.map(templateParam);
  return {
    title: line(c.title),
    body,
    email: renderEmail(c, locale),
    whatsapp: { template: c.wa.template, bodyParams, text: fillWhatsAppTemplate(c.wa.template, locale, bodyParams) },
  };
}

/** The e-mail alone: subject, plain text and HTML saying the same thing, greeting and closing included. */
export function renderEmail(c: EmailContent, locale: Locale): { subject: string; text: string; html: string } {
  const subject = line(c.subject);
  const text = [greeting(c, locale), c.blocks.map(blockText).join('\n\n'), closing(c, locale).join('\n')].join('\n\n') + '\n';
  return { subject, text, html: renderHtml(c, locale, subject) };
}

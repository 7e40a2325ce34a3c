import type { EntityManager } from '@mikro-orm/postgresql';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { User } from '../accounts/user.entity';
import { RefreshToken } from '../accounts/refresh-token.entity';
import { formatJakartaDateTime } from '../spk/document/sign';
import { formatRupiah } from '../money/rupiah';
import { Notification } from '../notifications/notification.entity';
import { Order } from '../orders/order.entity';
import { Payment } from '../payments/payment.entity';
import { Service } from '../hosting/service.entity';
import { Spk } from '../spk/spk.entity';
import { embedFonts } from '../spk/document/fonts';
import { PrivacyRequest } from './privacy-request.entity';

/**
 * Everything Angsur holds about one customer, in the form UU PDP Art. 7 and 13 give them the right to
 * get it: readable (PDF) and structured for another controller (JSON). Money stays whole rupiah strings.
 */
export async function personalDataOf(em: EntityManager, userId: string, now: Date) {
  const user = await em.findOneOrFail(User, userId);
  const orders = await em.find(Order, { customer: userId }, { orderBy: { createdAt: 'asc' } });
  const orderIds = orders.map((o) => o.id);
  const [payments, spks, services, notifications, sessions, requests] = await Promise.all([
    em.find(Payment, { order: { $in: orderIds } }, { orderBy: { createdAt: 'asc' }, populate: ['order'] }),
    em.find(Spk, { customer: userId }, { orderBy: { createdAt: 'asc' } }),
    em.find(Service, { customer: userId }, { orderBy: { createdAt: 'asc' } }),
    em.find(Notification, { recipient: userId }, { orderBy: { createdAt: 'asc' } }),
    em.find(RefreshToken, { user: userId }, { orderBy: { createdAt: 'asc' } }),
    em.find(PrivacyRequest, { customer: userId }, { orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    generatedAt: now.toISOString(),
    profile: {
      username: user.username,
      email: user.email,
      fullName: user.fullName,
      phone: user.phone,
      nik: user.nik,
      company: user.company,
      address: user.address,
      locale: user.locale,
      notifyByEmail: user.notifyByEmail,
      notifyByWhatsApp: user.notifyByWhatsApp,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    },
    orders: orders.map((o) => ({
      number: o.number,
      status: o.status,
      customerName: o.customerName,
      customerPhone: o.customerPhone,
      customerEmail: o.customerEmail,
      totalPrice: o.totalPrice.toString(),
      createdAt: o.createdAt.toISOString(),
    })),
    payments: payments.map((p) => ({
      reference: p.reference,
      orderNumber: p.order.$.number,
      amount: p.amount.toString(),
      method: p.method,
      status: p.status,
      createdAt: p.createdAt.toISOString(),
    })),
    spks: spks.map((s) => ({ number: s.number, status: s.status, createdAt: s.createdAt.toISOString() })),
    services: services.map((s) => ({ label: s.label, hostname: s.hostname, status: s.status })),
    notifications: notifications.map((n) => ({ title: n.title, body: n.body, createdAt: n.createdAt.toISOString() })),
    sessions: sessions.map((s) => ({ createdAt: s.createdAt.toISOString(), ip: s.ip, userAgent: s.userAgent, revokedAt: s.revokedAt?.toISOString() ?? null })),
    privacyRequests: requests.map((r) => ({ kind: r.kind, status: r.status, details: r.details, createdAt: r.createdAt.toISOString(), dueAt: r.dueAt.toISOString(), resolution: r.resolution })),
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalDataOf>>;

/** The same data as a plain A4 report: one section per kind of record, a line per row. */
export async function personalDataPdf(data: PersonalData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Data pribadi / Personal data');
  doc.setCreationDate(new Date(data.generatedAt));
  const fonts = await embedFonts(doc, ['regular', 'bold'] as const);
  const margin = 50;
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  let y = page.getHeight() - margin;
  const line = (text: string, font: PDFFont = fonts.regular, size = 9) => {
    // Long values wrap by characters: an address or a user agent has no reliable break points.
    const width = page.getWidth() - 2 * margin;
    let rest = text;
    do {
      let n = rest.length;
      while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
      if (y < margin + size) {
        page = doc.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      page.drawText(rest.slice(0, n), { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 4;
      rest = rest.slice(n);
    } while (rest.length);
  };
  const section = (title: string, rows: string[]) => {
    y -= 6;
    line(title, fonts.bold, 11);
    if (!rows.length) line('-');
    rows.forEach((r) => line(r));
  };
  line('Data pribadi Anda di Angsur / Your personal data at Angsur', fonts.bold, 14);
  line(`Dibuat / generated: ${formatJakartaDateTime(new Date(data.generatedAt))}`);
  const p = data.profile;
  section('Profil / Profile', [
    `Nama pengguna: ${p.username}`,
    `Nama lengkap: ${p.fullName}`,
    `Email: ${p.email}`,
    `Telepon: ${p.phone}`,
    `NIK: ${p.nik ?? '-'}`,
    `Perusahaan: ${p.company ?? '-'}`,
    `Alamat: ${p.address ?? '-'}`,
    `Bahasa: ${p.locale}; notifikasi email: ${p.notifyByEmail ? 'ya' : 'tidak'}, WhatsApp: ${p.notifyByWhatsApp ? 'ya' : 'tidak'}`,
    `Terdaftar: ${formatJakartaDateTime(new Date(p.createdAt))}`,
  ]);
  section('Pesanan / Orders', data.orders.map((o) => `${o.number}  ${o.status}  ${formatRupiah(BigInt(o.totalPrice))}  (${o.customerName}, ${o.customerPhone}, ${o.customerEmail})`));
  section('Pembayaran / Payments', data.payments.map((x) => `${x.reference}  ${x.orderNumber}  ${formatRupiah(BigInt(x.amount))}  ${x.method}  ${x.status}`));
  section('SPK', data.spks.map((s) => `${s.number}  ${s.status}`));
  section('Layanan / Services', data.services.map((s) => `${s.label}  ${s.hostname ?? ''}  ${s.status}`));
  section('Sesi masuk / Sign-in sessions', data.sessions.map((s) => `${formatJakartaDateTime(new Date(s.createdAt))}  ${s.ip ?? ''}  ${s.userAgent ?? ''}`));
  section('Notifikasi / Notifications', data.notifications.map((n) => `${formatJakartaDateTime(new Date(n.createdAt))}  ${n.title}: ${n.body}`));
  section('Permintaan data pribadi / Personal data requests', data.privacyRequests.map((r) => `${r.kind}  ${r.status}  ${r.details ?? ''}`));
  return doc.save();
}

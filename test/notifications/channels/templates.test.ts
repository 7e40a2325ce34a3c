import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fillWhatsAppTemplate,
  NOTIFICATION_TYPES,
  renderNotification,
  WHATSAPP_TEMPLATES,
  type NotificationParams,
  type NotificationType,
  type RenderedNotification,
  type WhatsAppTemplateName,
} from '../../../server/src/notifications/channels/templates';

const LOCALES = ['id', 'en'] as const;

/** One realistic parameter set per type. */
const SAMPLES: { [T in NotificationType]: NotificationParams[T] } = {
  INSTALLMENT_REMINDER: { customerName: 'Budi Santoso', orderNumber: 'ORD-202602-000123', installmentNumber: 3, dueDate: '2026-02-28', amount: 1_035_000n, daysBefore: 3 },
  INSTALLMENT_OVERDUE: {
    customerName: 'Budi Santoso',
    orderNumber: 'ORD-202602-000123',
    installmentNumber: 3,
    dueDate: '2026-02-28',
    amount: 1_035_000n,
    daysLate: 5,
    arrearsAmount: 2_070_000n,
    lateFee: 50_000n,
  },
  OVERDUE_NOTICE: {
    customerName: 'Budi Santoso',
    orderNumber: 'ORD-202602-000123',
    arrearsAmount: 2_070_000n,
    daysLate: 14,
    payUrl: 'https://billing.example.co.id/pay/ORD-202602-000123?via=wa&x=1',
    adminName: 'Sari',
    adminPhone: '+6281234567890',
  },
  STAMP_QUOTA_LOW: { staffName: 'Sari', remaining: 20, quota: 500, url: 'https://billing.example.co.id/admin/payments' },
  OVERDUE_ORDER_FOR_STAFF: { customerName: 'Budi Santoso', orderNumber: 'ORD-202602-000123', arrearsAmount: 2_070_000n, daysLate: 14 },
  SPK_READY_FOR_REVIEW: {
    customerName: 'Budi Santoso',
    spkNumber: 'SPK/2026/02/000012',
    downloadUrl: 'https://billing.example.co.id/spk/SPK-7Q2M9X4K3P/download',
    adminWaLink: 'https://wa.me/6281234567890?text=Halo%20admin',
  },
  SPK_SIGNED_BY_ADMIN: { customerName: 'Budi Santoso', spkNumber: 'SPK/2026/02/000012', downloadUrl: 'https://billing.example.co.id/spk/SPK-7Q2M9X4K3P/download' },
  SPK_SIGNATURE_REJECTED: { customerName: 'Budi Santoso', spkNumber: 'SPK/2026/02/000012', reason: 'Tanda tangan tidak terlihat pada halaman terakhir.' },
  SPK_CONFIRMED: { customerName: 'Budi Santoso', spkNumber: 'SPK/2026/02/000012', orderNumber: 'ORD-202602-000123' },
  PAYMENT_SETTLED: { customerName: 'Budi Santoso', orderNumber: 'ORD-202602-000123', amount: 1_035_000n, reference: 'PAY-20260228-0001' },
  PAYMENT_REJECTED: { customerName: 'Budi Santoso', orderNumber: 'ORD-202602-000123', amount: 1_035_000n, reason: 'Bukti transfer tidak terbaca' },
  PAYMENT_REFUNDED: { customerName: 'Budi Santoso', orderNumber: 'ORD-202602-000123', amount: 1_035_000n, reference: 'PAY-20260228-0001', reason: 'Transfer ganda' },
  SERVICE_SUSPENDED: { customerName: 'Budi Santoso', serviceLabel: 'VPS 4 GB (vps-budi.example.co.id)', reason: 'Tunggakan angsuran belum dilunasi' },
  SERVICE_UNSUSPENDED: { customerName: 'Budi Santoso', serviceLabel: 'VPS 4 GB (vps-budi.example.co.id)', payUntil: '2026-03-07' },
  ORDER_ASSIGNED: {
    staffName: 'Sari',
    orderNumber: 'ORD-202602-000123',
    customerName: 'Budi Santoso',
    customerUsername: 'budi',
    customerEmail: 'budi@example.co.id',
    customerPhone: '+6281298765432',
    customerNote: 'Mohon dipasang di data center Jakarta.\nTerima kasih',
  },
  STAFF_CUSTOMER_MOVE: {
    staffName: 'Sari',
    move: 'ORDER_SUSPENDED',
    customerName: 'Budi Santoso',
    orderNumber: 'ORD-202602-000123',
    documentNumber: null,
    amount: null,
    note: 'Server tidak dipakai selama libur.',
    url: 'https://billing.example.co.id/admin/orders/1f0c/show',
  },
};

const render = <T extends NotificationType>(type: T, locale: 'id' | 'en', params: NotificationParams[T]) => renderNotification(type, locale, params);

const allTexts = (r: RenderedNotification) => [r.title, r.body, r.email.subject, r.email.text, r.email.html, r.whatsapp.text, ...r.whatsapp.bodyParams];

/** The visible content of the HTML e-mail, as plain text with collapsed whitespace. */
function htmlContent(html: string): string {
  const inner = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;
  return inner
    .replace(/<br>/g, '\n')
    .replace(/<\/(p|tr)>/g, '\n')
    .replace(/<\/td>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('renderNotification', () => {
  it('knows 16 distinct types', () => {
    expect(NOTIFICATION_TYPES).toHaveLength(16);
    expect(new Set(NOTIFICATION_TYPES).size).toBe(16);
    expect(Object.keys(SAMPLES).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });

  for (const type of NOTIFICATION_TYPES) {
    for (const locale of LOCALES) {
      it(`${type} (${locale}) renders every channel without leftovers, with the same content in text and HTML`, () => {
        const r = render(type, locale, SAMPLES[type]);
        for (const s of allTexts(r)) {
          expect(s).toBeTypeOf('string');
          expect(s.length).toBeGreaterThan(0);
          expect(s).not.toMatch(/\{\{|\}\}|\$\{|undefined|null|NaN|\[object|Invalid/);
        }
        expect(r.title).not.toContain('\n');
        expect(r.email.subject).not.toContain('\n');
        expect(r.email.text.startsWith(r.body)).toBe(false);
        expect(r.email.text).toContain(r.body);
        expect(htmlContent(r.email.html)).toBe(collapse(r.email.text));
        expect(r.email.html).toContain(`<html lang="${locale}">`);

        const template = WHATSAPP_TEMPLATES[r.whatsapp.template];
        expect(r.whatsapp.template).toMatch(/^angsur_[a-z0-9_]+$/);
        expect(r.whatsapp.bodyParams).toHaveLength(template.params.length);
        for (const p of r.whatsapp.bodyParams) {
          expect(p).not.toMatch(/[\n\r\t]| {5}/);
          expect(p.trim()).toBe(p);
        }
        expect(r.whatsapp.text).toBe(fillWhatsAppTemplate(r.whatsapp.template, locale, r.whatsapp.bodyParams));

        const polite = type === 'OVERDUE_ORDER_FOR_STAFF' || type === 'ORDER_ASSIGNED' || type === 'STAFF_CUSTOMER_MOVE' || type === 'STAMP_QUOTA_LOW' ? null : locale === 'id' ? 'Yth. Bapak/Ibu Budi Santoso,' : 'Dear Budi Santoso,';
        if (polite) {
          expect(r.email.text.startsWith(polite)).toBe(true);
          expect(r.whatsapp.text.startsWith(polite)).toBe(true);
        }
      });
    }
  }

  it('writes the installment reminder as specified, in Indonesian and English', () => {
    const id = render('INSTALLMENT_REMINDER', 'id', SAMPLES.INSTALLMENT_REMINDER);
    expect(id.body).toContain('Pengingat: angsuran ke-3 pesanan ORD-202602-000123 sebesar Rp 1.035.000 jatuh tempo 28 Februari 2026 (3 hari lagi).');
    expect(id.title).toBe('Pengingat angsuran ke-3');
    expect(id.whatsapp).toEqual({
      template: 'angsur_installment_reminder',
      bodyParams: ['Budi Santoso', '3', 'ORD-202602-000123', 'Rp 1.035.000', '28 Februari 2026'],
      text: 'Yth. Bapak/Ibu Budi Santoso, pengingat: angsuran ke-3 pesanan ORD-202602-000123 sebesar Rp 1.035.000 jatuh tempo 28 Februari 2026. Mohon lakukan pembayaran paling lambat pada tanggal tersebut. Abaikan pesan ini bila Anda sudah membayar. Terima kasih.',
    });
    const en = render('INSTALLMENT_REMINDER', 'en', SAMPLES.INSTALLMENT_REMINDER);
    expect(en.body).toContain('Reminder: installment 3 of order ORD-202602-000123 for Rp 1.035.000 is due on 28 February 2026 (in 3 days).');
    expect(en.whatsapp.bodyParams).toEqual(['Budi Santoso', '3', 'ORD-202602-000123', 'Rp 1.035.000', '28 February 2026']);

    expect(render('INSTALLMENT_REMINDER', 'id', { ...SAMPLES.INSTALLMENT_REMINDER, daysBefore: 0 }).body).toContain('(hari ini)');
    expect(render('INSTALLMENT_REMINDER', 'id', { ...SAMPLES.INSTALLMENT_REMINDER, daysBefore: 1 }).body).toContain('(besok)');
    expect(render('INSTALLMENT_REMINDER', 'en', { ...SAMPLES.INSTALLMENT_REMINDER, daysBefore: 1 }).body).toContain('(tomorrow)');
  });

  it('formats money with dot thousands, dates in Jakarta and days in both languages', () => {
    const id = render('INSTALLMENT_OVERDUE', 'id', { ...SAMPLES.INSTALLMENT_OVERDUE, amount: 12_500_000n, arrearsAmount: 1_234_567_890n, lateFee: 0n });
    expect(id.email.text).toContain('sebesar Rp 12.500.000 yang jatuh tempo 28 Februari 2026 telah terlambat 5 hari.');
    expect(id.email.text).toContain('Tunggakan saat ini: Rp 1.234.567.890');
    expect(id.email.text).toContain('Denda keterlambatan: Rp 0');
    const en = render('INSTALLMENT_OVERDUE', 'en', { ...SAMPLES.INSTALLMENT_OVERDUE, daysLate: 1 });
    expect(en.body).toContain('Installment 3 of order ORD-202602-000123 for Rp 1.035.000, due on 28 February 2026, is 1 day overdue.');
    expect(en.whatsapp.bodyParams.slice(5)).toEqual(['1 day', 'Rp 2.070.000', 'Rp 50.000']);

    // 27 Feb 18:00 UTC is already 28 Feb 01:00 in Jakarta.
    const fromDate = render('INSTALLMENT_REMINDER', 'id', { ...SAMPLES.INSTALLMENT_REMINDER, dueDate: new Date('2026-02-27T18:00:00Z') });
    expect(fromDate.whatsapp.bodyParams[4]).toBe('28 Februari 2026');
    for (const [iso, idText, enText] of [
      ['2026-01-01', '1 Januari 2026', '1 January 2026'],
      ['2026-08-17', '17 Agustus 2026', '17 August 2026'],
      ['2026-12-31', '31 Desember 2026', '31 December 2026'],
    ] as const) {
      expect(render('SERVICE_UNSUSPENDED', 'id', { ...SAMPLES.SERVICE_UNSUSPENDED, payUntil: iso }).whatsapp.bodyParams[2]).toBe(idText);
      expect(render('SERVICE_UNSUSPENDED', 'en', { ...SAMPLES.SERVICE_UNSUSPENDED, payUntil: iso }).whatsapp.bodyParams[2]).toBe(enText);
    }
  });

  it('shows phone numbers as +62 812-3456-7890', () => {
    const notice = render('OVERDUE_NOTICE', 'id', SAMPLES.OVERDUE_NOTICE);
    expect(notice.email.text).toContain('Untuk bantuan, hubungi Sari di +62 812-3456-7890 (WhatsApp).');
    expect(notice.email.html).toContain('+62 812-3456-7890');
    expect(notice.whatsapp.bodyParams[6]).toBe('+62 812-3456-7890');
    const assigned = render('ORDER_ASSIGNED', 'en', { ...SAMPLES.ORDER_ASSIGNED, customerPhone: '+6281298765432' });
    expect(assigned.email.text).toContain('Phone: +62 812-9876-5432');
    expect(assigned.whatsapp.bodyParams[5]).toBe('+62 812-9876-5432');
  });

  it('escapes every parameter in the HTML, also inside links', () => {
    const evil = '<script>alert("x")</script> & Co';
    for (const type of NOTIFICATION_TYPES) {
      for (const locale of LOCALES) {
        const params = Object.fromEntries(Object.entries(SAMPLES[type]).map(([k, v]) => [k, typeof v === 'string' && /Name|Label|reason|reference|Note|Username/.test(k) ? evil : v]));
        const r = render(type, locale, params as never);
        expect(r.email.html).not.toContain('<script');
        expect(r.email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
        expect(r.email.text).toContain('<script>alert("x")</script> & Co');
        expect(htmlContent(r.email.html)).toBe(collapse(r.email.text));
      }
    }
    const link = render('SPK_READY_FOR_REVIEW', 'id', { ...SAMPLES.SPK_READY_FOR_REVIEW, downloadUrl: 'https://x.example/a?b=1&c="><script>' });
    expect(link.email.html).toContain('href="https://x.example/a?b=1&amp;c=&quot;&gt;&lt;script&gt;"');
    expect(link.email.html).not.toContain('<script');
  });

  it('shows the customer note with its line breaks in the e-mail, on one line in WhatsApp, and "-" without one', () => {
    const r = render('ORDER_ASSIGNED', 'id', SAMPLES.ORDER_ASSIGNED);
    expect(r.email.text).toContain('Catatan pelanggan: Mohon dipasang di data center Jakarta.\nTerima kasih');
    expect(r.email.html).toContain('Catatan pelanggan: Mohon dipasang di data center Jakarta.<br>Terima kasih');
    expect(r.whatsapp.bodyParams[6]).toBe('Mohon dipasang di data center Jakarta. Terima kasih');
    const none = render('ORDER_ASSIGNED', 'en', { ...SAMPLES.ORDER_ASSIGNED, customerNote: null });
    expect(none.whatsapp.bodyParams[6]).toBe('-');
    expect(none.whatsapp.text).toContain('Customer note: -.');
    expect(none.email.text.startsWith('Hello Sari,')).toBe(true);
  });

  it('does not double the full stop after a free-text reason', () => {
    const r = render('SPK_SIGNATURE_REJECTED', 'id', SAMPLES.SPK_SIGNATURE_REJECTED);
    expect(r.body).toContain('Alasan: Tanda tangan tidak terlihat pada halaman terakhir.');
    expect(r.whatsapp.text).toContain('Alasan: Tanda tangan tidak terlihat pada halaman terakhir. Mohon');
    expect(r.whatsapp.text).not.toContain('..');
  });

  it('uses a second template for a reactivation with a pay-until date', () => {
    expect(render('SERVICE_UNSUSPENDED', 'id', SAMPLES.SERVICE_UNSUSPENDED).whatsapp.template).toBe('angsur_service_unsuspended_until');
    const plain = render('SERVICE_UNSUSPENDED', 'id', { ...SAMPLES.SERVICE_UNSUSPENDED, payUntil: null });
    expect(plain.whatsapp.template).toBe('angsur_service_unsuspended');
    expect(plain.whatsapp.bodyParams).toEqual(['Budi Santoso', 'VPS 4 GB (vps-budi.example.co.id)']);
    expect(plain.body).not.toMatch(/tunggakan/i);
  });

  it('refuses parameters it cannot format honestly', () => {
    expect(() => render('PAYMENT_SETTLED', 'id', { ...SAMPLES.PAYMENT_SETTLED, amount: 1000 as unknown as bigint })).toThrow(TypeError);
    expect(() => render('INSTALLMENT_REMINDER', 'id', { ...SAMPLES.INSTALLMENT_REMINDER, dueDate: '28/02/2026' })).toThrow(RangeError);
    expect(() => render('INSTALLMENT_REMINDER', 'id', { ...SAMPLES.INSTALLMENT_REMINDER, dueDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => render('INSTALLMENT_REMINDER', 'id', { ...SAMPLES.INSTALLMENT_REMINDER, installmentNumber: 2.5 })).toThrow(RangeError);
    expect(() => render('OVERDUE_NOTICE', 'id', { ...SAMPLES.OVERDUE_NOTICE, payUrl: 'javascript:alert(1)' })).toThrow(RangeError);
    expect(() => render('SPK_CONFIRMED', 'fr' as 'id', SAMPLES.SPK_CONFIRMED)).toThrow(RangeError);
  });
});

describe('WhatsApp templates', () => {
  const names = Object.keys(WHATSAPP_TEMPLATES) as WhatsAppTemplateName[];

  it('are well-formed for Meta: snake_case names, {{1}}..{{n}} each once, no variable at either end or next to another, body under 1024 characters', () => {
    for (const name of names) {
      expect(name).toMatch(/^angsur_[a-z0-9_]+$/);
      const t = WHATSAPP_TEMPLATES[name];
      for (const locale of LOCALES) {
        const text = t[locale];
        const used = [...text.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1]));
        expect(used.slice().sort((a, b) => a - b)).toEqual(t.params.map((_, i) => i + 1));
        expect(text).not.toMatch(/^\s*\{\{|\}\}\s*$|\}\}\s*\{\{/);
        expect(text.length).toBeLessThanOrEqual(1024);
        expect(text).not.toMatch(/[\n\t]/);
      }
    }
  });

  it('are listed, word for word, in the comment block of templates.ts (the text to copy into docs/)', () => {
    const source = readFileSync(path.resolve(__dirname, '../../../server/src/notifications/channels/templates.ts'), 'utf8');
    const doc = source.slice(0, source.indexOf('export const NOTIFICATION_TYPES'));
    for (const name of names) {
      expect(doc).toContain(` * ${name}`);
      expect(doc).toContain(` *   id: ${WHATSAPP_TEMPLATES[name].id}\n`);
      expect(doc).toContain(` *   en: ${WHATSAPP_TEMPLATES[name].en}\n`);
    }
    expect(doc.match(/^ \* angsur_[a-z0-9_]+/gm)).toHaveLength(names.length);
  });

  it('tells staff each customer move as a sentence naming the customer, the order and the document, with the way in', () => {
    const base = SAMPLES.STAFF_CUSTOMER_MOVE;
    const cases = [
      { move: 'ORDER_PLACED', amount: 6_338_000n, id: 'Budi Santoso membuat pesanan baru ORD-202602-000123 senilai Rp 6.338.000', en: 'Budi Santoso placed a new order ORD-202602-000123 worth Rp 6.338.000' },
      { move: 'SPK_APPROVED', documentNumber: 'SPK/2026/02/000012', id: 'Budi Santoso menyetujui draf SPK SPK/2026/02/000012 untuk pesanan ORD-202602-000123', en: 'Budi Santoso approved the draft SPK SPK/2026/02/000012 for order ORD-202602-000123' },
      { move: 'SPK_REVISION_REQUESTED', documentNumber: 'SPK/2026/02/000012', id: 'Budi Santoso meminta revisi SPK SPK/2026/02/000012 untuk pesanan ORD-202602-000123', en: 'Budi Santoso asked for changes to SPK SPK/2026/02/000012 for order ORD-202602-000123' },
      { move: 'SPK_SIGNED', documentNumber: 'SPK/2026/02/000012', id: 'Budi Santoso mengunggah SPK SPK/2026/02/000012 bertanda tangan untuk pesanan ORD-202602-000123', en: 'Budi Santoso uploaded the signed SPK SPK/2026/02/000012 for order ORD-202602-000123' },
      { move: 'PAYMENT_PROOF_UPLOADED', amount: 1_035_000n, id: 'Budi Santoso mengunggah bukti transfer Rp 1.035.000 untuk pesanan ORD-202602-000123', en: 'Budi Santoso uploaded a transfer proof Rp 1.035.000 for order ORD-202602-000123' },
      { move: 'ORDER_SUSPENDED', id: 'Budi Santoso menangguhkan sendiri pesanan ORD-202602-000123', en: 'Budi Santoso suspended their own order ORD-202602-000123' },
      { move: 'PAYMENT_SETTLED', amount: 1_035_000n, id: 'Pembayaran online Rp 1.035.000 dari Budi Santoso untuk pesanan ORD-202602-000123 telah diterima', en: 'Budi Santoso paid Rp 1.035.000 online for order ORD-202602-000123' },
    ] as const;
    for (const c of cases) {
      // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- each case narrows the move kind the union cannot infer from a spread
      const params = { ...base, note: null, ...c } as NotificationParams['STAFF_CUSTOMER_MOVE'];
      const id = render('STAFF_CUSTOMER_MOVE', 'id', params);
      const en = render('STAFF_CUSTOMER_MOVE', 'en', params);
      expect(id.body).toContain(`${c.id}.`);
      expect(en.body).toContain(`${c.en}.`);
      expect(id.whatsapp.text).toBe(`Halo Sari, ${c.id}. Mohon segera ditindaklanjuti: ${base.url}. Pesan otomatis dari Angsur.`);
      expect(id.email.html).toContain(`href="${base.url}"`);
      expect(id.email.text).toMatch(/^Halo Sari,/);
    }
    const suspended = render('STAFF_CUSTOMER_MOVE', 'id', base);
    expect(suspended.title).toBe('Budi Santoso menangguhkan pesanan ORD-202602-000123');
    expect(suspended.body).toContain('Alasan: Server tidak dipakai selama libur.');
    expect(() => render('STAFF_CUSTOMER_MOVE', 'id', { ...base, move: 'NOPE' as never })).toThrow(RangeError);
  });

  it('gives staff the way into the back office by email and WhatsApp, not in the app, where the notification leads there itself', () => {
    for (const type of ['STAFF_CUSTOMER_MOVE', 'STAMP_QUOTA_LOW'] as const) {
      for (const locale of LOCALES) {
        const r = render(type, locale, SAMPLES[type]);
        const { url } = SAMPLES[type];
        expect(r.email.text, `${type} ${locale}`).toContain(url);
        expect(r.email.html, `${type} ${locale}`).toContain(`href="${url}"`);
        expect(r.whatsapp.text, `${type} ${locale}`).toContain(url);
        expect(r.body, `${type} ${locale}`).not.toContain(url);
        expect(r.body, `${type} ${locale}`).not.toMatch(/back office/);
        expect(r.body.trim(), `${type} ${locale}`).not.toBe('');
      }
    }
  });

  it('fill refuses the wrong number of parameters', () => {
    expect(() => fillWhatsAppTemplate('angsur_spk_confirmed', 'id', ['a', 'b'])).toThrow(RangeError);
  });
});

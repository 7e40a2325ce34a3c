import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Branding } from '../branding/branding';
import { t } from '../common/messages';
import type { Locale } from '../common/request-context';
import { ZONE } from '../common/time';
import { formatRupiah } from '../money/rupiah';
import { embedFonts } from '../spk/document/fonts';
import type { AgingBucket } from '../reports/dashboard';
import { LedgerKind, type Statement, type StatementLine } from './ledger';
import { AGING_ORDER, type ReceivableRow } from './receivables';

export interface StatementParty {
  name: string;
  email: string;
  address: string | null;
}

/** "4 Desember 2026" / "4 December 2026": a calendar date in the reader's language. */
export const formatDate = (iso: string, locale: Locale) => DateTime.fromISO(iso, { zone: ZONE }).setLocale(locale).toFormat('d LLLL yyyy');

/** What a line says, in the reader's language. */
export function describe(line: Pick<StatementLine, 'kind' | 'ref'>, locale: Locale): string {
  if (line.kind === LedgerKind.INSTALLMENT && line.ref === '0') return t('statement.DOWN_PAYMENT', {}, locale);
  return t(`statement.${line.kind}`, { ref: line.ref }, locale);
}

// A spreadsheet must open the data, never run it: text that starts like a formula gets an apostrophe.
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^-?\d+$/.test(v) ? `'${v}` : v);
const csv = (rows: (string | bigint | null)[][]) => '\ufeff' + stringify(rows.map((r) => r.map((v) => (v === null ? '' : safe(String(v))))), { record_delimiter: '\r\n' });

/**
 * The statement as CSV: whole rupiah (no separators, for spreadsheets), ISO dates; the opening and
 * closing balances as their own rows, so the file alone proves opening + movements = closing.
 */
export function statementCsv(s: Statement, customer: StatementParty, locale: Locale): string {
  const L = (k: Parameters<typeof t>[0]) => t(k, {}, locale);
  return csv([
    [L('statement.col.date'), L('statement.col.order'), 'kind', 'ref', L('statement.col.description'), L('statement.col.debit'), L('statement.col.credit'), L('statement.col.balance')],
    [s.from, null, 'OPENING', null, `${L('statement.opening')} — ${customer.name}`, null, null, s.opening],
    ...s.lines.map((l) => [l.date, l.orderNumber, l.kind, l.ref, describe(l, locale), l.amount > 0n ? l.amount : null, l.amount < 0n ? -l.amount : null, l.balance]),
    [s.to, null, 'CLOSING', null, L('statement.closing'), null, null, s.closing],
  ]);
}

/** Receivables at a date for the accountant, per order, in the dashboard's aging buckets. */
export function receivablesCsv(rows: ReceivableRow[], date: string): string {
  const header = ['date', 'order_number', 'customer_name', 'customer_email', 'order_status', ...AGING_ORDER.map((b: AgingBucket) => b.toLowerCase()), 'total', 'oldest_overdue_due_date'];
  return csv([header, ...rows.map((r) => [date, r.orderNumber, r.customerName, r.customerEmail, r.orderStatus, ...AGING_ORDER.map((b) => r.buckets[b]), r.total, r.oldestOverdueDueDate])]);
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;

function hexColor(hex: string) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? rgb(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255) : rgb(0.1, 0.3, 0.6);
}

/** Cuts text to fit `width` with an ellipsis. */
function fit(text: string, font: PDFFont, size: number, width: number) {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let out = text;
  while (out.length > 1 && font.widthOfTextAtSize(`${out}…`, size) > width) out = out.slice(0, -1);
  return `${out}…`;
}

/**
 * The statement as a PDF (pdf-lib, DejaVu embedded): the company's name, colour and contacts at the
 * top, the customer and period, a table with the running balance, the opening and closing balances,
 * in the reader's language, amounts as "Rp 1.500.000", dates in Jakarta's calendar.
 */
export async function statementPdf(s: Statement, customer: StatementParty, company: Branding & { address: string; npwp: string | null }, locale: Locale, printedAt: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const L = (k: Parameters<typeof t>[0], p: Record<string, string> = {}) => t(k, p, locale);
  doc.setTitle(`${L('statement.title')} — ${customer.name} — ${s.from}..${s.to}`);
  doc.setAuthor(company.companyName);
  doc.setCreationDate(printedAt);
  doc.setModificationDate(printedAt);
  const { regular, bold } = await embedFonts(doc, ['regular', 'bold'] as const);
  const brand = hexColor(company.primaryColor);
  const grey = rgb(0.4, 0.4, 0.4);
  const [W, H] = A4;
  const cols = [
    { key: 'date', x: MARGIN, w: 70 },
    { key: 'order', x: MARGIN + 72, w: 100 },
    { key: 'description', x: MARGIN + 174, w: 140 },
    { key: 'debit', x: MARGIN + 316, w: 75, right: true },
    { key: 'credit', x: MARGIN + 393, w: 75, right: true },
    { key: 'balance', x: MARGIN + 470, w: W - 2 * MARGIN - 470, right: true },
  ] as const;
  const size = 8;
  let page: PDFPage = doc.addPage(A4);
  let y = H - MARGIN;
  const text = (p: PDFPage, str: string, x: number, yy: number, o: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; right?: number } = {}) => {
    const font = o.font ?? regular;
    const sz = o.size ?? size;
    p.drawText(str, { x: o.right !== undefined ? o.right - font.widthOfTextAtSize(str, sz) : x, y: yy, size: sz, font, color: o.color ?? rgb(0, 0, 0) });
  };
  const header = () => {
    page.drawRectangle({ x: 0, y: H - 8, width: W, height: 8, color: brand });
    text(page, company.companyName, MARGIN, y - 6, { font: bold, size: 14, color: brand });
    text(page, fit([company.address, company.supportPhone, company.supportEmail].filter(Boolean).join(' · '), regular, 8, W - 2 * MARGIN), MARGIN, y - 20, { color: grey });
    if (company.npwp) text(page, `NPWP ${company.npwp}`, MARGIN, y - 31, { color: grey });
    y -= 52;
    text(page, L('statement.title'), MARGIN, y, { font: bold, size: 13 });
    y -= 16;
    text(page, L('statement.period', { from: formatDate(s.from, locale), to: formatDate(s.to, locale) }), MARGIN, y, { size: 10 });
    y -= 14;
    text(page, fit(`${L('statement.customer')}: ${customer.name} <${customer.email}>${customer.address ? ` · ${customer.address}` : ''}`, regular, 9, W - 2 * MARGIN), MARGIN, y, { size: 9 });
    y -= 20;
    page.drawRectangle({ x: MARGIN - 2, y: y - 4, width: W - 2 * MARGIN + 4, height: 15, color: rgb(0.93, 0.94, 0.96) });
    for (const c of cols) text(page, L(`statement.col.${c.key}`), c.x, y, { font: bold, right: 'right' in c ? c.x + c.w : undefined });
    y -= 16;
  };
  const row = (values: Record<string, string>, font: PDFFont = regular) => {
    if (y < MARGIN + 40) {
      page = doc.addPage(A4);
      y = H - MARGIN;
      header();
    }
    for (const c of cols) {
      const v = values[c.key] ?? '';
      text(page, 'right' in c ? v : fit(v, font, size, c.w), c.x, y, { font, right: 'right' in c ? c.x + c.w : undefined });
    }
    y -= 13;
  };
  header();
  row({ date: formatDate(s.from, locale), description: L('statement.opening'), balance: formatRupiah(s.opening) }, bold);
  if (!s.lines.length) row({ description: L('statement.none') });
  for (const l of s.lines) {
    row({
      date: formatDate(l.date, locale),
      order: l.orderNumber,
      description: describe(l, locale),
      debit: l.amount > 0n ? formatRupiah(l.amount) : '',
      credit: l.amount < 0n ? formatRupiah(-l.amount) : '',
      balance: formatRupiah(l.balance),
    });
  }
  row({ date: formatDate(s.to, locale), description: L('statement.closing'), balance: formatRupiah(s.closing) }, bold);
  y -= 8;
  const printed = DateTime.fromJSDate(printedAt, { zone: ZONE }).setLocale(locale).toFormat('d LLLL yyyy, HH.mm');
  for (const [i, p] of doc.getPages().entries()) {
    text(p, fit(L('statement.note'), regular, 7, W - 2 * MARGIN), MARGIN, MARGIN - 6, { size: 7, color: grey });
    text(p, `${L('statement.printed', { at: `${printed} WIB` })} · ${i + 1}/${doc.getPageCount()}`, MARGIN, MARGIN - 17, { size: 7, color: grey });
  }
  return doc.save();
}

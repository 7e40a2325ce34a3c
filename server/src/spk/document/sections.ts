import type { PDFPage } from 'pdf-lib';
import { formatPhoneID } from '../../common/id-formats';
import { formatRupiah } from '../../money/rupiah';
import { terbilang, terbilangRupiah } from '../../money/terbilang';
import * as clauses from './clauses';
import type { Fonts } from './fonts';
import { categoryName, formatSpecs, formatTanggal, namaHari } from './format';
import { BODY_SIZE, BODY_TOP, COLORS, MARGIN_X, PAGE_WIDTH, baselineOffset, drawLine, lineHeight, type Flow } from './layout';
import { drawTable, type Row } from './table';
import type { SpkDocumentData } from './types';

const AYAT_LABEL = 22;
const SUB_LABEL = 14;

/** Running header of pages 2..n: who and which agreement, so a loose page is still identifiable. */
export function continuationHeader(d: SpkDocumentData) {
  return (page: PDFPage, fonts: Fonts): number => {
    const width = PAGE_WIDTH - 2 * MARGIN_X;
    const baseline = BODY_TOP - baselineOffset(7.5);
    drawLine(page, d.provider.companyName, MARGIN_X, baseline, width / 2, fonts.bold, 7.5, COLORS.muted);
    drawLine(page, `Surat Perjanjian Kerjasama ${d.number} · Versi ${d.version}`, MARGIN_X + width / 2, baseline, width / 2, fonts.regular, 7.5, COLORS.muted, 'right');
    const ruleY = baseline - 6;
    page.drawLine({ start: { x: MARGIN_X, y: ruleY }, end: { x: MARGIN_X + width, y: ruleY }, thickness: 0.5, color: COLORS.light });
    return ruleY - 14;
  };
}

export function letterhead(flow: Flow, d: SpkDocumentData) {
  const p = d.provider;
  flow.text(p.companyName, { font: 'bold', size: 15, after: 2 });
  flow.text(p.address, { size: 8.5, color: COLORS.muted });
  const contacts = [`Telp. ${p.phone}`, `Email ${p.email}`, ...(p.website ? [p.website] : [])].join('  ·  ');
  flow.text(contacts, { size: 8.5, color: COLORS.muted });
  if (p.npwp) flow.text(`NPWP ${p.npwp}`, { size: 8.5, color: COLORS.muted });
  flow.space(5);
  flow.rule({ thickness: 1.4, color: COLORS.text, after: 2 });
  flow.rule({ thickness: 0.4, color: COLORS.text, after: 16 });
}

export function title(flow: Flow, d: SpkDocumentData) {
  if (d.addendum) flow.text(`ADENDUM KE-${d.addendum.round} (RESTRUKTURISASI ANGSURAN)`, { font: 'bold', size: 11, align: 'center', after: 1 });
  flow.text('SURAT PERJANJIAN KERJASAMA', { font: 'bold', size: 14, align: 'center', after: 1 });
  flow.text('LAYANAN HOSTING DENGAN PEMBAYARAN ANGSURAN', { font: 'bold', size: 9.5, align: 'center', after: 4 });
  flow.text(`Nomor: ${d.number}`, { align: 'center' });
  flow.text(`Versi ${d.version}  ·  Tanggal ${formatTanggal(d.date)}`, { align: 'center', after: 14 });
}

export function parties(flow: Flow, d: SpkDocumentData) {
  const labelWidth = 150;
  flow.text(clauses.openingText(d, namaHari(d.date)), { after: 6 });
  const p = d.provider;
  flow.fields(
    [
      ['Nama', p.representativeName],
      ['Jabatan', p.representativeTitle],
      ['Bertindak untuk dan atas nama', p.companyName],
      ['Alamat', p.address],
      ...(p.npwp ? [['NPWP', p.npwp] as [string, string]] : []),
    ],
    { marker: '1.', indent: AYAT_LABEL, labelWidth },
  );
  flow.text('selanjutnya disebut PIHAK PERTAMA.', { indent: AYAT_LABEL, after: 6 });
  const c = d.customer;
  // Acting for a company, the customer signs as its officer: the company is the second party.
  const forCompany: [string, string][] = c.company
    ? [
        ['Jabatan', c.companyTitle ?? '-'],
        ['Bertindak untuk dan atas nama', c.company],
        ['Alamat perusahaan', c.companyAddress ?? '-'],
      ]
    : [];
  flow.fields(
    [
      ['Nama', c.fullName],
      ['NIK', c.nik],
      ...forCompany,
      [c.company ? 'Alamat pribadi' : 'Alamat', c.address],
      ['Telepon', formatPhoneID(c.phone)],
      ['Email', c.email],
    ],
    { marker: '2.', indent: AYAT_LABEL, labelWidth },
  );
  flow.text('selanjutnya disebut PIHAK KEDUA.', { indent: AYAT_LABEL, after: 6 });
  flow.text(clauses.PARTIES_AGREE, { after: 10 });
}

/** "Pasal n" and its title, centred; kept on the page of the first lines that follow. */
function pasalHeading(flow: Flow, key: clauses.PasalKey, firstText: string) {
  const head = lineHeight(10) * 2 + 4;
  flow.ensure(head + Math.min(flow.measure(firstText, {}, flow.width - AYAT_LABEL), lineHeight(BODY_SIZE) * 2));
  flow.text(`Pasal ${clauses.pasal(key)}`, { font: 'bold', size: 10, align: 'center' });
  flow.text(clauses.TITLES[key], { font: 'bold', size: 10, align: 'center', after: 4 });
}

/** Numbered paragraphs (ayat) with lettered sub-items; a single paragraph is not numbered. */
function ayat(flow: Flow, items: clauses.ClauseItem[], opts: { firstNumber?: number; numbered?: boolean } = {}) {
  const numbered = opts.numbered ?? items.length > 1;
  items.forEach((item, i) => {
    if (numbered) flow.labeled(`(${(opts.firstNumber ?? 1) + i})`, item.text, { indent: 0, labelWidth: AYAT_LABEL, after: item.sub ? 1 : 3 });
    else flow.text(item.text, { after: item.sub ? 1 : 3 });
    const subIndent = numbered ? AYAT_LABEL : 0;
    (item.sub ?? []).forEach((sub, j) => {
      flow.labeled(`${String.fromCharCode(97 + j)}.`, sub, { indent: subIndent, labelWidth: SUB_LABEL, after: j === item.sub!.length - 1 ? 3 : 1 });
    });
  });
  flow.space(8);
}

export function objek(flow: Flow, d: SpkDocumentData) {
  const intro = clauses.objekBefore(d);
  pasalHeading(flow, 'objek', intro);
  flow.labeled('(1)', intro, { indent: 0, labelWidth: AYAT_LABEL, after: 5 });
  const items = [...d.items].sort((a, b) => a.position - b.position);
  const rows: Row[] = items.map((item) => ({
    cells: [String(item.position), item.productName, categoryName(item.category), formatSpecs(item.specs), formatRupiah(item.setupFee), formatRupiah(item.cashPrice)],
  }));
  rows.push({
    cells: ['', 'Jumlah', '', '', formatRupiah(items.reduce((s, i) => s + i.setupFee, 0n)), formatRupiah(items.reduce((s, i) => s + i.cashPrice, 0n))],
    bold: true,
    fill: COLORS.fill,
  });
  drawTable(
    flow,
    [
      { header: 'No', share: 0.45, align: 'center' },
      { header: 'Produk', share: 1.9 },
      { header: 'Kategori', share: 1.3 },
      { header: 'Spesifikasi', share: 2.9 },
      { header: 'Biaya pemasangan', share: 1.4, align: 'right', nowrap: true },
      { header: 'Harga layanan', share: 1.4, align: 'right', nowrap: true },
    ],
    rows,
    { after: 6 },
  );
  ayat(flow, clauses.objekAfter(), { firstNumber: 2, numbered: true });
}

export function jangkaWaktu(flow: Flow, d: SpkDocumentData) {
  const items = clauses.jangkaWaktu(d);
  pasalHeading(flow, 'jangkaWaktu', items[0]!.text);
  ayat(flow, items);
}

export function harga(flow: Flow, d: SpkDocumentData) {
  const o = d.order;
  const words = terbilangRupiah(o.totalPrice);
  const intro = clauses.hargaIntro(d, words);
  pasalHeading(flow, 'harga', intro);
  flow.labeled('(1)', intro, { indent: 0, labelWidth: AYAT_LABEL, after: 4 });
  const labelWidth = 170;
  flow.fields(
    [
      ['Harga layanan', formatRupiah(o.cashPrice)],
      ['Biaya pemasangan (setup)', formatRupiah(o.setupFee)],
      ['Biaya administrasi', formatRupiah(o.adminFee)],
      ['Margin angsuran', formatRupiah(o.marginAmount)],
      ...(o.vatAdded ? [['PPN (ditambahkan pada harga)', formatRupiah(o.vatAdded)] as [string, string]] : []),
      ...(o.lateFeesCarried ? [['Denda yang direstrukturisasi', formatRupiah(o.lateFeesCarried)] as [string, string]] : []),
      ...(o.stampDuty ? [['Bea meterai (e-Meterai)', formatRupiah(o.stampDuty)] as [string, string]] : []),
    ],
    { indent: AYAT_LABEL, labelWidth },
  );
  flow.fields([['Total harga', formatRupiah(o.totalPrice)]], { indent: AYAT_LABEL, labelWidth, valueFont: 'bold' });
  if (o.vatAmount) {
    flow.fields([[`PPN ${o.vatRatePercent ?? ''} (termasuk dalam total harga)`.replace('  ', ' '), formatRupiah(o.vatAmount)]], { indent: AYAT_LABEL, labelWidth });
  }
  if (d.addendum) flow.fields([['Alasan restrukturisasi', d.addendum.reason]], { indent: AYAT_LABEL, labelWidth });
  flow.fields([['Terbilang', `(${words})`]], { indent: AYAT_LABEL, labelWidth, valueFont: 'italic' });
  flow.fields(
    [
      ['Uang muka', formatRupiah(o.downPayment)],
      ['Jumlah yang diangsur', formatRupiah(d.installments.filter((i) => i.number > 0).reduce((s, i) => s + i.amount, 0n))],
      ['Paket angsuran', `${o.planName}, tenor ${o.tenorMonths} (${terbilang(BigInt(o.tenorMonths))}) bulan`],
    ],
    { indent: AYAT_LABEL, labelWidth, after: 6 },
  );

  flow.labeled('(2)', clauses.SCHEDULE_INTRO, { indent: 0, labelWidth: AYAT_LABEL, after: 5 });
  const schedule = [...d.installments].sort((a, b) => a.number - b.number);
  // The PPN column shows how much of each installment is VAT (tax/vat.ts); only when there is any.
  const withVat = schedule.some((i) => (i.vat ?? 0n) > 0n);
  const rows: Row[] = schedule.map((i) => ({
    cells: [
      i.number === 0 ? '0 (pembayaran awal)' : String(i.number),
      formatTanggal(i.dueDate),
      ...(withVat ? [formatRupiah(i.vat ?? 0n)] : []),
      formatRupiah(i.amount),
    ],
  }));
  rows.push({
    cells: ['Jumlah', '', ...(withVat ? [formatRupiah(schedule.reduce((s, i) => s + (i.vat ?? 0n), 0n))] : []), formatRupiah(schedule.reduce((s, i) => s + i.amount, 0n))],
    bold: true,
    fill: COLORS.fill,
  });
  drawTable(
    flow,
    [
      { header: 'Angsuran ke-', share: 1.3, align: 'center' },
      { header: 'Jatuh tempo', share: 1.6, align: 'center' },
      ...(withVat ? [{ header: 'PPN', share: 1.4, align: 'right' as const, nowrap: true }] : []),
      { header: 'Jumlah', share: 1.6, align: 'right', nowrap: true },
    ],
    rows,
    { after: 6 },
  );
  ayat(flow, clauses.hargaAfter(d), { firstNumber: 3, numbered: true });
}

export function textClauses(flow: Flow, d: SpkDocumentData) {
  for (const { key, clause } of clauses.textClauses(d)) {
    pasalHeading(flow, key, clause.items[0]!.text);
    ayat(flow, clause.items);
  }
}

import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpkPdf, type Box, type RenderedSpk, type SpkDocumentData } from '../../../server/src/spk/document';
import { threeItemsThirtySixMonths, vpsTwelveMonths } from './fixtures';
import { decodeQr, pageCount, pageTexts, pdfFonts, renderPng, wordBoxes } from '../../support/pdf-reader';

const flat = (s: string) => s.replace(/\s+/g, ' ');
const STANDARD_14 = /^(Times|Helvetica|Courier|Symbol|ZapfDingbats)/;

const inside = (b: Box, w: number, h: number) => b.x >= 0 && b.y >= 0 && b.x + b.width <= w && b.y + b.height <= h;
const overlap = (a: Box, b: Box) => a.page === b.page && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each([
  ['a VPS on 12 months', vpsTwelveMonths],
  ['three items on 36 months', threeItemsThirtySixMonths],
] as const)('SPK PDF: %s', (_name, make) => {
  let data: SpkDocumentData;
  let rendered: RenderedSpk;
  let pages: string[];

  beforeAll(async () => {
    data = make();
    rendered = await renderSpkPdf(data);
    pages = await pageTexts(rendered.bytes);
  });

  it('has the page count it reports, and every page says which page it is and which document', async () => {
    expect(await pageCount(rendered.bytes)).toBe(rendered.pageCount);
    expect((await PDFDocument.load(rendered.bytes)).getPageCount()).toBe(rendered.pageCount);
    expect(pages).toHaveLength(rendered.pageCount);
    pages.forEach((text, i) => {
      expect(flat(text)).toContain(`Halaman ${i + 1} dari ${rendered.pageCount}`);
      expect(flat(text)).toContain(`Kode dokumen: ${data.documentCode}`);
      expect(flat(text)).toContain('Pindai untuk verifikasi keaslian');
    });
  });

  it('names the parties, the agreement and the price in figures and in words', () => {
    const text = flat(pages.join('\n'));
    for (const s of [data.customer.fullName, data.customer.nik, data.customer.address, data.number, `Versi ${data.version}`, data.provider.companyName, data.provider.representativeName]) {
      expect(text).toContain(flat(s));
    }
    expect(text).toContain('SURAT PERJANJIAN KERJASAMA');
    expect(text).toContain('PIHAK PERTAMA');
    expect(text).toContain('PIHAK KEDUA');
    expect(text).toContain('Tempat e-Meterai');
    expect(text).toContain('Undang-Undang Nomor 27 Tahun 2022');
    expect(text).toContain(`Pengadilan Negeri ${data.city}`);
  });

  it('lists every installment with its due date and a total equal to the sum', async () => {
    // Layout mode keeps a table row on one line (plain mode may read the footer's initials boxes,
    // which sit under the amounts column, between a row's label and its amount).
    const text = flat((await pageTexts(rendered.bytes, { layout: true })).join('\n'));
    const sum = data.installments.reduce((s, i) => s + i.amount, 0n);
    expect(sum).toBe(data.order.totalPrice);
    expect(text).toContain(`Jumlah Rp ${sum.toLocaleString('de-DE')}`);
    const lastDue = data.installments[data.installments.length - 1]!;
    const [y, m, d] = lastDue.dueDate.split('-').map(Number) as [number, number, number];
    const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    expect(text).toContain(`${lastDue.number} ${d} ${months[m - 1]} ${y}`);
  });

  it('embeds every font, as subsets, and uses none of the standard 14', async () => {
    const fonts = await pdfFonts(rendered.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb, f.name).toBe(true);
      expect(f.sub, f.name).toBe(true);
      expect(f.name.replace(/^[A-Z]{6}\+/, '')).not.toMatch(STANDARD_14);
    }
  });

  it('is byte-for-byte the same for the same data, and reports its own SHA-256', async () => {
    const again = await renderSpkPdf(make());
    expect(again.sha256).toBe(rendered.sha256);
    expect(Buffer.from(again.bytes).equals(Buffer.from(rendered.bytes))).toBe(true);
    expect(createHash('sha256').update(rendered.bytes).digest('hex')).toBe(rendered.sha256);
    const info = await PDFDocument.load(rendered.bytes, { updateMetadata: false });
    expect(info.getProducer()).toBe('Angsur');
    expect(info.getCreator()).toBe('Angsur');
    expect(info.getCreationDate()?.toISOString()).toBe(new Date(`${data.date}T00:00:00+07:00`).toISOString());
  });

  it('puts the signature and e-Meterai boxes side by side on the last page, inside the page', () => {
    const last = rendered.pageCount - 1;
    const { stampBox, providerSignatureBox, customerSignatureBox } = rendered;
    for (const b of [stampBox, providerSignatureBox, customerSignatureBox]) {
      expect(b.page).toBe(last);
      expect(inside(b, 595.28, 841.89)).toBe(true);
    }
    // About 4 x 4 cm, in PIHAK KEDUA's (right) column next to the customer's signature.
    expect(stampBox.width).toBeCloseTo(113.4, 0);
    expect(stampBox.height).toBeCloseTo(113.4, 0);
    expect(stampBox.x).toBeGreaterThan(595.28 / 2);
    expect(overlap(stampBox, customerSignatureBox)).toBe(false);
    expect(overlap(stampBox, providerSignatureBox)).toBe(false);
    expect(overlap(providerSignatureBox, customerSignatureBox)).toBe(false);
    expect(customerSignatureBox.y).toBeCloseTo(stampBox.y, 1);
    // Above the footer band (QR code and page number).
    expect(Math.min(stampBox.y, providerSignatureBox.y)).toBeGreaterThan(110);
    expect(flat(pages[last]!)).toContain(`Dibuat di ${data.city}`);
  });

  it('keeps every word inside the 2 cm side margins and on the page', async () => {
    const words = await wordBoxes(rendered.bytes);
    expect(words.length).toBeGreaterThan(500);
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(56);
      expect(w.xMax, w.text).toBeLessThanOrEqual(595.28 - 56);
      expect(w.yMin, w.text).toBeGreaterThanOrEqual(30);
      expect(w.yMax, w.text).toBeLessThanOrEqual(841.89 - 25);
    }
  });

  it('carries a QR code of the verification URL that a 150 dpi rendering decodes', async () => {
    expect(decodeQr(await renderPng(rendered.bytes, 1, 150))).toBe(data.verifyUrl);
    expect(decodeQr(await renderPng(rendered.bytes, rendered.pageCount, 150))).toBe(data.verifyUrl);
  });
});

describe('SPK PDF content details', () => {
  it('writes the VPS figures the way an Indonesian reader expects', async () => {
    const text = flat((await pageTexts((await renderSpkPdf(vpsTwelveMonths())).bytes, { layout: true })).join('\n'));
    expect(text).toContain('Rp 6.910.000');
    expect(text).toContain('(enam juta sembilan ratus sepuluh ribu rupiah)');
    expect(text).toContain('Uang muka : Rp 600.000');
    expect(text).toContain('Biaya administrasi : Rp 100.000');
    expect(text).toContain('Margin angsuran : Rp 810.000');
    expect(text).toContain('Cicilan 12 Bulan, tenor 12 (dua belas) bulan');
    expect(text).toContain('+62 812-3456-7890');
    expect(text).toContain('Selasa, tanggal 24 November 2026');
    expect(text).toContain('0 (pembayaran awal) 1 Desember 2026 Rp 700.000');
    expect(text).toContain('12 1 Desember 2027 Rp 517.500');
    expect(text).toContain('Rp 10.000 per hari keterlambatan');
    expect(text).toContain('paling banyak Rp 300.000');
    expect(text).toContain('dalam waktu 14 (empat belas) hari sejak tanggal jatuh tempo');
    expect(text).toContain('VPS Pro 4 VPS CPU 4 vCPU; RAM 8 GB');
  });

  it('repeats the schedule header on every page the 36-month schedule reaches', async () => {
    const data = threeItemsThirtySixMonths();
    const rendered = await renderSpkPdf(data);
    const pages = (await pageTexts(rendered.bytes)).map(flat);
    const withRows = pages.filter((p) => / Rp 2\.176\.000/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p).toContain('Angsuran ke- Jatuh tempo Jumlah');
    const text = pages.join(' ');
    expect(text).toContain('PT Maju Digital Nusantara Sejahtera');
    expect(text).toContain('0,1% dari jumlah angsuran yang terlambat per hari');
    expect(text).toContain('tidak menangguhkan layanan secara otomatis');
    expect(text).toContain('Colocation');
    expect(text).toContain('Dedicated Server');
    expect(text).toContain('Cloud Server');
    expect(text).toContain('perangkat milik PIHAK KEDUA wajib diambil');
    expect(text).toContain('Rp 95.486.000');
  });

  it('refuses figures that do not add up', async () => {
    const data = vpsTwelveMonths();
    data.installments[3] = { ...data.installments[3]!, amount: data.installments[3]!.amount + 1n };
    await expect(renderSpkPdf(data)).rejects.toThrow(/installments add up to Rp 6\.910\.001/);
    await expect(renderSpkPdf(vpsTwelveMonths({ documentCode: 'spk lower' }))).rejects.toThrow(/documentCode/);
  });

  it('keeps long unbroken values (e-mail addresses) inside the page', async () => {
    const data = vpsTwelveMonths();
    data.customer.email = `${'sangat.panjang.sekali.'.repeat(6)}budi@example.co.id`;
    const rendered = await renderSpkPdf(data);
    const text = (await pageTexts(rendered.bytes)).join('\n').replace(/\s+/g, '');
    expect(text).toContain(data.customer.email);
    for (const w of await wordBoxes(rendered.bytes)) expect(w.xMax, w.text).toBeLessThanOrEqual(595.28 - 56);
  });
});

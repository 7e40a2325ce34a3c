import { degrees, PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createStampDutyProvider,
  SandboxStampDutyProvider,
  STAMP_DUTY_AMOUNT,
  StampDutyError,
  type StampRequest,
} from '../../../server/src/spk/stamp-duty';
import { pdfPool } from '../../../server/src/pdf';
import { differencesOutside, extractColourImages, makeAgreementPdf, pageMarker, pageText, renderGray } from './pdf-tools';

const PAGES = 3;
const STAMP_PAGE = PAGES - 1; // 0-based: the signature page
const BOX = { page: STAMP_PAGE, x: 400, y: 180, width: 100, height: 100 };
const STAMP_TEXTS = ['METERAI ELEKTRONIK', 'SANDBOX — TIDAK BERLAKU', '10000'];
const DPI = 72;

let pdf: Uint8Array;

function request(overrides: Partial<StampRequest> = {}): StampRequest {
  return {
    documentId: 'spk_01JDX8Y7Q2',
    fileName: 'SPK-2026-0042.pdf',
    pdf,
    box: BOX,
    documentNumber: 'SPK/2026/0042',
    documentDate: '2026-11-24',
    ...overrides,
  };
}

beforeAll(async () => {
  pdf = await makeAgreementPdf(PAGES);
  // The placement runs in the PDF worker pool: its workers start here (a few seconds, longer on a
  // loaded machine), under the hook's timeout rather than the first test's.
  await pdfPool().run('workerInfo', [0], { timeoutMs: 60_000 });
});

describe('sandbox e-Meterai', () => {
  it('stamps inside the box only, keeps every page and its text, and charges Rp 10.000', async () => {
    const provider = new SandboxStampDutyProvider();
    const result = await provider.stamp(request());

    expect(result).toMatchObject({ provider: 'sandbox', status: 'STAMPED', dutyAmount: 10_000n, failureReason: null });
    expect(STAMP_DUTY_AMOUNT).toBe(10_000n);
    expect(result.serialNumber).toMatch(/^[A-Z0-9]{22}$/);
    expect(result.providerReference).toBe(`SANDBOX-${result.serialNumber}`);
    const stamped = result.stampedPdf!;
    expect(Buffer.from(stamped.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    // Saved with a classic xref table and no object streams, so incremental signatures can follow.
    const raw = Buffer.from(stamped).toString('latin1');
    expect(raw).not.toContain('/ObjStm');
    expect(raw).toMatch(/\nxref\s/);

    const before = await PDFDocument.load(pdf);
    const after = await PDFDocument.load(stamped);
    expect(after.getPageCount()).toBe(PAGES);
    for (let i = 0; i < PAGES; i++) expect(after.getPage(i).getSize()).toEqual(before.getPage(i).getSize());

    for (let i = 0; i < PAGES; i++) {
      const original = await pageText(pdf, i + 1);
      const text = await pageText(stamped, i + 1);
      expect(text).toContain(pageMarker(i));
      expect(text).toContain('PERJANJIAN KERJA SAMA NOMOR SPK-2026-0042');
      expect(text).toContain(`Halaman ${i + 1} dari ${PAGES}`);
      // Every word of the original page is still there.
      for (const word of original.split(/\s+/).filter(Boolean)) expect(text).toContain(word);
      for (const s of [...STAMP_TEXTS, result.serialNumber!]) {
        expect(original).not.toContain(s);
        if (i === STAMP_PAGE) expect(text).toContain(s);
        else expect(text).not.toContain(s);
      }
    }

    // Pixels: nothing changes outside the box on any page; the stamp page changes inside it.
    const { height: pageHeight } = before.getPage(STAMP_PAGE).getSize();
    for (let i = 0; i < PAGES; i++) {
      const a = await renderGray(pdf, i + 1, DPI);
      const b = await renderGray(stamped, i + 1, DPI);
      const diff = differencesOutside(a, b, BOX, DPI, pageHeight);
      expect(diff.outside, `page ${i + 1}: pixels changed outside the stamp box`).toBe(0);
      if (i === STAMP_PAGE) expect(diff.inside).toBeGreaterThan(500);
      else expect(diff.inside).toBe(0);
    }
  });

  it('puts a QR code encoding SANDBOX:<serial> on the stamp page and no image elsewhere', async () => {
    const result = await new SandboxStampDutyProvider().stamp(request());
    for (let i = 0; i < PAGES; i++) {
      const images = await extractColourImages(result.stampedPdf!, i + 1);
      if (i !== STAMP_PAGE) {
        expect(images).toHaveLength(0);
        continue;
      }
      expect(images).toHaveLength(1);
      const img = images[0]!;
      // Sample the centre of every module and compare with the QR matrix of the expected text.
      const qr = QRCode.create(`SANDBOX:${result.serialNumber}`, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const margin = 1;
      const cell = img.width / (n + 2 * margin);
      expect(img.height).toBe(img.width);
      expect(Number.isInteger(cell)).toBe(true);
      let mismatches = 0;
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) {
          const px = Math.floor((c + margin + 0.5) * cell);
          const py = Math.floor((r + margin + 0.5) * cell);
          const dark = img.data[(py * img.width + px) * 3]! < 128;
          if (dark !== Boolean(qr.modules.get(r, c))) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    }
  });

  it('gives the same document the same serial and bytes, and other documents other serials', async () => {
    const a = new SandboxStampDutyProvider();
    const first = await a.stamp(request());
    const again = await a.stamp(request());
    const fresh = await new SandboxStampDutyProvider().stamp(request());
    expect(again.serialNumber).toBe(first.serialNumber);
    expect(fresh.serialNumber).toBe(first.serialNumber);
    expect(Buffer.from(fresh.stampedPdf!).equals(Buffer.from(first.stampedPdf!))).toBe(true);
    expect(fresh.providerReference).toBe(first.providerReference);

    const otherId = await a.stamp(request({ documentId: 'spk_01JDX8Y7Q3' }));
    const otherPdf = await a.stamp(request({ pdf: await makeAgreementPdf(2), box: { ...BOX, page: 1 } }));
    const otherSeed = await new SandboxStampDutyProvider({ seed: 'staging' }).stamp(request());
    const serials = new Set([first.serialNumber, otherId.serialNumber, otherPdf.serialNumber, otherSeed.serialNumber]);
    expect(serials.size).toBe(4);
    for (const s of serials) expect(s).toMatch(/^[A-Z0-9]{22}$/);
  });

  it('answers status() from memory and copies the bytes it hands out', async () => {
    const provider = new SandboxStampDutyProvider();
    const result = await provider.stamp(request());
    const keep = Buffer.from(result.stampedPdf!);
    result.stampedPdf![0] = 0; // a caller scribbling on its copy
    const polled = await provider.status(result.providerReference);
    expect(polled.status).toBe('STAMPED');
    expect(polled.serialNumber).toBe(result.serialNumber);
    expect(Buffer.from(polled.stampedPdf!).equals(keep)).toBe(true);
    await expect(provider.status('SANDBOX-UNKNOWN')).rejects.toMatchObject({ name: 'StampDutyError', status: 404 });
    await expect(new SandboxStampDutyProvider().status(result.providerReference)).rejects.toBeInstanceOf(StampDutyError);
  });

  it('lays a wide box out side by side and still fits everything in it', async () => {
    const wide = { page: STAMP_PAGE, x: 330, y: 190, width: 190, height: 80 };
    const result = await new SandboxStampDutyProvider().stamp(request({ box: wide }));
    const text = await pageText(result.stampedPdf!, STAMP_PAGE + 1);
    for (const s of [...STAMP_TEXTS, result.serialNumber!]) expect(text).toContain(s);
    const { height } = (await PDFDocument.load(pdf)).getPage(STAMP_PAGE).getSize();
    const diff = differencesOutside(await renderGray(pdf, PAGES, DPI), await renderGray(result.stampedPdf!, PAGES, DPI), wide, DPI, height);
    expect(diff.outside).toBe(0);
  });

  it('refuses requests it cannot honour before touching the PDF', async () => {
    const provider = new SandboxStampDutyProvider();
    const cases: Partial<StampRequest>[] = [
      { documentId: '' },
      { documentNumber: ' ' },
      { documentDate: '2026-02-30' },
      { documentDate: '24-11-2026' },
      { pdf: new Uint8Array() },
      { pdf: new TextEncoder().encode('not a pdf') },
      { box: { ...BOX, page: PAGES } },
      { box: { ...BOX, page: -1 } },
      { box: { ...BOX, x: 560 } }, // sticks out on the right of A4 (595 pt)
      { box: { ...BOX, y: -5 } },
      { box: { ...BOX, width: 10, height: 10 } },
      { box: { ...BOX, x: Number.NaN } },
      { callbackUrl: 'ftp://example.com/cb' },
    ];
    for (const c of cases) await expect(provider.stamp(request(c)), JSON.stringify(c, (_k, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v))).rejects.toBeInstanceOf(RangeError);
  });

  it('refuses an already signed PDF, whose signature a rewrite would break', async () => {
    const signed = Buffer.concat([Buffer.from(pdf), Buffer.from('\n% /ByteRange [0 10 20 30]\n')]);
    await expect(new SandboxStampDutyProvider().stamp(request({ pdf: signed }))).rejects.toThrow(/signature/);
  });

  it('refuses rotated pages', async () => {
    const doc = await PDFDocument.load(pdf);
    doc.getPage(STAMP_PAGE).setRotation(degrees(90));
    const rotated = await doc.save({ useObjectStreams: false });
    await expect(new SandboxStampDutyProvider().stamp(request({ pdf: rotated }))).rejects.toThrow(/rotated/);
  });

  it('is what createStampDutyProvider gives by default', () => {
    expect(createStampDutyProvider().name).toBe('sandbox');
    expect(createStampDutyProvider('sandbox', { sandbox: { seed: 'x' } })).toBeInstanceOf(SandboxStampDutyProvider);
    expect(() => createStampDutyProvider('mekari')).toThrow(/no options/);
  });
});

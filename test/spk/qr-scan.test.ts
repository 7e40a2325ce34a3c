import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderSpkPdf } from '../../server/src/spk/document';
import { decodeAllQr } from '../../server/src/spk/qr-scan';
import { verifyCustomerUpload } from '../../server/src/spk/verification';
import { vpsTwelveMonths } from './document/fixtures';

const data = vpsTwelveMonths();
const STAMP_QR = 'SANDBOX:7Q2M9X4K3PAB12CD34EF56';
/** A4 at 150 dpi, as the verification renders scans. */
const W = 1240;
const H = 1754;

/** Draws a QR code (black modules on white) into the page image at x, y. */
async function paste(page: PNG, text: string, x: number, y: number, scale: number) {
  const qr = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale }));
  PNG.bitblt(qr, page, 0, 0, qr.width, qr.height, x, y);
}

/**
 * The signature page of a printed, wet-ink signed and scanned SPK, as far as QR codes go: the
 * e-Meterai's larger QR in the stamp box beside the signatures, ours in the footer, and some grey
 * scanner noise.
 */
async function scannedSignaturePage(): Promise<Buffer> {
  const page = new PNG({ width: W, height: H });
  page.data.fill(255);
  for (let i = 0; i < page.data.length; i += 4 * 97) page.data[i] = page.data[i + 1] = page.data[i + 2] = 200;
  await paste(page, STAMP_QR, 640, 1552, 5);
  await paste(page, data.verifyUrl, W - 118 - 140, H - 62 - 140, 4);
  return PNG.sync.write(page);
}

describe('QR codes on a scanned page', () => {
  it('reads every code on the page, not only the one jsQR locks onto first', async () => {
    const png = await scannedSignaturePage();
    const codes = decodeAllQr(png);
    expect(codes.sort()).toEqual([STAMP_QR, data.verifyUrl].sort());
    // What one plain jsQR call sees on this page: a single code, which is why masking is needed.
    const img = PNG.sync.read(png);
    expect(jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data).toBe(STAMP_QR);
  });

  it('finds nothing on a blank page', () => {
    const page = new PNG({ width: 300, height: 300 });
    page.data.fill(255);
    expect(decodeAllQr(PNG.sync.write(page))).toEqual([]);
  });

  it('recognises a scan of the signature page with the e-Meterai QR beside ours', async () => {
    const scan = await PDFDocument.create();
    const image = await scan.embedPng(await scannedSignaturePage());
    scan.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const rendered = await renderSpkPdf(data);
    const report = await verifyCustomerUpload(await scan.save(), rendered.bytes, { documentCode: data.documentCode, verifyUrl: data.verifyUrl, stampSerial: null, now: new Date() });
    expect(report).toMatchObject({ documentCodeInText: false, qrCodeMatches: true, derivation: 'NOT_DERIVED', verdict: 'NEEDS_VISUAL_CHECK' });
    expect(report.notes).not.toContain('QR_OF_ANOTHER_DOCUMENT');
  }, 60_000);

  it('still names a QR of another SPK', async () => {
    const page = PNG.sync.read(await scannedSignaturePage());
    await paste(page, 'https://angsur.example/verify/SPK-ZZZZZZZZZZ', 100, 100, 4);
    const scan = await PDFDocument.create();
    scan.addPage([595.28, 841.89]).drawImage(await scan.embedPng(PNG.sync.write(page)), { x: 0, y: 0, width: 595.28, height: 841.89 });
    const report = await verifyCustomerUpload(await scan.save(), (await renderSpkPdf(data)).bytes, { documentCode: data.documentCode, verifyUrl: data.verifyUrl, stampSerial: null, now: new Date() });
    expect(report.qrCodeMatches).toBe(true);
    expect(report.notes).toContain('QR_OF_ANOTHER_DOCUMENT');
  }, 60_000);
});

import { createHash, createHmac } from 'node:crypto';
import {
  clip,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  type PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import QRCode from 'qrcode';
import { assertValidStampRequest, openStampPage } from './pdf-box';
import { STAMP_DUTY_AMOUNT, StampDutyError, type StampBox, type StampDutyProvider, type StampRequest, type StampResult } from './provider';

/** Serial numbers of e-Meterai are 22 alphanumeric characters (unconfirmed); the sandbox copies the shape. */
export const SANDBOX_SERIAL_LENGTH = 22;
/** Printed on every sandbox stamp, so nobody mistakes a test document for a stamped one. */
export const SANDBOX_STAMP_NOTICE = 'SANDBOX — TIDAK BERLAKU';

const DEFAULT_SEED = 'angsur-sandbox-e-meterai';
const DEFAULT_MAX_STORED = 1000;

export interface SandboxStampDutyOptions {
  /** Mixed into every serial number: two sandboxes with different seeds never issue the same serial. */
  seed?: string;
  /** Results kept for status(); the oldest are forgotten beyond this. Default 1000. */
  maxStored?: number;
}

/**
 * The 22-character serial the sandbox gives a document: uppercase base-36 digits of
 * HMAC-SHA256(seed, documentId NUL sha256(pdf)). Same document, same bytes, same seed: same serial.
 */
export function sandboxSerialNumber(documentId: string, pdf: Uint8Array, seed = DEFAULT_SEED): string {
  const pdfHash = createHash('sha256').update(pdf).digest('hex');
  const mac = createHmac('sha256', seed).update(documentId, 'utf8').update('\0').update(pdfHash).digest('hex');
  // 256 bits are about 49 base-36 digits; the low 22 are (very nearly) uniform.
  return BigInt(`0x${mac}`).toString(36).toUpperCase().padStart(SANDBOX_SERIAL_LENGTH, '0').slice(-SANDBOX_SERIAL_LENGTH);
}

/**
 * Default provider outside production: stamps at once, offline, deterministically. It draws a look-alike
 * stamp that says SANDBOX and is worth nothing; it adds no Peruri signature and pays no duty.
 *
 * status() answers from an in-memory map, so a restart forgets earlier references (status() then throws
 * a 404 StampDutyError). Nothing is lost by that: the sandbox never has a pending stamp, and stamping the
 * same document again gives the same serial.
 */
export class SandboxStampDutyProvider implements StampDutyProvider {
  readonly name = 'sandbox' as const;
  private readonly seed: string;
  private readonly maxStored: number;
  private readonly results = new Map<string, StampResult>();

  constructor(opts: SandboxStampDutyOptions = {}) {
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.maxStored = opts.maxStored ?? DEFAULT_MAX_STORED;
    if (!Number.isSafeInteger(this.maxStored) || this.maxStored < 1) throw new RangeError('maxStored must be a positive whole number');
  }

  async stamp(req: StampRequest): Promise<StampResult> {
    assertValidStampRequest(req);
    if (Buffer.from(req.pdf.buffer, req.pdf.byteOffset, req.pdf.byteLength).includes('/ByteRange')) {
      // pdf-lib rewrites the whole file, which would break that signature: stamp first, sign afterwards.
      throw new RangeError('the PDF already carries a digital signature; the sandbox can only stamp unsigned PDFs');
    }
    const serial = sandboxSerialNumber(req.documentId, req.pdf, this.seed);
    const reference = `SANDBOX-${serial}`;
    const known = this.results.get(reference);
    if (known) return copy(known);

    const { doc, page } = await openStampPage(req.pdf, req.box);
    await drawSandboxStamp(doc, page, req.box, serial);
    // Classic cross-reference table, no object streams: later incremental signatures append cleanly.
    const stampedPdf = await doc.save({ useObjectStreams: false });
    const result: StampResult = {
      provider: 'sandbox',
      providerReference: reference,
      status: 'STAMPED',
      serialNumber: serial,
      stampedPdf,
      dutyAmount: STAMP_DUTY_AMOUNT,
      failureReason: null,
    };
    this.remember(reference, result);
    return copy(result);
  }

  async status(providerReference: string): Promise<StampResult> {
    const known = this.results.get(providerReference);
    if (!known) throw new StampDutyError(`the sandbox knows no stamp ${providerReference} (it forgets them on restart)`, 404);
    return copy(known);
  }

  private remember(reference: string, result: StampResult): void {
    this.results.set(reference, result);
    while (this.results.size > this.maxStored) {
      const oldest = this.results.keys().next().value as string;
      this.results.delete(oldest);
    }
  }
}

/** Callers get their own bytes: a caller changing them must not change what status() answers later. */
function copy(result: StampResult): StampResult {
  return { ...result, stampedPdf: result.stampedPdf ? result.stampedPdf.slice() : null };
}

const RED = rgb(0.78, 0.08, 0.2);
const INK = rgb(0.12, 0.12, 0.16);
const WHITE = rgb(1, 1, 1);

type Row = { kind: 'qr'; share: number } | { kind: 'text'; share: number; text: string; font: PDFFont; color: RGB };

/**
 * Draws the look-alike stamp into `box` and nowhere else: everything is clipped to the box, and the
 * page's existing content is left as it was (pdf-lib wraps it in q/Q before appending ours).
 */
async function drawSandboxStamp(doc: PDFDocument, page: PDFPage, box: StampBox, serial: string): Promise<void> {
  const [bold, mono] = await Promise.all([doc.embedFont(StandardFonts.HelveticaBold), doc.embedFont(StandardFonts.CourierBold)]);
  const png = await QRCode.toBuffer(`SANDBOX:${serial}`, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  const qr = await doc.embedPng(png);

  const { x, y, width: w, height: h } = box;
  const side = Math.min(w, h);
  const pad = side * 0.06;
  const border = Math.max(0.75, side * 0.02);

  page.pushOperators(pushGraphicsState(), rectangle(x, y, w, h), clip(), endPath());
  page.drawRectangle({
    x: x + border / 2,
    y: y + border / 2,
    width: w - border,
    height: h - border,
    color: WHITE,
    opacity: 0.85,
    borderColor: RED,
    borderWidth: border,
    borderOpacity: 1,
  });

  const title: Row = { kind: 'text', share: 0, text: 'METERAI ELEKTRONIK', font: bold, color: INK };
  const notice: Row = { kind: 'text', share: 0, text: SANDBOX_STAMP_NOTICE, font: bold, color: RED };
  const value: Row = { kind: 'text', share: 0, text: '10000', font: bold, color: INK };
  const serialRow: Row = { kind: 'text', share: 0, text: serial, font: mono, color: INK };
  const inner = { x: x + pad, y: y + pad, width: w - 2 * pad, height: h - 2 * pad };

  if (w >= 1.4 * h) {
    // Wide box: QR code on the left, the text in a column to its right.
    const qrSide = Math.min(inner.height, inner.width * 0.45);
    drawQr(page, qr, inner.x, inner.y + (inner.height - qrSide) / 2, qrSide);
    const column = { x: inner.x + qrSide + pad, y: inner.y, width: inner.width - qrSide - pad, height: inner.height };
    drawRows(page, qr, column, [
      { ...title, share: 0.22 },
      { ...notice, share: 0.18 },
      { ...value, share: 0.34 },
      { ...serialRow, share: 0.18 },
    ]);
  } else {
    // Square or tall box: title and notice above the QR code, value and serial below it.
    drawRows(page, qr, inner, [
      { ...title, share: 0.12 },
      { ...notice, share: 0.1 },
      { kind: 'qr', share: 0.46 },
      { ...value, share: 0.16 },
      { ...serialRow, share: 0.1 },
    ]);
  }
  page.pushOperators(popGraphicsState());
}

/** Stacks rows from the top of `area`; shares are fractions of its height, the rest becomes even gaps. */
function drawRows(page: PDFPage, qr: PDFImage, area: { x: number; y: number; width: number; height: number }, rows: Row[]): void {
  const used = rows.reduce((sum, r) => sum + r.share, 0);
  const gap = rows.length > 1 ? (area.height * Math.max(0, 1 - used)) / (rows.length - 1) : 0;
  let top = area.y + area.height;
  for (const row of rows) {
    const rowHeight = area.height * row.share;
    const bottom = top - rowHeight;
    if (row.kind === 'qr') {
      const side = Math.min(rowHeight, area.width);
      drawQr(page, qr, area.x + (area.width - side) / 2, bottom + (rowHeight - side) / 2, side);
    } else {
      const size = Math.min(rowHeight / row.font.heightAtSize(1, { descender: false }), area.width / row.font.widthOfTextAtSize(row.text, 1));
      const textWidth = row.font.widthOfTextAtSize(row.text, size);
      const ascent = row.font.heightAtSize(size, { descender: false });
      page.drawText(row.text, {
        x: area.x + (area.width - textWidth) / 2,
        y: bottom + (rowHeight - ascent) / 2,
        size,
        font: row.font,
        color: row.color,
      });
    }
    top = bottom - gap;
  }
}

function drawQr(page: PDFPage, qr: PDFImage, x: number, y: number, side: number): void {
  page.drawImage(qr, { x, y, width: side, height: side });
}

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
import { openStampPage } from './pdf-box';
import type { StampBox } from './provider';

/** Printed on every sandbox stamp, so nobody mistakes a test document for a stamped one. */
export const SANDBOX_STAMP_NOTICE = 'SANDBOX — TIDAK BERLAKU';

/**
 * The sandbox's e-Meterai placement: draws the look-alike stamp with `serial` into `box` and saves.
 * pdf-lib reads and rewrites the whole file, so this runs in the PDF worker pool (pdf/worker-ops.ts),
 * never on the thread that answers requests.
 */
export async function drawSandboxStampPdf(pdf: Uint8Array, box: StampBox, serial: string): Promise<Uint8Array> {
  const { doc, page } = await openStampPage(pdf, box);
  await drawSandboxStamp(doc, page, box, serial);
  // Classic cross-reference table, no object streams: later incremental signatures append cleanly.
  return doc.save({ useObjectStreams: false });
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

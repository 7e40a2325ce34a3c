import type { PDFDocument, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Fonts } from './fonts';
import { COLORS, MARGIN_X, PAGE_WIDTH, drawLine } from './layout';
import type { SpkDocumentData } from './types';

/**
 * 62 pt is about 2.2 cm: with a verify URL of up to ~60 characters (QR version 4, 33 modules plus a
 * 1-module margin) a module is 1.8 pt, 3.7 pixels in a 150 dpi scan, comfortably above what decoders
 * need, and small enough to stay out of the way.
 */
const QR_SIZE = 62;
const QR_Y = 30;
const SIZE = 7.5;
/** Two initials boxes (paraf), one per party, left of the QR code: a printed copy is initialled on every page. */
const PARAF_WIDTH = 46;
const PARAF_HEIGHT = 36;
const PARAF_GAP = 6;
export const PARAF_LABELS = ['Paraf Pihak I', 'Paraf Pihak II'] as const;

/**
 * Every page carries its own proof of origin, so that a single page (or a scan of a printout) can
 * be matched to the SPK it belongs to: the document code as text, a QR code of the verification URL,
 * and "Halaman x dari y" so a missing page is noticed.
 */
export async function drawFooters(doc: PDFDocument, pages: PDFPage[], fonts: Fonts, d: SpkDocumentData) {
  const png = await QRCode.toBuffer(d.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  // One image XObject, drawn on every page.
  const qr = await doc.embedPng(png);
  const qrX = PAGE_WIDTH - MARGIN_X - QR_SIZE;
  const parafX = qrX - 12 - 2 * PARAF_WIDTH - PARAF_GAP;
  const textWidth = parafX - MARGIN_X - 12;
  pages.forEach((page, i) => {
    PARAF_LABELS.forEach((label, k) => {
      const x = parafX + k * (PARAF_WIDTH + PARAF_GAP);
      page.drawRectangle({ x, y: QR_Y + 16, width: PARAF_WIDTH, height: PARAF_HEIGHT, borderColor: COLORS.rule, borderWidth: 0.6 });
      drawLine(page, label, x, QR_Y + 16 + PARAF_HEIGHT - 7, PARAF_WIDTH, fonts.regular, 5.5, COLORS.muted, 'center');
    });
    page.drawLine({ start: { x: MARGIN_X, y: QR_Y + QR_SIZE + 8 }, end: { x: PAGE_WIDTH - MARGIN_X, y: QR_Y + QR_SIZE + 8 }, thickness: 0.5, color: COLORS.light });
    page.drawImage(qr, { x: qrX, y: QR_Y, width: QR_SIZE, height: QR_SIZE });
    drawLine(page, `Kode dokumen: ${d.documentCode}`, MARGIN_X, QR_Y + 44, textWidth, fonts.bold, SIZE, COLORS.text);
    drawLine(page, `Surat Perjanjian Kerjasama ${d.number} · Versi ${d.version}`, MARGIN_X, QR_Y + 33, textWidth, fonts.regular, SIZE, COLORS.muted);
    drawLine(page, `Halaman ${i + 1} dari ${pages.length}`, MARGIN_X, QR_Y + 22, textWidth, fonts.regular, SIZE, COLORS.text);
    drawLine(page, 'Pindai untuk verifikasi keaslian', MARGIN_X, QR_Y + 4, qrX - MARGIN_X - 8, fonts.italic, 6.5, COLORS.muted, 'right');
  });
}

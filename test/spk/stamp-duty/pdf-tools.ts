import { concatTransformationMatrix, PageSizes, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { pageImages, pageTexts, type GrayImage } from '../../support/pdf-reader';

export { renderGray, type GrayImage } from '../../support/pdf-reader';

/** Text that identifies each page of the test agreement. */
export function pageMarker(index: number): string {
  return `PASAL ${index + 1} KETENTUAN UJI HALAMAN ${index + 1}`;
}

/**
 * A small SPK-like A4 PDF with known text on every page, a table line, and a signature line right next
 * to where the stamp goes. The last page ends with a transformation left in force (no q/Q around it),
 * which a careless stamper would inherit and draw its stamp somewhere else.
 */
export async function makeAgreementPdf(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Perjanjian Kerja Sama SPK-2026-0042');
  doc.setCreationDate(new Date('2026-11-24T03:00:00Z'));
  doc.setModificationDate(new Date('2026-11-24T03:00:00Z'));
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage(PageSizes.A4);
    page.drawText('PERJANJIAN KERJA SAMA NOMOR SPK-2026-0042', { x: 72, y: 770, size: 14, font });
    page.drawText(pageMarker(i), { x: 72, y: 740, size: 12, font });
    page.drawText(`Halaman ${i + 1} dari ${pages}`, { x: 72, y: 40, size: 10, font });
    page.drawLine({ start: { x: 72, y: 700 }, end: { x: 523, y: 700 }, thickness: 1, color: rgb(0, 0, 0) });
    if (i === pages - 1) {
      page.drawText('PIHAK PERTAMA', { x: 72, y: 300, size: 12, font });
      page.drawText('PIHAK KEDUA', { x: 400, y: 300, size: 12, font });
      // Signature line just below the stamp box used by the tests (x 400..500, y 180..280).
      page.drawLine({ start: { x: 380, y: 170 }, end: { x: 520, y: 170 }, thickness: 1, color: rgb(0, 0, 0) });
      page.drawText('Budi Santoso', { x: 400, y: 155, size: 11, font });
      page.pushOperators(concatTransformationMatrix(0.5, 0, 0, 0.5, 30, 30));
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** The text layer of one 1-based page, as MuPDF reads it. */
export async function pageText(bytes: Uint8Array, page: number): Promise<string> {
  return (await pageTexts(bytes))[page - 1] ?? '';
}

export type RgbImage = GrayImage;

/** The raster images placed on a 1-based page (3 bytes a pixel), as pdfimages extracted them. */
export function extractColourImages(bytes: Uint8Array, page: number): Promise<RgbImage[]> {
  return pageImages(bytes, page);
}

/** Counts pixels that differ outside `box` (PDF points, bottom-left origin), grown by `margin` pixels. */
export function differencesOutside(a: GrayImage, b: GrayImage, box: { x: number; y: number; width: number; height: number }, dpi: number, pageHeightPt: number, margin = 2) {
  if (a.width !== b.width || a.height !== b.height) throw new Error('renderings differ in size');
  const scale = dpi / 72;
  const left = Math.floor(box.x * scale) - margin;
  const right = Math.ceil((box.x + box.width) * scale) + margin;
  const top = Math.floor((pageHeightPt - box.y - box.height) * scale) - margin;
  const bottom = Math.ceil((pageHeightPt - box.y) * scale) + margin;
  let outside = 0;
  let inside = 0;
  for (let row = 0; row < a.height; row++) {
    for (let col = 0; col < a.width; col++) {
      const i = row * a.width + col;
      if (a.data[i] === b.data[i]) continue;
      if (col >= left && col <= right && row >= top && row <= bottom) inside++;
      else outside++;
    }
  }
  return { outside, inside };
}

import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { concatTransformationMatrix, PageSizes, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

const run = promisify(execFile);

/** Poppler (Debian: poppler-utils) reads PDFs the way desktop readers do; these tests need it. */
export function assertPoppler(): void {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    execFileSync('pdfimages', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext/pdftoppm/pdfimages not found: install poppler-utils (apt-get install -y poppler-utils)');
  }
}

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

async function withTempPdf<T>(bytes: Uint8Array, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'angsur-stamp-test-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await fs.writeFile(file, bytes);
    return await fn(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The text layer of one 1-based page, as pdftotext reads it. */
export function pageText(bytes: Uint8Array, page: number): Promise<string> {
  return withTempPdf(bytes, async (file) => (await run('pdftotext', ['-q', '-f', String(page), '-l', String(page), file, '-'])).stdout);
}

export interface GrayImage {
  width: number;
  height: number;
  data: Buffer;
}

/** A 1-based page rendered in grey levels (PGM) at `dpi`. */
export function renderGray(bytes: Uint8Array, page: number, dpi: number): Promise<GrayImage> {
  return withTempPdf(bytes, async (file, dir) => {
    const prefix = path.join(dir, 'page');
    await run('pdftoppm', ['-q', '-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
    return parseNetpbm(await fs.readFile(`${prefix}.pgm`), 'P5');
  });
}

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes a pixel. */
  data: Buffer;
}

/** The raster images placed on a 1-based page, as pdfimages extracts them (colour ones as PPM). */
export function extractColourImages(bytes: Uint8Array, page: number): Promise<RgbImage[]> {
  return withTempPdf(bytes, async (file, dir) => {
    const prefix = path.join(dir, 'img');
    await run('pdfimages', ['-f', String(page), '-l', String(page), file, prefix]);
    const names = (await fs.readdir(dir)).filter((n) => n.startsWith('img') && n.endsWith('.ppm')).sort();
    return Promise.all(names.map(async (n) => parseNetpbm(await fs.readFile(path.join(dir, n)), 'P6')));
  });
}

/** Binary PGM (P5) / PPM (P6) with maxval 255. */
function parseNetpbm(buf: Buffer, magic: 'P5' | 'P6'): GrayImage {
  const tokens: string[] = [];
  let pos = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos++;
      continue;
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    tokens.push(buf.toString('latin1', start, pos));
  }
  pos++; // the single whitespace after maxval
  if (tokens[0] !== magic || tokens[3] !== '255') throw new Error(`unexpected netpbm header ${tokens.join(' ')}`);
  return { width: Number(tokens[1]), height: Number(tokens[2]), data: buf.subarray(pos) };
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

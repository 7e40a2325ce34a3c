import { EncryptedPDFError, PDFDocument, type PDFPage } from 'pdf-lib';
import type { StampBox, StampRequest } from './provider';

/** A stamp smaller than this (points, about 8.5 mm) cannot hold a legible QR code and serial. */
export const MIN_STAMP_SIDE = 24;

/** How far (points) a box may poke past the visible page before we refuse it: rounding, not intent. */
const EDGE_TOLERANCE = 0.01;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OpenedPage {
  doc: PDFDocument;
  page: PDFPage;
  /** The visible area of the page (CropBox, which defaults to the MediaBox), bottom-left origin. */
  visible: Rect;
}

/**
 * Checks a stamp request before anything is drawn or sent. A bad request is a bug on our side, so it
 * is a RangeError, not a provider error.
 */
export function assertValidStampRequest(req: StampRequest): void {
  if (typeof req.documentId !== 'string' || req.documentId.trim() === '') throw new RangeError('documentId is empty');
  if (typeof req.fileName !== 'string' || req.fileName.trim() === '') throw new RangeError('fileName is empty');
  if (typeof req.documentNumber !== 'string' || req.documentNumber.trim() === '') throw new RangeError('documentNumber is empty');
  assertIsoDate(req.documentDate);
  if (!(req.pdf instanceof Uint8Array) || req.pdf.length === 0) throw new RangeError('pdf is empty');
  if (!looksLikePdf(req.pdf)) throw new RangeError('pdf does not start with a %PDF- header');
  if (req.callbackUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(req.callbackUrl);
    } catch {
      throw new RangeError(`callbackUrl ${req.callbackUrl} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('callbackUrl must be http(s)');
  }
  assertValidBox(req.box);
}

function assertIsoDate(value: string): void {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return;
  }
  throw new RangeError(`documentDate ${String(value)} is not a calendar date YYYY-MM-DD`);
}

function assertValidBox(box: StampBox): void {
  if (!box || !Number.isSafeInteger(box.page) || box.page < 0) throw new RangeError('box.page must be a 0-based page index');
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    if (!Number.isFinite(box[key])) throw new RangeError(`box.${key} must be a finite number`);
  }
  if (box.width < MIN_STAMP_SIDE || box.height < MIN_STAMP_SIDE) {
    throw new RangeError(`the stamp box must be at least ${MIN_STAMP_SIDE} x ${MIN_STAMP_SIDE} points`);
  }
}

/** The PDF header may follow a little junk (ISO 32000-1, 7.5.2 tolerance in readers); we allow 1 KiB. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}

/**
 * Loads the PDF and returns the page the stamp goes on, after checking that the box lies within the
 * visible part of an unrotated page. Rotated pages are refused: the box is given in the page's own
 * coordinates, and where a provider (or a reader) would put a stamp on a turned page is not something
 * we can check.
 */
export async function openStampPage(pdf: Uint8Array, box: StampBox): Promise<OpenedPage> {
  let doc: PDFDocument;
  try {
    // updateMetadata: false keeps Producer/ModDate as they were, so the same input saves to the same bytes.
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (err) {
    if (err instanceof EncryptedPDFError) throw new RangeError('the PDF is encrypted; stamp the unencrypted document');
    throw new RangeError(`the PDF cannot be read: ${(err as Error).message}`);
  }
  const count = doc.getPageCount();
  if (box.page >= count) throw new RangeError(`box.page ${box.page} does not exist: the PDF has ${count} page(s)`);
  const page = doc.getPage(box.page);
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  if (rotation !== 0) throw new RangeError(`page ${box.page} is rotated by ${rotation} degrees; only unrotated pages can be stamped`);
  const visible = page.getCropBox();
  const inside =
    box.x >= visible.x - EDGE_TOLERANCE &&
    box.y >= visible.y - EDGE_TOLERANCE &&
    box.x + box.width <= visible.x + visible.width + EDGE_TOLERANCE &&
    box.y + box.height <= visible.y + visible.height + EDGE_TOLERANCE;
  if (!inside) {
    throw new RangeError(
      `the stamp box (${box.x}, ${box.y}, ${box.width} x ${box.height}) is not inside page ${box.page} ` +
        `(${visible.x}, ${visible.y}, ${visible.width} x ${visible.height})`,
    );
  }
  return { doc, page, visible };
}

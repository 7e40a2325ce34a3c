import { constants, inflateSync } from 'node:zlib';
import type * as Mupdf from 'mupdf';
import { PDF_LIMITS, PdfRejectedError } from './limits';

/**
 * PDF reading with MuPDF (Artifex's WebAssembly build), in the thread that calls it. The package is
 * ESM with top-level await while this project compiles to CommonJS, so it is loaded with a real
 * dynamic import(); the server only calls this inside a pool worker (see pool.ts), never on the
 * thread that answers requests.
 */
type MupdfModule = typeof Mupdf;
let loading: Promise<MupdfModule> | null = null;
export function loadMupdf(): Promise<MupdfModule> {
  // MuPDF prints its warnings about damaged files ("expected 'endobj'") to stdout: they describe
  // the uploader's file, not a fault of ours, so they are dropped instead of filling the log.
  const g = globalThis as { $libmupdf_wasm_Module?: Record<string, unknown> };
  g.$libmupdf_wasm_Module = { ...g.$libmupdf_wasm_Module, print: () => {}, printErr: () => {} };
  return (loading ??= import('mupdf'));
}

export interface PdfLimits {
  maxPages: number;
  maxPageSidePt: number;
  maxContentBytes: number;
}

export interface PdfInfo {
  pageCount: number;
  /** Width and height in points of each page (after /Rotate and the crop box). */
  pageSizes: [number, number][];
}

async function open(bytes: Uint8Array): Promise<{ m: MupdfModule; doc: Mupdf.PDFDocument }> {
  const m = await loadMupdf();
  let doc: Mupdf.Document;
  try {
    doc = m.Document.openDocument(bytes, 'application/pdf');
  } catch (err) {
    throw new PdfRejectedError('PDF_CORRUPT', (err as Error).message);
  }
  const pdf = doc.asPDF();
  if (!pdf) throw new PdfRejectedError('PDF_CORRUPT', 'not a PDF');
  if (pdf.needsPassword()) throw new PdfRejectedError('PDF_ENCRYPTED');
  return { m, doc: pdf };
}

function countPages(doc: Mupdf.Document): number {
  try {
    return doc.countPages();
  } catch (err) {
    throw new PdfRejectedError('PDF_CORRUPT', (err as Error).message);
  }
}

/**
 * Opens the document and checks it against the limits before anything renders or extracts from
 * it: a file MuPDF cannot repair into at least one page is corrupt, an encrypted one is refused
 * (we could not read what the customer signed), and page count and page sizes are bounded.
 */
export async function checkLimits(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfInfo> {
  const { doc } = await open(bytes);
  try {
    if (doc.getMetaData('encryption') && doc.getMetaData('encryption') !== 'None') throw new PdfRejectedError('PDF_ENCRYPTED');
    const pageCount = countPages(doc);
    if (pageCount < 1) throw new PdfRejectedError('PDF_CORRUPT', 'no pages');
    if (pageCount > limits.maxPages) throw new PdfRejectedError('PDF_TOO_MANY_PAGES', `${pageCount} pages`);
    const pageSizes: [number, number][] = [];
    for (let i = 0; i < pageCount; i++) {
      const [w, h] = pageSize(doc, i);
      if (!(w > 0 && h > 0)) throw new PdfRejectedError('PDF_CORRUPT', `page ${i + 1} has no area`);
      if (w > limits.maxPageSidePt || h > limits.maxPageSidePt) throw new PdfRejectedError('PDF_PAGE_TOO_LARGE', `page ${i + 1} is ${w}x${h} pt`);
      pageSizes.push([w, h]);
    }
    // A Flate bomb inflates to hundreds of megabytes of drawing operators that every later step
    // (text, rendering) would interpret: inflating is fast, interpreting is not, so measure first.
    let contentBytes = 0;
    for (let i = 0; i < pageCount; i++) {
      contentBytes += contentSize(doc.findPage(i), limits.maxContentBytes - contentBytes);
      if (contentBytes > limits.maxContentBytes) throw new PdfRejectedError('PDF_TOO_COMPLEX', `page ${i + 1}: more than ${limits.maxContentBytes} bytes of content`);
    }
    return { pageCount, pageSizes };
  } finally {
    doc.destroy();
  }
}

/** Inflated size of a page's content streams and of the form XObjects it draws directly (stops past `budget`). */
function contentSize(page: Mupdf.PDFObject, budget: number): number {
  const streams: Mupdf.PDFObject[] = [];
  const contents = page.get('Contents');
  if (contents.isArray()) for (let k = 0; k < contents.length; k++) streams.push(contents.get(k));
  else streams.push(contents);
  // A page may carry no /Resources at all (a blank page): MuPDF then answers its Null object, whose
  // get() throws, so look inside only a dictionary.
  const resources = page.getInheritable('Resources');
  const xobjects = resources.isDictionary() ? resources.get('XObject') : null;
  if (xobjects?.isDictionary()) {
    xobjects.forEach((x) => {
      if (x.get('Subtype').isName() && x.get('Subtype').asName() === 'Form') streams.push(x);
    });
  }
  let total = 0;
  for (const s of streams) {
    if (!s.isStream()) continue;
    total += inflatedSize(s, budget - total + 1);
    if (total > budget) break;
  }
  return total;
}

/**
 * A plain Flate stream is inflated by zlib with a ceiling, so a bomb stops at the budget instead of
 * filling memory; any other filter chain is decoded by MuPDF.
 */
function inflatedSize(stream: Mupdf.PDFObject, ceiling: number): number {
  const filter = stream.get('Filter');
  const flate = (filter.isName() && filter.asName() === 'FlateDecode') || (filter.isArray() && filter.length === 1 && filter.get(0).asName() === 'FlateDecode');
  try {
    if (flate) {
      const raw = stream.readRawStream();
      try {
        return inflateSync(raw.asUint8Array(), { maxOutputLength: Math.max(ceiling, 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return ceiling;
        // zlib is stricter than PDF readers about damaged streams: let MuPDF decode it instead.
      } finally {
        raw.destroy();
      }
    }
    const inflated = stream.readStream();
    const size = inflated.getLength();
    inflated.destroy();
    return size;
  } catch (err) {
    throw new PdfRejectedError('PDF_CORRUPT', (err as Error).message);
  }
}

function pageSize(doc: Mupdf.PDFDocument, index: number): [number, number] {
  let page: Mupdf.PDFPage;
  try {
    page = doc.loadPage(index);
  } catch (err) {
    throw new PdfRejectedError('PDF_CORRUPT', (err as Error).message);
  }
  try {
    const [x0, y0, x1, y1] = page.getBounds();
    return [Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100];
  } finally {
    page.destroy();
  }
}

/** The text layer, one string per page, cut at `maxChars` in total (we only look for our codes in it). */
export async function extractText(bytes: Uint8Array, opts: { pages?: number[]; maxChars?: number } = {}): Promise<string[]> {
  const { doc } = await open(bytes);
  try {
    const count = countPages(doc);
    const wanted = opts.pages ?? Array.from({ length: count }, (_, i) => i + 1);
    let budget = opts.maxChars ?? PDF_LIMITS.maxTextChars;
    const out: string[] = [];
    for (const number of wanted) {
      if (number < 1 || number > count) throw new RangeError(`page ${number} does not exist`);
      if (budget <= 0) break;
      const page = doc.loadPage(number - 1);
      const stext = page.toStructuredText('preserve-whitespace');
      try {
        const text = stext.asText().slice(0, budget);
        budget -= text.length;
        out.push(text);
      } finally {
        stext.destroy();
        page.destroy();
      }
    }
    return out;
  } finally {
    doc.destroy();
  }
}

export interface RenderOptions {
  /** Resolution wanted; lowered when the page would exceed `maxPixels`. */
  dpi: number;
  gray?: boolean;
  maxPixels?: number;
}

export interface RenderedPage {
  /** PNG of the page. */
  png: Uint8Array;
  page: number;
  pageCount: number;
  width: number;
  height: number;
  /** The resolution actually used (lower than asked for a huge page). */
  dpi: number;
}

/** Raw samples instead of a PNG: one byte a pixel in grey, three in colour, no alpha, rows unpadded. */
export interface RawPage extends Omit<RenderedPage, 'png'> {
  samples: Uint8Array;
}

async function renderWith<T>(bytes: Uint8Array, page: number | 'last', opts: RenderOptions, out: (pix: Mupdf.Pixmap) => T): Promise<(Omit<RenderedPage, 'png'> & { value: T }) | null> {
  const { m, doc } = await open(bytes);
  try {
    const pageCount = countPages(doc);
    const number = page === 'last' ? pageCount : page;
    if (!Number.isInteger(number) || number < 1 || number > pageCount) return null;
    const p = doc.loadPage(number - 1);
    try {
      const [x0, y0, x1, y1] = p.getBounds();
      const w = x1 - x0;
      const h = y1 - y0;
      if (w > PDF_LIMITS.maxPageSidePt || h > PDF_LIMITS.maxPageSidePt) throw new PdfRejectedError('PDF_PAGE_TOO_LARGE', `${w}x${h} pt`);
      const maxPixels = opts.maxPixels ?? PDF_LIMITS.maxRenderPixels;
      const wanted = opts.dpi / 72;
      let scale = Math.min(wanted, Math.sqrt(maxPixels / Math.max(w * h, 1)));
      // MuPDF rounds the pixel box outwards: step down until the rounded box fits too.
      while ((Math.ceil(w * scale) + 1) * (Math.ceil(h * scale) + 1) > maxPixels) scale *= 0.995;
      const pix = p.toPixmap(m.Matrix.scale(scale, scale), opts.gray ? m.ColorSpace.DeviceGray : m.ColorSpace.DeviceRGB, false, true);
      try {
        return { page: number, pageCount, width: pix.getWidth(), height: pix.getHeight(), dpi: Math.round(scale * 72 * 100) / 100, value: out(pix) };
      } finally {
        pix.destroy();
      }
    } finally {
      p.destroy();
    }
  } finally {
    doc.destroy();
  }
}

/** One 1-based page (or the last) as PNG; null when there is no such page. */
export async function renderPage(bytes: Uint8Array, page: number | 'last', opts: RenderOptions): Promise<RenderedPage | null> {
  const r = await renderWith(bytes, page, opts, (pix) => pix.asPNG().slice());
  if (!r) return null;
  const { value, ...rest } = r;
  return { ...rest, png: value };
}

/** One 1-based page as raw samples (for pixel comparisons and QR decoding). */
export async function renderPageRaw(bytes: Uint8Array, page: number | 'last', opts: RenderOptions): Promise<RawPage | null> {
  const r = await renderWith(bytes, page, opts, (pix) => {
    const n = pix.getNumberOfComponents();
    const stride = pix.getStride();
    const width = pix.getWidth();
    const pixels = pix.getPixels();
    if (stride === width * n) return new Uint8Array(pixels);
    const rows = new Uint8Array(width * n * pix.getHeight());
    for (let y = 0; y < pix.getHeight(); y++) rows.set(pixels.subarray(y * stride, y * stride + width * n), y * width * n);
    return rows;
  });
  if (!r) return null;
  const { value, ...rest } = r;
  return { ...rest, samples: value };
}

/** A signature field as the document's object model describes it (no cryptography here). */
export interface PdfSignatureField {
  /** Fully qualified field name ("Tanda tangan 1"). */
  name: string;
  /** 1-based page of its widget, null when it has none on a page. */
  page: number | null;
  signed: boolean;
  subFilter: string | null;
  byteRange: number[] | null;
  /** The raw PKCS#7 (CMS) bytes of /Contents, trailing zero padding included. */
  contents: Uint8Array | null;
  /** /M of the signature dictionary as written (D:YYYYMMDDHHmmSS+07'00'). */
  signingTime: string | null;
  signerName: string | null;
  reason: string | null;
  location: string | null;
}

const text = (o: Mupdf.PDFObject): string | null => (o.isString() ? o.asString() : null);

/** Every signature field (AcroForm /FT /Sig, inherited through /Kids) with its signature dictionary. */
export async function inspectSignatures(bytes: Uint8Array): Promise<PdfSignatureField[]> {
  const { doc } = await open(bytes);
  try {
    const pageOf = new Map<number, number>();
    const count = countPages(doc);
    for (let i = 0; i < Math.min(count, PDF_LIMITS.maxPages); i++) {
      const annots = doc.findPage(i).get('Annots');
      if (annots.isArray()) for (let k = 0; k < annots.length; k++) if (annots.get(k).isIndirect()) pageOf.set(annots.get(k).asIndirect(), i + 1);
    }
    const out: PdfSignatureField[] = [];
    const seen = new Set<number>();
    const visit = (field: Mupdf.PDFObject, parentName: string, parentType: string | null, depth: number) => {
      if (depth > 32) return;
      if (field.isIndirect()) {
        if (seen.has(field.asIndirect())) return;
        seen.add(field.asIndirect());
      }
      const partial = text(field.get('T'));
      const name = partial === null ? parentName : parentName ? `${parentName}.${partial}` : partial;
      const type = field.get('FT').isName() ? field.get('FT').asName() : parentType;
      const kids = field.get('Kids');
      if (kids.isArray() && kids.length && kids.get(0).get('T').isString()) {
        for (let k = 0; k < kids.length; k++) visit(kids.get(k), name, type, depth + 1);
        return;
      }
      if (type !== 'Sig') return;
      const v = field.get('V');
      const range = v.get('ByteRange');
      const contents = v.get('Contents');
      const widgetPage = field.isIndirect() ? pageOf.get(field.asIndirect()) : undefined;
      const kidPage = kids.isArray() && kids.length && kids.get(0).isIndirect() ? pageOf.get(kids.get(0).asIndirect()) : undefined;
      out.push({
        name,
        page: widgetPage ?? kidPage ?? null,
        signed: v.isDictionary(),
        subFilter: v.get('SubFilter').isName() ? v.get('SubFilter').asName() : null,
        byteRange: range.isArray() ? Array.from({ length: range.length }, (_, k) => range.get(k).asNumber()) : null,
        contents: contents.isString() ? contents.asByteString().slice() : null,
        signingTime: text(v.get('M')),
        signerName: text(v.get('Name')),
        reason: text(v.get('Reason')),
        location: text(v.get('Location')),
      });
    };
    const fields = doc.getTrailer().get('Root', 'AcroForm', 'Fields');
    if (fields.isArray()) for (let k = 0; k < fields.length; k++) visit(fields.get(k), '', null, 0);
    return out;
  } finally {
    doc.destroy();
  }
}

import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import jsQR from 'jsqr';
import type * as Mupdf from 'mupdf';
import * as pkijs from 'pkijs';
import { PNG } from 'pngjs';
import { inspectSignatures, loadMupdf, renderPage, renderPageRaw } from '../../server/src/pdf/engine';

/**
 * The tests judge our PDFs (written by pdf-lib and @signpdf) with independent readers running in
 * the test process, with nothing to install: MuPDF for text, fonts, words, images and renderings,
 * PKI.js for the signatures' cryptography. Poppler's pdfsig is used as well when it happens to be
 * installed (pdfSigIfPresent), as a third opinion.
 */

async function withDoc<T>(bytes: Uint8Array, fn: (doc: Mupdf.PDFDocument, m: typeof Mupdf) => T): Promise<T> {
  const m = await loadMupdf();
  const doc = m.Document.openDocument(bytes, 'application/pdf').asPDF()!;
  try {
    return fn(doc, m);
  } finally {
    doc.destroy();
  }
}

interface Char {
  c: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  baseline: number;
  size: number;
}

function pageChars(page: Mupdf.Page): Char[][] {
  const lines: Char[][] = [];
  const stext = page.toStructuredText('preserve-whitespace');
  let line: Char[] = [];
  stext.walk({
    beginLine: () => (line = []),
    onChar: (c, origin, _font, size, quad) => {
      const xs = [quad[0], quad[2], quad[4], quad[6]];
      const ys = [quad[1], quad[3], quad[5], quad[7]];
      line.push({ c, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), baseline: origin[1], size });
    },
    endLine: () => lines.push(line),
  });
  stext.destroy();
  return lines;
}

/**
 * Text of each page. `layout` puts what shares a baseline on one line, left to right (a table row:
 * label and value), as pdftotext -layout did; otherwise MuPDF's reading order.
 */
export async function pageTexts(bytes: Uint8Array, opts: { layout?: boolean } = {}): Promise<string[]> {
  return withDoc(bytes, (doc) => {
    const out: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      if (!opts.layout) {
        // Through a display list with the annotations: a visible signature is a widget's appearance, not
        // page content (poppler's pdftotext read both as well).
        const list = page.toDisplayList(true);
        const stext = list.toStructuredText('preserve-whitespace');
        out.push(stext.asText());
        stext.destroy();
        list.destroy();
      } else {
        const rows = new Map<number, Char[]>();
        for (const c of pageChars(page).flat()) {
          const key = [...rows.keys()].find((y) => Math.abs(y - c.baseline) < 2) ?? c.baseline;
          rows.set(key, [...(rows.get(key) ?? []), c]);
        }
        const text = [...rows.entries()]
          .sort(([a], [b]) => a - b)
          .map(([, chars]) => {
            chars.sort((a, b) => a.x0 - b.x0);
            let s = '';
            chars.forEach((c, k) => {
              const prev = chars[k - 1];
              if (prev && c.x0 - prev.x1 > c.size * 0.6) s += '  ';
              s += c.c;
            });
            return s;
          })
          .join('\n');
        out.push(text);
      }
      page.destroy();
    }
    return out;
  });
}

export async function pageCount(bytes: Uint8Array): Promise<number> {
  return withDoc(bytes, (doc) => doc.countPages());
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (points, origin top-left, from the glyphs' quads). */
export async function wordBoxes(bytes: Uint8Array): Promise<WordBox[]> {
  return withDoc(bytes, (doc) => {
    const words: WordBox[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      for (const line of pageChars(page)) {
        let word: Char[] = [];
        const flush = () => {
          if (word.length) {
            words.push({
              page: i + 1,
              text: word.map((c) => c.c).join(''),
              xMin: Math.min(...word.map((c) => c.x0)),
              xMax: Math.max(...word.map((c) => c.x1)),
              // Glyph boxes by font size around the baseline, as pdftotext reports them.
              yMin: Math.min(...word.map((c) => c.baseline - c.size * 0.8)),
              yMax: Math.max(...word.map((c) => c.baseline + c.size * 0.2)),
            });
          }
          word = [];
        };
        for (const c of line) {
          if (/\s/.test(c.c)) flush();
          else word.push(c);
        }
        flush();
      }
      page.destroy();
    }
    return words;
  });
}

export interface FontRow {
  name: string;
  type: string;
  emb: boolean;
  sub: boolean;
}

/** Every font the pages use (resources of pages and of the form XObjects they draw), as pdffonts lists them. */
export async function pdfFonts(bytes: Uint8Array): Promise<FontRow[]> {
  return withDoc(bytes, (doc) => {
    const rows: FontRow[] = [];
    const seen = new Set<string>();
    const fromResources = (resources: Mupdf.PDFObject, depth: number) => {
      if (!resources.isDictionary() || depth > 8) return;
      const fonts = resources.get('Font');
      if (fonts.isDictionary()) {
        fonts.forEach((font) => {
          const key = font.isIndirect() ? `#${font.asIndirect()}` : font.toString();
          if (seen.has(key)) return;
          seen.add(key);
          const name = font.get('BaseFont').isName() ? font.get('BaseFont').asName() : '[none]';
          const subtype = font.get('Subtype').asName();
          const descendant = subtype === 'Type0' ? font.get('DescendantFonts').get(0) : font;
          const descriptor = descendant.get('FontDescriptor');
          const emb = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.isDictionary() && descriptor.get(k).isStream());
          rows.push({ name, type: subtype === 'Type0' ? `CID ${descendant.get('Subtype').asName()}` : subtype, emb, sub: /^[A-Z]{6}\+/.test(name) });
        });
      }
      const xobjects = resources.get('XObject');
      if (xobjects.isDictionary()) xobjects.forEach((x) => fromResources(x.get('Resources'), depth + 1));
    };
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.findPage(i);
      fromResources(page.getInheritable('Resources'), 0);
      const annots = page.get('Annots');
      if (annots.isArray()) for (let k = 0; k < annots.length; k++) fromResources(annots.get(k).get('AP', 'N', 'Resources'), 1);
    }
    return rows;
  });
}

/** A 1-based page rendered as PNG at `dpi`. */
export async function renderPng(bytes: Uint8Array, page: number, dpi = 150): Promise<Buffer> {
  const r = await renderPage(bytes, page, { dpi, maxPixels: 64_000_000 });
  return Buffer.from(r!.png);
}

export interface GrayImage {
  width: number;
  height: number;
  data: Buffer;
}

/** A 1-based page rendered in grey levels (one byte a pixel) at `dpi`. */
export async function renderGray(bytes: Uint8Array, page: number, dpi: number): Promise<GrayImage> {
  const r = await renderPageRaw(bytes, page, { dpi, gray: true, maxPixels: 64_000_000 });
  return { width: r!.width, height: r!.height, data: Buffer.from(r!.samples) };
}

export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

/** The raster images drawn on a 1-based page, decoded to RGB (3 bytes a pixel), as pdfimages extracts them. */
export async function pageImages(bytes: Uint8Array, page: number): Promise<GrayImage[]> {
  return withDoc(bytes, (doc, m) => {
    const p = doc.loadPage(page - 1);
    const stext = p.toStructuredText('preserve-images');
    const images: GrayImage[] = [];
    stext.walk({
      onImageBlock: (_bbox, _transform, image) => {
        let pix = image.toPixmap();
        if (!pix.getColorSpace()?.isRGB() || pix.getAlpha()) pix = pix.convertToColorSpace(m.ColorSpace.DeviceRGB, false);
        const width = pix.getWidth();
        const stride = pix.getStride();
        const samples = pix.getPixels();
        const data = Buffer.alloc(width * 3 * pix.getHeight());
        for (let y = 0; y < pix.getHeight(); y++) data.set(samples.subarray(y * stride, y * stride + width * 3), y * width * 3);
        images.push({ width, height: pix.getHeight(), data });
      },
    });
    stext.destroy();
    p.destroy();
    return images;
  });
}

export interface CheckedSignature {
  field: string;
  subFilter: string | null;
  signerCommonName: string | null;
  digestAlgorithm: string | null;
  /** PKI.js verified the CMS signature over the signed byte ranges (digest and signature). */
  valid: boolean;
  /** The byte ranges start at 0 and end at the end of the file. */
  wholeDocument: boolean;
}

const DIGEST_NAMES: Record<string, string> = { '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512', '1.3.14.3.2.26': 'SHA-1' };
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

/**
 * Every signature field, found by MuPDF in the document's form, its CMS checked by PKI.js over the
 * byte ranges the field names: an implementation independent of server/src/spk/document/verify.ts.
 */
export async function checkSignatures(bytes: Uint8Array): Promise<CheckedSignature[]> {
  const out: CheckedSignature[] = [];
  for (const field of await inspectSignatures(bytes)) {
    const br = field.byteRange ?? [];
    const result: CheckedSignature = { field: field.name, subFilter: field.subFilter, signerCommonName: null, digestAlgorithm: null, valid: false, wholeDocument: br.length === 4 && br[0] === 0 && br[2]! + br[3]! === bytes.length };
    out.push(result);
    if (!field.contents || br.length !== 4) continue;
    const signed = Buffer.concat([Buffer.from(bytes.subarray(br[0], br[0]! + br[1]!)), Buffer.from(bytes.subarray(br[2], br[2]! + br[3]!))]);
    const der = asn1js.fromBER(new Uint8Array(field.contents).buffer);
    if (der.offset === -1) continue;
    const signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: der.result }).content });
    result.digestAlgorithm = DIGEST_NAMES[signedData.signerInfos[0]!.digestAlgorithm.algorithmId] ?? signedData.signerInfos[0]!.digestAlgorithm.algorithmId;
    try {
      const verified = await signedData.verify({ signer: 0, data: new Uint8Array(signed).buffer, checkChain: false, extendedMode: true });
      result.valid = verified.signatureVerified === true;
      const cn = verified.signerCertificate?.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3');
      result.signerCommonName = cn ? String(cn.value.valueBlock.value) : null;
    } catch (err) {
      const e = err as { signerCertificate?: pkijs.Certificate };
      const cn = e.signerCertificate?.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3');
      result.signerCommonName = cn ? String(cn.value.valueBlock.value) : null;
    }
  }
  return out;
}

/** Poppler's pdfsig report when pdfsig is installed (an extra opinion), else null. */
export async function pdfSigIfPresent(bytes: Uint8Array): Promise<string | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'angsur-pdfsig-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, bytes);
    return await new Promise((resolve) => {
      execFile('pdfsig', [file], { timeout: 60_000 }, (err, stdout) => resolve(err && (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : stdout));
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { AppError } from './errors';
import { currentScope, type Locale } from './request-context';

/**
 * Checks on uploaded files (KTP scans, signed SPKs). The type is decided by the bytes alone: a file
 * name or a declared content type is whatever the client chose to send.
 */

export type UploadKind = 'image/jpeg' | 'image/png' | 'application/pdf';
export type UploadRejection = 'EMPTY' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'PDF_CORRUPT' | 'PDF_ENCRYPTED';

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
/** PDF readers accept junk before the header (e.g. a mail gateway's prefix), up to this many bytes. */
const PDF_HEADER_SEARCH = 1024;

const KIND_LABEL: Record<UploadKind, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

type Text = Record<Locale, string>;
const MESSAGES: Record<UploadRejection, Text> = {
  EMPTY: { id: 'Berkas kosong.', en: 'The file is empty.' },
  TOO_LARGE: { id: 'Berkas terlalu besar (maksimal {max}).', en: 'The file is too large (max {max}).' },
  TYPE_NOT_ALLOWED: { id: 'Jenis berkas tidak diizinkan; gunakan {kinds}.', en: 'This file type is not allowed; use {kinds}.' },
  PDF_CORRUPT: { id: 'Berkas PDF rusak atau tidak dapat dibaca.', en: 'The PDF file is damaged or cannot be read.' },
  PDF_ENCRYPTED: {
    id: 'Berkas PDF dilindungi kata sandi; unggah PDF tanpa kata sandi.',
    en: 'The PDF file is password-protected; upload it without a password.',
  },
};
const OR: Text = { id: 'atau', en: 'or' };

function locale(): Locale {
  return currentScope()?.locale ?? 'id';
}

function reject(field: string, reason: UploadRejection, params: Record<string, string> = {}, extra: Record<string, unknown> = {}): AppError {
  const message = MESSAGES[reason][locale()].replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
  return new AppError('BAD_USER_INPUT', message, { field, reason, ...extra });
}

/** "JPEG, PNG atau PDF" / "JPEG, PNG or PDF". */
function listKinds(kinds: UploadKind[], loc: Locale): string {
  const labels = kinds.map((k) => KIND_LABEL[k]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${OR[loc]} ${labels.at(-1)}`;
}

/** "5 MB", "1,5 MB" in Indonesian, "1.5 MB" in English; binary units, as file managers show them. */
function formatSize(bytes: number, loc: Locale): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = Math.floor((bytes / size) * 10) / 10;
      return `${value.toLocaleString(loc === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 1 })} ${unit}`;
    }
  }
  return `${bytes} ${loc === 'id' ? 'bita' : 'bytes'}`;
}

export function sniffType(bytes: Buffer): UploadKind | null {
  if (bytes.subarray(0, JPEG_MAGIC.length).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return 'image/png';
  if (bytes.subarray(0, PDF_HEADER_SEARCH + PDF_MAGIC.length).includes(PDF_MAGIC)) return 'application/pdf';
  return null;
}

export function checkUpload(bytes: Buffer, opts: { field: string; maxBytes: number; allowed: UploadKind[] }): UploadKind {
  if (bytes.length === 0) throw reject(opts.field, 'EMPTY');
  if (bytes.length > opts.maxBytes) {
    throw reject(opts.field, 'TOO_LARGE', { max: formatSize(opts.maxBytes, locale()) }, { maxBytes: opts.maxBytes });
  }
  const kind = sniffType(bytes);
  if (!kind || !opts.allowed.includes(kind)) {
    throw reject(opts.field, 'TYPE_NOT_ALLOWED', { kinds: listKinds(opts.allowed, locale()) }, { allowed: opts.allowed });
  }
  return kind;
}

/**
 * An /Encrypt entry as it appears in a trailer or cross-reference stream dictionary (an object
 * reference or a direct dictionary). Checked on the bytes as well as through pdf-lib, because pdf-lib
 * only notices encryption when it can resolve that entry: with the encryption dictionary damaged or
 * missing it would load the file as if it were readable.
 */
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;

/**
 * pdf-lib is compiled to ES5, where a subclass of Error loses its prototype, so `instanceof
 * EncryptedPDFError` is always false; its message is fixed, so the error is recognised by that.
 */
const ENCRYPTED_PDF_MESSAGE = new EncryptedPDFError().message;
const isEncryptedPdfError = (err: unknown) =>
  err instanceof EncryptedPDFError || (err instanceof Error && err.message === ENCRYPTED_PDF_MESSAGE);

export async function checkPdf(bytes: Buffer, opts: { field: string; maxBytes: number }): Promise<{ pageCount: number }> {
  checkUpload(bytes, { ...opts, allowed: ['application/pdf'] });
  if (ENCRYPT_ENTRY.test(bytes.toString('latin1'))) throw reject(opts.field, 'PDF_ENCRYPTED');
  let pageCount: number;
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    pageCount = doc.getPageCount();
  } catch (err) {
    throw reject(opts.field, isEncryptedPdfError(err) ? 'PDF_ENCRYPTED' : 'PDF_CORRUPT');
  }
  // pdf-lib repairs what it can; a document left without a single page is of no use as a contract.
  if (pageCount < 1) throw reject(opts.field, 'PDF_CORRUPT');
  return { pageCount };
}

import { checkLimits, PDF_LIMITS, PdfBusyError, PdfRejectedError, type PdfRejection } from '../pdf';
import { AppError } from './errors';
import { currentScope, type Locale } from './request-context';

/**
 * Checks on uploaded files (KTP scans, signed SPKs). The type is decided by the bytes alone: a file
 * name or a declared content type is whatever the client chose to send.
 */

export type UploadKind = 'image/jpeg' | 'image/png' | 'application/pdf';
export type UploadRejection = 'EMPTY' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | PdfRejection;

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
  PDF_TOO_MANY_PAGES: { id: 'Berkas PDF terlalu banyak halaman (maksimal {max}).', en: 'The PDF file has too many pages (max {max}).' },
  PDF_PAGE_TOO_LARGE: { id: 'Ukuran halaman PDF terlalu besar.', en: 'A page of the PDF file is too large.' },
  PDF_TOO_COMPLEX: {
    id: 'Berkas PDF terlalu rumit untuk diperiksa; unggah hasil pindai atau ekspor ulang yang lebih sederhana.',
    en: 'The PDF file is too complex to check; upload a simpler scan or re-export.',
  },
};
const BUSY: Text = { id: 'Terlalu banyak berkas sedang diperiksa; coba lagi sebentar lagi.', en: 'Too many files are being checked; try again shortly.' };
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
 * reference or a direct dictionary). Checked on the bytes as well as by MuPDF, which opens a file
 * encrypted with an empty user password as if it were plain, or repairs one whose encryption
 * dictionary is damaged.
 */
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;

const PDF_MAX_PAGES = PDF_LIMITS.maxPages;

/**
 * The errors of the PDF worker pool as the API answers them: a refused document is the uploader's
 * BAD_USER_INPUT with a stable reason; a full pool asks to retry.
 */
export function pdfUploadError(err: unknown, field: string): unknown {
  if (err instanceof PdfRejectedError) {
    return reject(field, err.reason, { max: String(PDF_MAX_PAGES) }, err.reason === 'PDF_TOO_MANY_PAGES' ? { maxPages: PDF_MAX_PAGES } : {});
  }
  if (err instanceof PdfBusyError) return new AppError('RATE_LIMITED', BUSY[locale()], { field });
  return err;
}

/**
 * An uploaded PDF, checked in the PDF worker pool (never on the request thread, and never inside a
 * database transaction: the caller awaits this before opening one): it must open, have 1 to
 * PDF_MAX_PAGES pages of sane size, and not be encrypted.
 */
export async function checkPdf(bytes: Buffer, opts: { field: string; maxBytes: number }): Promise<{ pageCount: number }> {
  checkUpload(bytes, { ...opts, allowed: ['application/pdf'] });
  if (ENCRYPT_ENTRY.test(bytes.toString('latin1'))) throw reject(opts.field, 'PDF_ENCRYPTED');
  try {
    const { pageCount } = await checkLimits(bytes);
    return { pageCount };
  } catch (err) {
    throw pdfUploadError(err, opts.field);
  }
}

import type { SpkDocumentData, RenderedSpk } from '../spk/document/types';
import type { SignOptions, SigningIdentity } from '../spk/document/sign';
import type { UploadExpectations, VerificationReport } from '../spk/verification';
import type { Rect } from '../spk/stamp-duty/pdf-box';
import type { StampBox } from '../spk/stamp-duty/provider';
import type { PdfInfo, PdfLimits, PdfSignatureField, RawPage, RenderedPage, RenderOptions } from './engine';
import { PDF_LIMITS, PDF_TIMEOUTS_MS } from './limits';
import { pdfPool } from './pool';

/**
 * Reading, rendering and signing PDFs, always in the worker pool (pool.ts): callers on the request
 * thread await a result and the event loop stays free. Untrusted bytes go through checkLimits first.
 */

export { PDF_LIMITS, PDF_TIMEOUTS_MS, PdfBusyError, PdfPoolClosedError, PdfRejectedError, type PdfRejection, type PdfWorkerFailure } from './limits';
export type { PdfInfo, PdfLimits, PdfSignatureField, RawPage, RenderedPage, RenderOptions } from './engine';
export { closePdfPool, pdfPool } from './pool';

/** Opens the PDF and checks page count and sizes; throws PdfRejectedError (corrupt, encrypted, too many pages, page too large, too complex). */
export function checkLimits(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfInfo> {
  return pdfPool().run('checkLimits', [bytes, limits], { timeoutMs: PDF_TIMEOUTS_MS.check });
}

/** Text of each page (1-based `pages`, default all), at most `maxChars` in total. */
export function extractText(bytes: Uint8Array, opts: { pages?: number[]; maxChars?: number } = {}): Promise<string[]> {
  return pdfPool().run('extractText', [bytes, opts], { timeoutMs: PDF_TIMEOUTS_MS.verify });
}

/** One page (1-based or 'last') as PNG, its resolution lowered for a huge page; null if there is no such page. */
export function renderPage(bytes: Uint8Array, page: number | 'last', opts: RenderOptions): Promise<RenderedPage | null> {
  return pdfPool().run('renderPage', [bytes, page, opts], { timeoutMs: PDF_TIMEOUTS_MS.render });
}

/** One page as raw samples (grey: 1 byte a pixel, else RGB), for pixel comparisons. */
export function renderPageRaw(bytes: Uint8Array, page: number | 'last', opts: RenderOptions): Promise<RawPage | null> {
  return pdfPool().run('renderPageRaw', [bytes, page, opts], { timeoutMs: PDF_TIMEOUTS_MS.render });
}

/** The QR code found on each of the given pages (null where none), rendered at `dpi`. */
export function readQrCodes(bytes: Uint8Array, pages: (number | 'last')[], dpi = 150): Promise<(string | null)[]> {
  return pdfPool().run('readQrCodes', [bytes, pages, dpi], { timeoutMs: PDF_TIMEOUTS_MS.verify });
}

/** Signature fields and their signature dictionaries (ByteRange, raw /Contents, /M, /SubFilter); no cryptography. */
export function inspectSignatures(bytes: Uint8Array): Promise<PdfSignatureField[]> {
  return pdfPool().run('inspectSignatures', [bytes], { timeoutMs: PDF_TIMEOUTS_MS.verify });
}

/** The verification report of a customer's signed SPK upload (spk/verification.ts, run in a worker). */
export function verifySignedUpload(upload: Uint8Array, adminSigned: Uint8Array, expected: UploadExpectations): Promise<VerificationReport> {
  return pdfPool().run('verifySignedUpload', [upload, adminSigned, expected], { timeoutMs: PDF_TIMEOUTS_MS.verify });
}

/** renderSpkPdf in a worker. */
export function renderSpk(data: SpkDocumentData): Promise<RenderedSpk> {
  return pdfPool().run('renderSpk', [data], { timeoutMs: PDF_TIMEOUTS_MS.spk });
}

/** The sandbox e-Meterai placed into `box` with its serial (spk/stamp-duty/sandbox-stamp.ts) in a worker. */
export function stampSandboxPdf(pdf: Uint8Array, box: StampBox, serial: string): Promise<Uint8Array> {
  return pdfPool().run('stampSandbox', [pdf, box, serial], { timeoutMs: PDF_TIMEOUTS_MS.spk });
}

/** The visible area of the page a stamp goes on, after checking the box lies within it (openStampPage), in a worker. */
export function stampPageArea(pdf: Uint8Array, box: StampBox): Promise<Rect> {
  return pdfPool().run('stampPageArea', [pdf, box], { timeoutMs: PDF_TIMEOUTS_MS.spk });
}

/** signPdf in a worker (key generation and PKCS#7 included). */
export async function signSpkPdf(pdf: Uint8Array, identity: SigningIdentity, opts: SignOptions): Promise<Buffer> {
  const signed = await pdfPool().run('signPdf', [pdf, identity, opts], { timeoutMs: PDF_TIMEOUTS_MS.spk });
  return Buffer.from(signed.buffer, signed.byteOffset, signed.byteLength);
}

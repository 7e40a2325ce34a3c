import { AppError } from '../common/errors';
import { t } from '../common/messages';
import { PdfBusyError, PdfPoolClosedError, PdfRejectedError, renderSpk, signSpkPdf } from '../pdf';
import type { RenderedSpk, SpkDocumentData } from './document';
import type { SigningIdentity } from './document/sign';
import type { StampDutyProvider, StampResult } from './stamp-duty';

/**
 * The SPK's own PDFs: rendering (pdf-lib), e-Meterai placement and the certified signature (@signpdf)
 * run in the PDF worker pool (pdf/), or at the stamp provider, so the thread that answers requests
 * never spends a document's time on it. Callers make them from data read with no transaction open
 * and store them in a short transaction afterwards (spk.service.ts).
 */

/**
 * The pool's failures as the API answers them. Our own document is not the caller's fault: a worker
 * that crashed or ran out of time is PDF_WORKER_FAILED (with `failure`), a full pool asks to retry.
 * Anything else is returned unchanged.
 */
export function pdfWorkError(err: unknown): unknown {
  if (err instanceof PdfBusyError) return new AppError('RATE_LIMITED', t('pdf.busy'), { failure: err.failure });
  if (err instanceof PdfPoolClosedError) return new AppError('PDF_WORKER_FAILED', t('pdf.workerFailed'), { failure: err.failure });
  if (err instanceof PdfRejectedError) return new AppError('PDF_WORKER_FAILED', t('pdf.workerFailed'), { failure: err.failure ?? 'REFUSED', reason: err.reason });
  return err;
}

const inPool = async <T>(work: Promise<T>): Promise<T> => {
  try {
    return await work;
  } catch (err) {
    throw pdfWorkError(err);
  }
};

/** A draft (or any unsigned version) of the SPK, rendered in a worker. */
export function renderSpkDocument(data: SpkDocumentData): Promise<RenderedSpk> {
  return inPool(renderSpk(data));
}

export interface SignedSpkRequest {
  /** The SPK's id: the stamp provider's document reference. */
  documentId: string;
  documentCode: string;
  stampDuty: StampDutyProvider;
  identity: SigningIdentity;
  signature: { reason: string; location: string; name: string; contactInfo?: string; signingTime: Date; lines: string[] };
}

export interface SignedSpk {
  rendered: RenderedSpk;
  stamp: StampResult;
  signed: Buffer;
}

/**
 * The admin-signed SPK: rendered, then the e-Meterai (so the provider's signature covers it), then our
 * certified PAdES signature. A stamp that failed or is not finished yet is STAMP_DUTY_ERROR; rendering
 * the same data again gives the same bytes, so signing again asks the provider about the same document.
 */
export async function makeSignedSpk(data: SpkDocumentData, req: SignedSpkRequest): Promise<SignedSpk> {
  const rendered = await renderSpkDocument(data);
  let stamp: StampResult;
  try {
    stamp = await req.stampDuty.stamp({ documentId: req.documentId, fileName: `${req.documentCode}.pdf`, pdf: rendered.bytes, box: rendered.stampBox, documentNumber: data.number, documentDate: data.date });
  } catch (err) {
    const fromPool = pdfWorkError(err);
    if (fromPool !== err) throw fromPool;
    throw new AppError('STAMP_DUTY_ERROR', t('spk.stampFailed', { reason: (err as Error).message }));
  }
  if (stamp.status !== 'STAMPED' || !stamp.stampedPdf) {
    throw new AppError('STAMP_DUTY_ERROR', t('spk.stampPending'), { stampStatus: stamp.status });
  }
  const { lines, ...sign } = req.signature;
  const signed = await inPool(signSpkPdf(stamp.stampedPdf, req.identity, { ...sign, certify: true, visible: { box: rendered.providerSignatureBox, lines } }));
  return { rendered, stamp, signed };
}

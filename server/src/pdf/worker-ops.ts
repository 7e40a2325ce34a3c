import { renderSpkPdf, type SpkDocumentData } from '../spk/document';
import { signPdf, type SignOptions, type SigningIdentity } from '../spk/document/sign';
import { openStampPage } from '../spk/stamp-duty/pdf-box';
import type { StampBox } from '../spk/stamp-duty/provider';
import { drawSandboxStampPdf } from '../spk/stamp-duty/sandbox-stamp';
import { verifyCustomerUpload, type UploadExpectations } from '../spk/verification';
import * as engine from './engine';
import { readQrCodes } from './qr';

/**
 * Everything the pool runs, by name. Arguments and results cross threads by structured clone:
 * Buffers arrive as Uint8Array, bigint and Date survive.
 */
export const workerOps = {
  checkLimits: (bytes: Uint8Array, limits?: engine.PdfLimits) => engine.checkLimits(bytes, limits),
  extractText: (bytes: Uint8Array, opts?: { pages?: number[]; maxChars?: number }) => engine.extractText(bytes, opts),
  renderPage: (bytes: Uint8Array, page: number | 'last', opts: engine.RenderOptions) => engine.renderPage(bytes, page, opts),
  renderPageRaw: (bytes: Uint8Array, page: number | 'last', opts: engine.RenderOptions) => engine.renderPageRaw(bytes, page, opts),
  readQrCodes,
  inspectSignatures: (bytes: Uint8Array) => engine.inspectSignatures(bytes),
  verifySignedUpload: (upload: Uint8Array, adminSigned: Uint8Array, expected: UploadExpectations) => verifyCustomerUpload(upload, adminSigned, expected),
  renderSpk: (data: SpkDocumentData) => renderSpkPdf(data),
  stampSandbox: (pdf: Uint8Array, box: StampBox, serial: string) => drawSandboxStampPdf(pdf, box, serial),
  stampPageArea: async (pdf: Uint8Array, box: StampBox) => (await openStampPage(pdf, box)).visible,
  signPdf: async (pdf: Uint8Array, identity: SigningIdentity, opts: SignOptions) =>
    new Uint8Array(await signPdf(pdf, { p12: Buffer.from(identity.p12), passphrase: identity.passphrase }, opts)),
  /** For the pool's own tests: a job that never ends. */
  spin: async () => {
    for (;;);
  },
  /** For the pool's own tests: which process ran the job, after holding the worker for `holdMs`. */
  workerInfo: async (holdMs = 0) => {
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    return { pid: process.pid };
  },
  /** For the pool's own tests: the worker dies under the job, as it would on a fault in a native reader. */
  crash: async () => {
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {});
  },
} as const;

export type WorkerOps = typeof workerOps;
export type OpName = keyof WorkerOps;

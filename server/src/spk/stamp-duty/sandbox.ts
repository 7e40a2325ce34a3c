import { createHash, createHmac } from 'node:crypto';
import { stampSandboxPdf } from '../../pdf';
import { assertValidStampRequest } from './pdf-box';
import { STAMP_DUTY_AMOUNT, StampDutyError, type StampBox, type StampDutyProvider, type StampRequest, type StampResult } from './provider';

/** Serial numbers of e-Meterai are 22 alphanumeric characters (unconfirmed); the sandbox copies the shape. */
export const SANDBOX_SERIAL_LENGTH = 22;
export { SANDBOX_STAMP_NOTICE } from './sandbox-stamp';

const DEFAULT_SEED = 'angsur-sandbox-e-meterai';
const DEFAULT_MAX_STORED = 1000;

export interface SandboxStampDutyOptions {
  /** Mixed into every serial number: two sandboxes with different seeds never issue the same serial. */
  seed?: string;
  /** Results kept for status(); the oldest are forgotten beyond this. Default 1000. */
  maxStored?: number;
}

/**
 * The 22-character serial the sandbox gives a document: uppercase base-36 digits of
 * HMAC-SHA256(seed, documentId NUL sha256(pdf)). Same document, same bytes, same seed: same serial.
 */
export function sandboxSerialNumber(documentId: string, pdf: Uint8Array, seed = DEFAULT_SEED): string {
  const pdfHash = createHash('sha256').update(pdf).digest('hex');
  const mac = createHmac('sha256', seed).update(documentId, 'utf8').update('\0').update(pdfHash).digest('hex');
  // 256 bits are about 49 base-36 digits; the low 22 are (very nearly) uniform.
  return BigInt(`0x${mac}`).toString(36).toUpperCase().padStart(SANDBOX_SERIAL_LENGTH, '0').slice(-SANDBOX_SERIAL_LENGTH);
}

/**
 * Default provider outside production: stamps at once, offline, deterministically. It draws a look-alike
 * stamp that says SANDBOX and is worth nothing; it adds no Peruri signature and pays no duty.
 *
 * status() answers from an in-memory map, so a restart forgets earlier references (status() then throws
 * a 404 StampDutyError). Nothing is lost by that: the sandbox never has a pending stamp, and stamping the
 * same document again gives the same serial.
 */
export class SandboxStampDutyProvider implements StampDutyProvider {
  readonly name = 'sandbox' as const;
  private readonly seed: string;
  private readonly maxStored: number;
  private readonly results = new Map<string, StampResult>();

  constructor(opts: SandboxStampDutyOptions = {}) {
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.maxStored = opts.maxStored ?? DEFAULT_MAX_STORED;
    if (!Number.isSafeInteger(this.maxStored) || this.maxStored < 1) throw new RangeError('maxStored must be a positive whole number');
  }

  async stamp(req: StampRequest): Promise<StampResult> {
    assertValidStampRequest(req);
    if (Buffer.from(req.pdf.buffer, req.pdf.byteOffset, req.pdf.byteLength).includes('/ByteRange')) {
      // pdf-lib rewrites the whole file, which would break that signature: stamp first, sign afterwards.
      throw new RangeError('the PDF already carries a digital signature; the sandbox can only stamp unsigned PDFs');
    }
    const serial = sandboxSerialNumber(req.documentId, req.pdf, this.seed);
    const reference = `SANDBOX-${serial}`;
    const known = this.results.get(reference);
    if (known) return copy(known);

    // Placement and saving rewrite the whole PDF: in the worker pool, off the request thread.
    const stampedPdf = await stampSandboxPdf(req.pdf, req.box, serial);
    const result: StampResult = {
      provider: 'sandbox',
      providerReference: reference,
      status: 'STAMPED',
      serialNumber: serial,
      stampedPdf,
      dutyAmount: STAMP_DUTY_AMOUNT,
      failureReason: null,
    };
    this.remember(reference, result);
    return copy(result);
  }

  async status(providerReference: string): Promise<StampResult> {
    const known = this.results.get(providerReference);
    if (!known) throw new StampDutyError(`the sandbox knows no stamp ${providerReference} (it forgets them on restart)`, 404);
    return copy(known);
  }

  private remember(reference: string, result: StampResult): void {
    this.results.set(reference, result);
    while (this.results.size > this.maxStored) {
      const oldest = this.results.keys().next().value as string;
      this.results.delete(oldest);
    }
  }
}

/** Callers get their own bytes: a caller changing them must not change what status() answers later. */
function copy(result: StampResult): StampResult {
  return { ...result, stampedPdf: result.stampedPdf ? result.stampedPdf.slice() : null };
}

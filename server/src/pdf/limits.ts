/**
 * Bounds on reading a PDF that someone else made. A contract or a transfer proof is a few pages of
 * ordinary paper; anything far outside that is refused before it can cost real CPU or memory.
 */
export const PDF_LIMITS = {
  /** More pages than any SPK or proof has; a 100,000-page file is refused after counting. */
  maxPages: 200,
  /**
   * Longest page side in points. ISO 32000 (Annex C) caps pages at 14,400 units; phone scanning apps
   * make pages as large as the photo in pixels (4,000 pt and more), so those are accepted and only
   * their rendering is scaled down (maxRenderPixels).
   */
  maxPageSidePt: 14_400,
  /**
   * Inflated bytes of page content streams in one document. Our 6-page SPK has ~60 KB; a scan has
   * a few hundred bytes a page (the picture is an image, not content).
   */
  maxContentBytes: 16 * 1024 * 1024,
  /** Pixels in one rendering; a larger page is rendered at a lower resolution instead. */
  maxRenderPixels: 8_000_000,
  /** Characters of text kept from one document: we only look for our codes in it. */
  maxTextChars: 2_000_000,
  /** WebAssembly memory one worker may grow to (MuPDF's heap is outside V8's resourceLimits). */
  maxWasmBytes: 768 * 1024 * 1024,
  /** V8 heap of one worker process (--max-old-space-size). */
  maxOldGenerationMb: 256,
} as const;

/** How pool.ts passes the MuPDF memory cap to a worker process (internal, not configuration). */
export const WASM_CAP_ENV = 'ANGSUR_PDF_WORKER_WASM_BYTES';

/** Wall-clock budget of one job; past it the worker is terminated and the job refused. */
export const PDF_TIMEOUTS_MS = {
  /** Opening, counting and measuring pages of an upload. */
  check: 10_000,
  /** Text, QR and signatures of an uploaded signed SPK (about a second for a real one). */
  verify: 15_000,
  /** One page for the staff's side-by-side view. */
  render: 20_000,
  /** Our own SPK: rendering and signing trusted data, bounded all the same. */
  spk: 60_000,
} as const;

/** Why a PDF was refused; the upload answers BAD_USER_INPUT with this reason. */
export type PdfRejection = 'PDF_CORRUPT' | 'PDF_ENCRYPTED' | 'PDF_TOO_MANY_PAGES' | 'PDF_PAGE_TOO_LARGE' | 'PDF_TOO_COMPLEX';

/**
 * Why the pool gave up on a job, when it was the pool and not the document's reader that refused:
 * the job ran past its budget (TIMED_OUT), its worker died under it (CRASHED: out of V8 heap, a
 * fault), the queue was full (BUSY) or the pool was shut down (CLOSED). Stable, for callers that map
 * it to an answer (an upload's BAD_USER_INPUT, an SPK's PDF_WORKER_FAILED).
 */
export type PdfWorkerFailure = 'TIMED_OUT' | 'CRASHED' | 'BUSY' | 'CLOSED';

export class PdfRejectedError extends Error {
  constructor(
    readonly reason: PdfRejection,
    detail?: string,
    /** Set when the pool killed or lost the worker; unset when the reader refused the document. */
    readonly failure?: Extract<PdfWorkerFailure, 'TIMED_OUT' | 'CRASHED'>,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'PdfRejectedError';
  }
}

/** The worker pool has more work queued than it accepts. */
export class PdfBusyError extends Error {
  readonly failure = 'BUSY' as const;
  constructor() {
    super('PDF worker pool is busy');
    this.name = 'PdfBusyError';
  }
}

/** The pool was shut down (server stopping) before the job could run or finish. */
export class PdfPoolClosedError extends Error {
  readonly failure = 'CLOSED' as const;
  constructor() {
    super('PDF worker pool is closed');
    this.name = 'PdfPoolClosedError';
  }
}

/**
 * e-Meterai (electronic stamp duty, Bea Meterai): the one interface every stamp provider adapter
 * implements. An SPK is an agreement (surat perjanjian), so every SPK carries one Rp 10.000 stamp
 * (UU 10/2020 art. 4). Adapters only speak the provider's protocol; deciding when to stamp, storing the
 * provider reference and retrying belong to the SPK service.
 */

export type StampDutyProviderName = 'sandbox' | 'mekari';

/** Where the stamp goes, in PDF points with the origin at the bottom left of the page (pdf-lib convention). */
export interface StampBox {
  /** 0-based page index. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StampRequest {
  /** Our id of the document; the sandbox derives its serial from it, both adapters de-duplicate on it. */
  documentId: string;
  fileName: string;
  pdf: Uint8Array;
  box: StampBox;
  /** The agreement's number as printed on it (Peruri records it as nodoc). */
  documentNumber: string;
  /** YYYY-MM-DD (Peruri records it as tgldoc). */
  documentDate: string;
  callbackUrl?: string;
}

export type StampStatus = 'IN_PROGRESS' | 'STAMPED' | 'FAILED';

export interface StampResult {
  provider: StampDutyProviderName;
  providerReference: string;
  status: StampStatus;
  /** Known once STAMPED (and even then null when the provider does not report it). */
  serialNumber: string | null;
  /** The stamped PDF once STAMPED, else null. */
  stampedPdf: Uint8Array | null;
  /** Rupiah; always STAMP_DUTY_AMOUNT. */
  dutyAmount: bigint;
  failureReason?: string | null;
}

export interface StampDutyProvider {
  readonly name: StampDutyProviderName;
  /** Submits the document. The sandbox finishes at once; Mekari answers IN_PROGRESS. */
  stamp(req: StampRequest): Promise<StampResult>;
  /** Polls. When STAMPED the result carries stampedPdf (and serialNumber when the provider gives one). */
  status(providerReference: string): Promise<StampResult>;
  /**
   * Reads a provider callback. The published protocol has no signature on callbacks: treat the result
   * as a hint to call status(), never as proof that a document was stamped.
   */
  parseCallback?(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): { providerReference: string; status: StampStatus };
}

/**
 * The provider refused a request, answered something we cannot use, or could not be reached (then
 * `status` is undefined). Invalid requests from our side are RangeErrors, thrown before any call.
 */
export class StampDutyError extends Error {
  override name = 'StampDutyError';
  constructor(
    message: string,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** Bea Meterai per document, rupiah (UU 10/2020 art. 5). */
export const STAMP_DUTY_AMOUNT = 10_000n;

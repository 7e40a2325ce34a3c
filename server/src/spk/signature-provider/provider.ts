/**
 * Certified electronic signatures (tanda tangan elektronik tersertifikasi, PP 71/2019 art. 60): the one
 * interface every PSrE adapter implements. The customer signs the admin-signed SPK at the provider, whose
 * certificate authority (recognised by Kominfo) vouches that the key belongs to the person with that NIK.
 * Adapters only speak the provider's protocol; when to start, storing the session, checking the returned
 * PDF against our copy and moving the SPK belong to the SPK domain (spk/provider-signing.ts).
 */
import type { Box } from '../document/types';

export type SignatureProviderName = 'sandbox' | 'privy';

/** The person who signs, as on their KTP; the provider binds the certificate to the NIK. */
export interface ProviderSigner {
  fullName: string;
  /** 16 digits (Nomor Induk Kependudukan). */
  nik: string;
  email: string;
  /** E.164. */
  phone: string;
  /** When the customer signs for a company (untuk dan atas nama). */
  organization: string | null;
  /** The customer's account at the provider (a PrivyID), when the provider signs only registered users. */
  providerAccountId: string | null;
}

export interface ProviderSigningRequest {
  /** Our id of what is signed (SPK id and admin-signed version): providers de-duplicate on it. */
  documentId: string;
  title: string;
  fileName: string;
  /** The admin-signed PDF; the provider adds the customer's signature as an incremental update. */
  pdf: Uint8Array;
  signer: ProviderSigner;
  /** Where the visible signature goes (PIHAK KEDUA's box on the signature page). */
  box: Box;
  reason: string;
  location: string;
  /** Where the provider reports progress (our /hooks/psre/<provider> route). */
  callbackUrl: string;
}

/**
 * OTP_REQUIRED: we collect the OTP the provider sent the signer (confirmOtp). AWAITING_SIGNER: the signer
 * finishes at the provider (signingUrl); the result comes by callback or polling. SIGNED: status() has
 * the signed PDF. FAILED: refused, expired or too many wrong OTPs (failureReason).
 */
export type ProviderSigningStatus = 'OTP_REQUIRED' | 'AWAITING_SIGNER' | 'SIGNED' | 'FAILED';

export interface ProviderSigningSession {
  provider: SignatureProviderName;
  reference: string;
  status: ProviderSigningStatus;
  /** The provider's page where the signer signs (AWAITING_SIGNER), else null. */
  signingUrl: string | null;
  /**
   * Only the sandbox fills this: the OTP it "sent", shown on screen so tests and the demo can sign. A
   * real provider sends it to the signer's phone and never to us.
   */
  sandboxOtp: string | null;
  failureReason: string | null;
}

export interface ProviderSigningResult extends ProviderSigningSession {
  /** The signed PDF once SIGNED, else null. */
  signedPdf: Uint8Array | null;
}

/** What a callback told us; a hint to call status(), which is what we act on. */
export interface ProviderCallback {
  reference: string;
  status: ProviderSigningStatus | 'UNKNOWN';
}

export interface CallbackRequest {
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  rawBody: Buffer;
}

export interface SignatureProvider {
  readonly name: SignatureProviderName;
  /** Hands the document to the provider for the signer. */
  startSigning(req: ProviderSigningRequest): Promise<ProviderSigningSession>;
  /** Providers that let us collect the OTP (the sandbox) implement this; others sign on their own page. */
  confirmOtp?(reference: string, otp: string): Promise<ProviderSigningSession>;
  /** Polls; when SIGNED the result carries the signed PDF. */
  status(reference: string): Promise<ProviderSigningResult>;
  /**
   * Checks that a callback comes from the provider (signature or shared token: SignatureProviderError
   * BAD_CALLBACK_SIGNATURE otherwise) and reads which document it is about.
   */
  parseCallback(req: CallbackRequest): ProviderCallback;
  /**
   * The provider's CA certificates (PEM). A customer signature counts as certified only when its
   * certificate chains to one of these; any other chain is at most a plain digital signature.
   */
  trustAnchors(): Promise<string[]>;
}

export type SignatureProviderErrorKind =
  | 'OTP_INVALID'
  | 'OTP_LOCKED'
  | 'ACCOUNT_REQUIRED'
  | 'BAD_CALLBACK_SIGNATURE'
  | 'BAD_CALLBACK'
  | 'UNKNOWN_DOCUMENT'
  | 'PROVIDER_ERROR';

/**
 * The provider refused a request, answered something we cannot use, or could not be reached (then
 * `status` is undefined). Invalid requests from our side are RangeErrors, thrown before any call.
 */
export class SignatureProviderError extends Error {
  override name = 'SignatureProviderError';
  constructor(
    readonly kind: SignatureProviderErrorKind,
    message: string,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

const NIK = /^\d{16}$/;

/** Shared by the adapters: what no provider would accept, refused before anything is sent. */
export function assertValidSigningRequest(req: ProviderSigningRequest): void {
  if (!req.documentId) throw new RangeError('documentId is required');
  if (!req.pdf?.length) throw new RangeError('the PDF is empty');
  if (!NIK.test(req.signer.nik)) throw new RangeError('the signer NIK must be 16 digits');
  if (!req.signer.fullName.trim()) throw new RangeError('the signer name is required');
  const b = req.box;
  if (![b.x, b.y, b.width, b.height].every(Number.isFinite) || b.width <= 0 || b.height <= 0 || !Number.isInteger(b.page) || b.page < 0) {
    throw new RangeError('the signature box is not a box on a page');
  }
}

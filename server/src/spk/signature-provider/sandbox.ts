import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { signSpkPdf } from '../../pdf';
import { formatJakartaDateTime } from '../document/sign';
import {
  assertValidSigningRequest,
  SignatureProviderError,
  type CallbackRequest,
  type ProviderCallback,
  type ProviderSigningRequest,
  type ProviderSigningResult,
  type ProviderSigningSession,
  type SignatureProvider,
} from './provider';
import { issueSignerIdentity, SANDBOX_CA_NAME, type SandboxCa } from './sandbox-ca';
import { HttpClient } from '../../common/http-client';

/** Header of the sandbox's callbacks: `sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export const SANDBOX_CALLBACK_HEADER = 'x-sandbox-signature';
/** Wrong OTPs allowed before the session fails, as real providers lock after a few. */
export const SANDBOX_OTP_ATTEMPTS = 3;
const DEFAULT_MAX_STORED = 1000;

export interface SandboxSignatureOptions {
  /** Derives the OTPs and signs the callbacks: two sandboxes with different secrets never agree. */
  secret: string;
  /** The CA that issues the signers' certificates (spk/signature-provider/sandbox-ca.ts). */
  ca: () => Promise<SandboxCa>;
  now?: () => Date;
  /**
   * How a callback reaches us. Default: POST to the request's callbackUrl. Delivery is best effort, as
   * with real providers: the polling job finds what a lost callback did not bring.
   */
  deliver?: (url: string, body: Buffer, headers: Record<string, string>) => Promise<void>;
  maxStored?: number;
}

interface SandboxSession {
  req: ProviderSigningRequest;
  otp: string;
  wrongOtps: number;
  status: ProviderSigningResult['status'];
  signedPdf: Uint8Array | null;
  failureReason: string | null;
}

const callbacks = new HttpClient({ name: 'sandbox signature callback', timeoutMs: 10_000 });

/** The body is sent as signed (bytes, not re-serialised JSON), so the HMAC still matches. */
async function postCallback(url: string, body: Buffer, headers: Record<string, string>): Promise<void> {
  await callbacks.request({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, body: new Uint8Array(body) });
}

/**
 * Default provider outside production: the whole PSrE flow offline. Starting gives an OTP (shown on
 * screen instead of sent by SMS); the right OTP makes the sandbox CA issue a certificate for the
 * signer's name and NIK and sign the PDF with it as an incremental update (a signature field and its
 * appearance only, so our certified signature and the tamper check stay intact); then it calls back
 * with an HMAC-signed body. Its certificates chain to the sandbox CA only, which is worth nothing
 * outside this installation ("TIDAK BERLAKU" in the CA's name).
 *
 * Sessions live in memory: a restart forgets them (status() then answers UNKNOWN_DOCUMENT and the
 * customer starts again), as the stamp sandbox forgets its stamps.
 */
export class SandboxSignatureProvider implements SignatureProvider {
  readonly name = 'sandbox' as const;
  private readonly sessions = new Map<string, SandboxSession>();
  private readonly now: () => Date;
  private readonly deliver: NonNullable<SandboxSignatureOptions['deliver']>;
  private readonly maxStored: number;

  constructor(private readonly opts: SandboxSignatureOptions) {
    if (!opts.secret) throw new RangeError('the sandbox signature provider needs a secret');
    this.now = opts.now ?? (() => new Date());
    this.deliver = opts.deliver ?? postCallback;
    this.maxStored = opts.maxStored ?? DEFAULT_MAX_STORED;
  }

  async startSigning(req: ProviderSigningRequest): Promise<ProviderSigningSession> {
    assertValidSigningRequest(req);
    // A new reference per start, as a provider gives a new document token per upload (resuming an open
    // attempt is the caller's business).
    const reference = `SBX-${randomBytes(12).toString('hex').toUpperCase()}`;
    // Six digits from the secret and the reference: the demo and the tests can read it from the answer.
    const otp = String(parseInt(createHmac('sha256', this.opts.secret).update(`otp:${reference}`).digest('hex').slice(0, 8), 16) % 1_000_000).padStart(6, '0');
    const session: SandboxSession = { req: { ...req, pdf: req.pdf.slice() }, otp, wrongOtps: 0, status: 'OTP_REQUIRED', signedPdf: null, failureReason: null };
    this.sessions.set(reference, session);
    while (this.sessions.size > this.maxStored) this.sessions.delete(this.sessions.keys().next().value as string);
    return this.view(reference, session);
  }

  async confirmOtp(reference: string, otp: string): Promise<ProviderSigningSession> {
    const session = this.find(reference);
    if (session.status !== 'OTP_REQUIRED') return this.view(reference, session);
    const given = Buffer.from(otp.trim());
    const expected = Buffer.from(session.otp);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      session.wrongOtps += 1;
      if (session.wrongOtps >= SANDBOX_OTP_ATTEMPTS) {
        session.status = 'FAILED';
        session.failureReason = 'OTP salah terlalu sering';
        throw new SignatureProviderError('OTP_LOCKED', 'too many wrong OTPs; start again', 422);
      }
      throw new SignatureProviderError('OTP_INVALID', `wrong OTP (${SANDBOX_OTP_ATTEMPTS - session.wrongOtps} attempts left)`, 422);
    }
    const { req } = session;
    const signingTime = this.now();
    const identity = await issueSignerIdentity(await this.opts.ca(), req.signer, signingTime);
    session.signedPdf = await signSpkPdf(req.pdf, identity, {
      reason: req.reason,
      location: req.location,
      name: req.signer.fullName,
      contactInfo: req.signer.email,
      signingTime,
      visible: { box: req.box, lines: [req.signer.fullName, ...(req.signer.organization ? [req.signer.organization] : []), `Tersertifikasi: ${SANDBOX_CA_NAME}`] },
    });
    session.status = 'SIGNED';
    this.callBack(reference, session);
    return this.view(reference, session);
  }

  async status(reference: string): Promise<ProviderSigningResult> {
    const session = this.find(reference);
    return { ...this.view(reference, session), signedPdf: session.signedPdf ? session.signedPdf.slice() : null };
  }

  parseCallback(req: CallbackRequest): ProviderCallback {
    const header = req.headers[SANDBOX_CALLBACK_HEADER];
    const given = typeof header === 'string' ? Buffer.from(header) : Buffer.alloc(0);
    const expected = Buffer.from(sandboxCallbackSignature(this.opts.secret, req.rawBody));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new SignatureProviderError('BAD_CALLBACK_SIGNATURE', 'the callback signature does not match', 401);
    }
    let body: { reference?: unknown; status?: unknown };
    try {
      body = JSON.parse(req.rawBody.toString('utf8')) as typeof body;
    } catch {
      throw new SignatureProviderError('BAD_CALLBACK', 'the callback body is not JSON', 400);
    }
    if (typeof body.reference !== 'string') throw new SignatureProviderError('BAD_CALLBACK', 'the callback names no reference', 400);
    const status = body.status === 'SIGNED' || body.status === 'FAILED' ? body.status : 'UNKNOWN';
    return { reference: body.reference, status };
  }

  async trustAnchors(): Promise<string[]> {
    return [(await this.opts.ca()).certPem];
  }

  private find(reference: string): SandboxSession {
    const session = this.sessions.get(reference);
    if (!session) throw new SignatureProviderError('UNKNOWN_DOCUMENT', `the sandbox knows no signing ${reference} (it forgets them on restart)`, 404);
    return session;
  }

  private view(reference: string, s: SandboxSession): ProviderSigningSession {
    return { provider: 'sandbox', reference, status: s.status, signingUrl: null, sandboxOtp: s.status === 'OTP_REQUIRED' ? s.otp : null, failureReason: s.failureReason };
  }

  /** The callback the sandbox sends about `reference`: JSON body and its HMAC header. */
  callbackFor(reference: string, status: string): { body: Buffer; headers: Record<string, string> } {
    const body = Buffer.from(JSON.stringify({ reference, status, at: formatJakartaDateTime(this.now()) }));
    return { body, headers: { [SANDBOX_CALLBACK_HEADER]: sandboxCallbackSignature(this.opts.secret, body) } };
  }

  /** Fire and forget, after the answer: a callback that fails is what the polling job is for. */
  private callBack(reference: string, s: SandboxSession): void {
    const { body, headers } = this.callbackFor(reference, s.status);
    setImmediate(() => {
      this.deliver(s.req.callbackUrl, body, headers).catch(() => {});
    });
  }
}

export function sandboxCallbackSignature(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

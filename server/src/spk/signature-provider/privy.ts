import { timingSafeEqual } from 'node:crypto';
import { basicAuth, HttpClient, type HttpReply } from '../../common/http-client';
import {
  assertValidSigningRequest,
  SignatureProviderError,
  type CallbackRequest,
  type ProviderCallback,
  type ProviderSigningRequest,
  type ProviderSigningResult,
  type ProviderSigningSession,
  type ProviderSigningStatus,
  type SignatureProvider,
} from './provider';

/**
 * PrivyID (PT Privy Identitas Digital, a PSrE recognised by Kominfo), merchant API v3, as published in
 * "PrivyID API Documentation v1.9" and "Privy API Standard Documentation – non RA rev 2.1" (sections
 * Request Information, 3 Upload Document, 4 Check Document Status, 5 Signing setup) and as used by the
 * public client landx-id/privy-python-sdk:
 *
 * - Base URL: https://api-sandbox.privy.id/v3/merchant (development), https://core.privy.id/v3/merchant
 *   (production).
 * - Authentication: HTTP Basic with the merchant's username and password, plus the `Merchant-Key` header.
 *   Bodies are multipart/form-data.
 * - POST {base}/document/upload: documentTitle, docType (Serial | Parallel), owner = JSON
 *   {privyId, enterpriseToken}, recipients = JSON [{privyId, type: "Signer", enterpriseToken}],
 *   document = the PDF. 201 → {code, data: {docToken, urlDocument, recipients}, message}. The recipient
 *   signs on urlDocument, logged in with their PrivyID (registered against their NIK, checked with
 *   Dukcapil) and confirming with an OTP Privy sends them: we never see the OTP.
 * - GET {base}/document/status/{docToken} → {code, data: {docToken, documentStatus ("In Progress" |
 *   "Completed"), recipients: [{privyId, type, signatoryStatus}], download: {url, expiredAt}}}.
 *   download.url is a short-lived link to the signed PDF.
 * - Errors: {code, errors: [{field, messages}], message} with 401 (credentials), 404 (unknown docToken),
 *   422 (validation).
 * - Callback: Privy POSTs JSON {docToken, documentStatus, recipients} to the callback URL the merchant
 *   registers with Privy. The published protocol defines no signature on callbacks, so the URL we
 *   register carries a secret token (?token=PRIVY_CALLBACK_TOKEN) that parseCallback compares in constant
 *   time, and the callback is only a hint: we then ask status() and download the PDF ourselves, and the
 *   PDF counts only when its signature chains to Privy's CA (trustAnchors) and names the customer's NIK.
 */
export const PRIVY_SANDBOX_BASE_URL = 'https://api-sandbox.privy.id/v3/merchant';
export const PRIVY_PRODUCTION_BASE_URL = 'https://core.privy.id/v3/merchant';

export interface PrivySignatureOptions {
  baseUrl: string;
  username: string;
  password: string;
  merchantKey: string;
  /** The merchant's (our company's) PrivyID and enterprise token: the document's owner. */
  ownerPrivyId: string;
  enterpriseToken: string;
  /** The secret in the callback URL registered with Privy. */
  callbackToken: string;
  /** Privy's CA certificates (PEM), the chain its signer certificates are issued under. */
  caCertificatesPem: string[];
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface PrivyEnvelope<T> {
  code?: number;
  data?: T;
  message?: string;
  errors?: { field?: string; messages?: string[] }[];
}

interface PrivyUploadData {
  docToken?: string;
  urlDocument?: string;
}

interface PrivyStatusData {
  docToken?: string;
  documentStatus?: string;
  urlDocument?: string;
  recipients?: { privyId?: string; type?: string; signatoryStatus?: string }[];
  download?: { url?: string; expiredAt?: string };
}

/** A signed SPK is a few MB; the upload limit is far below this. */
const MAX_SIGNED_PDF_BYTES = 50 * 1024 * 1024;

const REFUSED = new Set(['rejected', 'declined', 'expired', 'canceled', 'cancelled']);

/** Privy's documentStatus and the signers' signatoryStatus, in our terms. */
export function privyStatus(data: PrivyStatusData): ProviderSigningStatus {
  const signers = (data.recipients ?? []).filter((r) => (r.type ?? 'Signer').toLowerCase() === 'signer');
  if (signers.some((r) => REFUSED.has((r.signatoryStatus ?? '').toLowerCase())) || REFUSED.has((data.documentStatus ?? '').toLowerCase())) return 'FAILED';
  if ((data.documentStatus ?? '').toLowerCase() === 'completed') return 'SIGNED';
  return 'AWAITING_SIGNER';
}

export class PrivySignatureProvider implements SignatureProvider {
  readonly name = 'privy' as const;
  private readonly http: HttpClient;
  private readonly downloads: HttpClient;

  constructor(private readonly opts: PrivySignatureOptions) {
    for (const key of ['baseUrl', 'username', 'password', 'merchantKey', 'ownerPrivyId', 'enterpriseToken', 'callbackToken'] as const) {
      if (!opts[key]) throw new RangeError(`privy: ${key} is required`);
    }
    const common = { fetchImpl: opts.fetch, timeoutMs: opts.timeoutMs ?? 30_000 };
    this.http = new HttpClient({
      ...common,
      name: 'privy',
      baseUrl: opts.baseUrl,
      headers: { authorization: basicAuth(opts.username, opts.password), 'merchant-key': opts.merchantKey },
    });
    this.downloads = new HttpClient({ ...common, name: 'privy download' });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: FormData): Promise<T> {
    let res: HttpReply;
    try {
      res = await this.http.request({ method, url: path, body });
    } catch (err) {
      throw new SignatureProviderError('PROVIDER_ERROR', (err as Error).message);
    }
    let json: PrivyEnvelope<T>;
    try {
      json = res.json() as PrivyEnvelope<T>;
    } catch {
      throw new SignatureProviderError('PROVIDER_ERROR', `privy answered ${res.status} with a body that is not JSON`, res.status, res.text().slice(0, 500));
    }
    if (res.status === 404) throw new SignatureProviderError('UNKNOWN_DOCUMENT', `privy: ${json.message ?? 'not found'}`, 404, json);
    if (!res.ok || !json.data) {
      const detail = (json.errors ?? []).map((e) => `${e.field ?? '-'}: ${(e.messages ?? []).join(', ')}`).join('; ');
      throw new SignatureProviderError('PROVIDER_ERROR', `privy refused (${res.status}): ${json.message ?? ''}${detail ? ` (${detail})` : ''}`, res.status, json);
    }
    return json.data;
  }

  async startSigning(req: ProviderSigningRequest): Promise<ProviderSigningSession> {
    assertValidSigningRequest(req);
    const privyId = req.signer.providerAccountId?.trim();
    if (!privyId) throw new SignatureProviderError('ACCOUNT_REQUIRED', 'privy signs only registered users: the signer PrivyID is required', 400);
    const form = new FormData();
    form.set('documentTitle', req.title);
    form.set('docType', 'Serial');
    form.set('owner', JSON.stringify({ privyId: this.opts.ownerPrivyId, enterpriseToken: this.opts.enterpriseToken }));
    form.set('recipients', JSON.stringify([{ privyId, type: 'Signer', enterpriseToken: '' }]));
    form.set('document', new Blob([new Uint8Array(req.pdf)], { type: 'application/pdf' }), req.fileName);
    const data = await this.call<PrivyUploadData>('POST', '/document/upload', form);
    if (!data.docToken) throw new SignatureProviderError('PROVIDER_ERROR', 'privy accepted the document but gave no docToken', 200, data);
    return { provider: 'privy', reference: data.docToken, status: 'AWAITING_SIGNER', signingUrl: data.urlDocument ?? null, sandboxOtp: null, failureReason: null };
  }

  async status(reference: string): Promise<ProviderSigningResult> {
    if (!/^[\w-]{1,200}$/.test(reference)) throw new RangeError('not a privy docToken');
    const data = await this.call<PrivyStatusData>('GET', `/document/status/${encodeURIComponent(reference)}`);
    const status = privyStatus(data);
    const result: ProviderSigningResult = {
      provider: 'privy',
      reference,
      status,
      signingUrl: data.urlDocument ?? null,
      sandboxOtp: null,
      failureReason: status === 'FAILED' ? `privy: ${data.documentStatus ?? ''} ${(data.recipients ?? []).map((r) => r.signatoryStatus).join(',')}`.trim() : null,
      signedPdf: null,
    };
    if (status !== 'SIGNED') return result;
    if (!data.download?.url) throw new SignatureProviderError('PROVIDER_ERROR', 'privy says Completed but gives no download url', 200, data);
    result.signedPdf = await this.download(data.download.url);
    return result;
  }

  /** The link is pre-authorised and short-lived; it must be https in production (Privy's own host). */
  private async download(url: string): Promise<Uint8Array> {
    let res: HttpReply;
    try {
      // An absolute URL on Privy's storage: the merchant credentials are not sent there.
      res = await this.downloads.request({ url, accept: 'application/pdf', maxResponseBytes: MAX_SIGNED_PDF_BYTES, retries: 1 });
    } catch (err) {
      throw new SignatureProviderError('PROVIDER_ERROR', `privy download failed: ${(err as Error).message}`);
    }
    if (!res.ok) throw new SignatureProviderError('PROVIDER_ERROR', `privy download answered ${res.status}`, res.status);
    return new Uint8Array(res.bytes);
  }

  parseCallback(req: CallbackRequest): ProviderCallback {
    const token = typeof req.query.token === 'string' ? Buffer.from(req.query.token) : Buffer.alloc(0);
    const expected = Buffer.from(this.opts.callbackToken);
    if (token.length !== expected.length || !timingSafeEqual(token, expected)) {
      throw new SignatureProviderError('BAD_CALLBACK_SIGNATURE', 'the callback token does not match', 401);
    }
    let body: { docToken?: unknown; documentStatus?: unknown; recipients?: unknown };
    try {
      body = JSON.parse(req.rawBody.toString('utf8')) as typeof body;
    } catch {
      throw new SignatureProviderError('BAD_CALLBACK', 'the callback body is not JSON', 400);
    }
    if (typeof body.docToken !== 'string' || !body.docToken) throw new SignatureProviderError('BAD_CALLBACK', 'the callback names no docToken', 400);
    const status = privyStatus({ documentStatus: typeof body.documentStatus === 'string' ? body.documentStatus : undefined, recipients: Array.isArray(body.recipients) ? body.recipients : [] });
    return { reference: body.docToken, status: status === 'AWAITING_SIGNER' ? 'UNKNOWN' : status };
  }

  async trustAnchors(): Promise<string[]> {
    return this.opts.caCertificatesPem;
  }
}

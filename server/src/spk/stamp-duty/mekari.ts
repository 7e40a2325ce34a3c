import { createHash, createHmac } from 'node:crypto';
import { HttpClient, HttpClientError, type FetchImpl, type HttpReply } from '../../common/http-client';
import { stampPageArea } from '../../pdf';
import { assertValidStampRequest, looksLikePdf, type Rect } from './pdf-box';
import {
  STAMP_DUTY_AMOUNT,
  StampDutyError,
  type StampBox,
  type StampDutyProvider,
  type StampRequest,
  type StampResult,
  type StampStatus,
} from './provider';

export const MEKARI_SANDBOX_BASE_URL = 'https://sandbox-api.mekari.com/v2/esign/v1';
export const MEKARI_PRODUCTION_BASE_URL = 'https://api.mekari.com/v2/esign/v1';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_SERIAL_FIELD = 'meterai_serial_number';
const DEFAULT_STAMPED = ['success'];
// The published protocol names success and in_progress. Client libraries also know "pending"; calling
// that FAILED could make us submit (and pay for) the same document twice, so it counts as in progress.
const DEFAULT_IN_PROGRESS = ['in_progress', 'pending'];
const DEFAULT_CALLBACK_STATUS_FIELDS = ['status', 'stamping_status'];
const REMEMBERED_SUBMISSIONS = 1000;

/** A stamped PDF is a few MB at most; the SPK itself is capped well below this. */
const MAX_ANSWER_BYTES = 50 * 1024 * 1024;

export interface MekariStampDutyOptions {
  /** Including the API's base path, e.g. MEKARI_SANDBOX_BASE_URL. */
  baseUrl: string;
  /** HMAC credentials of the Mekari API client. */
  clientId: string;
  clientSecret: string;
  fetchImpl?: FetchImpl;
  /** Clock for the Date header (which is signed). */
  now?: () => Date;
  /** Per request, including reading the answer. Default 30 s. */
  timeoutMs?: number;
  /** Relative to baseUrl (or absolute URLs). Defaults: /documents/stamp, /documents/{id}, /documents/{id}/download. */
  paths?: { stamp?: string; status?: (id: string) => string; download?: (id: string) => string };
  /**
   * Where Mekari measures position_y from (unconfirmed). 'top-left' (default): from the top edge of the
   * page to the top edge of the stamp, as in browser canvases. 'bottom-left': PDF convention.
   */
  origin?: 'top-left' | 'bottom-left';
  /** Page numbering of `annotations[].page` (unconfirmed): 1 (default, as client libraries do) or 0. */
  firstPageNumber?: 0 | 1;
  /** Attribute of the document carrying the e-Meterai serial (unconfirmed). Default meterai_serial_number. */
  serialNumberField?: string;
  /** Values of stamping_status. Anything in neither list is FAILED. */
  stampingStatuses?: { stamped?: readonly string[]; inProgress?: readonly string[] };
  /** Callback attributes read for the status, first present wins. Default status, then stamping_status. */
  callbackStatusFields?: readonly string[];
}

export interface MekariAnnotation {
  page: number;
  position_x: number;
  position_y: number;
  element_width: number;
  element_height: number;
  canvas_width: number;
  canvas_height: number;
  type_of: 'meterai';
}

/**
 * Mekari's HMAC scheme: base64 HMAC-SHA256(secret, "date: <Date>\n<METHOD> <path?query> HTTP/1.1"),
 * where the path is the full path of the URL, base path included.
 */
export function mekariHmacHeaders(opts: { clientId: string; clientSecret: string; method: string; url: string; date: Date }): {
  Date: string;
  Authorization: string;
} {
  const target = new URL(opts.url);
  const date = opts.date.toUTCString(); // IMF-fixdate (RFC 7231): "Tue, 24 Nov 2026 10:00:00 GMT"
  const requestLine = `${opts.method.toUpperCase()} ${target.pathname}${target.search} HTTP/1.1`;
  const signature = createHmac('sha256', opts.clientSecret).update(`date: ${date}\n${requestLine}`, 'utf8').digest('base64');
  return {
    Date: date,
    Authorization: `hmac username="${opts.clientId}", algorithm="hmac-sha256", headers="date request-line", signature="${signature}"`,
  };
}

/**
 * The annotation for a stamp box. Canvas = the visible page in points; positions and sizes are rounded
 * to whole points (client libraries send integers; half a point is invisible on a 2.5 cm stamp).
 */
export function mekariAnnotation(
  box: StampBox,
  visible: Rect,
  origin: 'top-left' | 'bottom-left' = 'top-left',
  firstPageNumber: 0 | 1 = 1,
): MekariAnnotation {
  const left = box.x - visible.x;
  const fromBottom = box.y - visible.y;
  const fromTop = visible.height - (fromBottom + box.height);
  return {
    page: box.page + firstPageNumber,
    position_x: Math.round(left),
    position_y: Math.round(origin === 'top-left' ? fromTop : fromBottom),
    element_width: Math.round(box.width),
    element_height: Math.round(box.height),
    canvas_width: Math.round(visible.width),
    canvas_height: Math.round(visible.height),
    type_of: 'meterai',
  };
}

/**
 * e-Meterai through Mekari Sign, an official Peruri distributor. stamp() uploads the PDF and answers
 * IN_PROGRESS; status() polls, and once stamped downloads the PDF (stamp image plus Peruri's signature).
 *
 * The API has no idempotency key. Within one process, stamp() for a document (same id and bytes) that
 * was already submitted polls the earlier submission and only submits again when that one FAILED. Across
 * restarts the SPK service must keep the provider reference; after a stamp() that timed out it must not
 * resubmit blindly, since Mekari may have accepted (and will charge for) the first upload.
 */
export class MekariStampDutyProvider implements StampDutyProvider {
  readonly name = 'mekari' as const;
  private readonly baseUrl: string;
  private readonly http: HttpClient;
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  private readonly stampPath: string;
  private readonly statusPath: (id: string) => string;
  private readonly downloadPath: (id: string) => string;
  private readonly stamped: ReadonlySet<string>;
  private readonly inProgress: ReadonlySet<string>;
  private readonly inFlight = new Map<string, Promise<StampResult>>();
  private readonly submitted = new Map<string, string>();

  constructor(private readonly opts: MekariStampDutyOptions) {
    if (!opts.baseUrl) throw new Error('Mekari base URL is missing');
    if (!opts.clientId || !opts.clientSecret) throw new Error('Mekari HMAC client id or secret is missing');
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    new URL(this.baseUrl); // fails early on a typo
    this.now = opts.now ?? (() => new Date());
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Every request is signed over its method, URL and date: the headers are made per request.
    this.http = new HttpClient({
      name: 'Mekari',
      baseUrl: this.baseUrl,
      fetchImpl: opts.fetchImpl,
      timeoutMs: this.timeoutMs,
      headers: ({ method, url }) => mekariHmacHeaders({ clientId: opts.clientId, clientSecret: opts.clientSecret, method, url, date: this.now() }),
    });
    const enc = encodeURIComponent;
    this.stampPath = opts.paths?.stamp ?? '/documents/stamp';
    this.statusPath = opts.paths?.status ?? ((id) => `/documents/${enc(id)}`);
    this.downloadPath = opts.paths?.download ?? ((id) => `/documents/${enc(id)}/download`);
    this.stamped = new Set(opts.stampingStatuses?.stamped ?? DEFAULT_STAMPED);
    this.inProgress = new Set(opts.stampingStatuses?.inProgress ?? DEFAULT_IN_PROGRESS);
  }

  async stamp(req: StampRequest): Promise<StampResult> {
    assertValidStampRequest(req);
    const key = `${req.documentId}\0${createHash('sha256').update(req.pdf).digest('hex')}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const run = this.stampOnce(key, req).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    return run;
  }

  private async stampOnce(key: string, req: StampRequest): Promise<StampResult> {
    const earlier = this.submitted.get(key);
    if (earlier) {
      const current = await this.status(earlier);
      if (current.status !== 'FAILED') return current;
    }
    // pdf-lib reads the whole file to find the page: in the worker pool, off the request thread.
    const visible = await stampPageArea(req.pdf, req.box);
    const body = {
      doc: Buffer.from(req.pdf.buffer, req.pdf.byteOffset, req.pdf.byteLength).toString('base64'),
      filename: req.fileName,
      annotations: [mekariAnnotation(req.box, visible, this.opts.origin, this.opts.firstPageNumber)],
      ...(req.callbackUrl ? { callback_url: req.callbackUrl } : {}),
    };
    const answer = await this.json('POST', this.stampPath, body);
    const id = documentId(answer);
    this.submitted.set(key, id);
    while (this.submitted.size > REMEMBERED_SUBMISSIONS) this.submitted.delete(this.submitted.keys().next().value as string);
    return this.result(id, 'IN_PROGRESS');
  }

  async status(providerReference: string): Promise<StampResult> {
    if (!providerReference) throw new RangeError('providerReference is empty');
    const answer = await this.json('GET', this.statusPath(providerReference));
    const id = documentId(answer);
    if (id !== providerReference) throw new StampDutyError(`Mekari answered for document ${id}, not ${providerReference}`, undefined, answer);
    const attributes = attributesOf(answer);
    const stampingStatus = attributes.stamping_status;
    if (typeof stampingStatus !== 'string' || stampingStatus === '') {
      throw new StampDutyError('Mekari answer has no data.attributes.stamping_status', undefined, answer);
    }
    const status = this.mapStatus(stampingStatus);
    if (status === 'IN_PROGRESS') return this.result(id, status);
    if (status === 'FAILED') return this.result(id, status, { failureReason: `Mekari stamping_status "${stampingStatus}"` });
    const pdf = await this.pdf(this.downloadPath(id));
    const serial = attributes[this.opts.serialNumberField ?? DEFAULT_SERIAL_FIELD];
    return this.result(id, status, { stampedPdf: pdf, serialNumber: typeof serial === 'string' && serial !== '' ? serial : null });
  }

  /**
   * Reads `data.id` and `data.attributes.status`. Callbacks are not signed in the published protocol:
   * anyone who knows our URL can send one, so the caller confirms with status() before acting.
   * A malformed body is a StampDutyError with status 400, for the route to answer with.
   */
  parseCallback(_headers: Record<string, string | string[] | undefined>, rawBody: Buffer): { providerReference: string; status: StampStatus } {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new StampDutyError('Mekari callback body is not JSON', 400);
    }
    const data = isObject(parsed) ? parsed.data : undefined;
    if (!isObject(data) || typeof data.id !== 'string' || data.id === '') throw new StampDutyError('Mekari callback has no data.id', 400, parsed);
    const attributes = isObject(data.attributes) ? data.attributes : {};
    for (const field of this.opts.callbackStatusFields ?? DEFAULT_CALLBACK_STATUS_FIELDS) {
      const value = attributes[field];
      if (typeof value === 'string' && value !== '') return { providerReference: data.id, status: this.mapStatus(value) };
    }
    throw new StampDutyError('Mekari callback has no data.attributes.status', 400, parsed);
  }

  private mapStatus(value: string): StampStatus {
    if (this.stamped.has(value)) return 'STAMPED';
    if (this.inProgress.has(value)) return 'IN_PROGRESS';
    return 'FAILED';
  }

  private result(id: string, status: StampStatus, extra: Partial<StampResult> = {}): StampResult {
    return {
      provider: 'mekari',
      providerReference: id,
      status,
      serialNumber: null,
      stampedPdf: null,
      dutyAmount: STAMP_DUTY_AMOUNT,
      failureReason: null,
      ...extra,
    };
  }

  private async json(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await this.send(method, path, 'application/json', body);
    let parsed: unknown;
    try {
      parsed = res.json();
    } catch {
      throw new StampDutyError(`Mekari answered ${method} ${path} with HTTP ${res.status} but no JSON`, res.status, res.text().slice(0, 500));
    }
    if (!isObject(parsed)) throw new StampDutyError(`Mekari answered ${method} ${path} without a JSON object`, res.status, parsed);
    return parsed;
  }

  private async pdf(path: string): Promise<Uint8Array> {
    const res = await this.send('GET', path, 'application/pdf, application/octet-stream');
    const bytes = res.bytes;
    if (!looksLikePdf(bytes)) {
      throw new StampDutyError(
        `Mekari download ${path} is not a PDF (content-type ${res.headers.get('content-type') ?? 'none'})`,
        res.status,
        bytes.toString('utf8', 0, Math.min(bytes.length, 500)),
      );
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * One signed request; non-2xx, network failures and timeouts become StampDutyErrors. Not retried
   * here: an upload repeated is a stamp paid twice, and status() is polled by the SPK job anyway.
   */
  private async send(method: 'GET' | 'POST', path: string, accept: string, body?: unknown): Promise<HttpReply> {
    let res: HttpReply;
    try {
      res = await this.http.request({ method, url: path, accept, json: body, maxResponseBytes: MAX_ANSWER_BYTES });
    } catch (err) {
      const code = err instanceof HttpClientError ? err.code : 'UNREACHABLE';
      if (code === 'TIMEOUT') throw new StampDutyError(`Mekari did not answer ${method} ${path} within ${this.timeoutMs} ms`);
      if (code === 'TOO_LARGE') throw new StampDutyError(`Mekari answered ${method} ${path} with more than ${MAX_ANSWER_BYTES} bytes`);
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : (err as Error).message;
      throw new StampDutyError(`Mekari could not be reached for ${method} ${path}: ${cause}`);
    }
    if (!res.ok) {
      const parsed = res.body();
      throw new StampDutyError(`Mekari refused ${method} ${path} (HTTP ${res.status}): ${errorDetail(parsed) ?? res.statusText}`, res.status, parsed);
    }
    return res;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function documentId(answer: Record<string, unknown>): string {
  const data = answer.data;
  if (!isObject(data) || typeof data.id !== 'string' || data.id === '') throw new StampDutyError('Mekari answer has no data.id', undefined, answer);
  return data.id;
}

function attributesOf(answer: Record<string, unknown>): Record<string, unknown> {
  const data = answer.data as Record<string, unknown>;
  return isObject(data.attributes) ? data.attributes : {};
}

/** Mekari error bodies: `{message}` or JSON:API style `{errors: [{detail | title}]}`; both are tried. */
function errorDetail(body: unknown): string | undefined {
  if (!isObject(body)) return typeof body === 'string' && body ? body.slice(0, 200) : undefined;
  if (typeof body.message === 'string') return body.message;
  if (Array.isArray(body.errors)) {
    const errors: unknown[] = body.errors;
    const parts = errors.map((e) => (isObject(e) ? (e.detail ?? e.title ?? e.message) : e)).filter((p) => typeof p === 'string');
    if (parts.length) return parts.join('; ');
  }
  return undefined;
}

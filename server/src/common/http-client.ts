/**
 * The one HTTP client of the outside adapters (payment gateways, WhatsApp, Proxmox, Mekari, Privy, the
 * sandboxes' callbacks). It owns what every adapter needs and used to write by hand: a timeout that
 * also covers reading the answer, a cap on the answer's size (a misbehaving provider or proxy must not
 * fill our memory), JSON parsing with a clear failure, auth header helpers, and retries only for
 * requests that are safe to repeat.
 *
 * It does not decide what an HTTP status means: each provider says "refused" differently, so the
 * adapter reads `reply.status` and `reply.body()` and raises its own error type. Transport failures
 * come as HttpClientError with a stable `code`, which adapters map (usually: retryable, no status).
 */

export type FetchImpl = typeof fetch;

export type HttpClientErrorCode =
  /** No connection, DNS failure, reset, TLS failure: nothing was answered. */
  | 'UNREACHABLE'
  /** No complete answer within the timeout. The provider may still have acted on the request. */
  | 'TIMEOUT'
  /** The answer is larger than maxResponseBytes; it was not read further. */
  | 'TOO_LARGE'
  /** The caller asked for JSON (reply.json / jsonObject) and the body is not that. */
  | 'NOT_JSON';

export class HttpClientError extends Error {
  override name = 'HttpClientError';
  constructor(
    readonly code: HttpClientErrorCode,
    message: string,
    /** The HTTP status, when an answer arrived (TOO_LARGE, NOT_JSON). */
    readonly status?: number,
    /** For NOT_JSON: the start of the text, for the logs. */
    readonly body?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** Nothing usable came back and repeating may help: network failures and timeouts. */
  get transient(): boolean {
    return this.code === 'UNREACHABLE' || this.code === 'TIMEOUT';
  }
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpClientOptions {
  /** Names the other side in messages ("Xendit", "Proxmox API"). */
  name: string;
  /** Prefix for relative URLs; absolute URLs are used as they are. */
  baseUrl?: string;
  fetchImpl?: FetchImpl;
  /** Per request, from sending to the last byte of the answer. Default 15 s. */
  timeoutMs?: number;
  /** Default 10 MiB. PDF downloads ask for more per request. */
  maxResponseBytes?: number;
  /** Headers on every request (authorization); a function is called per request (signed dates). */
  headers?: Record<string, string> | ((req: { method: HttpMethod; url: string }) => Record<string, string>);
}

export interface HttpRequest {
  method?: HttpMethod;
  /** Absolute, or relative to the client's baseUrl. */
  url: string;
  headers?: Record<string, string>;
  /** Serialised with JSON.stringify, Content-Type application/json. */
  json?: unknown;
  /** Any other body (URLSearchParams, FormData, bytes); fetch sets its Content-Type where it knows it. */
  body?: BodyInit;
  /** Default application/json. */
  accept?: string;
  timeoutMs?: number;
  maxResponseBytes?: number;
  redirect?: RequestRedirect;
  /**
   * Extra attempts after a transient failure (network, timeout, HTTP 502/503/504). Honoured only for
   * GET and HEAD, or when the caller states the request is idempotent: repeating a charge or an upload
   * could do it twice, so a POST is never retried by default.
   */
  retries?: number;
  idempotent?: boolean;
  /** Pause before a retry. Default 200 ms. */
  retryDelayMs?: number;
}

export interface HttpReply {
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  bytes: Buffer;
  text(): string;
  /** The body for messages and error details: parsed JSON, else the text, null when empty. Never throws. */
  body(): unknown;
  /** The body as JSON, or HttpClientError NOT_JSON. */
  json(): unknown;
  /** The body as a JSON object (not an array), or HttpClientError NOT_JSON. */
  jsonObject(): Record<string, unknown>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const RETRY_STATUSES = new Set([502, 503, 504]);

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function basicAuth(user: string, password = ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export function bearerAuth(token: string): string {
  return `Bearer ${token}`;
}

export class HttpClient {
  // ES private fields: the options hold credentials, and these stay out of JSON.stringify, util.inspect
  // and error details that serialise an adapter.
  readonly #opts: HttpClientOptions;
  readonly #fetch: FetchImpl;
  readonly #baseUrl: string;

  constructor(opts: HttpClientOptions) {
    this.#opts = opts;
    this.#fetch = opts.fetchImpl ?? ((input, init) => fetch(input, init));
    this.#baseUrl = (opts.baseUrl ?? '').replace(/\/+$/, '');
  }

  get name(): string {
    return this.#opts.name;
  }

  urlOf(url: string): string {
    if (/^https?:\/\//i.test(url) || !this.#baseUrl) return url;
    return `${this.#baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
  }

  /** Sends the request and reads the whole answer, whatever its status. */
  async request(req: HttpRequest): Promise<HttpReply> {
    const method = req.method ?? 'GET';
    const safe = method === 'GET' || method === 'HEAD' || req.idempotent === true;
    const retries = safe ? Math.max(0, req.retries ?? 0) : 0;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      try {
        const reply = await this.once(method, req);
        if (last || !RETRY_STATUSES.has(reply.status)) return reply;
      } catch (err) {
        if (last || !(err instanceof HttpClientError) || !err.transient) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, req.retryDelayMs ?? 200));
    }
  }

  private async once(method: HttpMethod, req: HttpRequest): Promise<HttpReply> {
    const url = this.urlOf(req.url);
    const timeoutMs = req.timeoutMs ?? this.#opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = req.maxResponseBytes ?? this.#opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const common = typeof this.#opts.headers === 'function' ? this.#opts.headers({ method, url }) : this.#opts.headers;
    const headers: Record<string, string> = { ...common, Accept: req.accept ?? 'application/json', ...req.headers };
    let body = req.body;
    if (req.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.json);
    }
    const where = `${this.#opts.name} ${method} ${req.url}`;
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await this.#fetch(url, { method, headers, body, signal, redirect: req.redirect });
    } catch (err) {
      throw transportError(err, signal, where, timeoutMs);
    }
    let bytes: Buffer;
    try {
      bytes = await readCapped(res, maxBytes, where);
    } catch (err) {
      if (err instanceof HttpClientError) throw err;
      throw transportError(err, signal, where, timeoutMs);
    }
    return reply(res, bytes, where);
  }
}

function transportError(err: unknown, signal: AbortSignal, where: string, timeoutMs: number): HttpClientError {
  const timedOut = signal.aborted || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'));
  if (timedOut) return new HttpClientError('TIMEOUT', `${where}: no answer within ${timeoutMs} ms`, undefined, undefined, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new HttpClientError('UNREACHABLE', `${where} could not be reached: ${message}`, undefined, undefined, { cause: err });
}

/** Reads the body, stopping (and cancelling the stream) as soon as it passes the cap. */
async function readCapped(res: Response, maxBytes: number, where: string): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  const tooLarge = () => new HttpClientError('TOO_LARGE', `${where}: the answer is larger than ${maxBytes} bytes`, res.status);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function reply(res: Response, bytes: Buffer, where: string): HttpReply {
  let text: string | undefined;
  const textOf = () => (text ??= bytes.toString('utf8'));
  const parse = (): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(textOf()) as unknown };
    } catch {
      return { ok: false };
    }
  };
  const notJson = (what: string) => new HttpClientError('NOT_JSON', `${where} answered HTTP ${res.status} ${what}`, res.status, textOf().slice(0, 500));
  return {
    status: res.status,
    statusText: res.statusText,
    ok: res.ok,
    headers: res.headers,
    bytes,
    text: textOf,
    body() {
      if (bytes.length === 0) return null;
      const parsed = parse();
      // Keep the raw text when it is not JSON: a proxy's HTML error page is still worth logging.
      return parsed.ok ? parsed.value : textOf();
    },
    json() {
      const parsed = parse();
      if (!parsed.ok) throw notJson('with a body that is not JSON');
      return parsed.value;
    },
    jsonObject() {
      const parsed = parse();
      if (!parsed.ok || !isJsonObject(parsed.value)) throw notJson('without a JSON object');
      return parsed.value;
    },
  };
}

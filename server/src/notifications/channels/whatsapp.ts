import { createHmac, timingSafeEqual } from 'node:crypto';
import { bearerAuth, HttpClient, type HttpReply } from '../../common/http-client';
import { graphPayload, WhatsAppError, type WhatsAppMessage, type WhatsAppSender } from './whatsapp-message';

/**
 * WhatsApp Cloud API (Meta Graph API): sending, webhook subscription check and signed status events.
 * The sandbox sender (whatsapp-sandbox.ts) is the default; this one is chosen by configuration.
 */

export { CAPTION_MAX, TEXT_BODY_MAX, WhatsAppError, graphPayload, recipientDigits, templateParam } from './whatsapp-message';
export type { WhatsAppMessage, WhatsAppSender } from './whatsapp-message';
export { createSandboxSender, type SandboxWhatsAppRecord, type SandboxWhatsAppSender } from './whatsapp-sandbox';

export const GRAPH_BASE_URL = 'https://graph.facebook.com';
export const GRAPH_API_VERSION = 'v21.0';
const DEFAULT_TIMEOUT_MS = 15_000;

export interface CloudSenderOptions {
  /** Default https://graph.facebook.com; tests point it at a local server. */
  baseUrl?: string;
  /** Default 'v21.0'. Meta retires each version about two years after its release: keep it configurable. */
  apiVersion?: string;
  phoneNumberId: string;
  /** A system-user access token with whatsapp_business_messaging. */
  accessToken: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Graph API error codes that say "later" rather than "never", whatever the HTTP status they come with:
 * 1 unknown / 2 service temporarily unavailable, 4, 17, 341, 80007 and 130429 rate or throughput limits,
 * 131000 something went wrong, 131016 service unavailable, 131048 spam rate limit, 131056 too many
 * messages to the same recipient, 133004 server temporarily unavailable.
 */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 341, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  fbtrace_id?: string;
  error_data?: { details?: string };
}

function graphError(body: unknown): GraphErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as GraphErrorBody) : undefined;
}

/** 429 and 5xx are worth retrying, other 4xx (auth, parameters, template, recipient) are not, unless the code says otherwise. */
export function isRetryableGraphError(status: number, code: number | undefined): boolean {
  if (code !== undefined && TRANSIENT_CODES.has(code)) return true;
  return status === 429 || status >= 500;
}

export function createCloudSender(opts: CloudSenderOptions): WhatsAppSender & { readonly name: 'cloud' } {
  if (!opts.phoneNumberId) throw new RangeError('WhatsApp phoneNumberId is empty');
  if (!opts.accessToken) throw new RangeError('WhatsApp accessToken is empty');
  const baseUrl = (opts.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
  const url = `${baseUrl}/${opts.apiVersion ?? GRAPH_API_VERSION}/${encodeURIComponent(opts.phoneNumberId)}/messages`;
  const http = new HttpClient({ name: 'WhatsApp Cloud API', fetchImpl: opts.fetchImpl, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });

  return {
    name: 'cloud',
    async send(msg: WhatsAppMessage) {
      const payload = graphPayload(msg);
      let res: HttpReply;
      try {
        res = await http.request({ method: 'POST', url, headers: { Authorization: bearerAuth(opts.accessToken) }, json: payload });
      } catch (err) {
        // A timeout may hide a message Meta did accept; a retry can then deliver it twice, which beats never.
        throw new WhatsAppError((err as Error).message, undefined, undefined, true, { cause: err });
      }
      const body = res.body();
      if (!res.ok) {
        const e = graphError(body);
        const code = typeof e?.code === 'number' ? e.code : undefined;
        const detail = e?.message ?? (typeof body === 'string' && body ? body.slice(0, 200) : res.statusText);
        const extra = e?.error_data?.details ? ` (${e.error_data.details})` : '';
        throw new WhatsAppError(
          `WhatsApp Cloud API refused the message (HTTP ${res.status}${code !== undefined ? `, code ${code}` : ''}): ${detail}${extra}`,
          res.status,
          code,
          isRetryableGraphError(res.status, code),
          { subcode: typeof e?.error_subcode === 'number' ? e.error_subcode : undefined, type: e?.type, fbtraceId: e?.fbtrace_id },
        );
      }
      const messages = typeof body === 'object' && body !== null ? (body as { messages?: unknown }).messages : undefined;
      const id = Array.isArray(messages) ? (messages[0] as { id?: unknown } | undefined)?.id : undefined;
      if (typeof id !== 'string' || id === '') {
        // Meta answered 2xx, so the message may well be on its way: not retried, to avoid sending it twice.
        throw new WhatsAppError(`WhatsApp Cloud API answered HTTP ${res.status} without a message id`, res.status, undefined, false);
      }
      return { providerMessageId: id };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Webhook

export interface WhatsAppStatusEvent {
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: Date;
  /** For `failed`: Meta's error title, e.g. "Message undeliverable". */
  errorTitle?: string;
  /** For `failed`: Meta's error code, e.g. 131026. */
  errorCode?: number;
  /** The recipient's WhatsApp id (digits), as Meta reports it. */
  recipientId?: string;
}

/** The X-Hub-Signature-256 header is missing or does not match: the route answers HTTP 401 and ignores the body. */
export class WhatsAppSignatureError extends Error {
  override name = 'WhatsAppSignatureError';
}

/** Correctly signed but not a JSON object: the route answers HTTP 400. */
export class WhatsAppWebhookFormatError extends Error {
  override name = 'WhatsAppWebhookFormatError';
}

function sameSecret(a: string, b: string): boolean {
  // Hash both sides so timingSafeEqual gets equal lengths and the secret's length does not leak.
  const ha = createHmac('sha256', 'angsur-compare').update(a, 'utf8').digest();
  const hb = createHmac('sha256', 'angsur-compare').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The GET Meta sends when the webhook is set up: answers `hub.challenge` (to be sent back as the body
 * with HTTP 200) when `hub.mode` is `subscribe` and `hub.verify_token` is ours, null otherwise (HTTP 403).
 * Takes the query flat (`{'hub.mode': ...}`, Express' default) or nested by dots (`{hub: {mode: ...}}`).
 */
export function verifyWebhookSubscription(query: Record<string, unknown>, verifyToken: string): string | null {
  if (!verifyToken) return null;
  const nested = typeof query.hub === 'object' && query.hub !== null ? (query.hub as Record<string, unknown>) : {};
  const mode = single(query['hub.mode'] ?? nested.mode);
  const token = single(query['hub.verify_token'] ?? nested.verify_token);
  const challenge = single(query['hub.challenge'] ?? nested.challenge);
  if (mode !== 'subscribe' || token === undefined || challenge === undefined) return null;
  if (!sameSecret(token, verifyToken)) return null;
  // Meta sends a number; anything else is not echoed, so the route never reflects markup.
  return /^[A-Za-z0-9._~-]{1,256}$/.test(challenge) ? challenge : null;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(appSecret, rawBody)>` in constant time. */
export function verifyWebhookSignature(headers: Record<string, string | string[] | undefined>, rawBody: Buffer, appSecret: string): void {
  if (!appSecret) throw new Error('WhatsApp app secret is not configured: webhook events cannot be verified');
  const header = headerValue(headers, 'x-hub-signature-256');
  const match = header === undefined ? null : /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) throw new WhatsAppSignatureError('missing or malformed X-Hub-Signature-256 header');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1]!, 'hex');
  if (!timingSafeEqual(expected, given)) throw new WhatsAppSignatureError('X-Hub-Signature-256 does not match the body');
}

const STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A POSTed webhook event: verifies the signature on the raw bytes first (WhatsAppSignatureError), then
 * returns the message status updates in `entry[].changes[].value.statuses[]`, in order. Incoming
 * messages and other fields are ignored, and so are statuses this version does not know (Meta adds
 * some, e.g. `deleted`) or that lack an id or a timestamp.
 */
export function parseWebhookEvent(headers: Record<string, string | string[] | undefined>, rawBody: Buffer, appSecret: string): WhatsAppStatusEvent[] {
  verifyWebhookSignature(headers, rawBody, appSecret);
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WhatsAppWebhookFormatError('WhatsApp webhook body is not valid JSON');
  }
  if (!isObject(body)) throw new WhatsAppWebhookFormatError('WhatsApp webhook body is not a JSON object');

  const events: WhatsAppStatusEvent[] = [];
  for (const entry of arrayOf(body.entry)) {
    if (!isObject(entry)) continue;
    for (const change of arrayOf(entry.changes)) {
      if (!isObject(change) || !isObject(change.value)) continue;
      for (const s of arrayOf(change.value.statuses)) {
        if (!isObject(s)) continue;
        const id = s.id;
        const status = s.status;
        const seconds = typeof s.timestamp === 'string' ? Number(s.timestamp) : typeof s.timestamp === 'number' ? s.timestamp : NaN;
        if (typeof id !== 'string' || !id || typeof status !== 'string' || !STATUSES.has(status) || !Number.isFinite(seconds)) continue;
        const event: WhatsAppStatusEvent = { providerMessageId: id, status: status as WhatsAppStatusEvent['status'], timestamp: new Date(seconds * 1000) };
        if (typeof s.recipient_id === 'string') event.recipientId = s.recipient_id;
        const error = arrayOf(s.errors).find(isObject);
        if (error) {
          const title = typeof error.title === 'string' ? error.title : typeof error.message === 'string' ? error.message : undefined;
          if (title) event.errorTitle = title;
          if (typeof error.code === 'number') event.errorCode = error.code;
        }
        events.push(event);
      }
    }
  }
  return events;
}

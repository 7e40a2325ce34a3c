import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpClientError, isJsonObject, type HttpClient, type HttpReply } from '../../common/http-client';
import { GatewayError, WebhookFormatError, type ChargeRequest, type WebhookRequest } from './gateway';

export type { FetchImpl } from '../../common/http-client';

/**
 * Constant-time string equality. Both sides are hashed first so the buffers handed to
 * timingSafeEqual always have the same length, and the length of the secret does not leak either.
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

/** Node lower-cases incoming header names; a repeated header arrives as an array, which we refuse. */
export function headerValue(headers: WebhookRequest['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

export function parseJsonObject(rawBody: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookFormatError('webhook body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WebhookFormatError('webhook body is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new WebhookFormatError(`webhook field ${field} is missing`);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | null {
  const value = body[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Exact rupiah from a notification: a safe JSON integer, or a decimal string whose fraction is all
 * zeros ("100000.00"). Rupiah has no minor unit in practice, so a real fraction means the amount
 * cannot match anything we billed and must not be rounded into a match.
 */
export function parseExactRupiah(value: unknown, field: string): bigint {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return BigInt(value);
    throw new WebhookFormatError(`webhook field ${field} is not a whole, non-negative rupiah amount`);
  }
  if (typeof value === 'string') {
    const m = /^(\d{1,18})(?:\.(\d{1,6}))?$/.exec(value);
    if (m && (m[2] === undefined || /^0+$/.test(m[2]))) return BigInt(m[1]!);
  }
  throw new WebhookFormatError(`webhook field ${field} is not a whole, non-negative rupiah amount`);
}

/** Providers take amounts as JSON numbers; past 2^53 a number can no longer hold every rupiah. */
export function toJsonInteger(amount: bigint, what: string): number {
  if (amount < 0n || amount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${amount} cannot be sent to a payment provider`);
  }
  return Number(amount);
}

/**
 * Refuses charges a provider would refuse anyway, before any network call, so a bug on our side is a
 * clear local error and not a provider message to decode.
 */
export function assertValidCharge(charge: ChargeRequest): void {
  if (!charge.reference) throw new RangeError('charge reference is empty');
  if (charge.amount <= 0n) throw new RangeError('charge amount must be positive');
  toJsonInteger(charge.amount, 'charge amount');
  if (!Number.isSafeInteger(charge.expiresInSeconds) || charge.expiresInSeconds <= 0) {
    throw new RangeError('expiresInSeconds must be a positive whole number');
  }
  if (charge.items.length === 0) throw new RangeError('a charge needs at least one item');
  let total = 0n;
  for (const item of charge.items) {
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) throw new RangeError(`item ${item.id}: quantity must be a positive whole number`);
    if (item.price < 0n) throw new RangeError(`item ${item.id}: price must not be negative`);
    toJsonInteger(item.price, `item ${item.id} price`);
    total += item.price * BigInt(item.quantity);
  }
  if (total !== charge.amount) throw new RangeError(`items add up to ${total}, not to the charge amount ${charge.amount}`);
}

export { basicAuth } from '../../common/http-client';

export interface PostJsonOptions {
  http: HttpClient;
  /** Relative to the client's base URL. */
  path: string;
  authorization: string;
  /** Extra headers a provider wants (Xendit's api-version). */
  headers?: Record<string, string>;
  body: unknown;
  /** Pulls the provider's own explanation out of an error body. */
  errorMessage(body: unknown): string | undefined;
}

/**
 * POSTs JSON and returns the parsed JSON answer; any failure becomes a GatewayError. Never retried:
 * a charge sent twice could be a second charge.
 */
export async function postJson(opts: PostJsonOptions): Promise<Record<string, unknown>> {
  const provider = opts.http.name;
  let res: HttpReply;
  try {
    res = await opts.http.request({ method: 'POST', url: opts.path, headers: { ...opts.headers, Authorization: opts.authorization }, json: opts.body });
  } catch (err) {
    // The client's message names the provider and says which: unreachable, timeout or an oversized answer.
    throw new GatewayError((err as Error).message, err instanceof HttpClientError ? err.status : undefined);
  }
  const body = res.body();
  if (!res.ok) {
    const detail = opts.errorMessage(body) ?? res.statusText;
    throw new GatewayError(`${provider} refused the request (HTTP ${res.status}): ${detail}`, res.status, body);
  }
  if (!isJsonObject(body)) {
    throw new GatewayError(`${provider} answered HTTP ${res.status} without a JSON object`, res.status, body);
  }
  return body;
}

/** Reads a string field of a provider's answer, or fails: a charge without it cannot be paid. */
export function answerString(provider: string, body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw new GatewayError(`${provider} answer has no ${field}`, undefined, body);
  }
  return value;
}

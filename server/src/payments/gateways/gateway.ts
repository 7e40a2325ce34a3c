/**
 * The one interface every payment provider adapter implements. Adapters only speak the provider's
 * protocol; deciding what a notification means for an installment is the payment service's job.
 */

export type GatewayName = 'sandbox' | 'midtrans' | 'xendit';
export type GatewayStatus = 'PENDING' | 'SETTLED' | 'FAILED' | 'EXPIRED' | 'REFUNDED';

export interface ChargeRequest {
  /** Our unique payment reference: Midtrans `order_id`, Xendit `external_id`. */
  reference: string;
  /** Rupiah, > 0. */
  amount: bigint;
  description: string;
  /** Phone in E.164 (`+62...`). */
  customer: { name: string; email: string; phone: string };
  /** sum(price × quantity) must equal `amount`: providers refuse the charge otherwise. */
  items: { id: string; name: string; price: bigint; quantity: number }[];
  expiresInSeconds: number;
  successUrl?: string;
  failureUrl?: string;
}

export interface ChargeResult {
  provider: GatewayName;
  providerReference: string | null;
  redirectUrl: string;
  token?: string | null;
}

export interface GatewayNotification {
  provider: GatewayName;
  /** Our reference. */
  reference: string;
  providerReference: string | null;
  status: GatewayStatus;
  /** Exact rupiah from the notification. */
  amount: bigint;
  /** Stable id of this event, for idempotency: the same delivery retried has the same key. */
  eventKey: string;
  raw: Record<string, unknown>;
}

export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

/** Bad signature or token: the webhook route answers HTTP 401. */
export class WebhookAuthError extends Error {
  override name = 'WebhookAuthError';
}

/** Authentic but malformed body: the webhook route answers HTTP 400. */
export class WebhookFormatError extends Error {
  override name = 'WebhookFormatError';
}

/** The provider refused a request or could not be reached (then `status` is undefined). */
export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    message: string,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export interface PaymentGateway {
  readonly name: GatewayName;
  createCharge(charge: ChargeRequest): Promise<ChargeResult>;
  /** Verifies authenticity first, then parses. */
  parseWebhook(req: WebhookRequest): GatewayNotification;
}

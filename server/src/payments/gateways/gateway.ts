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

export interface PaymentGateway extends PaymentChannels {
  readonly name: GatewayName;
  createCharge(charge: ChargeRequest): Promise<ChargeResult>;
  /** Verifies authenticity first, then parses. */
  parseWebhook(req: WebhookRequest): GatewayNotification;
}

/**
 * A fixed (open-amount, reusable) virtual account for one order: the customer pays into the same
 * number, any amount, any number of times (Xendit Fixed VA with is_closed=false).
 */
export interface VirtualAccountRequest {
  /** Our id for the account (the order number): Xendit `external_id`. */
  externalId: string;
  /** Shown by the customer's bank as the account holder. */
  name: string;
  /** Bank of the account: BCA, BNI, BRI, MANDIRI, PERMATA, ... */
  bankCode: string;
}

export interface VirtualAccountResult {
  provider: GatewayName;
  /** The provider's id of the account (Xendit `id`), which its payment callbacks carry. */
  providerId: string;
  bankCode: string;
  /** The number the customer transfers to. */
  number: string;
}

/** One payment into a virtual account, from the provider's callback, authenticated. */
export interface VirtualAccountPayment {
  provider: GatewayName;
  /** The provider's id of this payment: the idempotency key (a retried callback repeats it). */
  paymentId: string;
  /** The provider's id of the account, when the callback carries it. */
  accountProviderId: string | null;
  accountNumber: string;
  bankCode: string | null;
  /** Exact rupiah received, > 0. */
  amount: bigint;
  paidAt: Date | null;
  raw: Record<string, unknown>;
}

export interface QrisResult {
  provider: GatewayName;
  providerReference: string;
  /** The QRIS payload (EMVCo text) the customer's app scans; shown as a QR code. */
  qrString: string;
  /** A page that shows the code (Midtrans' QR image, the sandbox pay page), if the provider has one. */
  redirectUrl: string | null;
}

/**
 * The channels beyond one-off charges. Every adapter (sandbox included) implements them, so the
 * whole flow runs locally against the sandbox.
 */
export interface PaymentChannels {
  createVirtualAccount(req: VirtualAccountRequest): Promise<VirtualAccountResult>;
  /** Verifies authenticity first (token or signature), then parses a virtual-account payment callback. */
  parseVirtualAccountPayment(req: WebhookRequest): VirtualAccountPayment;
  /** A dynamic QRIS code for exactly `amount`; its payment arrives through parseWebhook like any charge. */
  createQris(charge: ChargeRequest): Promise<QrisResult>;
}

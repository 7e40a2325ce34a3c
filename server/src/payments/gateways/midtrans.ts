import { HttpClient } from '../../common/http-client';
import { createHash } from 'node:crypto';
import {
  GatewayError,
  WebhookAuthError,
  WebhookFormatError,
  type ChargeRequest,
  type ChargeResult,
  type GatewayNotification,
  type GatewayStatus,
  type PaymentGateway,
  type QrisResult,
  type VirtualAccountPayment,
  type VirtualAccountResult,
  type WebhookRequest,
} from './gateway';
import {
  answerString,
  assertValidCharge,
  basicAuth,
  optionalString,
  parseExactRupiah,
  parseJsonObject,
  postJson,
  requireString,
  safeEqual,
  toJsonInteger,
  type FetchImpl,
} from './shared';

export const MIDTRANS_SANDBOX_SNAP_URL = 'https://app.sandbox.midtrans.com';
export const MIDTRANS_PRODUCTION_SNAP_URL = 'https://app.midtrans.com';
export const MIDTRANS_SANDBOX_CORE_URL = 'https://api.sandbox.midtrans.com';
export const MIDTRANS_PRODUCTION_CORE_URL = 'https://api.midtrans.com';

/** Midtrans refuses item names longer than this. */
const ITEM_NAME_MAX = 50;

export interface MidtransGatewayOptions {
  serverKey: string;
  snapBaseUrl?: string;
  /** Core API base (QRIS charges). */
  coreBaseUrl?: string;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
}

const DIRECT_STATUS = new Map<string, GatewayStatus>([
  ['settlement', 'SETTLED'],
  ['pending', 'PENDING'],
  ['authorize', 'PENDING'],
  ['deny', 'FAILED'],
  ['cancel', 'FAILED'],
  ['failure', 'FAILED'],
  ['expire', 'EXPIRED'],
  ['refund', 'REFUNDED'],
  ['partial_refund', 'REFUNDED'],
  ['chargeback', 'REFUNDED'],
  ['partial_chargeback', 'REFUNDED'],
]);

/** A card capture is only money once fraud detection accepted it; "challenge" waits for a merchant review. */
const CAPTURE_STATUS = new Map<string, GatewayStatus>([
  ['accept', 'SETTLED'],
  ['challenge', 'PENDING'],
  ['deny', 'FAILED'],
]);

export function midtransStatus(transactionStatus: string, fraudStatus: string | null): GatewayStatus {
  if (transactionStatus === 'capture') {
    const status = CAPTURE_STATUS.get(fraudStatus ?? 'accept');
    if (!status) throw new WebhookFormatError(`unknown Midtrans fraud_status ${fraudStatus}`);
    return status;
  }
  const status = DIRECT_STATUS.get(transactionStatus);
  if (!status) throw new WebhookFormatError(`unknown Midtrans transaction_status ${transactionStatus}`);
  return status;
}

function truncate(text: string, max: number): string {
  // By code point, so an emoji or accented name is never cut in half.
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

const midtransError = (b: unknown) => {
  const body = b as { error_messages?: unknown; status_message?: unknown } | null;
  if (Array.isArray(body?.error_messages)) return body.error_messages.join('; ');
  return typeof body?.status_message === 'string' ? body.status_message : undefined;
};

export class MidtransGateway implements PaymentGateway {
  readonly name = 'midtrans' as const;
  private readonly snap: HttpClient;
  private readonly core: HttpClient;

  constructor(private readonly opts: MidtransGatewayOptions) {
    if (!opts.serverKey) throw new Error('Midtrans server key is missing');
    const common = { name: 'Midtrans', fetchImpl: opts.fetchImpl, timeoutMs: opts.timeoutMs };
    this.snap = new HttpClient({ ...common, baseUrl: opts.snapBaseUrl ?? MIDTRANS_SANDBOX_SNAP_URL });
    this.core = new HttpClient({ ...common, baseUrl: opts.coreBaseUrl ?? MIDTRANS_SANDBOX_CORE_URL });
  }

  async createCharge(charge: ChargeRequest): Promise<ChargeResult> {
    assertValidCharge(charge);
    const body = {
      transaction_details: { order_id: charge.reference, gross_amount: toJsonInteger(charge.amount, 'amount') },
      item_details: charge.items.map((item) => ({
        id: item.id,
        price: toJsonInteger(item.price, 'price'),
        quantity: item.quantity,
        name: truncate(item.name, ITEM_NAME_MAX),
      })),
      customer_details: { first_name: charge.customer.name, email: charge.customer.email, phone: charge.customer.phone },
      // Rounded down: Midtrans must close the payment no later than we consider it expired, or it could
      // take money for a reference we already gave up on.
      expiry: { unit: 'minutes', duration: Math.max(1, Math.floor(charge.expiresInSeconds / 60)) },
      ...(charge.successUrl ? { callbacks: { finish: charge.successUrl } } : {}),
    };
    const answer = await postJson({
      http: this.snap,
      path: '/snap/v1/transactions',
      authorization: basicAuth(this.opts.serverKey),
      body,
      errorMessage: midtransError,
    });
    const token = answerString('Midtrans', answer, 'token');
    const redirectUrl = answerString('Midtrans', answer, 'redirect_url');
    // Snap creates the transaction id only when the customer picks a payment method; it comes with the notification.
    return { provider: 'midtrans', providerReference: null, redirectUrl, token };
  }

  /**
   * QRIS through the Core API: `POST /v2/charge` with payment_type "qris". Its payment is notified to
   * the same notification URL, signed the same way, so parseWebhook settles it.
   */
  async createQris(charge: ChargeRequest): Promise<QrisResult> {
    assertValidCharge(charge);
    const answer = await postJson({
      http: this.core,
      path: '/v2/charge',
      authorization: basicAuth(this.opts.serverKey),
      body: {
        payment_type: 'qris',
        transaction_details: { order_id: charge.reference, gross_amount: toJsonInteger(charge.amount, 'amount') },
        custom_expiry: { unit: 'minute', expiry_duration: Math.max(1, Math.floor(charge.expiresInSeconds / 60)) },
      },
      errorMessage: midtransError,
    });
    // The Core API reports refusals in the body with HTTP 200 ("status_code": "4xx"/"5xx").
    const code = typeof answer.status_code === 'string' ? answer.status_code : '';
    if (!code.startsWith('2')) throw new GatewayError(`Midtrans refused the QRIS charge (${code}): ${midtransError(answer) ?? ''}`.trim(), undefined, answer);
    const actions = Array.isArray(answer.actions) ? (answer.actions as { name?: unknown; url?: unknown }[]) : [];
    const qrImage = actions.find((a) => a.name === 'generate-qr-code' && typeof a.url === 'string');
    return {
      provider: 'midtrans',
      providerReference: answerString('Midtrans', answer, 'transaction_id'),
      qrString: answerString('Midtrans', answer, 'qr_string'),
      redirectUrl: (qrImage?.url as string | undefined) ?? null,
    };
  }

  /**
   * Midtrans has no open-amount virtual account: its "fixed VA number" (bank_transfer.va_number) is
   * reused across charges, each for a set amount. Refused here so the order shows why it has none.
   */
  async createVirtualAccount(): Promise<VirtualAccountResult> {
    throw new GatewayError('Midtrans has no open-amount (fixed) virtual account; use PAYMENT_GATEWAY=xendit for a virtual account per contract');
  }

  parseVirtualAccountPayment(): VirtualAccountPayment {
    throw new WebhookFormatError('Midtrans virtual account payments arrive as ordinary notifications');
  }

  parseWebhook(req: WebhookRequest): GatewayNotification {
    const body = parseJsonObject(req.rawBody);
    const orderId = requireString(body, 'order_id');
    const statusCode = requireString(body, 'status_code');
    // Signed exactly as sent ("100000.00"): reformatting it would break the signature.
    const grossAmount = requireString(body, 'gross_amount');
    const signature = optionalString(body, 'signature_key');
    const expected = createHash('sha512').update(orderId + statusCode + grossAmount + this.opts.serverKey, 'utf8').digest('hex');
    if (!signature || !safeEqual(signature.toLowerCase(), expected)) {
      throw new WebhookAuthError('Midtrans notification signature does not match');
    }

    const transactionStatus = requireString(body, 'transaction_status');
    const transactionId = optionalString(body, 'transaction_id');
    return {
      provider: 'midtrans',
      reference: orderId,
      providerReference: transactionId,
      status: midtransStatus(transactionStatus, optionalString(body, 'fraud_status')),
      amount: parseExactRupiah(grossAmount, 'gross_amount'),
      eventKey: `${transactionId ?? orderId}:${transactionStatus}`,
      raw: body,
    };
  }
}

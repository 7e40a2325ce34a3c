import { HttpClient } from '../../common/http-client';
import {
  WebhookAuthError,
  WebhookFormatError,
  type ChargeRequest,
  type ChargeResult,
  type GatewayNotification,
  type GatewayStatus,
  type PaymentGateway,
  type QrisResult,
  type VirtualAccountPayment,
  type VirtualAccountRequest,
  type VirtualAccountResult,
  type WebhookRequest,
} from './gateway';
import {
  answerString,
  assertValidCharge,
  optionalString,
  basicAuth,
  headerValue,
  parseExactRupiah,
  parseJsonObject,
  postJson,
  requireString,
  safeEqual,
  toJsonInteger,
  type FetchImpl,
} from './shared';

export const XENDIT_BASE_URL = 'https://api.xendit.co';

export interface XenditGatewayOptions {
  secretKey: string;
  /** The callback verification token from the Xendit dashboard. */
  callbackToken: string;
  baseUrl?: string;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
}

/** PAID is reported when the customer pays, SETTLED again when the funds reach us: both mean paid. */
const STATUS = new Map<string, GatewayStatus>([
  ['PAID', 'SETTLED'],
  ['SETTLED', 'SETTLED'],
  ['PENDING', 'PENDING'],
  ['EXPIRED', 'EXPIRED'],
]);

/** The QR Codes API version whose request and callback shapes this adapter speaks. */
export const XENDIT_QR_API_VERSION = '2022-07-31';

const xenditError = (b: unknown) => {
  const err = b as { error_code?: unknown; message?: unknown } | null;
  return typeof err?.message === 'string' ? `${String(err.error_code ?? '')} ${err.message}`.trim() : undefined;
};

export class XenditGateway implements PaymentGateway {
  readonly name = 'xendit' as const;
  private readonly http: HttpClient;

  constructor(private readonly opts: XenditGatewayOptions) {
    if (!opts.secretKey) throw new Error('Xendit secret key is missing');
    // Without a token every callback would be refused, or worse, an empty header would match.
    if (!opts.callbackToken) throw new Error('Xendit callback token is missing');
    this.http = new HttpClient({ name: 'Xendit', baseUrl: opts.baseUrl ?? XENDIT_BASE_URL, fetchImpl: opts.fetchImpl, timeoutMs: opts.timeoutMs });
  }

  async createCharge(charge: ChargeRequest): Promise<ChargeResult> {
    assertValidCharge(charge);
    const body = {
      external_id: charge.reference,
      amount: toJsonInteger(charge.amount, 'amount'),
      description: charge.description,
      invoice_duration: charge.expiresInSeconds,
      customer: { given_names: charge.customer.name, email: charge.customer.email, mobile_number: charge.customer.phone },
      success_redirect_url: charge.successUrl,
      failure_redirect_url: charge.failureUrl,
      currency: 'IDR',
      items: charge.items.map((item) => ({ name: item.name, quantity: item.quantity, price: toJsonInteger(item.price, 'price') })),
    };
    const answer = await postJson({
      http: this.http,
      path: '/v2/invoices',
      authorization: basicAuth(this.opts.secretKey),
      body,
      errorMessage: xenditError,
    });
    return {
      provider: 'xendit',
      providerReference: answerString('Xendit', answer, 'id'),
      redirectUrl: answerString('Xendit', answer, 'invoice_url'),
      token: null,
    };
  }

  /**
   * Fixed virtual account, open amount and reusable: `POST /callback_virtual_accounts` with
   * is_closed=false and is_single_use=false. Xendit may answer status PENDING (the bank activates the
   * number shortly after); the number is final either way.
   */
  async createVirtualAccount(req: VirtualAccountRequest): Promise<VirtualAccountResult> {
    const answer = await postJson({
      http: this.http,
      path: '/callback_virtual_accounts',
      authorization: basicAuth(this.opts.secretKey),
      body: { external_id: req.externalId, bank_code: req.bankCode, name: req.name, is_closed: false, is_single_use: false, currency: 'IDR' },
      errorMessage: xenditError,
    });
    return {
      provider: 'xendit',
      providerId: answerString('Xendit', answer, 'id'),
      bankCode: answerString('Xendit', answer, 'bank_code'),
      number: answerString('Xendit', answer, 'account_number'),
    };
  }

  /** The "FVA paid" callback: `payment_id` identifies the payment, `callback_virtual_account_id` the account. */
  parseVirtualAccountPayment(req: WebhookRequest): VirtualAccountPayment {
    const body = this.authenticated(req);
    const amount = parseExactRupiah(body.amount, 'amount');
    if (amount <= 0n) throw new WebhookFormatError('Xendit virtual account payment amount must be positive');
    const paidAt = optionalString(body, 'transaction_timestamp');
    return {
      provider: 'xendit',
      paymentId: requireString(body, 'payment_id'),
      accountProviderId: optionalString(body, 'callback_virtual_account_id'),
      accountNumber: requireString(body, 'account_number'),
      bankCode: optionalString(body, 'bank_code'),
      amount,
      paidAt: paidAt && !Number.isNaN(Date.parse(paidAt)) ? new Date(paidAt) : null,
      raw: body,
    };
  }

  /** A dynamic QRIS code: `POST /qr_codes` (API version 2022-07-31) with our reference as reference_id. */
  async createQris(charge: ChargeRequest): Promise<QrisResult> {
    assertValidCharge(charge);
    const answer = await postJson({
      http: this.http,
      path: '/qr_codes',
      authorization: basicAuth(this.opts.secretKey),
      headers: { 'api-version': XENDIT_QR_API_VERSION },
      body: {
        reference_id: charge.reference,
        type: 'DYNAMIC',
        currency: 'IDR',
        amount: toJsonInteger(charge.amount, 'amount'),
        expires_at: new Date(Date.now() + charge.expiresInSeconds * 1000).toISOString(),
      },
      errorMessage: xenditError,
    });
    return { provider: 'xendit', providerReference: answerString('Xendit', answer, 'id'), qrString: answerString('Xendit', answer, 'qr_string'), redirectUrl: null };
  }

  private authenticated(req: WebhookRequest): Record<string, unknown> {
    const token = headerValue(req.headers, 'x-callback-token');
    if (token === undefined || !safeEqual(token, this.opts.callbackToken)) {
      throw new WebhookAuthError('Xendit callback token does not match');
    }
    return parseJsonObject(req.rawBody);
  }

  /** Invoice callbacks, and QR code payments (`event: "qr.payment"`), which settle a QRIS payment. */
  parseWebhook(req: WebhookRequest): GatewayNotification {
    const body = this.authenticated(req);
    if (body.event === 'qr.payment') return this.qrPayment(body);
    const id = requireString(body, 'id');
    const rawStatus = requireString(body, 'status');
    const status = STATUS.get(rawStatus);
    if (!status) throw new WebhookFormatError(`unknown Xendit invoice status ${rawStatus}`);
    const paid = body.paid_amount;
    const amount = paid === undefined || paid === null ? parseExactRupiah(body.amount, 'amount') : parseExactRupiah(paid, 'paid_amount');
    return {
      provider: 'xendit',
      reference: requireString(body, 'external_id'),
      providerReference: id,
      status,
      amount,
      eventKey: `${id}:${rawStatus}`,
      raw: body,
    };
  }

  private qrPayment(body: Record<string, unknown>): GatewayNotification {
    const data = body.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new WebhookFormatError('Xendit qr.payment has no data');
    const d = data as Record<string, unknown>;
    const rawStatus = requireString(d, 'status');
    // A QR payment callback reports a finished payment: SUCCEEDED is money, anything else is not.
    const status: GatewayStatus = rawStatus === 'SUCCEEDED' ? 'SETTLED' : rawStatus === 'FAILED' ? 'FAILED' : 'PENDING';
    const paymentId = requireString(d, 'id');
    return {
      provider: 'xendit',
      reference: requireString(d, 'reference_id'),
      providerReference: optionalString(d, 'qr_id'),
      status,
      amount: parseExactRupiah(d.amount, 'amount'),
      eventKey: `${paymentId}:${rawStatus}`,
      raw: body,
    };
  }
}

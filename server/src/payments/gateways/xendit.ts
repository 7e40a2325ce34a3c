import {
  WebhookAuthError,
  WebhookFormatError,
  type ChargeRequest,
  type ChargeResult,
  type GatewayNotification,
  type GatewayStatus,
  type PaymentGateway,
  type WebhookRequest,
} from './gateway';
import {
  answerString,
  assertValidCharge,
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

export class XenditGateway implements PaymentGateway {
  readonly name = 'xendit' as const;
  private readonly baseUrl: string;
  private readonly fetchImpl: FetchImpl;

  constructor(private readonly opts: XenditGatewayOptions) {
    if (!opts.secretKey) throw new Error('Xendit secret key is missing');
    // Without a token every callback would be refused, or worse, an empty header would match.
    if (!opts.callbackToken) throw new Error('Xendit callback token is missing');
    this.baseUrl = (opts.baseUrl ?? XENDIT_BASE_URL).replace(/\/+$/, '');
    this.fetchImpl = opts.fetchImpl ?? fetch;
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
      provider: 'Xendit',
      fetchImpl: this.fetchImpl,
      url: `${this.baseUrl}/v2/invoices`,
      authorization: basicAuth(this.opts.secretKey),
      body,
      timeoutMs: this.opts.timeoutMs,
      errorMessage: (b) => {
        const err = b as { error_code?: unknown; message?: unknown } | null;
        return typeof err?.message === 'string' ? `${String(err.error_code ?? '')} ${err.message}`.trim() : undefined;
      },
    });
    return {
      provider: 'xendit',
      providerReference: answerString('Xendit', answer, 'id'),
      redirectUrl: answerString('Xendit', answer, 'invoice_url'),
      token: null,
    };
  }

  parseWebhook(req: WebhookRequest): GatewayNotification {
    const token = headerValue(req.headers, 'x-callback-token');
    if (token === undefined || !safeEqual(token, this.opts.callbackToken)) {
      throw new WebhookAuthError('Xendit callback token does not match');
    }
    const body = parseJsonObject(req.rawBody);
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
}

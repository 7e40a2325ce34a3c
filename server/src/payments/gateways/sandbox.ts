import { createHmac, randomBytes } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
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
import { SANDBOX_PAGE_CSP, renderSandboxNotFound, renderSandboxPage, renderSandboxVaPage, type SandboxBrand, type SandboxResult } from './sandbox-page';
import { assertValidCharge, headerValue, optionalString, parseJsonObject, requireString, safeEqual, type FetchImpl } from './shared';
import { HttpClient, isJsonObject } from '../../common/http-client';

/**
 * The default gateway for development and demos: no money moves. Its pay page lets a person press
 * "pay" or "fail", which sends the app a signed webhook exactly like a real provider would, so the
 * whole payment flow (webhook route, idempotency, ledger) runs unchanged.
 */

export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

const STATUSES: readonly GatewayStatus[] = ['PENDING', 'SETTLED', 'FAILED', 'EXPIRED', 'REFUNDED'];

export interface SandboxGatewayOptions {
  secret: string;
  /** Public base URL of this app, e.g. `http://localhost:4000`. */
  publicUrl: string;
}

export interface SandboxEvent {
  reference: string;
  providerReference: string | null;
  status: GatewayStatus;
  amount: bigint;
  eventId: string;
}

function sign(secret: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Serialises and signs a sandbox webhook; the amount travels as a digit string so no float ever sees it. */
export function signSandboxEvent(secret: string, body: SandboxEvent): { rawBody: Buffer; headers: Record<string, string> } {
  const rawBody = Buffer.from(
    JSON.stringify({
      reference: body.reference,
      providerReference: body.providerReference,
      status: body.status,
      amount: body.amount.toString(),
      eventId: body.eventId,
    }),
    'utf8',
  );
  return { rawBody, headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: sign(secret, rawBody) } };
}

export interface SandboxVaEvent {
  paymentId: string;
  accountNumber: string;
  amount: bigint;
}

/** Serialises and signs a sandbox virtual-account payment, the way the sandbox "bank" reports one. */
export function signSandboxVaPayment(secret: string, body: SandboxVaEvent): { rawBody: Buffer; headers: Record<string, string> } {
  const rawBody = Buffer.from(JSON.stringify({ paymentId: body.paymentId, accountNumber: body.accountNumber, amount: body.amount.toString() }), 'utf8');
  return { rawBody, headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: sign(secret, rawBody) } };
}

export function sandboxVaPagePath(number: string): string {
  return `/payments/sandbox/va/${encodeURIComponent(number)}`;
}

/** Sandbox VA numbers: a bank-like prefix and digits derived from the secret and our id, so a retry gets the same number. */
export function sandboxVaNumber(secret: string, externalId: string): string {
  const digits = BigInt(`0x${createHmac('sha256', secret).update(`va:${externalId}`).digest('hex').slice(0, 15)}`).toString().padStart(12, '0').slice(-12);
  return `8808${digits}`;
}

export function sandboxPagePath(reference: string): string {
  return `/payments/sandbox/${encodeURIComponent(reference)}`;
}

export class SandboxGateway implements PaymentGateway {
  readonly name = 'sandbox' as const;
  private readonly publicUrl: string;

  constructor(private readonly opts: SandboxGatewayOptions) {
    if (!opts.secret) throw new Error('sandbox gateway secret is missing');
    this.publicUrl = opts.publicUrl.replace(/\/+$/, '');
  }

  async createCharge(charge: ChargeRequest): Promise<ChargeResult> {
    assertValidCharge(charge);
    return {
      provider: 'sandbox',
      providerReference: `sbx_${randomBytes(12).toString('hex')}`,
      redirectUrl: `${this.publicUrl}${sandboxPagePath(charge.reference)}`,
      token: null,
    };
  }

  async createVirtualAccount(req: VirtualAccountRequest): Promise<VirtualAccountResult> {
    const number = sandboxVaNumber(this.opts.secret, req.externalId);
    return { provider: 'sandbox', providerId: `sbxva_${number}`, bankCode: req.bankCode, number };
  }

  parseVirtualAccountPayment(req: WebhookRequest): VirtualAccountPayment {
    const body = this.verified(req);
    if (typeof body.amount !== 'string' || !/^\d{1,18}$/.test(body.amount) || BigInt(body.amount) <= 0n) {
      throw new WebhookFormatError('sandbox amount must be a positive string of digits');
    }
    return {
      provider: 'sandbox',
      paymentId: requireString(body, 'paymentId'),
      accountProviderId: null,
      accountNumber: requireString(body, 'accountNumber'),
      bankCode: null,
      amount: BigInt(body.amount),
      paidAt: null,
      raw: body,
    };
  }

  /** The QR payload names the reference and amount; the sandbox pay page pays it like any sandbox charge. */
  async createQris(charge: ChargeRequest): Promise<QrisResult> {
    assertValidCharge(charge);
    return {
      provider: 'sandbox',
      providerReference: `sbxqr_${randomBytes(12).toString('hex')}`,
      qrString: `SANDBOX-QRIS|${charge.reference}|${charge.amount}`,
      redirectUrl: `${this.publicUrl}${sandboxPagePath(charge.reference)}`,
    };
  }

  private verified(req: WebhookRequest): Record<string, unknown> {
    const signature = headerValue(req.headers, SANDBOX_SIGNATURE_HEADER);
    if (signature === undefined || !safeEqual(signature.toLowerCase(), sign(this.opts.secret, req.rawBody))) {
      throw new WebhookAuthError('sandbox webhook signature does not match');
    }
    return parseJsonObject(req.rawBody);
  }

  parseWebhook(req: WebhookRequest): GatewayNotification {
    const body = this.verified(req);
    const status = body.status as GatewayStatus;
    if (!STATUSES.includes(status)) throw new WebhookFormatError(`unknown sandbox status ${String(body.status)}`);
    if (typeof body.amount !== 'string' || !/^\d{1,18}$/.test(body.amount)) {
      throw new WebhookFormatError('sandbox amount must be a string of digits');
    }
    return {
      provider: 'sandbox',
      reference: requireString(body, 'reference'),
      providerReference: optionalString(body, 'providerReference'),
      status,
      amount: BigInt(body.amount),
      eventKey: requireString(body, 'eventId'),
      raw: body,
    };
  }
}

export interface SandboxPayment {
  amount: bigint;
  description: string;
  status: string;
  /** Echoed in the webhook when the app stored the `sbx_` reference from createCharge. */
  providerReference?: string | null;
  /** Where "back to the order" leads. */
  returnUrl?: string | null;
}

export interface SandboxPayPageOptions {
  secret: string;
  /** The app's sandbox webhook route, e.g. `/webhooks/payments/sandbox`. */
  webhookPath: string;
  lookup(reference: string): Promise<SandboxPayment | null>;
  /**
   * Where the app reaches itself. By default taken from the request, which is what a browser used;
   * set it when the Host header should not decide where a signed event goes.
   */
  selfBaseUrl?: string;
  fetchImpl?: FetchImpl;
  /** The hosting company's name and colour at the top of the page. */
  brand?: SandboxBrand;
}

const RESULTS: readonly SandboxResult[] = ['dibayar', 'digagalkan', 'gagal-kirim'];

/** Serves the sandbox pay page (`GET /payments/sandbox/:reference`) and its two buttons. */
export function sandboxPayPage(opts: SandboxPayPageOptions): Router {
  const router = Router();
  const http = new HttpClient({ name: 'sandbox webhook', fetchImpl: opts.fetchImpl });
  const pagePath = (req: Request, reference: string) => `${req.baseUrl}${sandboxPagePath(reference)}`;

  router.get('/payments/sandbox/:reference', async (req, res) => {
    const reference = req.params.reference;
    res.set({ 'Content-Security-Policy': SANDBOX_PAGE_CSP, 'Cache-Control': 'no-store' });
    const payment = await opts.lookup(reference);
    if (!payment) {
      res.status(404).type('html').send(renderSandboxNotFound(reference, opts.brand));
      return;
    }
    const result = RESULTS.find((r) => r === req.query.hasil);
    const code = typeof req.query.kode === 'string' && /^\d{3}$/.test(req.query.kode) ? req.query.kode : undefined;
    res.type('html').send(
      renderSandboxPage({ reference, ...payment, actionBase: pagePath(req, reference), result, deliveryStatus: code, brand: opts.brand }),
    );
  });

  const simulate = (status: 'SETTLED' | 'FAILED') =>
    async (req: Request<{ reference: string }>, res: Response) => {
      const reference = req.params.reference;
      const payment = await opts.lookup(reference);
      if (!payment) {
        res.status(404).type('html').set('Content-Security-Policy', SANDBOX_PAGE_CSP).send(renderSandboxNotFound(reference, opts.brand));
        return;
      }
      const { rawBody, headers } = signSandboxEvent(opts.secret, {
        reference,
        providerReference: payment.providerReference ?? null,
        status,
        amount: payment.amount,
        eventId: `sbxevt_${randomBytes(12).toString('hex')}`,
      });
      const base = opts.selfBaseUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
      let query: string;
      try {
        const delivered = await http.request({ method: 'POST', url: `${base}${opts.webhookPath}`, headers, body: new Uint8Array(rawBody), redirect: 'error' });
        query = delivered.ok ? `hasil=${status === 'SETTLED' ? 'dibayar' : 'digagalkan'}` : `hasil=gagal-kirim&kode=${delivered.status}`;
      } catch {
        query = 'hasil=gagal-kirim';
      }
      // 303 so the browser follows with GET and a reload does not post the event again.
      res.redirect(303, `${pagePath(req, reference)}?${query}`);
    };

  router.post('/payments/sandbox/:reference/pay', simulate('SETTLED'));
  router.post('/payments/sandbox/:reference/fail', simulate('FAILED'));
  return router;
}

export interface SandboxVaPageOptions {
  secret: string;
  /** The app's sandbox virtual-account callback route. */
  webhookPath: string;
  lookup(number: string): Promise<{ name: string; bankCode: string } | null>;
  selfBaseUrl?: string;
  fetchImpl?: FetchImpl;
}

/** The sandbox "bank": `GET /payments/sandbox/va/:number` shows a transfer form; posting it sends a signed VA payment. */
export function sandboxVaPage(opts: SandboxVaPageOptions): Router {
  const router = Router();
  const http = new HttpClient({ name: 'sandbox webhook', fetchImpl: opts.fetchImpl });
  const pagePath = (req: Request, number: string) => `${req.baseUrl}${sandboxVaPagePath(number)}`;
  router.get('/payments/sandbox/va/:number', async (req, res) => {
    res.set({ 'Content-Security-Policy': SANDBOX_PAGE_CSP, 'Cache-Control': 'no-store' });
    const account = await opts.lookup(req.params.number);
    if (!account) return void res.status(404).type('html').send(renderSandboxNotFound(req.params.number));
    const result = RESULTS.find((r) => r === req.query.hasil);
    const code = typeof req.query.kode === 'string' && /^\d{3}$/.test(req.query.kode) ? req.query.kode : undefined;
    res.type('html').send(renderSandboxVaPage({ number: req.params.number, ...account, actionBase: pagePath(req, req.params.number), result, deliveryStatus: code }));
  });
  router.post('/payments/sandbox/va/:number/pay', express.urlencoded({ extended: false, limit: '2kb' }), async (req: Request<{ number: string }>, res: Response) => {
    const number = req.params.number;
    const account = await opts.lookup(number);
    // urlencoded gives a plain object of strings (or nothing when the form was not sent as one).
    const form: unknown = req.body;
    const typed = isJsonObject(form) ? form.amount : undefined;
    const amount = typeof typed === 'string' ? typed.replace(/\./g, '') : '';
    if (!account || !/^\d{1,15}$/.test(amount) || BigInt(amount) <= 0n) {
      return void res.status(account ? 400 : 404).type('html').set('Content-Security-Policy', SANDBOX_PAGE_CSP).send(renderSandboxNotFound(number));
    }
    const { rawBody, headers } = signSandboxVaPayment(opts.secret, { paymentId: `sbxvapay_${randomBytes(12).toString('hex')}`, accountNumber: number, amount: BigInt(amount) });
    const base = opts.selfBaseUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
    let query: string;
    try {
      const delivered = await http.request({ method: 'POST', url: `${base}${opts.webhookPath}`, headers, body: new Uint8Array(rawBody), redirect: 'error' });
      query = delivered.ok ? 'hasil=dibayar' : `hasil=gagal-kirim&kode=${delivered.status}`;
    } catch {
      query = 'hasil=gagal-kirim';
    }
    res.redirect(303, `${pagePath(req, number)}?${query}`);
  });
  return router;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError, WebhookAuthError, WebhookFormatError, type ChargeRequest } from '../../../server/src/payments/gateways/gateway';
import { XenditGateway } from '../../../server/src/payments/gateways/xendit';
import { basic, closedPort, isInt, isObj, startFakeProvider, type Recorded, type Reply } from './fake-http';

const SECRET_KEY = 'xnd_development_TESTKEY123';
const CALLBACK_TOKEN = 'cb-token-5f0e1c2d9a';

/** POST /v2/invoices as published: Basic "<secret key>:", JSON body, answer with id, invoice_url, status. */
function invoices(req: Recorded): Reply {
  if (req.method !== 'POST' || req.path !== '/v2/invoices') return { status: 404, body: { error_code: 'NOT_FOUND', message: 'not found' } };
  if (req.headers.authorization !== basic(SECRET_KEY)) {
    return { status: 401, body: { error_code: 'INVALID_API_KEY', message: 'API key is not authorized for this API service' } };
  }
  const b = req.json;
  const problems: string[] = [];
  if (req.headers['content-type'] !== 'application/json') problems.push('content-type must be application/json');
  if (!isObj(b)) return { status: 400, body: { error_code: 'API_VALIDATION_ERROR', message: 'body is not JSON' } };
  if (typeof b.external_id !== 'string') problems.push('"external_id" is required');
  if (!isInt(b.amount)) problems.push('"amount" must be a number');
  if (typeof b.description !== 'string') problems.push('"description" must be a string');
  if (!isInt(b.invoice_duration)) problems.push('"invoice_duration" must be a number');
  if (b.currency !== 'IDR') problems.push('"currency" must be IDR');
  const c = b.customer;
  if (!isObj(c) || typeof c.given_names !== 'string' || typeof c.email !== 'string' || typeof c.mobile_number !== 'string') {
    problems.push('"customer" is invalid');
  }
  if (!Array.isArray(b.items) || !b.items.every((i) => isObj(i) && typeof i.name === 'string' && isInt(i.quantity) && isInt(i.price))) {
    problems.push('"items" is invalid');
  }
  if (problems.length) return { status: 400, body: { error_code: 'API_VALIDATION_ERROR', message: problems.join('; ') } };
  return {
    status: 200,
    body: {
      id: '579c8d61f23fa4ca35e52da4',
      external_id: b.external_id,
      user_id: '5781d19b2e2385880609791c',
      status: 'PENDING',
      merchant_name: 'Angsur Hosting',
      amount: b.amount,
      description: b.description,
      invoice_url: 'https://checkout-staging.xendit.co/web/579c8d61f23fa4ca35e52da4',
      expiry_date: '2024-11-25T09:00:00.000Z',
      currency: 'IDR',
    },
  };
}

const charge: ChargeRequest = {
  reference: 'ANG-2024-000123-2',
  amount: 1_250_000n,
  description: 'Angsuran ke-2 VPS Pro',
  customer: { name: 'Siti Rahayu', email: 'siti@example.co.id', phone: '+6285712345678' },
  items: [{ id: 'INST-2', name: 'Angsuran ke-2 dari 12', price: 1_250_000n, quantity: 1 }],
  expiresInSeconds: 172_800,
  successUrl: 'https://angsur.example.id/bayar/selesai',
  failureUrl: 'https://angsur.example.id/bayar/gagal',
};

describe('Xendit invoice', () => {
  let provider: Awaited<ReturnType<typeof startFakeProvider>>;
  beforeAll(async () => {
    provider = await startFakeProvider(invoices);
  });
  afterAll(() => provider.close());

  it('creates an invoice exactly as published and returns its id and URL', async () => {
    const gw = new XenditGateway({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN, baseUrl: provider.url });
    const result = await gw.createCharge(charge);
    expect(result).toEqual({
      provider: 'xendit',
      providerReference: '579c8d61f23fa4ca35e52da4',
      redirectUrl: 'https://checkout-staging.xendit.co/web/579c8d61f23fa4ca35e52da4',
      token: null,
    });
    const req = provider.requests.at(-1)!;
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('xnd_development_TESTKEY123:').toString('base64')}`);
    expect(req.json).toEqual({
      external_id: 'ANG-2024-000123-2',
      amount: 1250000,
      description: 'Angsuran ke-2 VPS Pro',
      invoice_duration: 172800,
      customer: { given_names: 'Siti Rahayu', email: 'siti@example.co.id', mobile_number: '+6285712345678' },
      success_redirect_url: 'https://angsur.example.id/bayar/selesai',
      failure_redirect_url: 'https://angsur.example.id/bayar/gagal',
      currency: 'IDR',
      items: [{ name: 'Angsuran ke-2 dari 12', quantity: 1, price: 1250000 }],
    });
    expect(req.text).toMatch(/"amount":1250000[,}]/);
  });

  it('leaves out redirect URLs that were not given', async () => {
    const gw = new XenditGateway({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN, baseUrl: provider.url });
    await gw.createCharge({ ...charge, successUrl: undefined, failureUrl: undefined });
    const sent = provider.requests.at(-1)!.json as Record<string, unknown>;
    expect(sent).not.toHaveProperty('success_redirect_url');
    expect(sent).not.toHaveProperty('failure_redirect_url');
  });

  it('turns a refusal into a GatewayError with the status and Xendit error body', async () => {
    const gw = new XenditGateway({ secretKey: 'xnd_development_WRONG', callbackToken: CALLBACK_TOKEN, baseUrl: provider.url });
    const err = await gw.createCharge(charge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).status).toBe(401);
    expect((err as GatewayError).body).toEqual({ error_code: 'INVALID_API_KEY', message: 'API key is not authorized for this API service' });
    expect((err as GatewayError).message).toContain('INVALID_API_KEY');
  });

  it('refuses a charge whose items do not add up, without calling Xendit', async () => {
    const gw = new XenditGateway({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN, baseUrl: provider.url });
    const before = provider.requests.length;
    await expect(gw.createCharge({ ...charge, amount: 1_250_001n })).rejects.toThrow(RangeError);
    expect(provider.requests.length).toBe(before);
  });

  it('reports an unreachable provider as a GatewayError without status', async () => {
    const gw = new XenditGateway({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN, baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const err = await gw.createCharge(charge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).status).toBeUndefined();
  });

  it('refuses to start without a callback token', () => {
    expect(() => new XenditGateway({ secretKey: SECRET_KEY, callbackToken: '' })).toThrow(/callback token/);
  });
});

function callback(overrides: Record<string, unknown> = {}) {
  return {
    id: '579c8d61f23fa4ca35e52da4',
    external_id: 'ANG-2024-000123-2',
    user_id: '5781d19b2e2385880609791c',
    is_high: false,
    payment_method: 'BANK_TRANSFER',
    status: 'PAID',
    merchant_name: 'Angsur Hosting',
    amount: 1250000,
    paid_amount: 1250000,
    bank_code: 'BCA',
    paid_at: '2024-11-24T09:15:03.404Z',
    payer_email: 'siti@example.co.id',
    description: 'Angsuran ke-2 VPS Pro',
    currency: 'IDR',
    payment_channel: 'BCA',
    payment_destination: '880812345678',
    ...overrides,
  };
}

const withToken = (body: unknown, token: string | string[] | undefined = CALLBACK_TOKEN) => ({
  headers: { 'content-type': 'application/json', 'x-callback-token': token },
  rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('Xendit invoice callback', () => {
  const gw = new XenditGateway({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN });

  it('accepts a callback carrying the verification token', () => {
    const body = callback();
    expect(gw.parseWebhook(withToken(body))).toEqual({
      provider: 'xendit',
      reference: 'ANG-2024-000123-2',
      providerReference: '579c8d61f23fa4ca35e52da4',
      status: 'SETTLED',
      amount: 1_250_000n,
      eventKey: '579c8d61f23fa4ca35e52da4:PAID',
      raw: body,
    });
  });

  it.each([
    ['PAID', 'SETTLED'],
    ['SETTLED', 'SETTLED'],
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
  ])('maps %s to %s', (status, expected) => {
    const n = gw.parseWebhook(withToken(callback({ status })));
    expect(n.status).toBe(expected);
    expect(n.eventKey).toBe(`579c8d61f23fa4ca35e52da4:${status}`);
  });

  it('refuses an unknown status', () => {
    expect(() => gw.parseWebhook(withToken(callback({ status: 'paid' })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(withToken(callback({ status: 'FAILED' })))).toThrow(WebhookFormatError);
  });

  it('uses paid_amount when present, else amount, and refuses fractions', () => {
    expect(gw.parseWebhook(withToken(callback({ paid_amount: 1_000_000 }))).amount).toBe(1_000_000n);
    expect(gw.parseWebhook(withToken(callback({ status: 'EXPIRED', paid_amount: undefined }))).amount).toBe(1_250_000n);
    expect(gw.parseWebhook(withToken(callback({ status: 'EXPIRED', paid_amount: null }))).amount).toBe(1_250_000n);
    expect(() => gw.parseWebhook(withToken(callback({ paid_amount: 1250000.5 })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(withToken(callback({ paid_amount: undefined, amount: 99.99 })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(withToken(callback({ paid_amount: -5 })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(withToken(callback({ paid_amount: 2 ** 53 })))).toThrow(WebhookFormatError);
  });

  it('refuses a wrong, missing, repeated or differently sized token before reading the body', () => {
    expect(() => gw.parseWebhook(withToken(callback(), 'cb-token-5f0e1c2d9b'))).toThrow(WebhookAuthError);
    expect(() => gw.parseWebhook(withToken(callback(), `${CALLBACK_TOKEN}x`))).toThrow(WebhookAuthError);
    expect(() => gw.parseWebhook(withToken(callback(), ''))).toThrow(WebhookAuthError);
    expect(() => gw.parseWebhook({ headers: { 'content-type': 'application/json' }, rawBody: Buffer.from(JSON.stringify(callback())) })).toThrow(
      WebhookAuthError,
    );
    expect(() => gw.parseWebhook(withToken(callback(), [CALLBACK_TOKEN, CALLBACK_TOKEN]))).toThrow(WebhookAuthError);
    // Node hands header names over in lower case; the adapter relies on that and reads no other spelling.
    expect(() => gw.parseWebhook({ headers: { 'X-Callback-Token': CALLBACK_TOKEN }, rawBody: Buffer.from('{}') })).toThrow(WebhookAuthError);
    expect(() => gw.parseWebhook(withToken('{not json', 'wrong'))).toThrow(WebhookAuthError);
  });

  it('refuses malformed bodies as format errors', () => {
    expect(() => gw.parseWebhook(withToken('{not json'))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(withToken('"PAID"'))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(withToken(callback({ external_id: undefined })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(withToken(callback({ id: 42 })))).toThrow(WebhookFormatError);
  });
});

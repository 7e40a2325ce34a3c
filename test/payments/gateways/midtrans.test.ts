import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError, WebhookAuthError, WebhookFormatError, type ChargeRequest } from '../../../server/src/payments/gateways/gateway';
import { MidtransGateway } from '../../../server/src/payments/gateways/midtrans';
import { basic, closedPort, isInt, isObj, startFakeProvider, type Recorded, type Reply } from './fake-http';

const SERVER_KEY = 'SB-Mid-server-TESTKEY123';

/** Snap as published: Basic "<ServerKey>:", JSON both ways, 201 with {token, redirect_url}. */
function snap(req: Recorded): Reply {
  if (req.method !== 'POST' || req.path !== '/snap/v1/transactions') return { status: 404, body: { error_messages: ['not found'] } };
  if (req.headers.authorization !== basic(SERVER_KEY)) {
    return {
      status: 401,
      body: { error_messages: ['Access denied due to unauthorized transaction, please check client or server key'] },
    };
  }
  const problems: string[] = [];
  if (req.headers['content-type'] !== 'application/json') problems.push('content-type must be application/json');
  if (req.headers.accept !== 'application/json') problems.push('accept must be application/json');
  const body = req.json;
  if (!isObj(body)) return { status: 400, body: { error_messages: ['body is not JSON'] } };
  const td = body.transaction_details;
  if (!isObj(td) || typeof td.order_id !== 'string' || !isInt(td.gross_amount)) {
    problems.push('transaction_details.order_id and gross_amount are required');
  }
  const items = body.item_details;
  let sum = 0;
  if (!Array.isArray(items)) problems.push('item_details must be an array');
  else
    for (const item of items) {
      if (!isObj(item) || typeof item.id !== 'string' || typeof item.name !== 'string' || !isInt(item.price) || !isInt(item.quantity)) {
        problems.push('item_details has an invalid item');
        continue;
      }
      if (item.name.length > 50) problems.push('item_details.name is too long');
      sum += item.price * item.quantity;
    }
  if (isObj(td) && sum !== td.gross_amount) problems.push('transaction_details.gross_amount is not equal to the sum of item_details');
  if (problems.length) return { status: 400, body: { error_messages: problems } };
  return { status: 201, body: { token: 'tok-66e4fa55', redirect_url: 'https://app.sandbox.midtrans.com/snap/v4/redirection/tok-66e4fa55' } };
}

const charge: ChargeRequest = {
  reference: 'ANG-2024-000123-1',
  amount: 1_500_000n,
  description: 'Angsuran ke-1 VPS Pro',
  customer: { name: 'Budi Santoso', email: 'budi@example.co.id', phone: '+6281234567890' },
  items: [
    { id: 'INST-1', name: 'Angsuran ke-1 dari 12: VPS Pro 8 vCPU 16 GB RAM 320 GB NVMe Jakarta', price: 1_400_000n, quantity: 1 },
    { id: 'FEE', name: 'Biaya admin', price: 50_000n, quantity: 2 },
  ],
  expiresInSeconds: 86_400,
  successUrl: 'https://angsur.example.id/bayar/selesai',
  failureUrl: 'https://angsur.example.id/bayar/gagal',
};

describe('Midtrans Snap charge', () => {
  let provider: Awaited<ReturnType<typeof startFakeProvider>>;
  beforeAll(async () => {
    provider = await startFakeProvider(snap);
  });
  afterAll(() => provider.close());

  it('creates a Snap transaction exactly as published and returns token and redirect URL', async () => {
    const gw = new MidtransGateway({ serverKey: SERVER_KEY, snapBaseUrl: `${provider.url}/` });
    const result = await gw.createCharge(charge);
    expect(result).toEqual({
      provider: 'midtrans',
      providerReference: null,
      token: 'tok-66e4fa55',
      redirectUrl: 'https://app.sandbox.midtrans.com/snap/v4/redirection/tok-66e4fa55',
    });
    const req = provider.requests.at(-1)!;
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('SB-Mid-server-TESTKEY123:').toString('base64')}`);
    expect(req.json).toEqual({
      transaction_details: { order_id: 'ANG-2024-000123-1', gross_amount: 1500000 },
      item_details: [
        { id: 'INST-1', price: 1400000, quantity: 1, name: 'Angsuran ke-1 dari 12: VPS Pro 8 vCPU 16 GB RAM 32' },
        { id: 'FEE', price: 50000, quantity: 2, name: 'Biaya admin' },
      ],
      customer_details: { first_name: 'Budi Santoso', email: 'budi@example.co.id', phone: '+6281234567890' },
      expiry: { unit: 'minutes', duration: 1440 },
      callbacks: { finish: 'https://angsur.example.id/bayar/selesai' },
    });
    // Amounts go out as JSON integers, never strings or decimals.
    expect(req.text).toMatch(/"gross_amount":1500000[,}]/);
    expect((req.json as { item_details: { name: string }[] }).item_details[0]!.name).toHaveLength(50);
  });

  it('omits callbacks without a success URL and rounds the expiry down to whole minutes (at least one)', async () => {
    const gw = new MidtransGateway({ serverKey: SERVER_KEY, snapBaseUrl: provider.url });
    await gw.createCharge({ ...charge, successUrl: undefined, expiresInSeconds: 119 });
    expect(provider.requests.at(-1)!.json).not.toHaveProperty('callbacks');
    expect((provider.requests.at(-1)!.json as { expiry: unknown }).expiry).toEqual({ unit: 'minutes', duration: 1 });
    await gw.createCharge({ ...charge, expiresInSeconds: 30 });
    expect((provider.requests.at(-1)!.json as { expiry: unknown }).expiry).toEqual({ unit: 'minutes', duration: 1 });
  });

  it('turns a refusal into a GatewayError with the status and Midtrans error_messages', async () => {
    const gw = new MidtransGateway({ serverKey: 'SB-Mid-server-WRONG', snapBaseUrl: provider.url });
    const err = await gw.createCharge(charge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).status).toBe(401);
    expect((err as GatewayError).body).toEqual({
      error_messages: ['Access denied due to unauthorized transaction, please check client or server key'],
    });
    expect((err as GatewayError).message).toContain('please check client or server key');
  });

  it('refuses charges the provider would refuse before calling it', async () => {
    const gw = new MidtransGateway({ serverKey: SERVER_KEY, snapBaseUrl: provider.url });
    const before = provider.requests.length;
    await expect(gw.createCharge({ ...charge, amount: 1_500_001n })).rejects.toThrow(RangeError);
    await expect(gw.createCharge({ ...charge, amount: 0n, items: [{ id: 'x', name: 'x', price: 0n, quantity: 1 }] })).rejects.toThrow(RangeError);
    const huge = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    await expect(gw.createCharge({ ...charge, amount: huge, items: [{ id: 'x', name: 'x', price: huge, quantity: 1 }] })).rejects.toThrow(
      /cannot be sent/,
    );
    expect(provider.requests.length).toBe(before);
  });

  it('reports an unreachable provider as a GatewayError without status', async () => {
    const gw = new MidtransGateway({ serverKey: SERVER_KEY, snapBaseUrl: `http://127.0.0.1:${await closedPort()}` });
    const err = await gw.createCharge(charge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).status).toBeUndefined();
  });
});

/** A notification as Midtrans posts it, signed the published way, computed here independently. */
function notification(overrides: Record<string, unknown> = {}, key = SERVER_KEY) {
  const body: Record<string, unknown> = {
    transaction_time: '2024-11-24 16:00:06',
    transaction_status: 'settlement',
    transaction_id: '513f1f01-c9da-474c-9fc9-d5c64364b709',
    status_message: 'midtrans payment notification',
    status_code: '200',
    payment_type: 'bank_transfer',
    order_id: 'ANG-2024-000123-1',
    merchant_id: 'G141532850',
    gross_amount: '1500000.00',
    fraud_status: 'accept',
    currency: 'IDR',
    va_numbers: [{ bank: 'bca', va_number: '12345678901' }],
    settlement_time: '2024-11-24 16:05:00',
    ...overrides,
  };
  body.signature_key ??= createHash('sha512')
    .update(`${String(body.order_id)}${String(body.status_code)}${String(body.gross_amount)}${key}`)
    .digest('hex');
  return body;
}

const asRequest = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, rawBody: Buffer.from(JSON.stringify(body)) });

describe('Midtrans notification', () => {
  const gw = new MidtransGateway({ serverKey: SERVER_KEY, fetchImpl: () => Promise.reject(new Error('no network in this test')) });

  it('accepts a correctly signed settlement with the exact amount', () => {
    const body = notification();
    expect(gw.parseWebhook(asRequest(body))).toEqual({
      provider: 'midtrans',
      reference: 'ANG-2024-000123-1',
      providerReference: '513f1f01-c9da-474c-9fc9-d5c64364b709',
      status: 'SETTLED',
      amount: 1_500_000n,
      eventKey: '513f1f01-c9da-474c-9fc9-d5c64364b709:settlement',
      raw: body,
    });
  });

  it.each([
    ['settlement', undefined, 'SETTLED'],
    ['capture', 'accept', 'SETTLED'],
    ['capture', undefined, 'SETTLED'],
    ['capture', 'challenge', 'PENDING'],
    ['capture', 'deny', 'FAILED'],
    ['pending', undefined, 'PENDING'],
    ['authorize', undefined, 'PENDING'],
    ['deny', undefined, 'FAILED'],
    ['cancel', undefined, 'FAILED'],
    ['failure', undefined, 'FAILED'],
    ['expire', undefined, 'EXPIRED'],
    ['refund', undefined, 'REFUNDED'],
    ['partial_refund', undefined, 'REFUNDED'],
    ['chargeback', undefined, 'REFUNDED'],
    ['partial_chargeback', undefined, 'REFUNDED'],
  ])('maps %s (fraud_status %s) to %s', (transaction_status, fraud_status, expected) => {
    const n = gw.parseWebhook(asRequest(notification({ transaction_status, fraud_status })));
    expect(n.status).toBe(expected);
    expect(n.eventKey).toBe(`513f1f01-c9da-474c-9fc9-d5c64364b709:${transaction_status}`);
  });

  it('refuses an unknown transaction_status or fraud_status even when signed', () => {
    expect(() => gw.parseWebhook(asRequest(notification({ transaction_status: 'paid' })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(asRequest(notification({ transaction_status: 'constructor' })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(asRequest(notification({ transaction_status: 'capture', fraud_status: 'review' })))).toThrow(
      WebhookFormatError,
    );
  });

  it('falls back to the order id for the event key when there is no transaction id', () => {
    const n = gw.parseWebhook(asRequest(notification({ transaction_id: undefined, transaction_status: 'expire', status_code: '407' })));
    expect(n.eventKey).toBe('ANG-2024-000123-1:expire');
    expect(n.providerReference).toBeNull();
  });

  it('reads gross_amount exactly: "100000" and "100000.00" are 100000, "100000.50" is refused', () => {
    expect(gw.parseWebhook(asRequest(notification({ gross_amount: '100000' }))).amount).toBe(100_000n);
    expect(gw.parseWebhook(asRequest(notification({ gross_amount: '100000.00' }))).amount).toBe(100_000n);
    expect(gw.parseWebhook(asRequest(notification({ gross_amount: '9007199254740993.00' }))).amount).toBe(9_007_199_254_740_993n);
    for (const gross_amount of ['100000.50', '100000.01', '-100000.00', '1e5', '100,000.00', ' 100000.00']) {
      expect(() => gw.parseWebhook(asRequest(notification({ gross_amount }))), gross_amount).toThrow(WebhookFormatError);
    }
  });

  it('refuses a wrong signature, a different server key, a missing signature and an upper-case-only change', () => {
    expect(() => gw.parseWebhook(asRequest(notification({ signature_key: 'ab'.repeat(64) })))).toThrow(WebhookAuthError);
    expect(() => gw.parseWebhook(asRequest(notification({}, 'SB-Mid-server-OTHER')))).toThrow(WebhookAuthError);
    const unsigned = notification();
    delete unsigned.signature_key;
    expect(() => gw.parseWebhook(asRequest(unsigned))).toThrow(WebhookAuthError);
    const upper = notification();
    upper.signature_key = String(upper.signature_key).toUpperCase();
    expect(gw.parseWebhook(asRequest(upper)).status).toBe('SETTLED');
  });

  it('refuses an amount, order or status code changed after signing', () => {
    for (const change of [{ gross_amount: '15000000.00' }, { gross_amount: '1500000' }, { order_id: 'ANG-2024-000999-1' }, { status_code: '201' }]) {
      const body = { ...notification(), ...change };
      expect(() => gw.parseWebhook(asRequest(body)), JSON.stringify(change)).toThrow(WebhookAuthError);
    }
  });

  it('refuses malformed bodies as format errors', () => {
    expect(() => gw.parseWebhook({ headers: {}, rawBody: Buffer.from('{"order_id": "ANG-1", ') })).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook({ headers: {}, rawBody: Buffer.from('[1,2]') })).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook({ headers: {}, rawBody: Buffer.alloc(0) })).toThrow(WebhookFormatError);
    // A numeric gross_amount cannot be checked against the signature, which covers its exact text.
    expect(() => gw.parseWebhook(asRequest({ ...notification(), gross_amount: 1500000 }))).toThrow(WebhookFormatError);
  });
});

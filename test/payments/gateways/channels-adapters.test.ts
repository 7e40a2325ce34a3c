import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError, WebhookAuthError, WebhookFormatError, type ChargeRequest } from '../../../server/src/payments/gateways/gateway';
import { MidtransGateway } from '../../../server/src/payments/gateways/midtrans';
import { SandboxGateway, signSandboxVaPayment } from '../../../server/src/payments/gateways/sandbox';
import { XENDIT_QR_API_VERSION, XenditGateway } from '../../../server/src/payments/gateways/xendit';
import { basic, isInt, isObj, startFakeProvider, type Recorded, type Reply } from './fake-http';

/**
 * The channel adapters (fixed virtual account, QRIS) against local servers that answer as the
 * providers publish: Xendit POST /callback_virtual_accounts and POST /qr_codes (api-version
 * 2022-07-31) with their callbacks, Midtrans Core API POST /v2/charge (payment_type qris).
 */

const XENDIT_KEY = 'xnd_development_CHANNELS1';
const XENDIT_TOKEN = 'cb-token-channels-77';
const MIDTRANS_KEY = 'SB-Mid-server-CHANNELS1';

const charge: ChargeRequest = {
  reference: 'PAY-20261204-ABCDE12345',
  amount: 750_000n,
  description: 'Pembayaran ANG-2026-0001',
  customer: { name: 'Siti Rahayu', email: 'siti@example.co.id', phone: '+6285712345678' },
  items: [{ id: 'ANG-2026-0001', name: 'Cicilan ANG-2026-0001', price: 750_000n, quantity: 1 }],
  expiresInSeconds: 86_400,
};

function xendit(req: Recorded): Reply {
  if (req.headers.authorization !== basic(XENDIT_KEY)) return { status: 401, body: { error_code: 'INVALID_API_KEY', message: 'API key is not authorized' } };
  const b = req.json;
  if (!isObj(b)) return { status: 400, body: { error_code: 'API_VALIDATION_ERROR', message: 'body is not JSON' } };
  if (req.method === 'POST' && req.path === '/callback_virtual_accounts') {
    if (typeof b.external_id !== 'string' || typeof b.bank_code !== 'string' || typeof b.name !== 'string') {
      return { status: 400, body: { error_code: 'API_VALIDATION_ERROR', message: 'external_id, bank_code and name are required' } };
    }
    if (b.bank_code === 'NOPE') return { status: 400, body: { error_code: 'BANK_NOT_SUPPORTED_ERROR', message: 'That bank code is not currently supported' } };
    return {
      status: 200,
      body: { id: '57fb4e076fa3fa296b7f5a97', owner_id: '5824128aa6f9f9b648be9d76', external_id: b.external_id, merchant_code: '88608', account_number: '886081000123456', bank_code: b.bank_code, name: b.name, is_closed: b.is_closed, is_single_use: b.is_single_use, status: 'PENDING', currency: 'IDR' },
    };
  }
  if (req.method === 'POST' && req.path === '/qr_codes') {
    if (req.headers['api-version'] !== XENDIT_QR_API_VERSION) return { status: 400, body: { error_code: 'API_VALIDATION_ERROR', message: 'api-version header' } };
    if (typeof b.reference_id !== 'string' || b.type !== 'DYNAMIC' || b.currency !== 'IDR' || !isInt(b.amount)) {
      return { status: 400, body: { error_code: 'API_VALIDATION_ERROR', message: 'reference_id, type, currency and amount are required' } };
    }
    return { status: 201, body: { id: 'qr_8182837te-87st-49ing-8696-1239bd4d759c', reference_id: b.reference_id, business_id: '5fe2b8d8a33c1c4e5a5a5a5a', type: 'DYNAMIC', currency: 'IDR', amount: b.amount, channel_code: 'ID_DANA', status: 'ACTIVE', qr_string: '00020101021226660014ID.LINKAJA.WWW', expires_at: b.expires_at } };
  }
  return { status: 404, body: { error_code: 'NOT_FOUND', message: 'not found' } };
}

function midtrans(req: Recorded): Reply {
  if (req.method !== 'POST' || req.path !== '/v2/charge') return { status: 404, body: { status_code: '404', status_message: 'not found' } };
  if (req.headers.authorization !== basic(MIDTRANS_KEY)) return { status: 401, body: { status_code: '401', status_message: 'Access denied due to unauthorized transaction' } };
  const b = req.json;
  if (!isObj(b) || b.payment_type !== 'qris' || !isObj(b.transaction_details) || !isInt(b.transaction_details.gross_amount)) {
    return { status: 200, body: { status_code: '400', status_message: 'One or more parameters in the payload is invalid.' } };
  }
  const orderId = b.transaction_details.order_id;
  if (orderId === 'DUPLICATE') return { status: 200, body: { status_code: '406', status_message: 'The request could not be completed due to a conflict with the current state of the target resource, please try again' } };
  return {
    status: 200,
    body: {
      status_code: '201', status_message: 'QRIS transaction is created', transaction_id: '0dd1bbd6-7b36-4e4e-9d4b-2c6e6b1b1a01', order_id: orderId, merchant_id: 'G123456789',
      gross_amount: `${b.transaction_details.gross_amount}.00`, currency: 'IDR', payment_type: 'qris', transaction_status: 'pending', fraud_status: 'accept',
      actions: [{ name: 'generate-qr-code', method: 'GET', url: 'https://api.sandbox.midtrans.com/v2/qris/0dd1bbd6/qr-code' }],
      qr_string: '00020101021226620014COM.GO-JEK.WWW', acquirer: 'gopay',
    },
  };
}

let xs: Awaited<ReturnType<typeof startFakeProvider>>;
let ms: Awaited<ReturnType<typeof startFakeProvider>>;
beforeAll(async () => {
  xs = await startFakeProvider(xendit);
  ms = await startFakeProvider(midtrans);
});
afterAll(async () => {
  await xs?.close();
  await ms?.close();
});

const xgw = () => new XenditGateway({ secretKey: XENDIT_KEY, callbackToken: XENDIT_TOKEN, baseUrl: xs.url });
const mgw = () => new MidtransGateway({ serverKey: MIDTRANS_KEY, coreBaseUrl: ms.url });
const json = (body: unknown) => Buffer.from(JSON.stringify(body));

describe('Xendit fixed virtual account', () => {
  it('creates an open-amount, reusable account and returns its number and id', async () => {
    const va = await xgw().createVirtualAccount({ externalId: 'ANG-2026-0001', name: 'Siti Rahayu', bankCode: 'BNI' });
    expect(va).toEqual({ provider: 'xendit', providerId: '57fb4e076fa3fa296b7f5a97', bankCode: 'BNI', number: '886081000123456' });
    const sent = xs.requests.at(-1)!;
    expect(sent.json).toMatchObject({ external_id: 'ANG-2026-0001', bank_code: 'BNI', name: 'Siti Rahayu', is_closed: false, is_single_use: false });
  });

  it("a refusal is a GatewayError carrying Xendit's reason", async () => {
    await expect(xgw().createVirtualAccount({ externalId: 'x', name: 'y', bankCode: 'NOPE' })).rejects.toThrow(/BANK_NOT_SUPPORTED_ERROR/);
    await expect(new XenditGateway({ secretKey: 'xnd_wrong_key', callbackToken: XENDIT_TOKEN, baseUrl: xs.url }).createVirtualAccount({ externalId: 'x', name: 'y', bankCode: 'BNI' })).rejects.toBeInstanceOf(GatewayError);
  });

  const paid = { id: '5f8e658fc5710a7ae00f75db', payment_id: '5f8e658f8d65ab385241f17a', callback_virtual_account_id: '57fb4e076fa3fa296b7f5a97', external_id: 'ANG-2026-0001', account_number: '886081000123456', merchant_code: '88608', bank_code: 'BNI', amount: 50000, transaction_timestamp: '2026-12-04T04:20:31.000Z', currency: 'IDR', owner_id: '5c2323c67d6d305ac433ba20' };

  it('reads the "FVA paid" callback after checking x-callback-token', () => {
    const n = xgw().parseVirtualAccountPayment({ headers: { 'x-callback-token': XENDIT_TOKEN }, rawBody: json(paid) });
    expect(n).toMatchObject({ provider: 'xendit', paymentId: paid.payment_id, accountProviderId: paid.callback_virtual_account_id, accountNumber: paid.account_number, bankCode: 'BNI', amount: 50_000n });
    expect(n.paidAt?.toISOString()).toBe('2026-12-04T04:20:31.000Z');
    expect(() => xgw().parseVirtualAccountPayment({ headers: { 'x-callback-token': 'wrong' }, rawBody: json(paid) })).toThrow(WebhookAuthError);
    expect(() => xgw().parseVirtualAccountPayment({ headers: {}, rawBody: json(paid) })).toThrow(WebhookAuthError);
    expect(() => xgw().parseVirtualAccountPayment({ headers: { 'x-callback-token': XENDIT_TOKEN }, rawBody: json({ ...paid, amount: 0 }) })).toThrow(WebhookFormatError);
    expect(() => xgw().parseVirtualAccountPayment({ headers: { 'x-callback-token': XENDIT_TOKEN }, rawBody: json({ ...paid, amount: 10.5 }) })).toThrow(WebhookFormatError);
    expect(() => xgw().parseVirtualAccountPayment({ headers: { 'x-callback-token': XENDIT_TOKEN }, rawBody: json({ ...paid, payment_id: undefined }) })).toThrow(WebhookFormatError);
  });
});

describe('Xendit QRIS', () => {
  it('creates a dynamic QR code with the api-version header and returns its qr_string', async () => {
    const qr = await xgw().createQris(charge);
    expect(qr).toEqual({ provider: 'xendit', providerReference: 'qr_8182837te-87st-49ing-8696-1239bd4d759c', qrString: '00020101021226660014ID.LINKAJA.WWW', redirectUrl: null });
    const sent = xs.requests.at(-1)!;
    expect(sent.headers['api-version']).toBe('2022-07-31');
    expect(sent.text).toContain('"amount":750000');
  });

  it('a qr.payment callback settles by reference_id, keyed by the payment id', () => {
    const body = { event: 'qr.payment', api_version: 'v2', business_id: '5fe2b8d8a33c1c4e5a5a5a5a', created: '2026-12-04T04:20:31.000Z', data: { id: 'qrpy_8182837te-87st-49ing-8696-1239bd4d759c', business_id: '5fe2b8d8a33c1c4e5a5a5a5a', currency: 'IDR', amount: 750000, status: 'SUCCEEDED', created: '2026-12-04T04:20:31.000Z', qr_id: 'qr_8182837te', qr_string: '0002010102', reference_id: charge.reference, type: 'DYNAMIC', channel_code: 'ID_DANA', expires_at: '2026-12-05T04:20:31.000Z' } };
    const n = xgw().parseWebhook({ headers: { 'x-callback-token': XENDIT_TOKEN }, rawBody: json(body) });
    expect(n).toMatchObject({ provider: 'xendit', reference: charge.reference, status: 'SETTLED', amount: 750_000n, eventKey: 'qrpy_8182837te-87st-49ing-8696-1239bd4d759c:SUCCEEDED' });
    expect(() => xgw().parseWebhook({ headers: { 'x-callback-token': 'x' }, rawBody: json(body) })).toThrow(WebhookAuthError);
  });
});

describe('Midtrans QRIS (Core API)', () => {
  it('charges payment_type qris and returns the QR string and image link', async () => {
    const qr = await mgw().createQris(charge);
    expect(qr).toEqual({ provider: 'midtrans', providerReference: '0dd1bbd6-7b36-4e4e-9d4b-2c6e6b1b1a01', qrString: '00020101021226620014COM.GO-JEK.WWW', redirectUrl: 'https://api.sandbox.midtrans.com/v2/qris/0dd1bbd6/qr-code' });
    expect(ms.requests.at(-1)!.json).toMatchObject({ payment_type: 'qris', transaction_details: { order_id: charge.reference, gross_amount: 750000 } });
  });

  it('a refusal reported in a 200 body is a GatewayError', async () => {
    await expect(mgw().createQris({ ...charge, reference: 'DUPLICATE' })).rejects.toThrow(/406/);
  });

  it('its payment notification is verified and parsed like any Midtrans notification', () => {
    const body = { order_id: charge.reference, status_code: '200', gross_amount: '750000.00', transaction_status: 'settlement', transaction_id: '0dd1bbd6', payment_type: 'qris' };
    const signature_key = createHash('sha512').update(body.order_id + body.status_code + body.gross_amount + MIDTRANS_KEY).digest('hex');
    expect(mgw().parseWebhook({ headers: {}, rawBody: json({ ...body, signature_key }) })).toMatchObject({ reference: charge.reference, status: 'SETTLED', amount: 750_000n });
  });

  it('has no open-amount virtual account, and says so', async () => {
    await expect(mgw().createVirtualAccount()).rejects.toThrow(/xendit/);
  });
});

describe('sandbox channels', () => {
  const sandbox = new SandboxGateway({ secret: 'sandbox-secret-0123456789', publicUrl: 'http://localhost:4000' });
  it('gives an order the same VA number every time, and reads signed VA payments', async () => {
    const a = await sandbox.createVirtualAccount({ externalId: 'ANG-1', name: 'A', bankCode: 'BNI' });
    expect(await sandbox.createVirtualAccount({ externalId: 'ANG-1', name: 'A', bankCode: 'BNI' })).toEqual(a);
    expect((await sandbox.createVirtualAccount({ externalId: 'ANG-2', name: 'A', bankCode: 'BNI' })).number).not.toBe(a.number);
    const { rawBody, headers } = signSandboxVaPayment('sandbox-secret-0123456789', { paymentId: 'p1', accountNumber: a.number, amount: 5_000n });
    expect(sandbox.parseVirtualAccountPayment({ headers, rawBody })).toMatchObject({ paymentId: 'p1', accountNumber: a.number, amount: 5_000n });
    expect(() => sandbox.parseVirtualAccountPayment({ headers: { 'x-sandbox-signature': 'bad' }, rawBody })).toThrow(WebhookAuthError);
  });
});

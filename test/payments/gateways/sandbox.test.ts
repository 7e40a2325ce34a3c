import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookAuthError, WebhookFormatError, type ChargeRequest } from '../../../server/src/payments/gateways/gateway';
import { createGateway } from '../../../server/src/payments/gateways/index';
import { SandboxGateway, sandboxPayPage, signSandboxEvent, type SandboxPayment } from '../../../server/src/payments/gateways/sandbox';

const SECRET = 'sandbox-secret-for-tests';
const hmac = (secret: string, raw: Buffer | string) => createHmac('sha256', secret).update(raw).digest('hex');

const charge: ChargeRequest = {
  reference: 'ANG/2024 000123#1',
  amount: 1_500_000n,
  description: 'Angsuran ke-1',
  customer: { name: 'Budi', email: 'budi@example.co.id', phone: '+6281234567890' },
  items: [{ id: 'INST-1', name: 'Angsuran ke-1', price: 1_500_000n, quantity: 1 }],
  expiresInSeconds: 3600,
};

function signed(body: unknown, secret = SECRET) {
  const rawBody = Buffer.from(JSON.stringify(body));
  return { headers: { 'content-type': 'application/json', 'x-sandbox-signature': hmac(secret, rawBody) }, rawBody };
}

const event = (overrides: Record<string, unknown> = {}) => ({
  reference: 'ANG-2024-000123-1',
  providerReference: 'sbx_0123456789abcdef01234567',
  status: 'SETTLED',
  amount: '1500000',
  eventId: 'sbxevt_1',
  ...overrides,
});

describe('sandbox gateway', () => {
  const gw = new SandboxGateway({ secret: SECRET, publicUrl: 'http://localhost:4000/' });

  it('is what createGateway builds for "sandbox"', () => {
    expect(createGateway('sandbox', { sandbox: { secret: SECRET, publicUrl: 'http://x' } })).toBeInstanceOf(SandboxGateway);
    expect(() => createGateway('midtrans', { sandbox: { secret: SECRET, publicUrl: 'http://x' } })).toThrow(/no options/);
  });

  it('sends the customer to its own pay page, with the reference URL-encoded', async () => {
    const result = await gw.createCharge(charge);
    expect(result.provider).toBe('sandbox');
    expect(result.redirectUrl).toBe('http://localhost:4000/payments/sandbox/ANG%2F2024%20000123%231');
    expect(result.providerReference).toMatch(/^sbx_[0-9a-f]{24}$/);
    expect((await gw.createCharge(charge)).providerReference).not.toBe(result.providerReference);
  });

  it('accepts an event signed with HMAC-SHA256 of the raw body', () => {
    const body = event();
    expect(gw.parseWebhook(signed(body))).toEqual({
      provider: 'sandbox',
      reference: 'ANG-2024-000123-1',
      providerReference: 'sbx_0123456789abcdef01234567',
      status: 'SETTLED',
      amount: 1_500_000n,
      eventKey: 'sbxevt_1',
      raw: body,
    });
    for (const status of ['PENDING', 'FAILED', 'EXPIRED', 'REFUNDED']) {
      expect(gw.parseWebhook(signed(event({ status }))).status).toBe(status);
    }
    expect(gw.parseWebhook(signed(event({ providerReference: null }))).providerReference).toBeNull();
  });

  it('refuses a wrong secret, a missing signature and a body changed after signing', () => {
    expect(() => gw.parseWebhook(signed(event(), 'other-secret'))).toThrow(WebhookAuthError);
    const good = signed(event());
    expect(() => gw.parseWebhook({ headers: {}, rawBody: good.rawBody })).toThrow(WebhookAuthError);
    const tampered = Buffer.from(good.rawBody.toString().replace('"1500000"', '"15000000"'));
    expect(() => gw.parseWebhook({ headers: good.headers, rawBody: tampered })).toThrow(WebhookAuthError);
  });

  it('refuses signed but malformed events', () => {
    expect(() => gw.parseWebhook(signed('{oops'))).toThrow(WebhookFormatError); // a JSON string, not an object
    const notJson = Buffer.from('{oops');
    expect(() => gw.parseWebhook({ headers: { 'x-sandbox-signature': hmac(SECRET, notJson) }, rawBody: notJson })).toThrow(WebhookFormatError);
    for (const amount of [1500000, '1500000.00', '1.5', '-1', '']) {
      expect(() => gw.parseWebhook(signed(event({ amount }))), String(amount)).toThrow(WebhookFormatError);
    }
    expect(() => gw.parseWebhook(signed(event({ status: 'PAID' })))).toThrow(WebhookFormatError);
    expect(() => gw.parseWebhook(signed(event({ eventId: undefined })))).toThrow(WebhookFormatError);
  });

  it('signSandboxEvent writes the amount as digits and signs exactly the bytes it returns', () => {
    const { rawBody, headers } = signSandboxEvent(SECRET, {
      reference: 'R-1',
      providerReference: null,
      status: 'FAILED',
      amount: 9_007_199_254_740_993n,
      eventId: 'e-1',
    });
    expect(JSON.parse(rawBody.toString())).toEqual({ reference: 'R-1', providerReference: null, status: 'FAILED', amount: '9007199254740993', eventId: 'e-1' });
    expect(headers['x-sandbox-signature']).toBe(hmac(SECRET, rawBody));
    expect(headers['content-type']).toBe('application/json');
    expect(gw.parseWebhook({ headers, rawBody }).amount).toBe(9_007_199_254_740_993n);
  });
});

describe('sandbox pay page', () => {
  const payments = new Map<string, SandboxPayment>([
    ['ANG-1', { amount: 1_500_000n, description: 'Cicilan <script>alert("x")</script> & VPS', status: 'PENDING', providerReference: 'sbx_abc' }],
    ['ANG/2', { amount: 250_000n, description: 'Cicilan ke-2', status: 'PENDING' }],
    ['ANG-3', { amount: 700_000n, description: 'Uang muka', status: 'SETTLED', returnUrl: 'http://billing.test/admin/my-orders/o-3/show' }],
  ]);
  const received: { headers: http.IncomingHttpHeaders; rawBody: Buffer }[] = [];
  let webhookStatus = 200;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(
      sandboxPayPage({
        secret: SECRET,
        webhookPath: '/webhooks/payments/sandbox',
        lookup: async (ref) => payments.get(ref) ?? null,
        brand: { companyName: 'PT Awan <Biru>', primaryColor: '#123456' },
      }),
    );
    app.post('/webhooks/payments/sandbox', express.raw({ type: () => true }), (req, res) => {
      received.push({ headers: req.headers, rawBody: req.body as Buffer });
      res.status(webhookStatus).json({ ok: webhookStatus < 300 });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('shows the banner, the amount in rupiah, both buttons, and escapes what it prints', async () => {
    const res = await fetch(`${base}/payments/sandbox/ANG-1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('SANDBOX — bukan pembayaran sungguhan');
    expect(html).toContain('Rp 1.500.000');
    expect(html).toContain('Bayar (simulasi)');
    expect(html).toContain('Gagalkan');
    expect(html).toContain('action="/payments/sandbox/ANG-1/pay"');
    expect(html).toContain('action="/payments/sandbox/ANG-1/fail"');
    expect(html).toContain('Cicilan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; VPS');
    expect(html).not.toContain('<script>');
  });

  it('belongs to the hosting company, reads the status in words, and leads back to the order once paid', async () => {
    const waiting = await (await fetch(`${base}/payments/sandbox/ANG-1`)).text();
    expect(waiting).toContain('PT Awan &lt;Biru&gt;');
    expect(waiting).toContain('background:#123456');
    expect(waiting).toContain('Menunggu pembayaran');
    expect(waiting).not.toContain('>PENDING<');
    const paid = await (await fetch(`${base}/payments/sandbox/ANG-3`)).text();
    expect(paid).toContain('Lunas');
    expect(paid).toContain('href="http://billing.test/admin/my-orders/o-3/show"');
    expect(paid).toContain('Kembali ke pesanan');
    // Nothing left to pay: no buttons inviting a second payment.
    expect(paid).not.toContain('Bayar (simulasi)');
  });

  it('answers 404 for an unknown reference, escaping it', async () => {
    const res = await fetch(`${base}/payments/sandbox/${encodeURIComponent('<b>nope</b>')}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('&lt;b&gt;nope&lt;/b&gt;');
    expect(html).not.toContain('<b>nope');
    const post = await fetch(`${base}/payments/sandbox/nope/pay`, { method: 'POST', redirect: 'manual' });
    expect(post.status).toBe(404);
  });

  it('"pay" delivers a correctly signed SETTLED event to the webhook and redirects back', async () => {
    received.length = 0;
    const res = await fetch(`${base}/payments/sandbox/ANG-1/pay`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/payments/sandbox/ANG-1?hasil=dibayar');
    expect(received).toHaveLength(1);
    const { headers, rawBody } = received[0]!;
    expect(headers['x-sandbox-signature']).toBe(hmac(SECRET, rawBody));
    expect(headers['content-type']).toBe('application/json');
    const body = JSON.parse(rawBody.toString());
    expect(body).toEqual({ reference: 'ANG-1', providerReference: 'sbx_abc', status: 'SETTLED', amount: '1500000', eventId: expect.stringMatching(/^sbxevt_[0-9a-f]{24}$/) });
    // The app's own adapter accepts what the page sent.
    const n = new SandboxGateway({ secret: SECRET, publicUrl: base }).parseWebhook({ headers, rawBody });
    expect(n).toMatchObject({ reference: 'ANG-1', status: 'SETTLED', amount: 1_500_000n });

    const page = await (await fetch(`${base}${res.headers.get('location')}`)).text();
    expect(page).toContain('Simulasi pembayaran berhasil dikirim');
  });

  it('"fail" delivers a FAILED event; every press is a new event', async () => {
    received.length = 0;
    const ref = encodeURIComponent('ANG/2');
    await fetch(`${base}/payments/sandbox/${ref}/fail`, { method: 'POST', redirect: 'manual' });
    const res = await fetch(`${base}/payments/sandbox/${ref}/fail`, { method: 'POST', redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`/payments/sandbox/${ref}?hasil=digagalkan`);
    const bodies = received.map((r) => JSON.parse(r.rawBody.toString()));
    expect(bodies.map((b) => [b.reference, b.status, b.amount, b.providerReference])).toEqual([
      ['ANG/2', 'FAILED', '250000', null],
      ['ANG/2', 'FAILED', '250000', null],
    ]);
    expect(bodies[0].eventId).not.toBe(bodies[1].eventId);
  });

  it('tells the tester when the app refused the webhook', async () => {
    webhookStatus = 500;
    try {
      const res = await fetch(`${base}/payments/sandbox/ANG-1/pay`, { method: 'POST', redirect: 'manual' });
      expect(res.headers.get('location')).toBe('/payments/sandbox/ANG-1?hasil=gagal-kirim&kode=500');
      const page = await (await fetch(`${base}${res.headers.get('location')}`)).text();
      expect(page).toContain('Notifikasi tidak dapat dikirim ke aplikasi (HTTP 500)');
    } finally {
      webhookStatus = 200;
    }
  });
});

import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderNotification } from '../../../server/src/notifications/channels/templates';
import {
  createCloudSender,
  createSandboxSender,
  parseWebhookEvent,
  verifyWebhookSubscription,
  WhatsAppError,
  WhatsAppSignatureError,
  WhatsAppWebhookFormatError,
  type WhatsAppStatusEvent,
} from '../../../server/src/notifications/channels/whatsapp';

const TOKEN = 'EAAG-test-token';
const PHONE_NUMBER_ID = '106540352242922';
const WAMID = 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjA3QjA3RkE1MkY4NkZFQzVBNwA=';

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  text: string;
}
type Reply = { status: number; body: string; contentType?: string };

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const close = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A fake server's async handler: a failure ends the response (the client sees it) instead of going unhandled. */
const served = (handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  handler(req, res).catch((err: unknown) => res.destroy(err instanceof Error ? err : new Error(String(err))));
};

/** Plays the Graph API: POST /{version}/{phone-number-id}/messages with a Bearer token, JSON in, JSON out. */
async function startGraph() {
  const seen: Seen[] = [];
  let next: ((req: Seen) => Reply) | null = null;
  const server = http.createServer(served(async (req, res) => {
    const text = (await readBody(req)).toString('utf8');
    const r: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, text };
    seen.push(r);
    let reply: Reply;
    if (r.method !== 'POST' || r.path !== `/v21.0/${PHONE_NUMBER_ID}/messages`) {
      reply = { status: 404, body: JSON.stringify({ error: { message: 'Unknown path components', type: 'OAuthException', code: 2500, fbtrace_id: 'A1' } }) };
    } else if (r.headers.authorization !== `Bearer ${TOKEN}`) {
      reply = {
        status: 401,
        body: JSON.stringify({ error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190, fbtrace_id: 'A2' } }),
      };
    } else if (next) {
      reply = next(r);
    } else {
      const to = (JSON.parse(text) as { to: string }).to;
      reply = { status: 200, body: JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: WAMID }] }) };
    }
    res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
    res.end(reply.body);
  }));
  const url = await listen(server);
  return {
    url,
    seen,
    reply(fn: ((req: Seen) => Reply) | null) {
      next = fn;
    },
    close: () => close(server),
  };
}

describe('WhatsApp Cloud API sender against a local Graph API', () => {
  let graph: Awaited<ReturnType<typeof startGraph>>;
  const cloud = (accessToken = TOKEN) => createCloudSender({ baseUrl: graph.url, apiVersion: 'v21.0', phoneNumberId: PHONE_NUMBER_ID, accessToken });

  beforeAll(async () => {
    graph = await startGraph();
  });
  beforeEach(() => {
    graph.seen.length = 0;
    graph.reply(null);
  });
  afterAll(async () => {
    await graph.close();
  });

  it('sends a template message: path, Bearer token and the exact JSON, digits-only recipient', async () => {
    const rendered = renderNotification('INSTALLMENT_REMINDER', 'id', {
      customerName: 'Budi Santoso',
      orderNumber: 'ORD-202602-000123',
      installmentNumber: 3,
      dueDate: '2026-02-28',
      amount: 1_035_000n,
      daysBefore: 3,
    });
    const result = await cloud().send({ to: '+6281234567890', kind: 'template', template: rendered.whatsapp.template, language: 'id', bodyParams: rendered.whatsapp.bodyParams });

    expect(result).toEqual({ providerMessageId: WAMID });
    expect(graph.seen).toHaveLength(1);
    const [req] = graph.seen;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
    expect(req!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.text)).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'template',
      template: {
        name: 'angsur_installment_reminder',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Budi Santoso' },
              { type: 'text', text: '3' },
              { type: 'text', text: 'ORD-202602-000123' },
              { type: 'text', text: 'Rp 1.035.000' },
              { type: 'text', text: '28 Februari 2026' },
            ],
          },
        ],
      },
    });
  });

  it('never puts a newline, a tab or an empty string in a template parameter', async () => {
    await cloud().send({ to: '+6281234567890', kind: 'template', template: 'angsur_order_assigned', language: 'en', bodyParams: ['Sari', 'a\n\tb', '', 'x      y'] });
    const params = (JSON.parse(graph.seen[0]!.text) as { template: { components: Array<{ parameters: Array<{ text: string }> }> } }).template.components[0]!.parameters;
    expect(params.map((p) => p.text)).toEqual(['Sari', 'a b', '-', 'x    y']);
  });

  it('sends a document message with the caption cut at 1024 characters', async () => {
    const caption = 'SPK/2026/02/000012 '.repeat(80);
    expect(caption.length).toBeGreaterThan(1024);
    await cloud().send({ to: '+6281234567890', kind: 'document', link: 'https://billing.example.co.id/files/spk-000012.pdf', filename: 'SPK-2026-02-000012.pdf', caption });
    expect(JSON.parse(graph.seen[0]!.text)).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'document',
      document: { link: 'https://billing.example.co.id/files/spk-000012.pdf', filename: 'SPK-2026-02-000012.pdf', caption: caption.slice(0, 1024) },
    });
  });

  it('sends a text message without link preview', async () => {
    const rendered = renderNotification('PAYMENT_SETTLED', 'id', { customerName: 'Budi Santoso', orderNumber: 'ORD-202602-000123', amount: 1_035_000n, reference: 'PAY-0001' });
    await cloud().send({ to: '+6281234567890', kind: 'text', text: rendered.whatsapp.text });
    expect(JSON.parse(graph.seen[0]!.text)).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'text',
      text: {
        body: 'Yth. Bapak/Ibu Budi Santoso, pembayaran untuk pesanan ORD-202602-000123 sebesar Rp 1.035.000 telah kami terima (referensi PAY-0001). Terima kasih.',
        preview_url: false,
      },
    });
  });

  it('refuses a recipient that is not E.164 before calling Meta', async () => {
    const err = await cloud()
      .send({ to: '081234567890', kind: 'text', text: 'Halo' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WhatsAppError);
    expect(err).toMatchObject({ retryable: false });
    expect(graph.seen).toHaveLength(0);
  });

  it('maps an expired token (401, code 190) to a non-retryable WhatsAppError', async () => {
    const err = await cloud('expired-token')
      .send({ to: '+6281234567890', kind: 'text', text: 'Halo' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WhatsAppError);
    expect(err).toMatchObject({ status: 401, code: 190, retryable: false });
    expect((err as Error).message).toContain('Invalid OAuth access token');
  });

  it('maps an invalid parameter (400, code 100) to a non-retryable WhatsAppError with its details', async () => {
    graph.reply(() => ({
      status: 400,
      body: JSON.stringify({
        error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, error_subcode: 2494010, error_data: { details: 'template name does not exist' }, fbtrace_id: 'AbC123' },
      }),
    }));
    const err = await cloud()
      .send({ to: '+6281234567890', kind: 'template', template: 'angsur_missing', language: 'id', bodyParams: [] })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 100, retryable: false, details: { subcode: 2494010, type: 'OAuthException', fbtraceId: 'AbC123' } });
    expect((err as Error).message).toContain('template name does not exist');
    // No body parameters: no components at all.
    expect(JSON.parse(graph.seen[0]!.text)).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'template',
      template: { name: 'angsur_missing', language: { code: 'id' } },
    });
  });

  it('marks 503 (even with an HTML body) and 429 / throughput errors retryable', async () => {
    graph.reply(() => ({ status: 503, body: '<html><body>Service Unavailable</body></html>', contentType: 'text/html' }));
    await expect(cloud().send({ to: '+6281234567890', kind: 'text', text: 'Halo' })).rejects.toMatchObject({ name: 'WhatsAppError', status: 503, code: undefined, retryable: true });

    graph.reply(() => ({ status: 400, body: JSON.stringify({ error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'X' } }) }));
    await expect(cloud().send({ to: '+6281234567890', kind: 'text', text: 'Halo' })).rejects.toMatchObject({ status: 400, code: 130429, retryable: true });

    graph.reply(() => ({ status: 429, body: JSON.stringify({ error: { message: 'Too many calls', type: 'OAuthException', code: 80007, fbtrace_id: 'Y' } }) }));
    await expect(cloud().send({ to: '+6281234567890', kind: 'text', text: 'Halo' })).rejects.toMatchObject({ status: 429, code: 80007, retryable: true });
  });

  it('marks an unreachable Graph API retryable, and a 200 without a message id not retryable', async () => {
    const dead = http.createServer();
    const deadUrl = await listen(dead);
    await close(dead);
    const unreachable = createCloudSender({ baseUrl: deadUrl, phoneNumberId: PHONE_NUMBER_ID, accessToken: TOKEN, timeoutMs: 2000 });
    await expect(unreachable.send({ to: '+6281234567890', kind: 'text', text: 'Halo' })).rejects.toMatchObject({ status: undefined, retryable: true });

    graph.reply(() => ({ status: 200, body: JSON.stringify({ messaging_product: 'whatsapp', messages: [] }) }));
    await expect(cloud().send({ to: '+6281234567890', kind: 'text', text: 'Halo' })).rejects.toMatchObject({ status: 200, retryable: false });
  });
});

describe('WhatsApp sandbox sender', () => {
  it('records messages in memory with wamid-like ids', async () => {
    const sandbox = createSandboxSender();
    const a = await sandbox.send({ to: '+6281234567890', kind: 'text', text: 'Halo' });
    const b = await sandbox.send({ to: '+6281234567890', kind: 'template', template: 'angsur_spk_confirmed', language: 'en', bodyParams: ['Budi', 'SPK/2026/02/000012', 'ORD-1'] });
    expect(sandbox.name).toBe('sandbox');
    expect(a.providerMessageId).toMatch(/^wamid\./);
    expect(a.providerMessageId).not.toBe(b.providerMessageId);
    expect(sandbox.sent.map((m) => [m.kind, m.providerMessageId])).toEqual([
      ['text', a.providerMessageId],
      ['template', b.providerMessageId],
    ]);
    expect(sandbox.sent[0]!.at).toBeInstanceOf(Date);
    await expect(sandbox.send({ to: '6281234567890', kind: 'text', text: 'Halo' })).rejects.toBeInstanceOf(WhatsAppError);
    expect(sandbox.sent).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------------
// Webhook: a stand-in for our route, called the way Meta calls it.

const APP_SECRET = 'app-secret-uji';
const VERIFY_TOKEN = 'verify-token-uji';

/** A status event as Meta sends it, and its signature computed outside Node (openssl dgst -sha256 -hmac app-secret-uji). */
const DELIVERED_BODY =
  '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"delivered","timestamp":"1772254800","recipient_id":"6281234567890"}]},"field":"messages"}]}]}';
const DELIVERED_SIGNATURE = 'sha256=18453e333a42de6c8a3b8d0f6b2b5945c8f5487e964036ad4b77cc152158dd42';

const sign = (body: string | Buffer, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function startWebhookRoute() {
  const events: WhatsAppStatusEvent[] = [];
  const server = http.createServer(served(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET') {
      const challenge = verifyWebhookSubscription(Object.fromEntries(url.searchParams), VERIFY_TOKEN);
      res.writeHead(challenge === null ? 403 : 200, { 'content-type': 'text/plain' });
      res.end(challenge ?? 'forbidden');
      return;
    }
    const raw = await readBody(req);
    try {
      events.push(...parseWebhookEvent(req.headers, raw, APP_SECRET));
      res.writeHead(200).end('ok');
    } catch (err) {
      res.writeHead(err instanceof WhatsAppSignatureError ? 401 : err instanceof WhatsAppWebhookFormatError ? 400 : 500).end((err as Error).name);
    }
  }));
  const url = await listen(server);
  return { url, events, close: () => close(server) };
}

describe('WhatsApp webhook', () => {
  let route: Awaited<ReturnType<typeof startWebhookRoute>>;
  beforeAll(async () => {
    route = await startWebhookRoute();
  });
  afterAll(async () => {
    await route.close();
  });

  it('answers the subscription GET with hub.challenge only for our verify token', async () => {
    const ok = await fetch(`${route.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');

    const wrong = await fetch(`${route.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=1158201444`);
    expect(wrong.status).toBe(403);
    const notSubscribe = await fetch(`${route.url}/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`);
    expect(notSubscribe.status).toBe(403);

    expect(verifyWebhookSubscription({ hub: { mode: 'subscribe', verify_token: VERIFY_TOKEN, challenge: '42' } }, VERIFY_TOKEN)).toBe('42');
    expect(verifyWebhookSubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': ['a', 'b'], 'hub.challenge': '42' }, VERIFY_TOKEN)).toBeNull();
    expect(verifyWebhookSubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '42' }, '')).toBeNull();
    expect(verifyWebhookSubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '<script>' }, VERIFY_TOKEN)).toBeNull();
  });

  it('accepts a status event signed with the app secret (signature computed outside Node)', async () => {
    expect(sign(DELIVERED_BODY)).toBe(DELIVERED_SIGNATURE);
    const res = await fetch(`${route.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': DELIVERED_SIGNATURE },
      body: DELIVERED_BODY,
    });
    expect(res.status).toBe(200);
    expect(route.events.splice(0)).toEqual([
      {
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',
        status: 'delivered',
        timestamp: new Date('2026-02-28T05:00:00Z'),
        recipientId: '6281234567890',
      },
    ]);
  });

  it('refuses a wrong, missing or malformed signature, and a body changed after signing', async () => {
    const post = (headers: Record<string, string>, body = DELIVERED_BODY) =>
      fetch(`${route.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({ 'x-hub-signature-256': sign(DELIVERED_BODY, 'another-secret') })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-hub-signature-256': DELIVERED_SIGNATURE.slice(7) })).status).toBe(401);
    expect((await post({ 'x-hub-signature-256': 'sha256=abc' })).status).toBe(401);
    expect((await post({ 'x-hub-signature-256': DELIVERED_SIGNATURE }, DELIVERED_BODY.replace('delivered', 'read'))).status).toBe(401);
    expect((await post({ 'x-hub-signature-256': sign('not json') }, 'not json')).status).toBe(400);
    expect(route.events).toEqual([]);

    expect(() => parseWebhookEvent({ 'x-hub-signature-256': sign(DELIVERED_BODY, 'x') }, Buffer.from(DELIVERED_BODY), APP_SECRET)).toThrow(WhatsAppSignatureError);
  });

  it('extracts every status of every entry and change, with the error of a failed one, and skips the rest', () => {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                statuses: [
                  { id: 'wamid.A', status: 'sent', timestamp: '1772254800', recipient_id: '6281234567890' },
                  {
                    id: 'wamid.B',
                    status: 'failed',
                    timestamp: '1772254860',
                    recipient_id: '6281234567891',
                    errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'not on WhatsApp' } }],
                  },
                  { id: 'wamid.C', status: 'deleted', timestamp: '1772254860' },
                ],
              },
            },
            { field: 'messages', value: { messaging_product: 'whatsapp', messages: [{ from: '6281234567890', id: 'wamid.IN', type: 'text', text: { body: 'Halo' } }] } },
          ],
        },
        { id: 'WABA', changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.D', status: 'read', timestamp: '1772254900' }] } }] },
      ],
    });
    const raw = Buffer.from(body, 'utf8');
    expect(parseWebhookEvent({ 'X-Hub-Signature-256': sign(raw) }, raw, APP_SECRET)).toEqual([
      { providerMessageId: 'wamid.A', status: 'sent', timestamp: new Date(1772254800_000), recipientId: '6281234567890' },
      { providerMessageId: 'wamid.B', status: 'failed', timestamp: new Date(1772254860_000), recipientId: '6281234567891', errorTitle: 'Message undeliverable', errorCode: 131026 },
      { providerMessageId: 'wamid.D', status: 'read', timestamp: new Date(1772254900_000) },
    ]);
  });
});

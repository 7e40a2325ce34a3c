import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth, bearerAuth, HttpClient, HttpClientError } from '../../server/src/common/http-client';
import { closedPort } from '../payments/gateways/fake-http';

/**
 * The adapters' shared HTTP client against a real local server: each route plays one way a provider
 * (or a proxy in front of it) misbehaves.
 */
let base = '';
let hits: { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
const sockets = new Set<Socket>();
let flaky = 0;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const path = req.url ?? '';
    hits.push({ method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    if (path === '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"n":1}');
    if (path === '/array') return void res.writeHead(200, { 'content-type': 'application/json' }).end('[1,2]');
    if (path === '/html') return void res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
    if (path === '/down') return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"maintenance"}');
    if (path === '/flaky') {
      flaky++;
      return void (flaky === 1 ? res.writeHead(504).end() : res.writeHead(200, { 'content-type': 'application/json' }).end('{"second":true}'));
    }
    if (path === '/big-declared') return void res.writeHead(200, { 'content-length': String(5000) }).end('x'.repeat(5000));
    if (path === '/big-chunked') {
      // No Content-Length: the size is only known while reading.
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      return void res.end();
    }
    if (path === '/hang') return; // accepts, never answers
    if (path === '/slow-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":'); // and never finishes
      return;
    }
    res.writeHead(404).end();
  });
});

beforeAll(async () => {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  hits = [];
  flaky = 0;
});

const client = (extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) => new HttpClient({ name: 'Fake', baseUrl: base, ...extra });
const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected a failure'), (e: unknown) => e as HttpClientError);

describe('HttpClient', () => {
  it('sends JSON with the auth headers and parses a JSON object', async () => {
    const reply = await client({ headers: { Authorization: bearerAuth('tok') } }).request({ method: 'POST', url: '/json', json: { amount: 1500000 } });
    expect(reply.status).toBe(200);
    expect(reply.jsonObject()).toEqual({ ok: true, n: 1 });
    expect(hits[0]).toMatchObject({ method: 'POST', body: '{"amount":1500000}' });
    expect(hits[0]!.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json', accept: 'application/json' });
  });

  it('builds Basic auth as providers expect (user:password, base64)', () => {
    expect(basicAuth('xnd_secret')).toBe(`Basic ${Buffer.from('xnd_secret:').toString('base64')}`);
    expect(basicAuth('u', 'p')).toBe('Basic dTpw');
  });

  it('signs each request from its method and URL when headers is a function', async () => {
    await client({ headers: ({ method, url }) => ({ 'x-sig': `${method} ${new URL(url).pathname}` }) }).request({ url: '/json' });
    expect(hits[0]!.headers['x-sig']).toBe('GET /json');
  });

  it('answers NOT_JSON with the status and the start of the text when the body is not JSON', async () => {
    const reply = await client().request({ url: '/html' });
    expect(reply.status).toBe(502);
    expect(reply.body()).toBe('<html>Bad gateway</html>');
    const err = await failure(Promise.resolve().then(() => reply.json()));
    expect(err).toBeInstanceOf(HttpClientError);
    expect(err).toMatchObject({ code: 'NOT_JSON', status: 502, body: '<html>Bad gateway</html>' });
  });

  it('answers NOT_JSON for a JSON array where an object is required', async () => {
    const reply = await client().request({ url: '/array' });
    expect(reply.json()).toEqual([1, 2]);
    expect(() => reply.jsonObject()).toThrow(expect.objectContaining({ code: 'NOT_JSON' }) as Error);
  });

  it('hands a 5xx back to the adapter with its body, not as a transport error', async () => {
    const reply = await client().request({ url: '/down' });
    expect(reply).toMatchObject({ status: 503, ok: false });
    expect(reply.body()).toEqual({ message: 'maintenance' });
    expect(hits).toHaveLength(1);
  });

  it('retries a GET after a 504, but never a POST unless it is declared idempotent', async () => {
    const reply = await client().request({ url: '/flaky', retries: 1, retryDelayMs: 0 });
    expect(reply.jsonObject()).toEqual({ second: true });
    expect(hits).toHaveLength(2);

    hits = [];
    flaky = 0;
    const post = await client().request({ method: 'POST', url: '/flaky', json: {}, retries: 3, retryDelayMs: 0 });
    expect(post.status).toBe(504);
    expect(hits).toHaveLength(1);

    hits = [];
    flaky = 0;
    const put = await client().request({ method: 'PUT', url: '/flaky', json: {}, retries: 1, idempotent: true, retryDelayMs: 0 });
    expect(put.status).toBe(200);
    expect(hits).toHaveLength(2);
  });

  it('stops at the retry limit and returns the last answer', async () => {
    const reply = await client().request({ url: '/down', retries: 2, retryDelayMs: 0 });
    expect(reply.status).toBe(503);
    expect(hits).toHaveLength(3);
  });

  it('refuses an answer larger than the cap, declared or streamed', async () => {
    const declared = await failure(client({ maxResponseBytes: 1000 }).request({ url: '/big-declared' }));
    expect(declared).toMatchObject({ code: 'TOO_LARGE', status: 200 });
    const streamed = await failure(client().request({ url: '/big-chunked', maxResponseBytes: 4096 }));
    expect(streamed).toMatchObject({ code: 'TOO_LARGE', status: 200 });
    expect(streamed.message).toMatch(/Fake GET \/big-chunked: the answer is larger than 4096 bytes/);
    // Under the cap the same answer reads whole.
    expect((await client().request({ url: '/big-chunked' })).bytes).toHaveLength(10_000);
  });

  it('times out a server that never answers, and one that stops halfway through the body', async () => {
    const hang = await failure(client({ timeoutMs: 200 }).request({ url: '/hang' }));
    expect(hang).toMatchObject({ code: 'TIMEOUT', status: undefined, transient: true });
    expect(hang.message).toMatch(/Fake GET \/hang: no answer within 200 ms/);
    const slow = await failure(client().request({ url: '/slow-body', timeoutMs: 200 }));
    expect(slow).toMatchObject({ code: 'TIMEOUT' });
  });

  it('reports a closed port as UNREACHABLE, keeping the cause', async () => {
    const err = await failure(new HttpClient({ name: 'Fake', baseUrl: `http://127.0.0.1:${await closedPort()}` }).request({ url: '/json' }));
    expect(err).toMatchObject({ code: 'UNREACHABLE', status: undefined, transient: true });
    expect(err.message).toMatch(/Fake GET \/json could not be reached: fetch failed/);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('uses an absolute URL as it is, whatever the base', async () => {
    const reply = await new HttpClient({ name: 'Fake', baseUrl: 'http://unused.invalid' }).request({ url: `${base}/json` });
    expect(reply.status).toBe(200);
  });
});

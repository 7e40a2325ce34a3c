import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/** Issue 11 items 8 and 9: security headers, and bodies refused in JSON before they are read. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
});
afterAll(() => t?.close());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of the body we had sent when the answer arrived. */
  sentWhenAnswered: number;
}

/**
 * Sends a request that announces `declared` bytes (or none: chunked) but only ever writes `send`
 * bytes and then waits. A server that reads before it refuses would wait forever for the rest; one
 * that refuses by header or by counting answers while the body is still incomplete.
 */
function partialRequest(path: string, opts: { method?: string; declared?: number; send: number; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(t.url);
    let sent = 0;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: opts.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...(opts.declared !== undefined ? { 'content-length': String(opts.declared) } : {}), ...opts.headers },
      },
      (res) => {
        const sentWhenAnswered = sent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentWhenAnswered });
        });
      },
    );
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)));
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const pump = () => {
      while (sent < opts.send) {
        const part = chunk.subarray(0, Math.min(chunk.length, opts.send - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      // Deliberately not ended when a length was declared: the rest never comes.
      if (opts.declared === undefined) req.end();
    };
    pump();
  });
}

const MB = 1024 * 1024;

function expectJsonError(answer: Answer, status: number, code: string, shape: 'graphql' | 'plain') {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/application\/json/);
  expect(answer.body).not.toMatch(/<html|<pre|\bat \w+ \(|node_modules|\/work\//i);
  const json = JSON.parse(answer.body);
  if (shape === 'graphql') expect(json.errors[0]).toMatchObject({ message: expect.any(String), extensions: { code } });
  else expect(json.error).toMatchObject({ code, message: expect.any(String) });
}

async function stillAnswers() {
  expect((await t.gql(`{ products(perPage: 1) { total } }`)).errors).toBeUndefined();
}

describe('oversized and malformed bodies', () => {
  it('/graphql refuses a 50 MB Content-Length before reading it, in JSON with TOO_LARGE', async () => {
    const answer = await partialRequest('/graphql', { declared: 50 * MB, send: 64 * 1024 });
    expectJsonError(answer, 413, 'TOO_LARGE', 'graphql');
    expect(answer.sentWhenAnswered).toBeLessThan(50 * MB);
    await stillAnswers();
  });

  it('/graphql counts a chunked body without a length and stops at the limit', async () => {
    const answer = await partialRequest('/graphql', { send: 3 * MB });
    expectJsonError(answer, 413, 'TOO_LARGE', 'graphql');
    await stillAnswers();
  });

  it('malformed JSON is BAD_USER_INPUT in JSON, never an HTML page with a stack', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me { id } }", ' });
    const headers = { 'content-type': res.headers.get('content-type') ?? undefined };
    expectJsonError({ status: res.status, headers, body: await res.text(), sentWhenAnswered: 0 }, 400, 'BAD_USER_INPUT', 'graphql');
    await stillAnswers();
  });

  it('an anonymous upload is refused (401) before its body is read; an oversized one (413) before authentication', async () => {
    const anonymous = await partialRequest('/files/payments/00000000-0000-0000-0000-000000000000/proof', { method: 'PUT', declared: 4 * MB, send: 64 * 1024, headers: { 'content-type': 'application/pdf' } });
    expectJsonError(anonymous, 401, 'UNAUTHENTICATED', 'plain');
    const anonymousSpk = await partialRequest('/files/spk/00000000-0000-0000-0000-000000000000/signed', { method: 'PUT', declared: 9 * MB, send: 64 * 1024, headers: { 'content-type': 'application/pdf' } });
    expectJsonError(anonymousSpk, 401, 'UNAUTHENTICATED', 'plain');

    // Too big is answered from the header alone, even with a forged token: no authentication work.
    const huge = await partialRequest('/files/payments/00000000-0000-0000-0000-000000000000/proof', {
      method: 'PUT',
      declared: 50 * MB,
      send: 64 * 1024,
      headers: { 'content-type': 'application/pdf', authorization: 'Bearer forged' },
    });
    expectJsonError(huge, 413, 'TOO_LARGE', 'plain');
    await stillAnswers();
  });

  it('a signed-in upload streamed without a length is counted and cut at the limit', async () => {
    const customer = await t.createUser('CUSTOMER');
    const answer = await partialRequest('/files/payments/00000000-0000-0000-0000-000000000000/proof', {
      method: 'PUT',
      send: 6 * MB,
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${customer.token}` },
    });
    expectJsonError(answer, 413, 'TOO_LARGE', 'plain');
    await stillAnswers();
  });

  it('webhooks refuse an oversized body by its length', async () => {
    const answer = await partialRequest('/webhooks/payments/sandbox', { declared: 20 * MB, send: 64 * 1024 });
    expectJsonError(answer, 413, 'TOO_LARGE', 'plain');
    await stillAnswers();
  });
});

describe('security headers', () => {
  it('the back office, /verify and the API carry a CSP with frame-ancestors, X-Frame-Options and nosniff', async () => {
    for (const path of ['/admin/', '/verify/SPK-AAAAAAAAAA', '/healthz']) {
      const res = await fetch(`${t.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'self'");
      expect(csp, path).toContain("object-src 'self' blob:");
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      // Plain HTTP: HSTS would be ignored by browsers and would only break a local install.
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
    const gql = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ products(perPage: 1) { total } }' }) });
    expect(gql.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // No ETag hashed over every API answer: nothing revalidates a POST (issue 14: a SHA-1 of each body).
    expect(gql.headers.get('etag')).toBeNull();
  });

  it('behind an HTTPS proxy (TRUST_PROXY=true) the answers add HSTS and upgrade-insecure-requests', async () => {
    for (const path of ['/admin/', '/verify/SPK-AAAAAAAAAA']) {
      const res = await fetch(`${t.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=31536000; includeSubDomains/);
      expect(res.headers.get('content-security-policy'), path).toContain('upgrade-insecure-requests');
    }
  });
});

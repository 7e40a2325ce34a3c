import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/**
 * The request log (one line per HTTP request) says who asked what and how it went, and never carries
 * a credential: a bearer token in a log file is a session anyone reading the logs can use.
 */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ logger: pino({ level: 'info' }, sink) });
});
afterAll(() => t?.close());

describe('request log', () => {
  it('logs each GraphQL request with its id, method, path and status, without the token, cookies or the body', async () => {
    const user = await t.createUser('CUSTOMER');
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}`, cookie: 'session=secret-cookie', 'x-request-id': 'log-probe-1' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    const line = lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'log-probe-1');
    expect(line, 'the request has its log line').toBeDefined();
    expect(line).toMatchObject({ req: { id: 'log-probe-1', method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(typeof line!.responseTime).toBe('number');
    const text = JSON.stringify(line);
    expect(text).not.toContain(user.token);
    expect(text).not.toContain('secret-cookie');
    expect(text).not.toContain('me { id }');
  });
});

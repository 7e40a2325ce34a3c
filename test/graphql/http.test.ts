import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COMPLEXITY: '400', GRAPHQL_BODY_LIMIT: '20kb' } });
});
afterAll(() => t?.close());

describe('HTTP surface', () => {
  it('answers liveness and readiness (which checks the database)', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('echoes a request id, or makes one', async () => {
    const res = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await fetch(`${t.url}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ products { total } }`, variables: { pad: 'x'.repeat(30_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('refuses a query deeper than the limit', async () => {
    const deep = `{ products { items { plans { product { plans { product { plans { id } } } } } } } }`;
    const res = await t.gql(deep);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 6 });
    expect(res.errors?.[0]?.message).toMatch(/terlalu dalam/);
  });

  it('refuses a query too expensive to run, before running it', async () => {
    const res = await t.gql(`{ products(perPage: 200) { items { id name slug description plans { id name } } } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', max: 400 });
    expect(res.data ?? null).toBeNull();
  });

  it('reports a bad enum in variables as BAD_USER_INPUT with the field', async () => {
    const res = await t.gql(`query($f: ProductFilter) { products(filter: $f) { total } }`, { f: { category: 'SHARED_HOSTING' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
  });

  it('serves GraphQL over graphql-ws on the same path, authenticated by connectionParams', async () => {
    const user = await t.createUser('CUSTOMER');
    const client = createClient({
      url: t.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
      lazy: true,
    });
    try {
      const result = await new Promise<{ data?: { me: { username: string } } }>((resolve, reject) => {
        let value: unknown;
        client.subscribe({ query: `{ me { username } }` }, { next: (v) => (value = v), error: reject, complete: () => resolve(value as never) });
      });
      expect(result.data?.me.username).toBe(user.username);
    } finally {
      await client.dispose();
    }

    const refused = createClient({
      url: t.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer forged' },
      retryAttempts: 0,
      lazy: true,
    });
    const outcome = await new Promise<string>((resolve) => {
      refused.subscribe({ query: `{ products { total } }` }, { next: () => resolve('data'), error: () => resolve('refused'), complete: () => resolve('complete') });
    });
    expect(outcome).toBe('refused');
    await refused.dispose();
  });

  it('redirects / to the back office', async () => {
    const res = await fetch(`${t.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/admin/');
  });
});

import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Issue 11 items 1-2: every transport runs the same operation limits. The defaults are the ones
 * production gets (no GRAPHQL_* override), so these are the limits an attacker meets.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

type Outcome = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

function wsClient(token?: string): Client {
  return createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** One operation over graphql-ws: its result, or the errors the server sent instead. */
function overWs(client: Client, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let last: Outcome = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (last = value as Outcome),
        error: (err) => (Array.isArray(err) ? resolve({ errors: err }) : reject(err)),
        complete: () => resolve(last),
      },
    );
  });
}

/** The attack from the issue: `products` nested through plans and aliased many times. */
function nestedAliased(aliases: number, levels: number) {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `product { plans { ${inner} } }`;
  const body = `items { plans { ${inner} } }`;
  return `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: products(perPage: 200) { ${body} }`).join(' ')} }`;
}

const NORMAL = `{ products(perPage: 5) { total items { id name } } }`;

async function stillAnswers() {
  const res = await t.gql(NORMAL);
  expect(res.errors).toBeUndefined();
  expect((res.data as { products: { total: number } }).products.total).toBeGreaterThan(0);
}

describe('GraphQL operation limits on every transport', () => {
  it('an anonymous graphql-ws socket cannot run the nested, aliased products query', async () => {
    const client = wsClient();
    try {
      const res = await overWs(client, nestedAliased(50, 6));
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      // A query one level too deep but otherwise tiny is refused for its depth, like over HTTP.
      const deep = await overWs(client, `{ products(perPage: 1) { items { plans { ${'product { plans { '.repeat(5)}id${' } }'.repeat(5)} } } } }`);
      expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 10 });
      const http = await t.gql(`{ products(perPage: 1) { items { plans { ${'product { plans { '.repeat(5)}id${' } }'.repeat(5)} } } } }`);
      expect(http.errors?.[0]?.extensions).toEqual(deep.errors?.[0]?.extensions);
      expect(http.errors?.[0]?.message).toBe(deep.errors?.[0]?.message);
      // The same socket still serves a normal query afterwards.
      const ok = await overWs(client, NORMAL);
      expect(ok.errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
    await stillAnswers();
  });

  it('graphql-ws refuses what HTTP refuses: aliases, result size (with variables), directives, tokens', async () => {
    const user = await t.createUser('CUSTOMER');
    const client = wsClient(user.token);
    try {
      const cases: [string, Record<string, unknown> | undefined, string][] = [
        [`{ ${Array.from({ length: 40 }, (_, i) => `m${i}: me { id }`).join(' ')} }`, undefined, 'aliases'],
        [`query($n: Int) { products(perPage: $n) { items { id name slug description category plans { id name tenorMonths product { id name slug description } } } } }`, { n: 200 }, 'complexity'],
        [`{ me { id ${Array.from({ length: 30 }, () => '@include(if: true)').join(' ')} } }`, undefined, 'directives'],
        [`{ me { ${Array.from({ length: 4_000 }, () => 'id').join(' ')} } }`, undefined, 'tokens'],
      ];
      for (const [query, variables, limit] of cases) {
        const ws = await overWs(client, query, variables);
        const http = await t.gql(query, variables, user.token);
        expect(ws.errors?.[0]?.extensions, limit).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
        expect(http.errors?.[0]?.extensions, limit).toEqual(ws.errors?.[0]?.extensions);
      }
    } finally {
      await client.dispose();
    }
    await stillAnswers();
  });

  it('1,000 aliases of a cheap field over HTTP are refused before anything runs', async () => {
    const user = await t.createUser('CUSTOMER');
    for (const field of ['me { id }', 'installmentQuote(planId: "1", productId: "1") { quantity }']) {
      const query = `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
      const res = await t.gql(query, undefined, user.token);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    }
    await stillAnswers();
  });

  it('aliased fields count in the cost: a few aliases of a big page are refused, one is not', async () => {
    const page = `products(perPage: 200) { items { id name slug plans { id name tenorMonths } } }`;
    const one = await t.gql(`{ a0: ${page} }`);
    expect(one.errors).toBeUndefined();
    const five = await t.gql(`{ ${Array.from({ length: 5 }, (_, i) => `a${i}: ${page}`).join(' ')} }`);
    expect(five.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'complexity', max: 2000 });
  });

  it('the size estimate is kept per query and variables: the same query text is refused with a big page and answered with a small one, in any order', async () => {
    const query = `query($n: Int) { products(perPage: $n) { items { id name slug description category plans { id name tenorMonths product { id name slug description } } } } }`;
    for (const [n, refused] of [[5, false], [200, true], [5, false], [200, true]] as const) {
      const res = await t.gql(query, { n });
      if (refused) expect(res.errors?.[0]?.extensions, `perPage ${n}`).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'complexity' });
      else expect(res.errors, `perPage ${n}`).toBeUndefined();
    }
  });

  it('a graphql-ws message over the body limit closes the socket before it is parsed', async () => {
    const small = await startTestApp({ env: { GRAPHQL_BODY_LIMIT: '4kb' } });
    try {
      const socket = new WebSocket(small.url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init' }));
      await new Promise((resolve) => socket.once('message', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ me { id } }`, variables: { pad: 'x'.repeat(10_000) } } }));
      expect(await closed).toBe(1009);
      expect((await small.gql(NORMAL)).errors).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});

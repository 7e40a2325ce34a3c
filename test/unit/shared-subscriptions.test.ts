import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { beforeEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { viewerKey } from '../../server/src/accounts/access';
import { Role } from '../../server/src/accounts/roles';
import { SharedSubscriptions, SLOW_SUBSCRIBER } from '../../server/src/graphql/shared-subscriptions';

/**
 * Issue 14 item 7: identical subscriptions of one viewer run once per event and share the result;
 * different viewers, selections or variables never share. A small schema whose answer names the viewer
 * and counts its executions.
 */
interface Ctx {
  user: { id: string; role: Role } | null;
}

let schema: GraphQLSchema;
let pubSub: ReturnType<typeof createPubSub<{ E: [{ n: number }] }>>;
let executions: number;
let shared: SharedSubscriptions;

beforeEach(() => {
  schema = buildSchema(`type Query { ok: Boolean }
    type Event { n: Int! viewer: String! extra: String }
    type Subscription { event: Event! }`);
  pubSub = createPubSub<{ E: [{ n: number }] }>();
  executions = 0;
  const event = schema.getSubscriptionType()!.getFields().event!;
  event.subscribe = () => pubSub.subscribe('E');
  event.resolve = (payload: { n: number }, _args, ctx: Ctx) => {
    executions++;
    return { n: payload.n, viewer: ctx.user?.id ?? 'nobody', extra: 'x' };
  };
  shared = new SharedSubscriptions((context) => viewerKey((context as Ctx).user));
});

const user = (id: string, role = Role.CUSTOMER): Ctx => ({ user: { id, role } });

async function open(ctx: Ctx, query = `subscription { event { n viewer } }`, variableValues?: Record<string, unknown>) {
  const stream = (await shared.subscribe({ schema, document: parse(query), contextValue: ctx, variableValues })) as AsyncGenerator<ExecutionResult>;
  return {
    stream,
    next: async () => (await stream.next()).value as ExecutionResult,
  };
}

/** Lets the pump hand a published event on (the pub/sub delivers on a later tick). */
const settle = () => new Promise((r) => setTimeout(r, 10));

describe('shared subscription execution', () => {
  it('runs identical subscriptions of one viewer once per event and gives each the same result', async () => {
    const tabs = await Promise.all([open(user('a')), open(user('a')), open(user('a'))]);
    const firsts = tabs.map((t) => t.next());
    await settle();
    pubSub.publish('E', { n: 1 });
    expect(await Promise.all(firsts)).toEqual(Array(3).fill({ data: { event: { n: 1, viewer: 'a' } } }));
    expect(executions).toBe(1);
    expect(shared.executions).toBe(1);
    const seconds = tabs.map((t) => t.next());
    pubSub.publish('E', { n: 2 });
    expect((await Promise.all(seconds)).map((r) => r.data)).toEqual(Array(3).fill({ event: { n: 2, viewer: 'a' } }));
    expect(executions).toBe(2);
    await Promise.all(tabs.map((t) => t.stream.return(undefined)));
  });

  it('never shares between two users, nor between one user in two roles', async () => {
    const a = await open(user('a'));
    const b = await open(user('b'));
    const staffA = await open(user('a', Role.SUPPORT));
    expect(shared.executions).toBe(3);
    const got = [a.next(), b.next(), staffA.next()];
    await settle();
    pubSub.publish('E', { n: 7 });
    expect((await Promise.all(got)).map((r) => r.data?.event)).toEqual([
      { n: 7, viewer: 'a' },
      { n: 7, viewer: 'b' },
      { n: 7, viewer: 'a' },
    ]);
    expect(executions).toBe(3);
    await Promise.all([a, b, staffA].map((s) => s.stream.return(undefined)));
  });

  it('gives a different selection or different variables their own execution and shape', async () => {
    const query = `subscription($x: Boolean!) { event { n extra @include(if: $x) } }`;
    const plain = await open(user('a'));
    const withExtra = await open(user('a'), query, { x: true });
    const withoutExtra = await open(user('a'), query, { x: false });
    expect(shared.executions).toBe(3);
    const got = [plain.next(), withExtra.next(), withoutExtra.next()];
    await settle();
    pubSub.publish('E', { n: 3 });
    expect((await Promise.all(got)).map((r) => r.data?.event)).toEqual([{ n: 3, viewer: 'a' }, { n: 3, extra: 'x' }, { n: 3 }]);
    await Promise.all([plain, withExtra, withoutExtra].map((s) => s.stream.return(undefined)));
  });

  it('keeps serving the others when one leaves, and stops the execution when the last leaves', async () => {
    const [one, two] = await Promise.all([open(user('a')), open(user('a'))]);
    await one.stream.return(undefined);
    const got = two.next();
    await settle();
    pubSub.publish('E', { n: 4 });
    expect((await got).data).toEqual({ event: { n: 4, viewer: 'a' } });
    await two.stream.return(undefined);
    expect(shared.executions).toBe(0);
    await settle();
    pubSub.publish('E', { n: 5 });
    await settle();
    expect(executions).toBe(1);
    // A new subscriber starts a fresh execution.
    const three = await open(user('a'));
    const next = three.next();
    await settle();
    pubSub.publish('E', { n: 6 });
    expect((await next).data).toEqual({ event: { n: 6, viewer: 'a' } });
    await three.stream.return(undefined);
  });

  it('a subscriber that leaves before reading anything (graphql-ws returns it unread) still leaves the group', async () => {
    const s = await open(user('a'));
    await s.stream.return(undefined);
    expect(shared.executions).toBe(0);
    expect(await s.stream.next()).toEqual({ value: undefined, done: true });
  });

  it('hands an error result (no stream) to each subscriber and keeps no group', async () => {
    const result = await shared.subscribe({ schema, document: parse(`subscription { nope }`), contextValue: user('a') });
    expect('errors' in result && result.errors?.length).toBe(1);
    expect(shared.executions).toBe(0);
  });
});

describe('a subscriber that stops reading', () => {
  it('over a real graphql-ws connection: its socket is closed (1013) once maxQueued results wait for it, and nothing of it stays', async () => {
    // The app's wiring (app/graphql.ts): each operation's context remembers its socket.
    const sockets = new WeakMap<object, WebSocket>();
    const slow = new SharedSubscriptions(() => 'one viewer', { maxQueued: 4, onSlow: (context) => sockets.get(context as object)?.close(SLOW_SUBSCRIBER.code, SLOW_SUBSCRIBER.reason) });
    // Results of 64 KB, so the socket's buffers fill after a few hundred and graphql-ws stops taking more.
    const big = 'x'.repeat(64 * 1024);
    const event = schema.getSubscriptionType()!.getFields().event!;
    event.resolve = (payload: { n: number }) => ({ n: payload.n, viewer: 'v', extra: big });
    const server = http.createServer();
    const wss = new WebSocketServer({ server, path: '/graphql' });
    useServer({ schema, subscribe: slow.subscribe, context: (ctx) => {
      const context = { user: null };
      sockets.set(context, ctx.extra.socket);
      return context;
    } }, wss);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, 'graphql-transport-ws');
    try {
      const received: string[] = [];
      client.on('message', (data) => received.push(JSON.parse(String(data)).type));
      const closed = new Promise<{ code: number; reason: string }>((r) => client.on('close', (code, reason) => r({ code, reason: String(reason) })));
      await new Promise((r) => client.once('open', r));
      client.send(JSON.stringify({ type: 'connection_init' }));
      while (!received.includes('connection_ack')) await settle();
      client.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { event { n extra } }' } }));
      while (slow.executions === 0) await settle();

      // The client stops reading (a frozen tab): its TCP socket is paused.
      const tcp = (client as unknown as { _socket: import('node:net').Socket })._socket;
      tcp.pause();
      let published = 0;
      while (slow.executions > 0 && published < 5_000) {
        pubSub.publish('E', { n: published++ });
        await new Promise((r) => setImmediate(r));
      }
      // Let go while the client still reads nothing: no group, no queue kept for it.
      expect(slow.executions).toBe(0);
      expect(published).toBeLessThan(5_000);

      tcp.resume();
      expect(await closed).toEqual({ code: 1013, reason: SLOW_SUBSCRIBER.reason });
      // What it had been sent arrives first; no `complete` (the client retries and resubscribes on 1013).
      expect(received.filter((type) => type === 'next').length).toBeGreaterThan(0);
      expect(received).not.toContain('complete');
      expect(received.filter((type) => type === 'next').length).toBeLessThan(published);
    } finally {
      client.terminate();
      await new Promise((r) => wss.close(r));
      await new Promise((r) => server.close(r));
    }
  });
});

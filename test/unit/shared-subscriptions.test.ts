import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { viewerKey } from '../../server/src/accounts/access';
import { Role } from '../../server/src/accounts/roles';
import { SharedSubscriptions } from '../../server/src/graphql/shared-subscriptions';

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

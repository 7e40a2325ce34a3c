import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  execute,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  subscribe,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { observeDecisions, PUBLIC_OPERATIONS, PUBLIC_ROUTES } from '../../server/src/accounts/access';
import { getSchema } from '../../server/src/app/schema';
import { runInRequestScope } from '../../server/src/common/request-context';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

/**
 * Every GraphQL operation and every HTTP route goes through accounts/access.ts: each is called
 * anonymously, and each that takes a record id is called by a customer with another customer's ids.
 * A call passes when access.ts made a decision for it (it records them per request) or the operation
 * is declared public there; the other customer's call must also get no answer about the owner's. A new
 * resolver or route that decides nothing, or answers someone else's record, fails here.
 */

let t: TestApp;
let schema: GraphQLSchema;
const decisions = new Map<string, string[]>();
let stopObserving: () => void;
let seq = 0;

interface Owner {
  user: TestUser;
  /** Record ids by kind, to put into id arguments. */
  ids: Record<string, string>;
}
let owner: Owner;
let other: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  schema = await getSchema();
  stopObserving = observeDecisions((requestId, decision) => {
    if (requestId.startsWith('cov-')) decisions.set(requestId, [...(decisions.get(requestId) ?? []), decision]);
  });
  const user = await t.createUser('CUSTOMER');
  other = await t.createUser('CUSTOMER');
  const order = await checkoutOrder(t, user);
  await confirmSpkForTest(t, order.id);
  const payment = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { orderId: order.id, method: 'BANK_TRANSFER' } }, user.token)).createPayment;
  owner = {
    user,
    ids: { order: order.id, payment: payment.id, installment: order.installments[0]!.id, user: user.id },
  };
}, 240_000);

afterAll(async () => {
  stopObserving?.();
  await t?.close();
});

/** A value the argument accepts, so a call reaches its resolver instead of failing validation. */
function sample(type: GraphQLInputType, argName: string, idOf: (argName: string) => string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType, argName, idOf)];
  if (isEnumType(inner)) return inner.getValues()[0]!.name; // variables take the enum's GraphQL name
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type, field.name, idOf);
    }
    return value;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'ID': return idOf(argName);
      case 'Int': return 1;
      case 'Float': return 1;
      case 'Boolean': return false;
      case 'LocalDate': return '2026-12-04';
      case 'Rupiah': return '100000';
      case 'DateTimeISO': return '2026-12-04T00:00:00.000Z';
      case 'JSONObject': return {};
      default: return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

/**
 * Only `__typename`: an answer is then non-null exactly when the resolver answered (a deeper selection
 * could null the whole answer through one failing non-null field and hide a leak).
 */
function selection(type: GraphQLOutputType): string {
  return isObjectType(getNamedType(type)) ? '{ __typename }' : '';
}

function documentFor(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const vars = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${vars ? `(${vars})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection(field.type)} }`;
}

/** Which of the owner's records an id argument gets: by its name, else by what the operation returns. */
function idChooser(field: GraphQLField<unknown, unknown>, ids: Record<string, string>) {
  const returned = getNamedType(field.type).name.toLowerCase();
  return (argName: string) => {
    const byName = argName.replace(/Id$/, '').toLowerCase();
    return ids[byName] ?? ids[returned] ?? ids.order!;
  };
}

const operations = () =>
  (['query', 'mutation', 'subscription'] as const).flatMap((kind) => {
    const root = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    return Object.values(root?.getFields() ?? {}).map((field) => ({ kind, field }));
  });

/** Runs one operation as the app would (the app's own context), in a request scope the test can read. */
async function run(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, token: string | null, ids: Record<string, string>) {
  const requestId = `cov-${++seq}`;
  const chooser = idChooser(field, ids);
  const variables = Object.fromEntries(
    field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => [a.name, sample(a.type, a.name, chooser)]),
  );
  const document = parse(documentFor(kind, field));
  const result = await runInRequestScope({ requestId, locale: 'id' }, async () => {
    const contextValue = await t.app.graphqlContext(token ? `Bearer ${token}` : null, { requestId, ip: '127.0.0.1', userAgent: 'coverage' });
    if (kind !== 'subscription') return execute({ schema, document, variableValues: variables, contextValue });
    const sub = await subscribe({ schema, document, variableValues: variables, contextValue });
    if (Symbol.asyncIterator in sub) {
      await sub.return?.();
      return { data: { [field.name]: 'subscribed' } };
    }
    return sub;
  });
  return { decided: decisions.get(requestId) ?? [], result, variables };
}

describe('every operation and route is decided by accounts/access.ts', () => {
  it('every GraphQL operation, called anonymously, is decided there or declared public', async () => {
    const undecided: string[] = [];
    for (const { kind, field } of operations()) {
      if (PUBLIC_OPERATIONS[field.name]) continue;
      const { decided, result } = await run(kind, field, null, owner.ids);
      if (!decided.length) undecided.push(`${kind} ${field.name}`);
      // Nobody anonymous gets data from an operation that is not public.
      else if (result.data?.[field.name] != null) undecided.push(`${kind} ${field.name} (answered anonymously)`);
    }
    expect(undecided).toEqual([]);
    expect(operations().length).toBeGreaterThan(100);
  }, 600_000);

  it("a customer calling an operation with another customer's record ids is decided there and gets no answer", async () => {
    const leaks: string[] = [];
    let calls = 0;
    for (const { kind, field } of operations()) {
      if (!field.args.some((a) => getNamedType(a.type).name === 'ID')) continue;
      calls++;
      const { decided, result } = await run(kind, field, other.token, owner.ids);
      if (!decided.length && !PUBLIC_OPERATIONS[field.name]) leaks.push(`${kind} ${field.name}: no decision`);
      // Every id here is the owner's: any answer at all is about their record (or tells it exists).
      if (result.data?.[field.name] != null) leaks.push(`${kind} ${field.name}: answered`);
    }
    expect(leaks).toEqual([]);
    expect(calls).toBeGreaterThan(40);
  }, 600_000);

  it('every HTTP route, called anonymously, is decided there or declared public', async () => {
    const routes = expressRoutes(t.app.express);
    expect(routes.length).toBeGreaterThan(10);
    const undecided: string[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      if (PUBLIC_ROUTES[key]) continue;
      const requestId = `cov-${++seq}`;
      const url = t.url + path.replace(/:(\w+)/g, (_m, name: string) => (name === 'version' || name === 'page' ? '1' : owner.ids.order!));
      const res = await fetch(url, { method, headers: { 'x-request-id': requestId, 'content-type': 'application/pdf' }, ...(method === 'GET' ? {} : { body: '%PDF-1.4' }) });
      await res.arrayBuffer();
      if (!decisions.get(requestId)?.length) undecided.push(`${key} (${res.status})`);
      else expect(res.status, key).toBeGreaterThanOrEqual(400);
    }
    expect(undecided).toEqual([]);
  }, 300_000);
});

/** `METHOD path` of every route the express app (and the routers it mounts) declares. */
function expressRoutes(app: { router: unknown }): { method: string; path: string }[] {
  type Layer = { route?: { path: unknown; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const out: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m])) out.push({ method: method.toUpperCase(), path: layer.route.path });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app.router as { stack: Layer[] }).stack);
  return out;
}

import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { execute, getOperationAST, GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType, GraphQLSchema, GraphQLString, parse, type DocumentNode } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { compiledExecution } from '../../server/src/graphql/compiled-execution';

// A schema with what the real one has: lists of objects whose fields resolve asynchronously, a custom
// error with extensions, non-null propagation, arguments and variables, and mutations with side effects.
const calls: string[] = [];
const Line = new GraphQLObjectType({
  name: 'Line',
  fields: {
    n: { type: new GraphQLNonNull(GraphQLInt) },
    label: { type: GraphQLString, resolve: async (line: { n: number }) => `line ${line.n}` },
    broken: {
      type: new GraphQLNonNull(GraphQLString),
      resolve: (line: { n: number }) => {
        if (line.n === 2) throw new GraphQLError('line 2 is broken', { extensions: { code: 'BROKEN' } });
        return 'fine';
      },
    },
  },
});
// Leaves that fail every way a leaf can, inside lists of lists (two list indexes in each error's path):
// a custom scalar that throws or answers nothing, a non-null leaf that is null, a leaf holding an Error.
const Amount = new GraphQLScalarType({
  name: 'Amount',
  serialize: (v) => {
    if (typeof v !== 'bigint') throw new TypeError(`Amount cannot represent ${String(v)}`);
    return v < 0n ? undefined : v.toString();
  },
});
type CellValue = bigint | number | null | Error;
const Cell = new GraphQLObjectType({
  name: 'Cell',
  fields: {
    amount: { type: new GraphQLNonNull(Amount) },
    maybe: { type: Amount },
    note: { type: GraphQLString },
  },
});
const CELLS: { amount: CellValue; maybe: CellValue; note: string | Error | null }[][] = [
  [
    { amount: 1n, maybe: null, note: 'baik' },
    { amount: 2n, maybe: 3n, note: null },
  ],
  [
    { amount: 4n, maybe: -1n, note: 'tidak ada' },
    { amount: null, maybe: 5n, note: 'kosong' },
    { amount: 6, maybe: 7n, note: new Error('catatan rusak') },
  ],
  [{ amount: new Error('jumlah rusak'), maybe: new Error('mungkin rusak'), note: 'x' }, { amount: -2n, maybe: 'x' as never, note: 'y' }],
];
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      lines: { type: new GraphQLList(Line), args: { count: { type: new GraphQLNonNull(GraphQLInt) } }, resolve: async (_root, args: { count: number }) => Array.from({ length: args.count }, (_, i) => ({ n: i + 1 })) },
      grid: { type: new GraphQLList(new GraphQLList(Cell)), resolve: () => CELLS },
      hello: { type: GraphQLString, args: { name: { type: GraphQLString } }, resolve: (_root, args: { name?: string }, ctx: { who: string }) => `halo ${args.name ?? ctx.who}` },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      slow: { type: GraphQLString, resolve: async () => (await new Promise((r) => setTimeout(r, 20)), calls.push('slow'), 'slow') },
      quick: { type: GraphQLString, resolve: () => (calls.push('quick'), 'quick') },
    },
  }),
});

function setup(compileAfter: number, maxCompiled?: number) {
  let compiles = 0;
  const gateway = compiledExecution(schema, compileAfter, {
    compile: (...args) => {
      compiles++;
      return compileQuery(...args);
    },
    maxCompiled,
  });
  let executor: GatewayExecutor | null = null;
  const run = async (document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string) => {
    executor ??= (await gateway.load({ apollo: {} })).executor!;
    const operation = getOperationAST(document, operationName);
    return executor({ document, operation, operationName: operationName ?? null, context: { who: 'tamu' }, request: { variables } } as unknown as GatewayGraphQLRequestContext);
  };
  return { run, compiles: () => compiles };
}

// What reaches the client: Apollo writes `errors` and `data` into its own response object, so their
// order in the executor's result does not matter; the data's keys and the errors' fields do.
const wire = (result: { data?: unknown; errors?: readonly GraphQLError[] }) => JSON.stringify({ data: result.data, errors: result.errors });
const byGraphqlJs = async (document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string) =>
  wire(await execute({ schema, document, variableValues: variables, operationName, contextValue: { who: 'tamu' } }));

describe('compiled execution (graphql-jit behind Apollo’s gateway interface)', () => {
  const page = parse(`query Page($count: Int!) { lines(count: $count) { n label broken } hello }`);

  it('runs a document through graphql-js until its Nth use, then compiled, once, with the same answer', async () => {
    const { run, compiles } = setup(2);
    const expected = await byGraphqlJs(page, { count: 3 });
    // The error on line 2 nulls that line (non-null field) and is reported with its path and code.
    expect(JSON.parse(expected).errors[0]).toMatchObject({ message: 'line 2 is broken', path: ['lines', 1, 'broken'], extensions: { code: 'BROKEN' } });
    expect(wire(await run(page, { count: 3 }))).toBe(expected);
    expect(compiles()).toBe(0);
    expect(wire(await run(page, { count: 3 }))).toBe(expected);
    expect(compiles()).toBe(1);
    for (const count of [0, 1, 5]) expect(wire(await run(page, { count }))).toBe(await byGraphqlJs(page, { count }));
    expect(compiles()).toBe(1);
  });

  it('refuses bad variables as Apollo recognises them (BAD_USER_INPUT), compiled or not', async () => {
    const { run } = setup(1);
    for (const answer of [await execute({ schema, document: page, variableValues: { count: 'three' } }), await run(page, { count: 'three' })]) {
      expect(answer.data).toBeUndefined();
      // Apollo's test for a variable coercion error: one variable definition node and this message.
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors![0]!.message).toBe('Variable "$count" got invalid value "three"; Int cannot represent non-integer value: "three"');
      expect(answer.errors![0]!.nodes?.map((n) => n.kind)).toEqual(['VariableDefinition']);
    }
  });

  it('compiles each operation of a document apart, and never with GRAPHQL_COMPILE_AFTER=0', async () => {
    const two = parse(`query A { hello } query B { hello(name: "Budi") }`);
    const compiled = setup(1);
    expect((await compiled.run(two, {}, 'A')).data).toEqual({ hello: 'halo tamu' });
    expect((await compiled.run(two, {}, 'B')).data).toEqual({ hello: 'halo Budi' });
    expect(compiled.compiles()).toBe(2);
    const never = setup(0);
    for (let i = 0; i < 5; i++) expect(wire(await never.run(page, { count: 2 }))).toBe(await byGraphqlJs(page, { count: 2 }));
    expect(never.compiles()).toBe(0);
  });

  it('keeps at most maxCompiled operations, dropping the least recently used', async () => {
    const { run, compiles } = setup(1, 2);
    const [a, b, c] = ['hello', 'hello(name: "B")', 'hello(name: "C")'].map((f) => parse(`{ ${f} }`));
    await run(a!);
    await run(b!);
    await run(a!); // a is now the more recent of the two
    expect(compiles()).toBe(2);
    await run(c!); // b is dropped
    await run(a!);
    expect(compiles()).toBe(3);
    expect((await run(b!)).data).toEqual({ hello: 'halo B' }); // compiled again; c, used before a, is dropped
    expect(compiles()).toBe(4);
    await run(a!);
    expect(compiles()).toBe(4);
    await run(c!);
    expect(compiles()).toBe(5);
  });

  it('falls back to graphql-js for what graphql-jit declines', async () => {
    const { run, compiles } = setup(1);
    const two = parse(`query A { hello } query B { hello }`);
    const answer = await run(two, {}, 'Nope');
    expect(compiles()).toBe(1);
    expect(wire(answer)).toBe(await byGraphqlJs(two, {}, 'Nope'));
  });

  it('reports every failing leaf (null, an Error, a serializer that throws or answers nothing) as graphql-js does, list indexes and all', async () => {
    const { run } = setup(1);
    // The nullable fields first: graphql-js stops completing a cell at its first non-null failure.
    const grid = parse(`{ grid { note maybe amount } }`);
    const expected = await byGraphqlJs(grid);
    // Each failure reported with both list indexes in its path; a non-null failure nulls its cell.
    expect(JSON.parse(expected).errors.map((e: { path: unknown[] }) => e.path.join('.')).sort()).toEqual(
      ['grid.1.0.maybe', 'grid.1.1.amount', 'grid.1.2.amount', 'grid.1.2.note', 'grid.2.0.amount', 'grid.2.0.maybe', 'grid.2.1.amount', 'grid.2.1.maybe'],
    );
    // The same data, and the same errors (path, locations, message) in graphql-jit's order (the
    // nullable fields' errors first) and its words for a serializer that answers nothing.
    const compiled = await run(grid);
    const errors = (r: { errors?: readonly { path?: readonly (string | number)[]; locations?: unknown; message: string }[] }) =>
      [...r.errors!].map((e) => ({ path: e.path!.join('.'), locations: e.locations, message: e.message.replace(/^Expected `Amount\.serialize\((.*)\)` to return non-nullable value, returned: undefined$/, 'Expected a value of type "Amount" but received: $1') })).sort((a, b) => a.path.localeCompare(b.path));
    expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(JSON.parse(expected).data));
    expect(errors(compiled as never)).toEqual(errors(JSON.parse(expected)));
  });

  it('builds a leaf’s error details only on an error (graphql-jit patched: patches/graphql-jit+*.patch)', () => {
    // Unpatched, every leaf of every row called the runtime's check with its error's locations and
    // path as fresh arrays: a quarter of what a customer's orders page allocated.
    const compiled = compileQuery(schema, parse(`{ grid { amount maybe } }`), undefined, { debug: true } as never) as { __DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation?: string };
    const code = compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation!;
    expect(code).toMatch(/== null \|\| [\w.]+ instanceof Error \? __context\.rt\.checkNonNullLeaf\(/);
    expect(code).toMatch(/== null \? null : [\w.]+ instanceof Error \? __context\.rt\.checkNullableLeaf\(/);
  });

  it('runs a mutation’s fields one after another, as the spec asks', async () => {
    const { run, compiles } = setup(1);
    calls.length = 0;
    const answer = await run(parse(`mutation { slow quick }`));
    expect(compiles()).toBe(1);
    expect(answer.data).toEqual({ slow: 'slow', quick: 'quick' });
    expect(calls).toEqual(['slow', 'quick']);
  });
});

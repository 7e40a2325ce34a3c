import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  astFromValue,
  execute,
  getVariableValues,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Queries and mutations over HTTP run as compiled JavaScript (graphql-jit) once an operation is in use
 * (issue 14 item 4). graphql-js executes a result field by field through generic code: for each field
 * it looks the definition up, coerces its arguments into a fresh object, builds a path and, for a list
 * of objects whose fields resolve asynchronously, a promise per object. For a customer's orders page
 * (50 KB, a few thousand fields) that was a fifth of the request's CPU and more than half of what it
 * allocated (3.6 MB per request, a quarter of the CPU in garbage collection). graphql-jit turns the
 * operation into one function per selection, once, that reads and writes those fields directly.
 *
 * What stays as it was: Apollo parses, validates (graphql's rules, our limits) and answers; the
 * resolvers, the access checks in them and their errors are the same functions; the result is the
 * same JSON, key for key (test/graphql/compiled-execution.test.ts runs the web app's operations both
 * ways). Subscriptions over graphql-ws keep graphql-js (their events are shared, graphql/shared-subscriptions.ts).
 *
 * Compiling costs more than running an operation once, so a document is compiled on its
 * `COMPILE_AFTER`th use and runs through graphql-js until then (as Mercurius does with its `jit` option):
 * the web app's few operations, repeated all day, are compiled; a client sending a new document each
 * time (a probe, an attack) never makes the server compile. Compiled operations hang off the parsed
 * document, which Apollo keeps in its document cache (by the query's hash), and at most `maxCompiled`
 * are kept (the least recently used is dropped, and compiled again if it comes back): Apollo bounds its
 * cache by the documents' size, and a compiled operation is many times its document's, so a client
 * sending many documents twice each could otherwise fill memory with compiled code.
 *
 * graphql-jit 0.8.9 is patched (patches/graphql-jit+0.8.9.patch, applied by patch-package on install):
 * its generated code called a runtime check for every leaf of every row with that leaf's error
 * locations and path as fresh arrays, built though only an error reads them, and spread the list
 * indexes through rest parameters: a quarter of what a customer's orders page allocated (1.9 MB per
 * request before, 1.4 MB after). Patched, a present value goes straight to the scalar's serializer;
 * null and errors take the original check, so the answers and errors are the same
 * (test/unit/compiled-execution.test.ts, which also fails if the patch is missing).
 *
 * Apollo Server runs a custom executor only through its gateway interface (`gateway: { load() }`,
 * the documented way to replace execution); this gateway serves our own schema and loads nothing.
 */

interface Compiled {
  uses: number;
  /** Set on the `compileAfter`th use: the compiled operation, or `false` where graphql-jit declined it. */
  query?: CompiledQuery | false;
}

/**
 * The variables as the client sent them, with the default of every input-object field the client left
 * out written in. graphql-jit applies such a default only to a nullable field: `AddToCartInput.quantity:
 * Int! = 1` left out is, by the spec and graphql-js, 1, and graphql-jit refused it as missing. Defaults
 * go in as a client would write them (the value printed as GraphQL, read back as JSON), so the
 * compiled operation coerces them like any other value. The client's objects are copied, not changed.
 */
export function withInputDefaults(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>): Record<string, unknown> {
  let out = variables;
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    if (!(name in variables)) continue;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue;
    const filled = fill(type, variables[name]);
    if (filled !== variables[name]) out = { ...out, [name]: filled };
  }
  return out;
}

function fill(type: GraphQLInputType, value: unknown): unknown {
  if (value == null) return value;
  const named = isNonNullType(type) ? type.ofType : type;
  if (isListType(named)) {
    if (!Array.isArray(value)) return fill(named.ofType, value);
    let changed = false;
    const items = value.map((item) => {
      const next = fill(named.ofType, item);
      changed ||= next !== item;
      return next;
    });
    return changed ? items : value;
  }
  if (!isInputObjectType(named) || typeof value !== 'object') return value;
  const given = value as Record<string, unknown>;
  let out = given;
  for (const field of Object.values(named.getFields())) {
    const current = given[field.name];
    let next = current;
    if (current === undefined && !(field.name in given) && field.defaultValue !== undefined) {
      const literal = astFromValue(field.defaultValue, field.type);
      next = literal ? valueFromASTUntyped(literal) : undefined;
    } else {
      next = fill(field.type, current);
    }
    if (next !== current) out = out === given ? { ...given, [field.name]: next } : Object.assign(out, { [field.name]: next });
  }
  return out;
}

/** How many compiled operations are kept: the web app has well under a hundred. */
export const MAX_COMPILED = 500;

export function compiledExecution(
  schema: GraphQLSchema,
  compileAfter: number,
  { compile = compileQuery, maxCompiled = MAX_COMPILED }: { compile?: typeof compileQuery; maxCompiled?: number } = {},
): GatewayInterface {
  const byDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  // The compiled entries, least recently used first (a Map keeps insertion order).
  const recent = new Map<Compiled, true>();
  const used = (entry: Compiled) => {
    recent.delete(entry);
    recent.set(entry, true);
    if (recent.size <= maxCompiled) return;
    const oldest = recent.keys().next().value!;
    recent.delete(oldest);
    oldest.query = undefined;
    oldest.uses = 0;
  };

  const entryFor = (document: DocumentNode, operationName: string | null | undefined) => {
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map<string, Compiled>()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) byName.set(key, (entry = { uses: 0 }));
    return entry;
  };

  const executor: GatewayExecutor = async (request) => {
    const { document, operationName, context } = request;
    const variables = request.request.variables ?? {};
    const entry = entryFor(document, operationName);
    if (entry.query === undefined && compileAfter > 0 && ++entry.uses >= compileAfter) {
      const compiled = compile(schema, document, operationName ?? undefined);
      // An operation graphql-jit cannot compile (it says so as errors) runs through graphql-js, which
      // gives the client the standard answer for it.
      entry.query = isCompiledQuery(compiled) ? compiled : false;
    }
    if (entry.query) {
      used(entry);
      // graphql-js checks the variables first: its refusal names the variable's definition, by which
      // Apollo answers BAD_USER_INPUT with status 400; graphql-jit's own says the same without it.
      // The compiled operation then coerces the same raw values itself.
      const definitions = request.operation?.variableDefinitions;
      if (definitions?.length) {
        const checked = getVariableValues(schema, definitions, variables, { maxErrors: 50 });
        if (checked.errors) return { errors: checked.errors };
        return (await entry.query.query(undefined, context, withInputDefaults(schema, definitions, variables))) as ExecutionResult;
      }
      return (await entry.query.query(undefined, context, variables)) as ExecutionResult;
    }
    return (await execute({ schema, document, operationName, variableValues: variables, contextValue: context })) as ExecutionResult;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}

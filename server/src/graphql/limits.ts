import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { AppError } from '../common/errors';
import { t, type MessageKey } from '../common/messages';
import type { Config } from '../config/config';

/**
 * What one GraphQL operation may ask for, whatever carries it (HTTP or graphql-ws). Both transports
 * take these rules from here, so an operation refused on one is refused on the other with the same
 * `QUERY_TOO_COMPLEX` and the same `extensions.limit`.
 */
export interface OperationLimits {
  /** Lexical tokens in the document: bounds parsing work before anything else runs. */
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Field cost of the document (every selected field, aliases included, weighted by depth). */
  maxFieldCost: number;
  /** Estimated result size: list fields multiply by their page size (needs the variables). */
  maxComplexity: number;
}

export const limitsFrom = (config: Config): OperationLimits => ({
  maxTokens: config.GRAPHQL_MAX_TOKENS,
  maxDepth: config.GRAPHQL_MAX_DEPTH,
  maxAliases: config.GRAPHQL_MAX_ALIASES,
  maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
  maxFieldCost: config.GRAPHQL_MAX_FIELD_COST,
  maxComplexity: config.GRAPHQL_MAX_COMPLEXITY,
});

/** A list field costs its page size times what each item asks for. */
export const pageComplexity = ({ args, childComplexity }: ComplexityEstimatorArgs) =>
  1 + childComplexity * Math.min(Number(args.perPage ?? 25), 200);

export const tooComplex = (key: MessageKey, limit: string, max: number, extra: Record<string, number> = {}) =>
  new AppError('QUERY_TOO_COMPLEX', t(key, { max, ...extra }), { limit, max, ...extra, http: { status: 400 } });

/** graphql-armor reports a rejection here; we turn it into our code (its own would be BAD_USER_INPUT). */
const reportAs =
  (key: MessageKey, limit: string, max: number) =>
  (ctx: ValidationContext | null, err: GraphQLError) => {
    const found = /found (\d+(?:\.\d+)?)/.exec(err.message)?.[1];
    ctx?.reportError(tooComplex(key, limit, max, found ? { found: Math.ceil(Number(found)) } : {}));
  };

/** The document-only limits (graphql-armor), run as validation rules by both transports. */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: [reportAs('query.tooDeep', 'depth', limits.maxDepth)] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [reportAs('query.tooManyAliases', 'aliases', limits.maxAliases)] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [reportAs('query.tooManyDirectives', 'directives', limits.maxDirectives)] }),
    costLimitRule({ ...common, maxCost: limits.maxFieldCost, onReject: [reportAs('query.tooManyFields', 'fieldCost', limits.maxFieldCost)] }),
  ];
}

/** graphql-js's own token limit fails parsing with this text; it is our `tokens` limit. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens/;
export function tokenLimitError(message: string): AppError | null {
  const max = TOKEN_LIMIT.exec(message)?.[1];
  return max ? tooComplex('query.tooLong', 'tokens', Number(max)) : null;
}

/** The estimated result size with these variables, refused above the limit; null when it may run. */
export function complexityError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  max: number,
): AppError | null {
  const complexity = complexityOf(schema, document, operationName, variables);
  // null: bad variables; execution reports them as BAD_USER_INPUT with the field, before any resolver runs.
  return complexity !== null && complexity > max ? tooComplex('query.tooComplex', 'complexity', max, { complexity }) : null;
}

/**
 * Estimates per parsed document and variables, remembered (issue 14 item 4): the estimate walks the
 * whole document against the schema, 1.6 % of a `myOrders` request's CPU, and is a pure function of
 * the schema, the document, the operation and the variables. Apollo keeps one parsed document per
 * query text (its document store), so a client repeating its query with the same variables pays the
 * walk once; graphql-ws parses each message afresh and simply misses. At most `PER_DOCUMENT` variable
 * sets are kept per document (then that document's entries start over), and an entry goes with its document.
 */
const estimates = new WeakMap<DocumentNode, Map<string, number | null>>();
const PER_DOCUMENT = 64;

function complexityOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number | null {
  let key: string;
  try {
    key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  } catch {
    return estimate(schema, document, operationName, variables);
  }
  let known = estimates.get(document);
  if (!known) estimates.set(document, (known = new Map<string, number | null>()));
  if (known.has(key)) return known.get(key)!;
  const complexity = estimate(schema, document, operationName, variables);
  if (known.size >= PER_DOCUMENT) known.clear();
  known.set(key, complexity);
  return complexity;
}

function estimate(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number | null {
  try {
    return getComplexity({
      schema,
      operationName: operationName ?? undefined,
      query: document,
      variables: variables ?? undefined,
      // Each field node counts, so a field repeated under 50 aliases costs 50 times.
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return null;
  }
}

/** HTTP: Apollo parses and validates with `limitRules`; this adds the variable-aware size check. */
export function complexityLimit(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const error = complexityError(schema, document, request.operationName, request.variables, max);
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * graphql-ws: the same parse, rules and size check as HTTP, before any resolver runs. Returns the
 * document to execute, or the errors to send instead.
 */
export function checkOperation(
  schema: GraphQLSchema,
  limits: OperationLimits,
  rules: readonly ValidationRule[],
  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return { errors: [tokenLimitError(err.message) ?? withCode(err, 'GRAPHQL_PARSE_FAILED')] };
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules]);
  if (errors.length) return { errors: errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')) };
  const complexity = complexityError(schema, document, payload.operationName, payload.variables, limits.maxComplexity);
  return complexity ? { errors: [complexity] } : { document };
}

/** graphql-js errors carry no code; Apollo adds these two, so graphql-ws clients get the same. */
function withCode(error: GraphQLError, code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, originalError: error, extensions: { ...error.extensions, code } });
}

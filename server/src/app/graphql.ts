import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { getOperationAST, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { viewerKey } from '../accounts/access';
import { localeFromHeader, runInRequestScope } from '../common/request-context';
import type { Context } from '../graphql/context';
import { makeFormatError } from '../graphql/errors';
import { checkOperation, complexityLimit, limitRules, limitsFrom } from '../graphql/limits';
import { compiledExecution } from '../graphql/compiled-execution';
import { Loaders } from '../graphql/loaders';
import { SharedSubscriptions, SLOW_SUBSCRIBER } from '../graphql/shared-subscriptions';
import { maxContentLength, parseSize } from '../http/request-body';
import { getSchema } from './schema';
import type { AppServices } from './services';

/**
 * The GraphQL API over HTTP (Apollo) and WebSocket (graphql-ws): one schema, one context, the same
 * parse limits and error format on both. Returns the middleware to mount at /graphql and Apollo itself
 * (the shutdown sequence stops it).
 */
export async function createGraphqlApi(services: AppServices, httpServer: http.Server) {
  const { config, orm, logger } = services;
  const schema = await getSchema();

  const contextFor = async (authorization: string | undefined | null, meta: { requestId: string; ip: string; userAgent: string | null }): Promise<Context> => {
    // Shared with concurrent requests of the same token (accounts/session-checks.ts).
    const user = await services.sessionChecks.check(authorization);
    return { em: orm.em.fork(), user, app: services, loaders: new Loaders(), ...meta };
  };

  const limits = limitsFrom(config);
  const rules = limitRules(limits);
  const formatError = makeFormatError(logger, config.production);
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((e) => formatError(e.toJSON(), e));
  const bodyLimit = parseSize(config.GRAPHQL_BODY_LIMIT);
  const authorizationOf = (params: Record<string, unknown> | undefined) => (params?.authorization ?? params?.Authorization) as string | undefined;

  // Identical subscriptions of one viewer run once per event and share the result (issue 14 item 7); a
  // subscriber too slow to read what it is sent has its socket closed (SLOW_SUBSCRIBER).
  const socketOf = new WeakMap<Context, WebSocket>();
  const shared = new SharedSubscriptions((context) => viewerKey((context as Context).user), {
    onSlow: (context) => socketOf.get(context as Context)?.close(SLOW_SUBSCRIBER.code, SLOW_SUBSCRIBER.reason),
  });
  // A message over the body limit closes the socket (1009) before it is parsed.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: bodyLimit });
  const wsCleanup = useServer(
    {
      schema,
      subscribe: shared.subscribe,
      context: async (ctx) => {
        const req = ctx.extra.request;
        const context = await contextFor(authorizationOf(ctx.connectionParams), { requestId: randomUUID(), ip: req.socket.remoteAddress ?? 'unknown', userAgent: req.headers['user-agent'] ?? null });
        socketOf.set(context, ctx.extra.socket);
        return context;
      },
      onConnect: async (ctx) => {
        // Refuse a connection whose token is bad up front, instead of failing each operation.
        const auth = authorizationOf(ctx.connectionParams);
        try {
          const user = await services.sessionChecks.check(auth);
          if (user && auth) services.liveSockets.add(ctx.extra.socket, user, auth);
          return true;
        } catch {
          return false;
        }
      },
      // The same parse, rules and size check as HTTP, for queries, mutations and subscriptions alike.
      onSubscribe: (ctx, _id, payload) =>
        runInRequestScope({ requestId: randomUUID(), locale: localeFromHeader(ctx.extra.request.headers['accept-language']) }, () => {
          const checked = checkOperation(schema, limits, rules, payload);
          if ('errors' in checked) return checked.errors;
          return { schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables };
        }),
      onNext: async (ctx, _id, _payload, args, result) => {
        // A subscription outlives the token it was opened with: check the session before each event.
        if (getOperationAST(args.document, args.operationName)?.operation === 'subscription' && !(await services.liveSockets.stillValid(ctx.extra.socket))) {
          return { data: null };
        }
        return result.errors ? { ...result, errors: format(result.errors) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    // Our schema, executed as compiled operations once in use (graphql/compiled-execution.ts).
    gateway: compiledExecution(schema, config.GRAPHQL_COMPILE_AFTER),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production && config.NODE_ENV !== 'test',
    formatError,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: rules,
    // Our own shutdown (lifecycle/shutdown.ts) stops Apollo once. Apollo's signal handlers would start a
    // second stop; a stop() called while another is draining waits on a barrier that never resolves.
    stopOnTerminationSignals: false,
    plugins: [
      // In-flight requests get 3 s of the 10 s shutdown deadline; then their sockets are cut.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3_000 }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      ApolloServerPluginLandingPageDisabled(),
      // Installed by default, it wraps every field resolver of every request to compute cache hints
      // that nothing here sets or reads (every answer is per user and uncached).
      ApolloServerPluginCacheControlDisabled(),
      complexityLimit(schema, limits.maxComplexity),
    ],
  });
  await apollo.start();

  const middleware: express.RequestHandler[] = [
    (req, res, next) => {
      const origin = req.headers.origin;
      if (origin && config.corsOrigins.includes(origin)) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('vary', 'Origin');
        res.setHeader('access-control-allow-headers', 'authorization, content-type, accept-language, x-request-id');
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        if (req.method === 'OPTIONS') return void res.sendStatus(204);
      }
      next();
    },
    maxContentLength(bodyLimit),
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        contextFor(req.headers.authorization, {
          requestId: (req as express.Request & { id: string }).id,
          ip: req.ip ?? 'unknown',
          userAgent: req.headers['user-agent'] ?? null,
        }),
    }),
  ];
  return { apollo, middleware, contextFor };
}

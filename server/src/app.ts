import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import helmet from 'helmet';
import { getOperationAST, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { WebSocketServer } from 'ws';
import { LoginLimiter } from './accounts/login-limiter';
import { PasswordResets } from './accounts/password-reset';
import { TokenService } from './accounts/tokens';
import { localeFromHeader, runInRequestScope } from './common/request-context';
import { systemClock, type Clock } from './common/time';
import type { Config } from './config/config';
import { resolveSecrets } from './config/secrets';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { migrate, openOrm, type Orm, type QueryCounter } from './db/orm';
import { underStartupLock } from './db/startup-lock';
import { authenticate } from './graphql/authenticate';
import type { AppServices, Context } from './graphql/context';
import { makeFormatError } from './graphql/errors';
import { checkOperation, complexityLimit, limitRules, limitsFrom } from './graphql/limits';
import { LiveSockets } from './graphql/live-sockets';
import { jsonErrors, maxContentLength, parseSize } from './http/request-body';
import { securityHeaders } from './http/security-headers';
import { Loaders } from './graphql/loaders';
import { getSchema } from './graphql/schema';
import { adminRoutes } from './http/admin-static';
import { brandIndexHtml, brandingRoutes } from './branding/branding-routes';
import { brandingFromConfig } from './branding/branding';
import { registerContractTaskHandlers } from './hosting/contract-tasks';
import { registerContractHandlers } from './orders/contract-handlers';
import { healthRoutes } from './http/health';
import { exportRoutes } from './http/export-routes';
import { statementRoutes } from './statements/statement-routes';
import { taxReturnRoutes } from './tax/return-routes';
import { paymentRoutes } from './http/payment-routes';
import { createGateway } from './payments/gateways';
import { spkRoutes } from './http/spk-routes';
import { psreRoutes } from './http/psre-routes';
import { signingIdentityLoader } from './spk/signing-identity';
import { hostingRoutes } from './http/hosting-routes';
import { createHostingDeps } from './hosting/drivers';
import { createNotificationDeps } from './notifications/setup';
import { createJobRunner } from './jobs/jobs';
import { createStampDutyProvider } from './spk/stamp-duty';
import { signatureProviderFromConfig } from './spk/signature-provider';
import { ensureFirstAdmin, seed, type SeedResult } from './seed/seed';
import { Role } from './accounts/roles';
import { User } from './accounts/user.entity';
import { closeInOrder, SHUTDOWN_DEADLINE_MS, type CloseStep, type ShutdownResult } from './lifecycle/shutdown';
import type { SmtpEmailSender } from './notifications/channels/email';
import { closePdfPool } from './pdf';
import { cipherFromEnv, useFieldCipher } from './privacy/field-cipher';
import { privacyRoutes } from './privacy/privacy-routes';
import { DomainEvents } from './events/domain-events';
import { registerDomainHandlers } from './app/handlers';
import { createTaxDeps, registerTaxHandlers } from './tax/tax-invoices';
import { registerStaffAlertHandlers } from './notifications/staff-alerts';
import { registerPaymentHandlers } from './payments/channels';

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  queryCounter?: QueryCounter;
  /** Where the built back office lives (default: admin/dist beside the project). */
  adminDist?: string;
}

export interface RunningApp {
  url: string;
  port: number;
  services: AppServices;
  orm: Orm;
  embedded: EmbeddedDatabase | null;
  seeded: SeedResult | null;
  migrationsApplied: string[];
  /** The one stop sequence (see stopSequence); runs once, later calls get the same result. */
  shutdown(deadlineMs?: number): Promise<ShutdownResult>;
  /** shutdown(), throwing when something did not close. */
  close(): Promise<void>;
}

export const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

export function databaseUrlOf(db: EmbeddedDatabase) {
  return `postgresql://postgres:postgres@${db.host}:${db.port}/postgres`;
}

/** Opens the database (embedded or real), migrates and seeds as configured. */
export async function openDatabase(config: Config, logger: Logger, queryCounter?: QueryCounter) {
  let embedded: EmbeddedDatabase | null = null;
  let clientUrl = config.DATABASE_URL;
  if (!clientUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.EMBEDDED_DB_PORT);
    clientUrl = databaseUrlOf(embedded);
    logger.info({ dataDir: embedded.dataDir, port: embedded.port, created: embedded.created }, 'embedded PostgreSQL (PGlite) started');
  }
  try {
    const orm = await openOrm({ clientUrl, poolMax: embedded ? 1 : config.DATABASE_POOL_MAX }, { counter: queryCounter });
    let migrationsApplied: string[] = [];
    if (embedded || config.DB_MIGRATE_ON_START) {
      migrationsApplied = await underStartupLock(embedded ? null : clientUrl, () => migrate(orm));
    } else {
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        await orm.close();
        throw new Error(`The database has ${pending.length} pending migration(s): run \`npm run db:migrate\` (or set DB_MIGRATE_ON_START=true).`);
      }
    }
    return { orm, embedded, migrationsApplied, clientUrl };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { service: 'angsur' } });
  const clock = options.clock ?? systemClock;
  // Before the database: migrations and every read of an encrypted column need the key ring.
  useFieldCipher(cipherFromEnv({ keys: config.DATA_ENCRYPTION_KEYS, hashKey: config.DATA_HASH_KEY, production: config.production }));
  const { orm, embedded, migrationsApplied, clientUrl } = await openDatabase(config, logger, options.queryCounter);
  let seeded: SeedResult | null = null;
  try {
    // Under the startup lock, so processes starting together seed (or create the first admin) once.
    seeded = await underStartupLock(embedded ? null : clientUrl, async (): Promise<SeedResult> => config.seedDemoData
      ? seed(orm.em.fork(), config)
      // Production starts without demo data, but must be enterable: the first admin from ADMIN_PASSWORD.
      : { admin: await ensureFirstAdmin(orm.em.fork(), config, { generate: false }), demoCustomer: null, productsCreated: 0, plansCreated: 0 });
    if (!seeded.admin && !(await orm.em.fork().count(User, { role: Role.ADMIN, active: true }))) {
      logger.warn('no active ADMIN account: set ADMIN_PASSWORD and restart, or run `npm run admin:create`');
    }
  } catch (err) {
    await orm.close();
    await embedded?.stop();
    throw err;
  }

  const secrets = await resolveSecrets(config);
  const makeGateway = (publicUrl: string) =>
    createGateway(config.PAYMENT_GATEWAY, {
      sandbox: { secret: secrets.sandboxPaymentSecret, publicUrl },
      ...(config.MIDTRANS_SERVER_KEY ? { midtrans: { serverKey: config.MIDTRANS_SERVER_KEY, snapBaseUrl: config.MIDTRANS_SNAP_URL } } : {}),
      ...(config.XENDIT_SECRET_KEY && config.XENDIT_CALLBACK_TOKEN
        ? { xendit: { secretKey: config.XENDIT_SECRET_KEY, callbackToken: config.XENDIT_CALLBACK_TOKEN, baseUrl: config.XENDIT_BASE_URL } }
        : {}),
    });
  const tokens = new TokenService(secrets.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS, config.REFRESH_TOKEN_TTL_DAYS, config.staffTwoFactorRequired);
  const notifications = createNotificationDeps(config, logger, clock, embedded ? null : clientUrl);
  const events = new DomainEvents();
  const services: AppServices = {
    events,
    notifications,
    billing: {
      remindBefore: config.REMINDER_DAYS_BEFORE.split(',').map(Number),
      remindAfter: config.REMINDER_DAYS_AFTER.split(',').map(Number),
    },
    config,
    orm,
    clock,
    logger,
    sandboxPaymentSecret: secrets.sandboxPaymentSecret,
    gateway: makeGateway(config.publicUrl),
    spk: {
      clock,
      config,
      signingIdentity: signingIdentityLoader(config),
      signatures: signatureProviderFromConfig(config, secrets.sandboxPaymentSecret),
      bus: notifications.bus,
      events,
      stampDuty: createStampDutyProvider(config.STAMP_DUTY_PROVIDER, {
        sandbox: { seed: secrets.sandboxPaymentSecret },
        ...(config.MEKARI_BASE_URL && config.MEKARI_CLIENT_ID && config.MEKARI_CLIENT_SECRET
          ? { mekari: { baseUrl: config.MEKARI_BASE_URL, clientId: config.MEKARI_CLIENT_ID, clientSecret: config.MEKARI_CLIENT_SECRET } }
          : {}),
      }),
    },
    hosting: createHostingDeps(config, clock, notifications.bus, events),
    tokens,
    liveSockets: new LiveSockets(orm, tokens, clock),
    loginLimiter: new LoginLimiter({
      maxPerIp: config.LOGIN_MAX_PER_IP,
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
    }),
    passwordResets: new PasswordResets(config),
  };

  // The core reactions first (the order follows the money), then those that read the result.
  registerDomainHandlers(services);
  registerTaxHandlers(services.events, createTaxDeps(config));
  registerStaffAlertHandlers(services.events, { bus: notifications.bus, publicUrl: () => config.publicUrl });
  registerPaymentHandlers(services.events, services);

  registerContractTaskHandlers(services.events);
  registerContractHandlers(services.events);
  const schema = await getSchema();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = http.createServer(app);

  app.use((req, res, next) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && /^[\w.-]{1,64}$/.test(req.headers['x-request-id']) && req.headers['x-request-id']) || randomUUID();
    res.setHeader('x-request-id', requestId);
    (req as express.Request & { id: string }).id = requestId;
    runInRequestScope({ requestId, locale: localeFromHeader(req.headers['accept-language']) }, next);
  });
  app.use(securityHeaders());
  app.use(pinoHttp({ logger, genReqId: (req) => (req as unknown as { id: string }).id, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  const ready = { accepting: true, listening: () => notifications.bus.listening };
  app.use(healthRoutes(orm, ready));
  app.get('/', (_req, res) => res.redirect('/admin/'));
  app.use(brandingRoutes(brandingFromConfig(config), config.COMPANY_LOGO_FILE));
  app.use(adminRoutes(options.adminDist ?? path.join(projectRoot, 'admin', 'dist'), (html) => brandIndexHtml(html, brandingFromConfig(config))));
  app.use(paymentRoutes(services));
  app.use(exportRoutes(services));
  app.use(statementRoutes(services));
  app.use(taxReturnRoutes(services));
  app.use(spkRoutes(services));
  app.use(psreRoutes(services));
  app.use(hostingRoutes(services));
  app.use(privacyRoutes(services));

  const contextFor = async (authorization: string | undefined | null, meta: { requestId: string; ip: string; userAgent: string | null }): Promise<Context> => {
    const em = orm.em.fork();
    const user = await authenticate(em, services.tokens, authorization, clock.now());
    return { em, user, app: services, loaders: new Loaders(), ...meta };
  };

  const limits = limitsFrom(config);
  const rules = limitRules(limits);
  const formatError = makeFormatError(logger, config.production);
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((e) => formatError(e.toJSON(), e));
  const bodyLimit = parseSize(config.GRAPHQL_BODY_LIMIT);
  const authorizationOf = (params: Record<string, unknown> | undefined) => (params?.authorization ?? params?.Authorization) as string | undefined;

  // A message over the body limit closes the socket (1009) before it is parsed.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: bodyLimit });
  const wsCleanup = useServer(
    {
      schema,
      context: async (ctx) => {
        const req = ctx.extra.request;
        return contextFor(authorizationOf(ctx.connectionParams), { requestId: randomUUID(), ip: req.socket.remoteAddress ?? 'unknown', userAgent: req.headers['user-agent'] ?? null });
      },
      onConnect: async (ctx) => {
        // Refuse a connection whose token is bad up front, instead of failing each operation.
        const auth = authorizationOf(ctx.connectionParams);
        try {
          const user = await authenticate(orm.em.fork(), services.tokens, auth, clock.now());
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
    schema,
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
  await notifications.bus.start();
  const jobs = config.JOBS_ENABLED ? createJobRunner(services, embedded ? null : clientUrl) : null;
  await jobs?.start();

  app.use(
    '/graphql',
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
  );

  app.use(jsonErrors(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ? config.publicUrl : `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  if (!config.PUBLIC_URL && url !== config.publicUrl) {
    // PORT=0 (tests) or another host: links we hand out must point where we actually listen.
    config.publicUrl = url;
    services.gateway = makeGateway(url);
  }

  let stopped: Promise<ShutdownResult> | null = null;
  const shutdown = (deadlineMs = SHUTDOWN_DEADLINE_MS) =>
    (stopped ??= closeInOrder(
      stopSequence({ ready, jobs, apollo, notifications, orm, embedded }),
      logger,
      deadlineMs,
    ));
  return {
    url,
    port,
    services,
    orm,
    embedded,
    seeded,
    migrationsApplied,
    shutdown,
    async close() {
      const result = await shutdown();
      if (!result.ok) throw new Error(`did not close: ${result.unfinished.join(', ')}`);
    },
  };
}

/**
 * Stop taking work, let what is in flight finish, then close what it needed, in that order:
 * /readyz turns 503 (load balancers stop sending), HTTP stops listening and drains (graphql-ws sockets
 * are closed with 1001 "Going away"), jobs finish the item in hand, the LISTEN connection and the SMTP
 * pool close, then the ORM, and last PGlite, which writes its data directory on close.
 */
function stopSequence(parts: {
  ready: { accepting: boolean };
  jobs: { stop(): Promise<void> } | null;
  apollo: ApolloServer<Context>;
  notifications: AppServices['notifications'];
  orm: Orm;
  embedded: EmbeddedDatabase | null;
}): CloseStep[] {
  const { ready, jobs, apollo, notifications, orm, embedded } = parts;
  return [
    { name: 'readiness', close: () => void (ready.accepting = false) },
    { name: 'http and graphql-ws', close: () => apollo.stop() },
    { name: 'jobs', close: () => jobs?.stop() },
    { name: 'notification listener', close: () => notifications.bus.stop() },
    { name: 'email', close: () => (notifications.email as Partial<SmtpEmailSender>).close?.() },
    { name: 'pdf workers', close: () => closePdfPool() },
    { name: 'database', close: () => orm.close(true) },
    ...(embedded ? [{ name: 'embedded database', close: () => embedded.stop() }] : []),
  ];
}

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import depthLimit from 'graphql-depth-limit';
import { useServer } from 'graphql-ws/use/ws';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { WebSocketServer } from 'ws';
import { LoginLimiter } from './accounts/login-limiter';
import { TokenService } from './accounts/tokens';
import { localeFromHeader, runInRequestScope } from './common/request-context';
import { systemClock, type Clock } from './common/time';
import type { Config } from './config/config';
import { resolveSecrets } from './config/secrets';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { migrate, openOrm, type Orm, type QueryCounter } from './db/orm';
import { authenticate } from './graphql/authenticate';
import type { AppServices, Context } from './graphql/context';
import { makeFormatError } from './graphql/errors';
import { complexityLimit } from './graphql/limits';
import { Loaders } from './graphql/loaders';
import { getSchema } from './graphql/schema';
import { adminRoutes } from './http/admin-static';
import { healthRoutes } from './http/health';
import { exportRoutes } from './http/export-routes';
import { paymentRoutes } from './http/payment-routes';
import { createGateway } from './payments/gateways';
import { spkRoutes } from './http/spk-routes';
import { signingIdentityLoader } from './spk/signing-identity';
import { hostingRoutes } from './http/hosting-routes';
import { createServiceDeps } from './services/drivers';
import { createNotificationDeps } from './notifications/setup';
import { createJobRunner } from './jobs/jobs';
import { createStampDutyProvider } from './spk/stamp-duty';
import { seed, type SeedResult } from './seed/seed';

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
      migrationsApplied = await migrate(orm);
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
  const { orm, embedded, migrationsApplied, clientUrl } = await openDatabase(config, logger, options.queryCounter);
  let seeded: SeedResult | null = null;
  try {
    if (config.seedDemoData) seeded = await seed(orm.em.fork(), config);
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
  const notifications = createNotificationDeps(config, logger, clock, embedded ? null : clientUrl);
  const services: AppServices = {
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
      bus: notifications.bus,
      stampDuty: createStampDutyProvider(config.STAMP_DUTY_PROVIDER, {
        sandbox: { seed: secrets.sandboxPaymentSecret },
        ...(config.MEKARI_BASE_URL && config.MEKARI_CLIENT_ID && config.MEKARI_CLIENT_SECRET
          ? { mekari: { baseUrl: config.MEKARI_BASE_URL, clientId: config.MEKARI_CLIENT_ID, clientSecret: config.MEKARI_CLIENT_SECRET } }
          : {}),
      }),
    },
    services: createServiceDeps(config, clock, notifications.bus),
    tokens: new TokenService(secrets.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS, config.REFRESH_TOKEN_TTL_DAYS),
    loginLimiter: new LoginLimiter({
      maxPerIp: config.LOGIN_MAX_PER_IP,
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
    }),
  };

  const schema = await getSchema();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = http.createServer(app);

  app.use((req, res, next) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && /^[\w.-]{1,64}$/.test(req.headers['x-request-id']) && req.headers['x-request-id']) || randomUUID();
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    (req as express.Request & { id: string }).id = requestId;
    runInRequestScope({ requestId, locale: localeFromHeader(req.headers['accept-language']) }, next);
  });
  app.use(pinoHttp({ logger, genReqId: (req) => (req as unknown as { id: string }).id, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(healthRoutes(orm));
  app.get('/', (_req, res) => res.redirect('/admin/'));
  app.use(adminRoutes(options.adminDist ?? path.join(projectRoot, 'admin', 'dist')));
  app.use(paymentRoutes(services));
  app.use(exportRoutes(services));
  app.use(spkRoutes(services));
  app.use(hostingRoutes(services));

  const contextFor = async (authorization: string | undefined | null, meta: { requestId: string; ip: string; userAgent: string | null }): Promise<Context> => {
    const em = orm.em.fork();
    const user = await authenticate(em, services.tokens, authorization, clock.now());
    return { em, user, app: services, loaders: new Loaders(), ...meta };
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer(
    {
      schema,
      context: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const auth = (params.authorization ?? params.Authorization) as string | undefined;
        const req = ctx.extra.request;
        return contextFor(auth, { requestId: randomUUID(), ip: req.socket.remoteAddress ?? 'unknown', userAgent: req.headers['user-agent'] ?? null });
      },
      onConnect: async (ctx) => {
        // Refuse a connection whose token is bad up front, instead of failing each operation.
        const params = ctx.connectionParams ?? {};
        const auth = (params.authorization ?? params.Authorization) as string | undefined;
        try {
          await authenticate(orm.em.fork(), services.tokens, auth, clock.now());
          return true;
        } catch {
          return false;
        }
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production && config.NODE_ENV !== 'test',
    formatError: makeFormatError(logger, config.production),
    validationRules: [depthLimit(config.GRAPHQL_MAX_DEPTH)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      ApolloServerPluginLandingPageDisabled(),
      // Installed by default, it wraps every field resolver of every request to compute cache hints
      // that nothing here sets or reads (every answer is per user and uncached).
      ApolloServerPluginCacheControlDisabled(),
      complexityLimit(schema, config.GRAPHQL_MAX_COMPLEXITY),
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
    express.json({ limit: config.GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        contextFor(req.headers.authorization, {
          requestId: (req as express.Request & { id: string }).id,
          ip: req.ip ?? 'unknown',
          userAgent: req.headers['user-agent'] ?? null,
        }),
    }),
  );

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

  let closed = false;
  return {
    url,
    port,
    services,
    orm,
    embedded,
    seeded,
    migrationsApplied,
    async close() {
      if (closed) return;
      closed = true;
      await jobs?.stop();
      await apollo.stop();
      await notifications.bus.stop();
      httpServer.closeAllConnections();
      await orm.close();
      await embedded?.stop();
    },
  };
}

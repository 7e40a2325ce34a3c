import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import type express from 'express';
import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from '../common/time';
import type { Config } from '../config/config';
import { resolveSecrets } from '../config/secrets';
import type { EmbeddedDatabase } from '../db/embedded';
import type { Orm, QueryCounter } from '../db/orm';
import type { Context } from '../graphql/context';
import { jsonErrors } from '../http/request-body';
import { createJobRunner } from '../jobs/jobs';
import { closeInOrder, SHUTDOWN_DEADLINE_MS, type CloseStep, type ShutdownResult } from '../lifecycle/shutdown';
import type { SmtpEmailSender } from '../notifications/channels/email';
import { closePdfPool } from '../pdf';
import { cipherFromEnv, useFieldCipher } from '../privacy/field-cipher';
import type { SeedResult } from '../seed/seed';
import { openDatabase, seedOnStart } from './database';
import { createGraphqlApi } from './graphql';
import { registerDomainHandlers } from './handlers';
import { createHttpApp } from './http';
import { gatewayFor, wireServices, type AppServices } from './services';

/**
 * The composition root: the one place that opens the database, wires the services (services.ts),
 * registers the domains' event handlers (handlers.ts), builds the HTTP app (http.ts) and the GraphQL
 * API (graphql.ts, schema.ts), starts the jobs and knows how to stop it all again.
 */
export { databaseUrlOf, openDatabase, projectRoot } from './database';
export type { AppServices } from './services';

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
  /** The express app (its routes are enumerated by the access-coverage test). */
  express: express.Express;
  /** The context a GraphQL request with this Authorization header gets, as both transports build it. */
  graphqlContext(authorization: string | null, meta: { requestId: string; ip: string; userAgent: string | null }): Promise<Context>;
  /** The one stop sequence (see stopSequence); runs once, later calls get the same result. */
  shutdown(deadlineMs?: number): Promise<ShutdownResult>;
  /** shutdown(), throwing when something did not close. */
  close(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { service: 'angsur' } });
  const clock = options.clock ?? systemClock;
  // Before the database: migrations and every read of an encrypted column need the key ring.
  useFieldCipher(cipherFromEnv({ keys: config.DATA_ENCRYPTION_KEYS, hashKey: config.DATA_HASH_KEY, production: config.production }));
  const { orm, embedded, migrationsApplied, clientUrl } = await openDatabase(config, logger, options.queryCounter);
  const seeded = await seedOnStart(config, logger, { orm, embedded, clientUrl });

  const secrets = await resolveSecrets(config);
  const listenUrl = embedded ? null : clientUrl;
  const services = wireServices({ config, secrets, orm, clock, logger, listenUrl });
  registerDomainHandlers(services);

  const { app, graphql, httpServer, ready } = createHttpApp(services, { logger, adminDist: options.adminDist });
  const { apollo, middleware, contextFor } = await createGraphqlApi(services, httpServer);
  const { notifications } = services;
  await notifications.bus.start();
  const jobs = config.JOBS_ENABLED ? createJobRunner(services, listenUrl) : null;
  await jobs?.start();
  graphql.use(...middleware);
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
    services.gateway = gatewayFor(config, secrets, url);
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
    express: app,
    graphqlContext: contextFor,
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

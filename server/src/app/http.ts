import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { brandIndexHtml, brandingRoutes } from '../branding/branding-routes';
import { brandingFromConfig } from '../branding/branding';
import { localeFromHeader, runInRequestScope } from '../common/request-context';
import { adminRoutes } from '../http/admin-static';
import { exportRoutes } from '../http/export-routes';
import { statementRoutes } from '../statements/statement-routes';
import { taxReturnRoutes } from '../tax/return-routes';
import { healthRoutes, type ReadinessState } from '../http/health';
import { hostingRoutes } from '../http/hosting-routes';
import { paymentRoutes } from '../http/payment-routes';
import { psreRoutes } from '../http/psre-routes';
import { securityHeaders } from '../http/security-headers';
import { spkRoutes } from '../http/spk-routes';
import { receiptRoutes } from '../receipts/receipt-routes';
import { privacyRoutes } from '../privacy/privacy-routes';
import { projectRoot } from './database';
import type { AppServices } from './services';

/**
 * What a request's log line says about the request and its answer. Named fields, not pino's defaults,
 * which copy every header both ways: the request's `authorization` (a bearer token: a session for
 * anyone who reads the logs) and cookies, and the answer's dozen security headers on every line
 * (serializing them was most of the log's cost per request).
 */
const requestLogSerializers = {
  req: (req: { id?: unknown; method?: string; url?: string; remoteAddress?: string; headers?: Record<string, unknown> }) => ({
    id: req.id,
    method: req.method,
    url: req.url,
    remoteAddress: req.remoteAddress,
    userAgent: req.headers?.['user-agent'],
  }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

/**
 * The express app with every plain HTTP route (health, branding, the back office, payments, exports,
 * SPK files, PSrE callbacks, hosting, privacy). GraphQL is mounted afterwards (see app/graphql.ts).
 */
export function createHttpApp(services: AppServices, options: { logger: Logger; adminDist?: string }) {
  const { config, orm, notifications } = services;
  const app = express();
  app.disable('x-powered-by');
  // No ETag computed over every answer: express hashed each GraphQL response body (SHA-1 of 50 KB for a
  // customer's orders page) for a header no client revalidates a POST with. Routes whose answers are
  // worth revalidating set their own (an SPK's page images, spk-routes.ts); static files keep theirs.
  app.set('etag', false);
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = http.createServer(app);

  app.use((req, res, next) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && /^[\w.-]{1,64}$/.test(req.headers['x-request-id']) && req.headers['x-request-id']) || randomUUID();
    res.setHeader('x-request-id', requestId);
    (req as express.Request & { id: string }).id = requestId;
    runInRequestScope({ requestId, locale: localeFromHeader(req.headers['accept-language']) }, next);
  });
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (req) => (req as unknown as { id: string }).id,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      serializers: requestLogSerializers,
    }),
  );
  // The API first: a GraphQL request (nearly every request) goes to its router without being matched
  // against every route of the dozen routers below. Its middleware is added once Apollo has started
  // (app/index.ts).
  const graphql = express.Router();
  app.use('/graphql', graphql);
  const ready: ReadinessState = { accepting: true, listening: () => notifications.bus.listening };
  app.use(healthRoutes(orm, ready));
  app.get('/', (_req, res) => res.redirect('/admin/'));
  app.use(brandingRoutes(brandingFromConfig(config), config.COMPANY_LOGO_FILE));
  app.use(adminRoutes(options.adminDist ?? path.join(projectRoot, 'admin', 'dist'), (html) => brandIndexHtml(html, brandingFromConfig(config))));
  app.use(paymentRoutes(services));
  app.use(exportRoutes(services));
  app.use(statementRoutes(services));
  app.use(taxReturnRoutes(services));
  app.use(spkRoutes(services));
  app.use(receiptRoutes(services));
  app.use(psreRoutes(services));
  app.use(hostingRoutes(services));
  app.use(privacyRoutes(services));
  return { app, graphql, httpServer, ready };
}

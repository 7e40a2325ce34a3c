import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { t } from '../common/messages';
import type { AppServices } from '../app/services';
import { httpUser, sendError } from './auth';

/** Params left open so the route that uses it keeps its own typed path parameters. */
type Middleware = RequestHandler<any>;

/** "1mb" / "512kb" / "2048b" (the GRAPHQL_BODY_LIMIT format) in bytes. */
export function parseSize(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(size.trim());
  if (!match) throw new Error(`bad size ${size}`);
  const unit = match[2]!.toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

const humanSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 102.4) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`);

const isGraphql = (req: Request) => req.baseUrl === '/graphql' || req.path === '/graphql';

/**
 * Answers a refused body without reading the rest of it: `connection: close` makes Node drop the
 * socket after the answer instead of draining megabytes we will never use. /graphql answers in the
 * GraphQL shape, the plain routes in theirs (`{ error: { code, message } }`).
 */
function refuse(req: Request, res: Response, status: number, code: 'TOO_LARGE' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED', message: string, extra: Record<string, unknown> = {}) {
  if (res.headersSent) return;
  if (!req.complete) res.setHeader('connection', 'close');
  if (isGraphql(req)) res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
  else res.status(status).json({ error: { code, message, ...extra } });
}

/** Refuses by Content-Length before a byte of the body is read (the parsers also count while streaming). */
export function maxContentLength(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) return refuse(req, res, 413, 'TOO_LARGE', t('request.tooLarge', { max: humanSize(maxBytes) }), { maxBytes });
    next();
  };
}

/**
 * A binary upload: size by header, then the caller (anonymous: 401 before the body is read), then the
 * body counted while it streams in. The handler finds the caller in `res.locals.user`.
 */
export function uploadBody(services: AppServices, maxBytes: number): Middleware {
  const authenticateFirst: RequestHandler = (req, res, next) => {
    httpUser(req, services.orm.em.fork(), services)
      .then((user) => {
        if (!user) return refuse(req, res, 401, 'UNAUTHENTICATED', t('auth.required'));
        res.locals.user = user;
        next();
      })
      .catch((err: unknown) => {
        if (!req.complete) res.setHeader('connection', 'close');
        sendError(res, err, services);
      });
  };
  return inSequence([maxContentLength(maxBytes), authenticateFirst, express.raw({ type: () => true, limit: maxBytes })]);
}

/** Size by header, then the raw bytes counted while streaming (webhooks sign their exact body). */
export const rawBody = (maxBytes: number): Middleware => inSequence([maxContentLength(maxBytes), express.raw({ type: () => true, limit: maxBytes })]);

/** Several middlewares as one (so a route keeps its typed path parameters). */
function inSequence(handlers: RequestHandler[]): Middleware {
  return (req, res, next) => {
    const run = (i: number, err?: unknown): void => {
      if (err !== undefined || i === handlers.length) return next(err);
      handlers[i]!(req, res, (e?: unknown) => run(i + 1, e));
    };
    run(0);
  };
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * The last error handler: body-parser's refusals become TOO_LARGE / BAD_USER_INPUT in JSON, and
 * anything else a JSON 500 that is logged, never Express's HTML page with a stack and server paths.
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err: BodyParserError, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      return refuse(req, res, 413, 'TOO_LARGE', t('request.tooLarge', { max: humanSize(err.limit ?? 0) }), { maxBytes: err.limit });
    }
    if (err.type === 'entity.parse.failed' || err.type === 'encoding.unsupported' || err.type === 'charset.unsupported' || err.type === 'request.size.invalid' || (err.status && err.status < 500)) {
      const detail = err.type === 'entity.parse.failed' ? 'JSON' : (err.type ?? 'body').replace(/\./g, ' ');
      return refuse(req, res, err.status && err.status !== 413 ? err.status : 400, 'BAD_USER_INPUT', t('request.malformed', { detail }));
    }
    logger.error({ err }, 'unhandled error in HTTP route');
    if (isGraphql(req)) res.status(500).json({ errors: [{ message: t('internal'), extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    else res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: t('internal') } });
  };
}

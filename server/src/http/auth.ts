import type { Request, Response } from 'express';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../common/errors';
import type { AppServices } from '../app/services';
import { authenticate } from '../accounts/authenticate';
import type { EntityManager } from '@mikro-orm/postgresql';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SPK_NOT_CONFIRMED: 409,
  RATE_LIMITED: 429,
};

/** Plain HTTP routes answer errors in the same codes as GraphQL: `{ error: { code, message, field? } }`. */
export function sendError(res: Response, err: unknown, services: AppServices) {
  if (err instanceof AppError) {
    const { http: _http, ...extensions } = err.extensions as Record<string, unknown>;
    const code = extensions.reason === 'TOO_LARGE' ? 413 : (STATUS[err.code] ?? 400);
    res.status(code).json({ error: { ...extensions, code: err.code, message: err.message } });
    return;
  }
  services.logger.error({ err }, 'unhandled error in HTTP route');
  res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' } });
}

/** The caller of a plain HTTP route, from the same bearer token the GraphQL API takes. */
export async function httpUser(req: Request, em: EntityManager, services: AppServices): Promise<AuthUser | null> {
  return authenticate(em, services.tokens, req.headers.authorization, services.clock.now());
}

import { Router } from 'express';
import type { Orm } from '../db/orm';

/** What readiness knows besides the database: whether we are stopping, and the LISTEN connection. */
export interface ReadinessState {
  /** False once shutdown has begun: a load balancer should send nothing new. */
  accepting: boolean;
  /** Whether live notifications reach this process (the LISTEN connection on PostgreSQL). */
  listening(): boolean;
}

/** Liveness says the process answers; readiness says it can do its work: database, listener, not stopping. */
export function healthRoutes(orm: Orm, state: ReadinessState): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (!state.accepting) return void res.status(503).json({ status: 'stopping' });
    try {
      await orm.em.fork().getConnection().execute('select 1');
    } catch (err) {
      return void res.status(503).json({ status: 'unavailable', error: (err as Error).message });
    }
    if (!state.listening()) return void res.status(503).json({ status: 'unavailable', error: 'notification listener disconnected; reconnecting' });
    res.json({ status: 'ready' });
  });
  return router;
}

import pg from 'pg';

/** Any constant, distinct from the billing pass's lock; advisory locks are per database. */
const STARTUP_LOCK = 72_630_002;

/**
 * Runs `fn` (migrations, demo seed) while holding a session advisory lock taken on a connection of its
 * own, so several processes starting together on one PostgreSQL do it one at a time: the first
 * migrates, the others wait on the lock and then find nothing pending. The lock dies with the
 * connection, so a process killed mid-migration does not block the next start (the migrations run in
 * one transaction and roll back). `clientUrl` null is the embedded database: one process owns its data
 * directory and its single connection, so there is nobody to wait for.
 */
export async function underStartupLock<T>(clientUrl: string | null, fn: () => Promise<T>): Promise<T> {
  if (!clientUrl) return fn();
  const client = new pg.Client({ connectionString: clientUrl, application_name: 'angsur startup lock' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.end();
  }
}

import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { templateName, urlFor, withAdminClient } from './db-names';

export { testDatabaseUrl } from './db-names';

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: string;
  }
}

/**
 * Only the integration and browser projects run the global setup that provides the run id; a file in
 * the unit project that reaches for a database or a server fails here with a clear message instead of
 * quietly making the unit layer slow.
 */
export function requireDatabaseLayer(): string {
  const run = inject('testRun');
  if (!run) throw new Error('This test needs a database or a server: it belongs in the integration project (vitest.config.mts), not in unit.');
  return run;
}

/** A fresh database for one test file, copied from the migrated template (fast: no migrations to run). */
export async function createTestDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const run = requireDatabaseLayer();
  const name = `angsur_t_${run}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(base, (c) => c.query(`create database ${name} template ${templateName(run)}`));
  return {
    url: urlFor(base, name),
    drop: () => withAdminClient(base, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

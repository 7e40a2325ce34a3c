import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { templateName, urlFor, withAdminClient } from './db-names';

export { testDatabaseUrl } from './db-names';

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: string;
  }
}

/** A fresh database for one test file, copied from the migrated template (fast: no migrations to run). */
export async function createTestDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const run = inject('testRun');
  const name = `angsur_t_${run}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(base, (c) => c.query(`create database ${name} template ${templateName(run)}`));
  return {
    url: urlFor(base, name),
    drop: () => withAdminClient(base, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The real PostgreSQL the suite runs against, or undefined for the embedded default. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export const TEMPLATE_DB = 'angsur_test_template';

export function urlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(base: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor(base, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, copied from the migrated template (fast: no migrations to run). */
export async function createTestDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `angsur_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(base, (c) => c.query(`create database ${name} template ${TEMPLATE_DB}`));
  return {
    url: urlFor(base, name),
    drop: () => withAdminClient(base, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

import pg from 'pg';

/** The real PostgreSQL the suite runs against, or undefined for the embedded default. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/**
 * Every database a run creates carries the run's id (the main process's pid and a random part), so
 * two suites on one server never drop each other's databases; a crashed run's leftovers are found by
 * their dead pid and removed by the next run.
 */
export const templateName = (run: string) => `angsur_tpl_${run}`;
export const runOf = (database: string) => /^angsur_(?:tpl|t)_(\d+x[0-9a-f]+)/.exec(database)?.[1] ?? null;

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

import 'reflect-metadata';
import { migrate, openOrm } from '../../server/src/db/orm';
import { TEMPLATE_DB, testDatabaseUrl, urlFor, withAdminClient } from './databases';

/**
 * With TEST_DATABASE_URL: builds one migrated template database; every test file then gets its own
 * copy (CREATE DATABASE ... TEMPLATE), so files run in parallel without seeing each other's rows.
 * Without it, each file starts its own embedded PGlite and nothing is needed here.
 */
export default async function setup() {
  const base = testDatabaseUrl;
  if (!base) return;
  await withAdminClient(base, async (c) => {
    const stale = await c.query<{ datname: string }>(`select datname from pg_database where datname like 'angsur_t\\_%'`);
    for (const row of stale.rows) await c.query(`drop database if exists ${row.datname} with (force)`);
    await c.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await c.query(`create database ${TEMPLATE_DB}`);
  });
  const orm = await openOrm({ clientUrl: urlFor(base, TEMPLATE_DB), poolMax: 1 });
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
  return async () => {
    await withAdminClient(base, (c) => c.query(`drop database if exists ${TEMPLATE_DB} with (force)`));
  };
}

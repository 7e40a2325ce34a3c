import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrate, openOrm } from '../../server/src/db/orm';
import { runOf, templateName, testDatabaseUrl, urlFor, withAdminClient } from './db-names';
import { processAlive as alive } from './processes';

/**
 * With TEST_DATABASE_URL: builds one migrated template database for this run; every test file then
 * gets its own copy (CREATE DATABASE ... TEMPLATE), so files run in parallel without seeing each
 * other's rows. Without it, each file starts its own embedded PGlite and nothing is needed here.
 */
export default async function setup(project: TestProject) {
  // The runtime is the `node` package from npm (node_modules/.bin comes first on npm scripts' PATH).
  console.log(`angsur tests: Node ${process.version}`);
  const run = `${process.pid}x${randomBytes(3).toString('hex')}`;
  project.provide('testRun', run);
  const base = testDatabaseUrl;
  if (!base) return;
  await withAdminClient(base, async (c) => {
    const existing = await c.query<{ datname: string }>(`select datname from pg_database where datname like 'angsur\\_%'`);
    for (const { datname } of existing.rows) {
      const owner = runOf(datname);
      if (owner && !alive(Number(owner.split('x')[0]))) await c.query(`drop database if exists ${datname} with (force)`);
    }
    await c.query(`create database ${templateName(run)}`);
  });
  const orm = await openOrm({ clientUrl: urlFor(base, templateName(run)), poolMax: 1 });
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
  return async () => {
    await withAdminClient(base, async (c) => {
      const mine = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`angsur\\_%${run}%`]);
      for (const { datname } of mine.rows) await c.query(`drop database if exists ${datname} with (force)`);
    });
  };
}

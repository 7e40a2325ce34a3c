import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { inject, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/app';
import { loadConfig } from '../../server/src/config/config';
import { migrationsList } from '../../migrations';
import { testDatabaseUrl, urlFor, withAdminClient } from '../support/db-names';

// Several API processes started together on a new database (a deploy, a restart of every unit): each
// one migrates on start, and only one may run the migrations; the others wait and find them applied.
describe.runIf(!!testDatabaseUrl)('several processes starting at once on an empty database', () => {
  it('all start: migrations run once under an advisory lock, the others find them applied', async () => {
    const name = `angsur_t_${inject('testRun')}_${randomBytes(4).toString('hex')}`;
    await withAdminClient(testDatabaseUrl!, (c) => c.query(`create database ${name}`));
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: urlFor(testDatabaseUrl!, name), DB_MIGRATE_ON_START: 'true', DATABASE_POOL_MAX: '2' });
    const logger = pino({ level: 'silent' });
    try {
      const started = await Promise.allSettled([1, 2, 3].map(() => openDatabase(config, logger)));
      const opened = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
        const applied = opened.map((o) => o.migrationsApplied.length).sort();
        expect(applied).toEqual([0, 0, migrationsList.length]);
        expect(await opened[0]!.orm.getMigrator().getPendingMigrations()).toEqual([]);
      } finally {
        await Promise.all(opened.map((o) => o.orm.close()));
      }
    } finally {
      await withAdminClient(testDatabaseUrl!, (c) => c.query(`drop database if exists ${name} with (force)`));
    }
  }, 120_000);
});

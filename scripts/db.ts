import 'reflect-metadata';
import 'dotenv/config';
import path from 'node:path';
import pino from 'pino';
import { openDatabase } from '../server/src/app';
import { loadConfig } from '../server/src/config/config';
import { ensureFirstAdmin, seed } from '../server/src/seed/seed';
import { createMigration } from './migration-tools';

/**
 * npm run db:migrate             apply pending migrations to DATABASE_URL (or the embedded database)
 * npm run seed                   demo catalog, admin and demo customer (idempotent)
 * npm run admin:create           the first ADMIN only (ADMIN_USERNAME / ADMIN_PASSWORD, or a printed one), no demo data
 * npm run db:migration:create    write a migration for the difference between entities and migrations
 */
async function main() {
  const command = process.argv[2];
  const logger = pino({ level: 'warn' });
  if (command === 'create') {
    const file = await createMigration(path.resolve(__dirname, '..', 'migrations'));
    console.log(file ? `created ${file}` : 'entities and migrations agree: nothing to create');
    return;
  }
  const config = loadConfig({ ...process.env, DB_MIGRATE_ON_START: 'true' });
  const { orm, embedded, migrationsApplied } = await openDatabase(config, logger);
  try {
    if (command === 'migrate') {
      console.log(migrationsApplied.length ? `applied: ${migrationsApplied.join(', ')}` : 'no pending migrations');
    } else if (command === 'seed') {
      const result = await seed(orm.em.fork(), config);
      console.log(`products created: ${result.productsCreated}, plans created: ${result.plansCreated}`);
      if (result.admin?.generated) console.log(`admin: ${result.admin.username} / ${result.admin.password} (printed once)`);
      if (result.demoCustomer) console.log(`demo customer: ${result.demoCustomer.username} / ${result.demoCustomer.password}`);
    } else if (command === 'admin') {
      const admin = await ensureFirstAdmin(orm.em.fork(), config, { generate: true });
      if (!admin) console.log(`an ADMIN account already exists (or ${config.ADMIN_USERNAME} is taken): nothing created`);
      else console.log(`admin: ${admin.username} / ${admin.generated ? `${admin.password} (printed once)` : '(ADMIN_PASSWORD)'}`);
    } else {
      console.error('usage: db.ts migrate|seed|admin|create');
      process.exitCode = 2;
    }
  } finally {
    await orm.close();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import path from 'node:path';
import type { Logger } from 'pino';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import type { Config } from '../config/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded';
import { migrate, openOrm, type Orm, type QueryCounter } from '../db/orm';
import { underStartupLock } from '../db/startup-lock';
import { ensureFirstAdmin, seed, type SeedResult } from '../seed/seed';

/** The project's root (source: server/src/app; build: dist/server/src/app). */
export const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../..' : '../../..');

export function databaseUrlOf(db: EmbeddedDatabase) {
  return `postgresql://postgres:postgres@${db.host}:${db.port}/postgres`;
}

/** Opens the database (embedded or real), migrates and seeds as configured. */
export async function openDatabase(config: Config, logger: Logger, queryCounter?: QueryCounter) {
  let embedded: EmbeddedDatabase | null = null;
  let clientUrl = config.DATABASE_URL;
  if (!clientUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.EMBEDDED_DB_PORT);
    clientUrl = databaseUrlOf(embedded);
    logger.info({ dataDir: embedded.dataDir, port: embedded.port, created: embedded.created }, 'embedded PostgreSQL (PGlite) started');
  }
  try {
    const orm = await openOrm({ clientUrl, poolMax: embedded ? 1 : config.DATABASE_POOL_MAX }, { counter: queryCounter });
    let migrationsApplied: string[] = [];
    if (embedded || config.DB_MIGRATE_ON_START) {
      migrationsApplied = await underStartupLock(embedded ? null : clientUrl, () => migrate(orm));
    } else {
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        await orm.close();
        throw new Error(`The database has ${pending.length} pending migration(s): run \`npm run db:migrate\` (or set DB_MIGRATE_ON_START=true).`);
      }
    }
    return { orm, embedded, migrationsApplied, clientUrl };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/**
 * Demo data, or in production the first admin from ADMIN_PASSWORD. Under the startup lock, so
 * processes starting together seed (or create the first admin) once.
 */
export async function seedOnStart(config: Config, logger: Logger, db: { orm: Orm; embedded: EmbeddedDatabase | null; clientUrl: string }): Promise<SeedResult> {
  const { orm, embedded, clientUrl } = db;
  try {
    const seeded = await underStartupLock(embedded ? null : clientUrl, async (): Promise<SeedResult> => config.seedDemoData
      ? seed(orm.em.fork(), config)
      // Production starts without demo data, but must be enterable: the first admin from ADMIN_PASSWORD.
      : { admin: await ensureFirstAdmin(orm.em.fork(), config, { generate: false }), demoCustomer: null, productsCreated: 0, plansCreated: 0 });
    if (!seeded.admin && !(await orm.em.fork().count(User, { role: Role.ADMIN, active: true }))) {
      logger.warn('no active ADMIN account: set ADMIN_PASSWORD and restart, or run `npm run admin:create`');
    }
    return seeded;
  } catch (err) {
    await orm.close();
    await embedded?.stop();
    throw err;
  }
}

import { DataloaderType, MikroORM, ReflectMetadataProvider, type Logger, type LoggerNamespace, DefaultLogger, type LoggerOptions } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { migrationsList } from '../../../migrations';
import { AfterCommitPublisher } from '../notifications/bus';
import { entities } from './entities';
import { BOOK_DAYS, BOOK_EDGES, ORDER_STATUSES } from '../reports/dashboard-book';

export type Orm = MikroORM<PostgreSqlDriver>;

/** Counts SQL statements, so a test can prove that a query does not grow with the rows it returns. */
export class QueryCounter {
  count = 0;
  statements: string[] = [];
  reset() {
    this.count = 0;
    this.statements = [];
  }
}

class CountingLogger extends DefaultLogger {
  constructor(private readonly opts: LoggerOptions, private readonly counter: QueryCounter) {
    super(opts);
  }
  override log(namespace: LoggerNamespace, message: string, context?: Parameters<Logger['log']>[2]) {
    if (namespace === 'query') {
      this.counter.count++;
      this.counter.statements.push(message);
    }
    if (this.opts.debugMode === true || (Array.isArray(this.opts.debugMode) && this.opts.debugMode.includes(namespace))) {
      super.log(namespace, message, context);
    }
  }
  override isEnabled(namespace: LoggerNamespace) {
    return namespace === 'query' || super.isEnabled(namespace);
  }
}

export interface DatabaseTarget {
  /** postgres://user:pass@host:port/db */
  clientUrl: string;
  poolMax: number;
}

export function ormOptions(target: DatabaseTarget, opts: { counter?: QueryCounter; debug?: boolean } = {}): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: target.clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    // Batches Reference/Collection loads made in the same tick (GraphQL field resolvers) into one query.
    dataloader: DataloaderType.ALL,
    subscribers: [new AfterCommitPublisher()],
    forceUtcTimezone: true,
    // Kept by triggers, not entities (reports/dashboard-book.ts): no entity maps them, and none should.
    schemaGenerator: { skipTables: [BOOK_DAYS, BOOK_EDGES, ORDER_STATUSES] },
    pool: { min: 0, max: target.poolMax },
    allowGlobalContext: false,
    debug: opts.debug ?? false,
    ...(opts.counter ? { loggerFactory: (o: LoggerOptions) => new CountingLogger(o, opts.counter!) } : {}),
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'migrations',
      pathTs: 'migrations',
      emit: 'ts',
      silent: true,
    },
  });
}

export async function openOrm(target: DatabaseTarget, opts: { counter?: QueryCounter; debug?: boolean } = {}): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>(ormOptions(target, opts));
}

export async function migrate(orm: Orm): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}

import type { Logger } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** A statement's answer with rows as arrays (pg's `rowMode: 'array'`): no object per row to build and drop. */
export interface ArrayRows {
  /** Column names, in the order of each row's values. */
  fields: string[];
  rows: unknown[][];
}

interface Pending {
  sql: string;
  resolve: (result: ArrayRows) => void;
  reject: (err: unknown) => void;
}

interface PgResult {
  fields: { name: string }[];
  rows: unknown[][];
}

/** The one kind of value written into a batched statement: a uuid literal cannot carry SQL (see `inline`). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The read statements of one request that start in the same tick, sent to PostgreSQL as one
 * multi-statement query (issue 14 item 4): one write to the socket and one round trip for the five
 * child lists of a `myOrders` page (items, schedule, payments, services, SPK) instead of five of each.
 * Each write of a statement cost its own syscall and wake-up of a server process, 12-15 % of a request's
 * CPU under load, more than the statements themselves.
 *
 * A multi-statement query uses PostgreSQL's simple protocol, which takes no parameters, so the values
 * of the `in (?)` list are written into the text. Only uuids are (the loaders' keys are row ids): a value
 * that is not a uuid sends its statement alone with bound parameters, so nothing a client chose is ever
 * spliced into SQL. The statements of one batch also run in one implicit transaction: the lists read
 * together see one snapshot.
 *
 * Statements join the batch until the tick's DataLoaders have all dispatched: the flush is scheduled the
 * way DataLoader schedules its own dispatch (a promise job, then `process.nextTick`), so it runs after
 * the dispatches queued before it in the same tick.
 */
export class StatementBatch {
  private pending: Pending[] = [];
  private readonly knex: Knex;
  private readonly logger: Logger;

  /**
   * Statements go through MikroORM's knex and are logged as its own queries are (debug logging, the
   * tests' query counters), `em`'s pool, outside any transaction of `em` (like `em.getConnection().execute`).
   */
  constructor(em: EntityManager) {
    this.knex = em.getConnection().getKnex();
    this.logger = em.config.getLogger();
  }

  /** Runs `sql`, whose one `(?)` is the list `values`, with the statements started in the same tick. */
  select(sql: string, values: readonly string[]): Promise<ArrayRows> {
    if (!values.every((v) => UUID.test(v))) return this.alone(sql, values);
    const text = sql.replace('(?)', `(${values.map((v) => `'${v}'`).join(', ')})`);
    return new Promise<ArrayRows>((resolve, reject) => {
      if (!this.pending.length) void Promise.resolve().then(() => process.nextTick(() => void this.flush()));
      this.pending.push({ sql: text, resolve, reject });
    });
  }

  private async alone(sql: string, values: readonly string[]): Promise<ArrayRows> {
    const start = Date.now();
    const result = (await this.knex.raw(sql, [[...values]]).options({ rowMode: 'array' })) as PgResult;
    this.logger.logQuery({ query: sql, took: Date.now() - start, results: result.rows.length, level: 'info' });
    return arrayRows(result);
  }

  private async flush() {
    const batch = this.pending;
    this.pending = [];
    const sql = batch.map((p) => p.sql).join(';\n');
    try {
      const start = Date.now();
      const answer = (await this.knex.raw(sql).options({ rowMode: 'array' })) as PgResult | PgResult[];
      // pg answers one statement with its result, several with an array of them.
      const results = Array.isArray(answer) ? answer : [answer];
      this.logger.logQuery({ query: sql, took: Date.now() - start, results: results.reduce((n, r) => n + r.rows.length, 0), level: 'info' });
      batch.forEach((p, n) => p.resolve(arrayRows(results[n]!)));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}

const arrayRows = (result: PgResult): ArrayRows => ({ fields: result.fields.map((f) => f.name), rows: result.rows });

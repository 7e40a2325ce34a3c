import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * A statement in `tx`'s transaction with its values bound as parameters. The ORM's `execute` would first
 * quote every value into a copy of the statement's text: for the billing pass, per statement and chunk,
 * a steady stream of garbage (issue 14: the pass's memory).
 */
export const sqlIn =
  (tx: EntityManager) =>
  async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => {
    const trx = tx.getTransactionContext<Knex.Transaction>();
    if (!trx) throw new Error('sqlIn runs in a transaction (em.transactional)');
    return (await trx.raw<{ rows: T[] }>(text, params as Knex.RawBinding[])).rows;
  };

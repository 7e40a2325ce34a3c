import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Named counters for gap-free document numbers (orders, SPK per month). */
@Entity({ tableName: 'counters' })
export class Counter {
  @PrimaryKey({ length: 64 })
  key: string;

  @Property()
  value: number;
}

/**
 * The next value of a counter. The upsert takes the row lock, so two transactions never get the same
 * number, and a rolled-back transaction gives its number back: no gaps.
 */
export async function nextCounterValue(em: EntityManager, key: string): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ value: number }[]>(
      `insert into counters (key, value) values (?, 1) on conflict (key) do update set value = counters.value + 1 returning value`,
      [key],
      'all',
      em.getTransactionContext(),
    );
  return Number(rows[0]!.value);
}

/** The counter's value now (0 before its first use), read without taking it: what the next value will be, minus one, unless someone takes it first. */
export async function currentCounterValue(em: EntityManager, key: string): Promise<number> {
  const rows = await em.getConnection().execute<{ value: number }[]>(`select value from counters where key = ?`, [key], 'all', em.getTransactionContext());
  return rows.length ? Number(rows[0]!.value) : 0;
}

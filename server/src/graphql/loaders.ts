import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findPlain, findPlainWhereIn, type Plain } from '../db/plain-rows';
import { StatementBatch } from '../db/statement-batch';

/**
 * Per-request DataLoaders, created on first use. A field resolver asks for `loaders.get(key, batch)`
 * and every parent row in the same tick shares one query.
 */
export class Loaders {
  private readonly map = new Map<string, DataLoader<unknown, unknown>>();
  private batch: StatementBatch | undefined;

  /** The request's read batch (db/statement-batch.ts): the plain-row lists of one tick in one statement. */
  statements(em: EntityManager): StatementBatch {
    return (this.batch ??= new StatementBatch(em));
  }

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.map.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.map.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * The rows of `entity` whose `fk` points at `parentId`: one query per request for all the parents
   * asked for in the same tick (an order's items, installments, payments, services...).
   */
  children<T extends object>(em: EntityManager, entity: EntityClass<T>, fk: keyof T & string, parentId: string, orderBy: QueryOrderMap<T>, populate: string[] = []): Promise<T[]> {
    return this.get<string, T[]>(`${entity.name}.${fk}`, async (ids) => {
      // With the identity map (disableIdentityMap was tried for speed): references on the children,
      // such as an SPK event's actor, must load through the request's entity manager, or they come back
      // uninitialised (null names in the SPK history).
      const rows = await em.find(entity, { [fk]: { $in: [...ids] } } as FilterQuery<T>, { orderBy, populate: populate as never });
      return groupBy(ids, rows, (row) => (row[fk] as unknown as { id: string }).id);
    }).load(parentId);
  }

  /**
   * Like `children`, as plain rows (db/plain-rows.ts): for read paths whose field resolvers use only
   * columns and `ref.id` (an order's items, schedule, payments, SPK, a payment's allocations). One
   * query per request for all the parents asked for in the same tick, no entity hydration, and the
   * lists of one tick go to PostgreSQL together (`statements`). A page that read the list ahead in its
   * own statement (`childRowsAhead`) has primed it: no query at all.
   */
  rows<T extends object>(em: EntityManager, list: ChildRows<T>, parentId: string): Promise<Plain<T>[]> {
    return this.rowsLoader(em, list).load(parentId);
  }

  /** Hands `rows` the list of `parentId` that a page read ahead. */
  primeRows<T extends object>(em: EntityManager, list: ChildRows<T>, parentId: string, rows: Plain<T>[]): void {
    this.rowsLoader(em, list).prime(parentId, rows);
  }

  private rowsLoader<T extends object>(em: EntityManager, list: ChildRows<T>): DataLoader<string, Plain<T>[]> {
    return this.get<string, Plain<T>[]>(`rows:${list.entity.name}.${list.fk}|${list.where ?? ''}`, async (ids) => {
      const { rows } = await findPlainWhereIn(em, list.entity, list.fk, ids, list.orderBy, { where: list.where, batch: this.statements(em) });
      return groupBy(ids, rows, (row) => (row as unknown as Record<string, { id: string }>)[list.fk]!.id);
    });
  }

  /**
   * The row a reference points at, for a managed `Ref` or a plain row's `{ id }` alike: one query per
   * request and entity for all the ids asked for in the same tick. Managed entities (through the
   * request's entity manager), as the referenced type's own field resolvers may follow references;
   * `plain` where the caller reads columns only.
   */
  ref<T extends object>(em: EntityManager, entity: EntityClass<T>, ref: { id: string }, opts: { plain: true }): Promise<Plain<T>>;
  ref<T extends object>(em: EntityManager, entity: EntityClass<T>, ref: { id: string }): Promise<T>;
  ref<T extends object>(em: EntityManager, entity: EntityClass<T>, ref: { id: string }, opts: { plain?: boolean } = {}): Promise<T | Plain<T>> {
    if (opts.plain) return this.get<string, Plain<T>>(`ref:plain:${entity.name}`, async (ids) => byIds(ids, await findPlain(em, entity, idsFilter<T>(ids)), entity.name)).load(ref.id);
    return this.get<string, T>(`ref:${entity.name}`, async (ids) => byIds(ids, await em.find(entity, idsFilter<T>(ids)), entity.name)).load(ref.id);
  }
}

/**
 * A list of child rows by their parent (an order's schedule, items, payments, services, SPKs), said
 * once by the module that owns the field: `Loaders.rows` reads it, and a page reads it ahead with the
 * same shape (`rowsAheadFor`, graphql/page-extras.ts).
 */
export interface ChildRows<T extends object> {
  entity: EntityClass<T>;
  /** The to-one reference to the parent. */
  fk: keyof T & string;
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>>;
  /** One more condition, SQL over the table aliased `e` (written by the code, never from a request). */
  where?: string;
}

// Every entity here has an `id` primary key; the generic T cannot say so to MikroORM's types.
const idOf = (row: object) => (row as { id: string }).id;
const idsFilter = <T>(ids: readonly string[]): FilterQuery<T> => ({ id: { $in: [...ids] } }) as unknown as FilterQuery<T>;
const byIds = <V extends object>(ids: readonly string[], rows: V[], name: string) => {
  const found = new Map(rows.map((r) => [idOf(r), r]));
  return ids.map((id) => found.get(id) ?? new Error(`${name} ${id} not found`));
};

/** Groups rows by a key in the order of `keys`, for one-to-many loaders. */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { childRowsAhead } from '../db/plain-rows';
import type { Context } from './context';
import type { ChildRows } from './loaders';
import type { RowsAhead } from './pagination';
import { selectedFields } from './selection';

/**
 * A field of a list's items that the page's own statement can compute for each row (issue 14 item 4):
 * the staff orders list asked PostgreSQL for its page, then, once the rows were in, for the summaries
 * and the last overdue notices: three round trips per page, and on this machine each write to
 * PostgreSQL's socket cost more Node CPU than the SQL behind it. Read ahead, the page and its
 * per-row figures are one statement.
 *
 * The field's own module says how (`readAhead`, next to the field's resolver and its loader): the SQL
 * over the page's row and how to hand the value to the loader the resolver reads, which then answers
 * without a statement. The page's resolver only asks which of its items' selected fields can be read
 * ahead (`rowsAhead`), so the domains stay apart: the orders list knows nothing of billing's notices.
 */
export interface AheadField<R> {
  /**
   * The SQL over the page's row (aliased `p`; written by the code, `?` placeholders for `params`),
   * answering text; or null where this request gets the field's value another way (`selected`: the
   * item's selected fields; `under(field)`: the fields selected under one of them).
   */
  extra(ctx: Context, selected: ReadonlySet<string>, under: (field: string) => ReadonlySet<string>): { sql: string; params: readonly unknown[] } | null;
  /** Hands a row's value (the SQL's text) to the loader the field's resolver reads. */
  prime(ctx: Context, row: R, value: string | null): void;
}

const byType = new Map<string, Map<string, { field: string; ahead: AheadField<never> }>>();

/**
 * Declares that a page of `type` can read `field` of its items ahead (in the module that owns the
 * field). `key` tells apart two reads for one field (an order's payments and their allocations).
 */
export function readAhead<R>(type: string, field: string, ahead: AheadField<R>, key = field): void {
  let fields = byType.get(type);
  if (!fields) byType.set(type, (fields = new Map<string, { field: string; ahead: AheadField<never> }>()));
  fields.set(key, { field, ahead: ahead as AheadField<never> });
}

/**
 * The `AheadField` of a child list (`ChildRows`, graphql/loaders.ts): its rows for each page row, as
 * JSON in the page's statement (`childRowsAhead`), primed into the loader `Loaders.rows` reads.
 */
export function rowsAheadFor<T extends object>(list: ChildRows<T>): AheadField<{ id: string }> {
  const ahead = oncePerOrm((em) => childRowsAhead(em, list.entity, list.fk, list.orderBy, { where: list.where }));
  return {
    extra: (ctx) => ({ sql: ahead(ctx.em).sql, params: [] }),
    prime: (ctx, row, value) => ctx.loaders.primeRows(ctx.em, list, row.id, ahead(ctx.em).read(ctx.em, value).rows),
  };
}

/**
 * `make`'s answer for the ORM of an entity manager, made once per ORM (its metadata): a read-ahead's
 * SQL is built once, not for each page and each of its rows.
 */
export function oncePerOrm<V>(make: (em: EntityManager) => V): (em: EntityManager) => V {
  const made = new WeakMap<object, V>();
  return (em) => {
    const metadata = em.getMetadata();
    let value = made.get(metadata);
    if (value === undefined) made.set(metadata, (value = make(em)));
    return value;
  };
}

/** What a page of `type` (resolved by `info`, its items under `items`) reads ahead in this request. */
export function rowsAhead<R>(type: string, ctx: Context, info: GraphQLResolveInfo): RowsAhead<R> | undefined {
  const fields = byType.get(type) as Map<string, { field: string; ahead: AheadField<R> }> | undefined;
  if (!fields) return undefined;
  const selected = selectedFields(info, ['items']);
  const under = (field: string) => selectedFields(info, ['items', field]);
  const chosen: { key: string; ahead: AheadField<R>; sql: string; params: readonly unknown[] }[] = [];
  for (const [key, { field, ahead }] of fields) {
    const extra = selected.has(field) ? ahead.extra(ctx, selected, under) : null;
    if (extra) chosen.push({ key, ahead, ...extra });
  }
  if (!chosen.length) return undefined;
  return {
    // The key names the SQL: one key always gives the same SQL (the page statement's shape).
    extras: chosen.map(({ key, sql, params }) => ({ key, sql, params })),
    prime: (rows, values) => rows.forEach((row, n) => chosen.forEach(({ key, ahead }) => ahead.prime(ctx, row, values[n]?.[key] ?? null))),
  };
}

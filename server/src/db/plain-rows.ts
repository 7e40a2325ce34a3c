import { raw, ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';

/**
 * Read-only rows without entities (issue 14 item 4). A read query answers from plain objects shaped
 * like the entity: every column property under its entity name and with the value hydration would
 * give it (bigint money through the column's own type, timestamps as Date, calendar dates as
 * `YYYY-MM-DD`, jsonb as parsed), and every to-one reference as `{ id }`. Such an object is not
 * managed: no identity map, no change set, no reference wrappers, which is where a list's time went
 * (MikroORM hydration and its bookkeeping were the largest share of a `myOrders` request).
 *
 * The contract for whoever reads one: use scalar properties and `ref.id`; to follow a reference, go
 * through `Loaders.ref` (which also takes a managed `Ref`), never `ref.load*()`. Writes keep using
 * entities (`em.findOne` ... `flush`); a plain row is never persisted or flushed.
 *
 * A plain row's prototype is the entity class's (with every column shadowed by a plain data property,
 * so MikroORM's reference accessors never run): type-graphql passes a `@Root()` that is an instance of
 * the parameter's class through as it is, and would otherwise build a new entity from a plain object on
 * every field resolver call (which fails on `ref: true` references and costs an entity per field).
 */

interface Column {
  field: string;
  prop: string;
  read: (value: unknown) => unknown;
}

interface Shape {
  columns: Column[];
  proto: object;
}

const same = (v: unknown) => v;
const shapes = new WeakMap<EntityMetadata, Shape>();

function readerOf(em: EntityManager, prop: EntityProperty): ((value: unknown) => unknown) | null {
  const platform = em.getPlatform();
  if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) return (v) => (v == null ? null : { id: v });
  if (prop.kind !== ReferenceKind.SCALAR) return null;
  if (prop.customType) {
    const type = prop.customType;
    return (v): unknown => (v == null ? v : (type.convertToJSValue(v, platform) as unknown));
  }
  if (prop.runtimeType === 'Date') return (v) => (v == null || v instanceof Date ? v : platform.parseDate(v as string));
  if (prop.runtimeType === 'boolean') return (v) => (v == null ? v : !!v);
  return same;
}

function shapeOf(em: EntityManager, meta: EntityMetadata): Shape {
  let shape = shapes.get(meta);
  if (!shape) {
    const columns: Column[] = [];
    for (const prop of meta.props) {
      // Lazy columns (a password hash) stay out, as they do from a hydrated entity.
      if (prop.persist === false || prop.lazy || prop.fieldNames?.length !== 1) continue;
      const read = readerOf(em, prop);
      if (read) columns.push({ field: prop.fieldNames[0]!, prop: prop.name, read });
    }
    const proto = Object.create(meta.class.prototype as object) as object;
    for (const c of columns) Object.defineProperty(proto, c.prop, { value: undefined, writable: true, enumerable: false, configurable: true });
    shape = { columns, proto };
    shapes.set(meta, shape);
  }
  return shape;
}

/** Maps database rows (column names) of `entity` to plain objects with its property names and values. */
export function toPlain<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Record<string, unknown>[]): T[] {
  const { columns, proto } = shapeOf(em, em.getMetadata().get(entity.name));
  return rows.map((row) => {
    const out = Object.create(proto) as Record<string, unknown>;
    for (const c of columns) out[c.prop] = c.read(row[c.field]);
    // A plain row stands in for the entity on read paths: same property names and values, references
    // reduced to `{ id }` (the contract above). Typed as the entity so the GraphQL types serve both.
    return out as T;
  });
}

/** `where` / `orderBy` / page of `entity` as plain rows, with the ORM's own filter and order translation. */
export async function findPlain<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  opts: { orderBy?: QueryOrderMap<T>; limit?: number; offset?: number } = {},
): Promise<T[]> {
  return (await selectPlain(em, entity, where, opts, false)).rows;
}

/**
 * A page of plain rows and the number of rows matching `where`, in one statement (`count(*) over ()`
 * rides on the page's rows). A page past the end has no row to carry the count: then it is counted.
 */
export async function findPlainAndCount<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  opts: { orderBy?: QueryOrderMap<T>; limit: number; offset: number },
): Promise<[T[], number]> {
  const { rows, total } = await selectPlain(em, entity, where, opts, true);
  return [rows, total ?? (await em.count(entity, where))];
}

const TOTAL = '__total';

async function selectPlain<T extends object>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T>, opts: { orderBy?: QueryOrderMap<T>; limit?: number; offset?: number }, counted: boolean) {
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (counted) qb.addSelect(raw(`count(*) over () as "${TOTAL}"`));
  if (opts.orderBy) qb.orderBy(opts.orderBy);
  if (opts.limit !== undefined) qb.limit(opts.limit, opts.offset ?? 0);
  const found = await qb.execute<Record<string, unknown>[]>('all', false);
  return { rows: toPlain(em, entity, found), total: found.length ? Number(found[0]![TOTAL]) : null };
}

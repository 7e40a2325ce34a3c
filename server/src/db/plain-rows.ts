import { raw, ReferenceKind, type Collection, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { StatementBatch } from './statement-batch';

/**
 * Read-only rows without entities (issue 14 item 4). A read query answers from plain objects shaped
 * like the entity: every column property under its entity name and with the value hydration would
 * give it (bigint money through the column's own type, timestamps as Date, calendar dates as
 * `YYYY-MM-DD`, jsonb as parsed), and every to-one reference as `{ id }`. Such an object is not
 * managed: no identity map, no change set, no reference wrappers, which is where a list's time went
 * (MikroORM hydration and its bookkeeping were the largest share of a `myOrders` request).
 *
 * Safe by construction, so an object that only looks like an entity never reaches the entity manager:
 * - at runtime a plain row is a frozen `PlainRow`, never an instance of the entity class. MikroORM
 *   recognises entities by their prototype (`__entity`), so `persist`, `remove` and `wrap` refuse a
 *   plain row with an error instead of inserting or deleting it, and nothing can change one;
 * - at the type level a plain row is `Plain<T>`: the entity's column properties, read-only, references
 *   as `{ id }`, and a brand no entity has, so it cannot be passed where a service expects the entity
 *   (`Order`), and the entity's collections and methods are not there to call;
 * - GraphQL roots that may be either are typed `Readable<T>` (`T | Plain<T>`). A type alias reflects
 *   as `Object`, so type-graphql passes the root through as it is; a `@Root()` typed with the entity
 *   class would make type-graphql build a new (unmanaged) entity from the row on every field, which
 *   `test/orders/plain-reads.test.ts` refuses for every type served from plain rows (PLAIN_READS).
 * To follow a reference from a plain row, go through `Loaders.ref` (it takes a managed `Ref` or a
 * plain `{ id }` alike). Writes keep using entities (`em.findOne` ... `flush`).
 */

/** Type-only brand: what makes `Plain<T>` distinct from `T` and from any other object. */
declare const plainOf: unique symbol;

/** A property's value in a plain row: references as `{ id }`; collections and methods are absent. */
type PlainValue<V> = V extends (...args: never[]) => unknown
  ? never
  : V extends Collection<object>
    ? never
    : V extends Date
      ? V
      : V extends { id: infer I }
        ? { readonly id: I }
        : V;

/** A read-only row of entity `T` (see above): its columns, never the entity itself. */
export type Plain<T> = { readonly [K in keyof T as [PlainValue<T[K]>] extends [never] ? never : K]: PlainValue<T[K]> } & { readonly [plainOf]: T };

/** A GraphQL root that is a managed entity (after a mutation, `order(id)`) or a plain row (a list). */
export type Readable<T> = T | Plain<T>;

/** The prototype of every plain row: deliberately not the entity class's. */
class PlainRow {}

/** Whether `value` is a plain row (for guards and tests). */
export const isPlainRow = (value: unknown): boolean => value instanceof PlainRow;

/**
 * The entities read as plain rows. Only these may be: each type's `@Root()` parameters must be typed
 * `Readable<T>` (the test checks that against type-graphql's metadata), so adding one here is a promise.
 */
export const PLAIN_READS: ReadonlySet<string> = new Set(['Order', 'OrderItem', 'Installment', 'Payment', 'PaymentAllocation', 'Spk', 'Service']);

interface Column {
  field: string;
  prop: string;
  read: (value: unknown) => unknown;
}

interface Shape {
  columns: Column[];
  /**
   * The shape's own subclass of PlainRow: rows made with `new` get their columns as in-object
   * properties in one hidden class (V8 sizes a constructor's objects from the first ones it makes),
   * where `Object.create(proto)` plus twenty-odd assignments ended in a dictionary: 6x the time and
   * more garbage per row in a micro-benchmark.
   */
  Row: new () => object;
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
    if (!PLAIN_READS.has(meta.className)) throw new Error(`${meta.className} is not read as plain rows (PLAIN_READS)`);
    // Named for debugging (`Plain Order` in a console), still a PlainRow and nothing of the entity's.
    const Row = class extends PlainRow {};
    Object.defineProperty(Row.prototype, Symbol.toStringTag, { value: `Plain ${meta.className}` });
    shape = { columns, Row };
    shapes.set(meta, shape);
  }
  return shape;
}

/** Maps database rows (column names) of `entity` to plain objects with its property names and values. */
export function toPlain<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Record<string, unknown>[]): Plain<T>[] {
  const { columns, Row } = shapeOf(em, em.getMetadata().get(entity.name));
  return rows.map((row) => {
    const out = new Row() as Record<string, unknown>;
    for (const c of columns) out[c.prop] = c.read(row[c.field]);
    // Frozen: a read-only row stays what the database said (the jsonb values inside are not frozen).
    return Object.freeze(out) as Plain<T>;
  });
}

/**
 * `toPlain` for rows as arrays (pg's `rowMode: 'array'`, `fields` naming their positions): what the
 * loaders' statements return, one array per row instead of one object keyed by every column name,
 * which pg built and `toPlain` dropped at once (garbage collection was the largest item of a request).
 * The same plain rows, value for value.
 */
export function toPlainFromArrays<T extends object>(em: EntityManager, entity: EntityClass<T>, fields: readonly string[], rows: readonly unknown[][]): Plain<T>[] {
  const { columns, Row } = shapeOf(em, em.getMetadata().get(entity.name));
  const at = columns.map((c) => fields.indexOf(c.field));
  const missing = at.indexOf(-1);
  if (missing >= 0) throw new Error(`${entity.name}: column ${columns[missing]!.field} not in the statement's answer`);
  const n = columns.length;
  const out = new Array<Plain<T>>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const plain = new Row() as Record<string, unknown>;
    for (let k = 0; k < n; k++) {
      const c = columns[k]!;
      plain[c.prop] = c.read(row[at[k]!]);
    }
    out[r] = Object.freeze(plain) as Plain<T>;
  }
  return out;
}

/** `where` / `orderBy` / page of `entity` as plain rows, with the ORM's own filter and order translation. */
export async function findPlain<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  opts: { orderBy?: QueryOrderMap<T>; limit?: number; offset?: number } = {},
): Promise<Plain<T>[]> {
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
): Promise<[Plain<T>[], number]> {
  const { rows, total } = await selectPlain(em, entity, where, opts, true);
  return [rows, total ?? (await em.count(entity, where))];
}

/** What `findPlainWhereIn` may add to its statement. */
export interface WhereInOptions<X extends string> {
  /** Name -> SQL expression over the table aliased `e`, for values the rows do not hold, returned beside each row. */
  extras?: Record<X, string>;
  /** One more condition, SQL over the table aliased `e` (written by the code, never from a request). */
  where?: string;
  /** The request's batch: the statement goes out with the others started in the same tick. */
  batch?: StatementBatch;
  /**
   * Match `values` one reference further: rows whose `prop` points at a row of `entity` whose `prop`
   * is one of `values` (a payment's allocations by the payment's order); each row's matched value
   * comes back in `through`.
   */
  through?: { entity: EntityClass<object>; prop: string };
}

/**
 * The rows of `entity` whose `prop` (a column or a to-one reference) is one of `values`, in `orderBy`
 * order: the one shape of the per-request loaders (an order's items, schedule, payments, SPK, a
 * payment's allocations). One statement built from the metadata once per shape, without the query
 * builder, whose filter and order translation per call was about a sixth of a `myOrders` request's
 * CPU. `extras` maps a name to an SQL expression over the table aliased `e`, for values the rows do not
 * hold (an allocation's installment number), returned beside each row in the same statement. With a
 * `batch`, the statement joins the request's other reads of the same tick (db/statement-batch.ts).
 */
export async function findPlainWhereIn<T extends object, X extends string = never>(
  em: EntityManager,
  entity: EntityClass<T>,
  prop: keyof T & string,
  values: readonly string[],
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>>,
  opts: WhereInOptions<X> = {},
): Promise<{ rows: Plain<T>[]; extras: Record<X, unknown>[]; through: string[] }> {
  const extras: Partial<Record<X, string>> = opts.extras ?? {};
  const sql = whereInStatement(em, entity, prop, orderBy, extras, opts.where, opts.through);
  const { fields, rows: found } = await (opts.batch ?? new StatementBatch(em)).select(sql, values);
  const rows = toPlainFromArrays(em, entity, fields, found);
  const via = fields.indexOf(THROUGH);
  const through = via < 0 ? [] : found.map((row) => String(row[via]));
  const names = Object.keys(extras) as X[];
  if (!names.length) return { rows, extras: [], through };
  const at = names.map((x) => fields.indexOf(EXTRA + x));
  return { rows, extras: found.map((row) => Object.fromEntries(names.map((x, k) => [x, row[at[k]!]])) as Record<X, unknown>), through };
}

/** The statement of a `findPlainWhereIn` shape, built from the metadata once per shape. */
function whereInStatement<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  prop: string,
  orderBy: Partial<Record<string, 'asc' | 'desc'>>,
  extras: Partial<Record<string, string>>,
  where: string | undefined,
  through: WhereInOptions<string>['through'],
) {
  const meta = em.getMetadata().get(entity.name);
  const key = `${prop}|${JSON.stringify(orderBy)}|${JSON.stringify(extras)}|${where ?? ''}|${through ? `${through.entity.name}.${through.prop}` : ''}`;
  let byShape = statements.get(meta);
  if (!byShape) statements.set(meta, (byShape = new Map<string, string>()));
  let sql = byShape.get(key);
  if (!sql) {
    const q = (id: string) => em.getPlatform().quoteIdentifier(id);
    const columnOf = (of: EntityMetadata, alias: string, name: string) => {
      const fields = of.properties[name as keyof typeof of.properties]?.fieldNames;
      if (fields?.length !== 1) throw new Error(`${of.className}.${name} is not a single column`);
      return `${alias}.${q(fields[0]!)}`;
    };
    const column = (name: string) => columnOf(meta, 'e', name);
    const order = Object.entries(orderBy).map(([name, dir]) => `${column(name)} ${dir === 'desc' ? 'desc' : 'asc'}`);
    const more = Object.entries(extras).map(([name, expr]) => `, ${expr} as ${q(EXTRA + name)}`);
    let from = `${q(meta.tableName)} as e`;
    let match = column(prop);
    if (through) {
      const via = em.getMetadata().get(through.entity.name);
      from += ` join ${q(via.tableName)} as t on ${columnOf(via, 't', via.primaryKeys[0]!)} = ${column(prop)}`;
      match = columnOf(via, 't', through.prop);
      more.push(`, ${match} as ${q(THROUGH)}`);
    }
    sql = `select e.*${more.join('')} from ${from} where ${match} in (?)${where ? ` and (${where})` : ''}${order.length ? ` order by ${order.join(', ')}` : ''}`;
    byShape.set(key, sql);
  }
  return sql;
}

const statements = new WeakMap<EntityMetadata, Map<string, string>>();
const EXTRA = '__extra_';
const THROUGH = '__through';
const TOTAL = '__total';

async function selectPlain<T extends object>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T>, opts: { orderBy?: QueryOrderMap<T>; limit?: number; offset?: number }, counted: boolean) {
  const qb = em.createQueryBuilder(entity, 'e').select('e.*').where(where);
  if (counted) qb.addSelect(raw(`count(*) over () as "${TOTAL}"`));
  if (opts.orderBy) qb.orderBy(opts.orderBy);
  if (opts.limit !== undefined) qb.limit(opts.limit, opts.offset ?? 0);
  const found = await qb.execute<Record<string, unknown>[]>('all', false);
  return { rows: toPlain(em, entity, found), total: found.length ? Number(found[0]![TOTAL]) : null };
}

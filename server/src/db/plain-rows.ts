import { ReferenceKind, type Collection, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
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
  /** A row maker per layout of the database's rows (`rowMaker`), by the layout's key. */
  makers: Map<string, (row: never) => object>;
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
    shape = { columns, Row, makers: new Map() };
    shapes.set(meta, shape);
  }
  return shape;
}

/** Maps database rows (column names) of `entity` to plain objects with its property names and values. */
export function toPlain<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Record<string, unknown>[]): Plain<T>[] {
  return mapRows(em, entity, rows, 'object', (field) => `row[${JSON.stringify(field)}]`);
}

/**
 * `toPlain` for rows as arrays (pg's `rowMode: 'array'`, `fields` naming their positions): what the
 * loaders' statements return, one array per row instead of one object keyed by every column name,
 * which pg built and `toPlain` dropped at once (garbage collection was the largest item of a request).
 * The same plain rows, value for value.
 */
export function toPlainFromArrays<T extends object>(em: EntityManager, entity: EntityClass<T>, fields: readonly string[], rows: readonly unknown[][]): Plain<T>[] {
  return mapRows(em, entity, rows, `array:${fields.join(',')}`, (field) => {
    const at = fields.indexOf(field);
    if (at < 0) throw new Error(`${entity.name}: column ${field} not in the statement's answer`);
    return `row[${at}]`;
  });
}

/**
 * The one mapper behind both: `layout` names where the database's rows hold each column, `valueOf(field)`
 * says it as a JavaScript expression over `row` (a key or a position).
 */
function mapRows<T extends object, R>(em: EntityManager, entity: EntityClass<T>, rows: readonly R[], layout: string, valueOf: (field: string) => string): Plain<T>[] {
  const shape = shapeOf(em, em.getMetadata().get(entity.name));
  let make = shape.makers.get(layout) as ((row: R) => object) | undefined;
  if (!make) shape.makers.set(layout, (make = rowMaker(shape, valueOf)));
  const out = new Array<Plain<T>>(rows.length);
  // Frozen: a read-only row stays what the database said (the jsonb values inside are not frozen).
  for (let r = 0; r < rows.length; r++) out[r] = Object.freeze(make(rows[r]!)) as Plain<T>;
  return out;
}

/**
 * A subclass of the shape's `Row` whose constructor copies one database row's columns, generated once
 * per layout: each column is a store to a named property, the same sequence for every row. A loop of
 * `plain[column.prop] = ...` made every store look the property up by name at run time (V8 cannot
 * specialise a store whose name changes on each turn): twice the time per row in a micro-benchmark,
 * where a customer's orders page maps some two hundred rows. The names are the entity's property
 * names and the accessors positions or column names from its metadata, never anything of a request.
 */
function rowMaker<R>(shape: Shape, valueOf: (field: string) => string): (row: R) => object {
  const stores = shape.columns.map((c, k) => `this[${JSON.stringify(c.prop)}] = reads[${k}](${valueOf(c.field)});`);
  const define = new Function('Row', 'reads', `return class extends Row { constructor(row) { super(); ${stores.join(' ')} } }`) as (
    base: Shape['Row'],
    reads: Column['read'][],
  ) => new (row: R) => object;
  const Made = define(shape.Row, shape.columns.map((c) => c.read));
  return (row) => new Made(row);
}

/** `where` / `orderBy` / page of `entity` as plain rows, with the ORM's own filter and order translation. */
export async function findPlain<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  opts: { orderBy?: QueryOrderMap<T>; limit?: number; offset?: number } = {},
): Promise<Plain<T>[]> {
  return selectPlain(em, entity, where, opts);
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
  return whereInRows(em, entity, fields, found, Object.keys(extras) as X[]);
}

/** What `findPlainWhereIn` answers, from its statement's rows (as arrays, `fields` naming their positions). */
function whereInRows<T extends object, X extends string>(em: EntityManager, entity: EntityClass<T>, fields: readonly string[], found: readonly unknown[][], names: readonly X[]) {
  const rows = toPlainFromArrays(em, entity, fields, found);
  const via = fields.indexOf(THROUGH);
  const through = via < 0 ? [] : found.map((row) => String(row[via]));
  if (!names.length) return { rows, extras: [] as Record<X, unknown>[], through };
  const at = names.map((x) => fields.indexOf(EXTRA + x));
  return { rows, extras: found.map((row) => Object.fromEntries(names.map((x, k) => [x, row[at[k]!]])) as Record<X, unknown>), through };
}

/**
 * `findPlainWhereIn`'s rows for the one row of a page (aliased `p`, matched on its id), as the page's
 * own statement can compute them (graphql/page-extras.ts): one JSON text per page row, read back into
 * exactly the rows `findPlainWhereIn` gives. A customer's orders page sent its page, then its orders'
 * child lists: two round trips, and on this machine each write to PostgreSQL's socket cost a
 * request more CPU than the SQL behind it. Read ahead, the page and its lists are one statement.
 *
 * Each row goes out as a JSON array of its column values; those whose JSON form is not the value the
 * driver gives (bigint and numeric as text, dates and timestamps as the text MikroORM's connection keeps
 * them as) are cast to text in the SQL, so `read` hands the mapper the very values a statement's rows
 * would have held. A column of another type is refused when the SQL is built, not guessed at.
 * Built from the metadata on each call: a caller keeps it per ORM (`oncePerOrm`, graphql/page-extras.ts).
 */
export function childRowsAhead<T extends object, X extends string = never>(
  em: EntityManager,
  entity: EntityClass<T>,
  prop: keyof T & string,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>>,
  opts: Pick<WhereInOptions<X>, 'extras' | 'where' | 'through'> = {},
): RowsAheadSql<T, X> {
  const extras: Partial<Record<X, string>> = opts.extras ?? {};
  const meta = em.getMetadata().get(entity.name);
  const q = (id: string) => em.getPlatform().quoteIdentifier(id);
  const { columns } = shapeOf(em, meta);
  const fields = [...columns.map((c) => c.field), ...Object.keys(extras).map((x) => EXTRA + x), ...(opts.through ? [THROUGH] : [])];
  const types = new Map(meta.props.filter((p) => p.fieldNames?.length === 1).map((p) => [p.fieldNames[0]!, p.columnTypes?.[0] ?? '']));
  // The extras (an allocation's installment number) and the through column (an id) are integers or text.
  const values = [...columns.map((c) => jsonValue(`x.${q(c.field)}`, types.get(c.field)!, `${meta.className}.${c.prop}`)), ...fields.slice(columns.length).map((f) => `x.${q(f)}`)];
  // json_build_array takes at most 100 arguments (PostgreSQL's FUNC_MAX_ARGS).
  if (values.length > 100) throw new Error(`${meta.className}: ${values.length} columns are too many to read ahead`);
  const inner = whereInStatement(em, entity, prop, {}, extras, opts.where, opts.through).replace(' in (?)', ' = p.id');
  const column = columnOf(em, meta, 'x');
  const order = Object.entries(orderBy).map(([name, dir]) => `${column(name)} ${dir === 'desc' ? 'desc' : 'asc'}`);
  const sql = `select json_agg(json_build_array(${values.join(', ')})${order.length ? ` order by ${order.join(', ')}` : ''})::text from (${inner}) x`;
  const names = Object.keys(extras) as X[];
  // `read` takes the request's entity manager: a kept RowsAheadSql must not hold the first request's.
  return { sql, read: (reader, json) => whereInRows(reader, entity, fields, json === null ? [] : (JSON.parse(json) as unknown[][]), names) };
}

/** A child list over a page's row: its SQL (text, JSON or null) and how to read the page's answer for one row. */
export interface RowsAheadSql<T extends object, X extends string> {
  sql: string;
  read(em: EntityManager, json: string | null): { rows: Plain<T>[]; extras: Record<X, unknown>[]; through: string[] };
}

/** A column in a JSON row: as it is where JSON holds what the driver gives, else as text (see `childRowsAhead`). */
function jsonValue(column: string, type: string, name: string): string {
  const base = type.toLowerCase().replace(/\(.*\)$/, '').trim();
  if (AS_JSON.has(base)) return column;
  if (AS_TEXT.has(base)) return `${column}::text`;
  throw new Error(`${name}: a ${type} column is not read ahead (childRowsAhead knows the driver's value for ${[...AS_JSON, ...AS_TEXT].join(', ')})`);
}
const AS_JSON = new Set(['uuid', 'text', 'varchar', 'character varying', 'char', 'int', 'integer', 'int4', 'smallint', 'int2', 'boolean', 'bool', 'jsonb', 'json']);
// pg answers int8 and numeric as strings; MikroORM's connection keeps dates, timestamps and intervals as text.
const AS_TEXT = new Set(['bigint', 'int8', 'numeric', 'decimal', 'date', 'timestamptz', 'timestamp', 'interval']);

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
    const column = columnOf(em, meta);
    const order = Object.entries(orderBy).map(([name, dir]) => `${column(name)} ${dir === 'desc' ? 'desc' : 'asc'}`);
    const more = Object.entries(extras).map(([name, expr]) => `, ${expr} as ${q(EXTRA + name)}`);
    let from = `${q(meta.tableName)} as e`;
    let match = column(prop);
    if (through) {
      const via = em.getMetadata().get(through.entity.name);
      from += ` join ${q(via.tableName)} as t on ${columnOf(em, via, 't')(via.primaryKeys[0]!)} = ${column(prop)}`;
      match = columnOf(em, via, 't')(through.prop);
      more.push(`, ${match} as ${q(THROUGH)}`);
    }
    sql = `select e.*${more.join('')} from ${from} where ${match} in (?)${where ? ` and (${where})` : ''}${order.length ? ` order by ${order.join(', ')}` : ''}`;
    byShape.set(key, sql);
  }
  return sql;
}

/** `alias."column"` of a property that is one column (a scalar or a to-one reference), from the metadata. */
function columnOf(em: EntityManager, meta: EntityMetadata, alias = 'e'): ColumnOf {
  return (name) => {
    const fields = meta.properties[name as keyof typeof meta.properties]?.fieldNames;
    if (fields?.length !== 1) throw new Error(`${meta.className}.${name} is not a single column`);
    return `${alias}.${em.getPlatform().quoteIdentifier(fields[0]!)}`;
  };
}

const statements = new WeakMap<EntityMetadata, Map<string, string>>();
const EXTRA = '__extra_';
const THROUGH = '__through';
const TOTAL = '__total';

async function selectPlain<T extends object>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T>, opts: { orderBy?: QueryOrderMap<T>; limit?: number; offset?: number }) {
  const qb = em.createQueryBuilder(entity, 'e').select('e.*').where(where);
  if (opts.orderBy) qb.orderBy(opts.orderBy);
  if (opts.limit !== undefined) qb.limit(opts.limit, opts.offset ?? 0);
  return toPlain(em, entity, await qb.execute<Record<string, unknown>[]>('all', false));
}

/** The column of a property of the table aliased `e`, for the SQL of a plain page's conditions. */
export type ColumnOf = (prop: string) => string;

/**
 * One condition of a plain page: SQL over the table aliased `e` (columns through `col`) with `?`
 * placeholders, and their values. `key` names the SQL: one key always gives the same SQL (a constant
 * function), so the page's statement is built once per shape (which conditions, which order).
 */
export interface PlainCondition {
  key: string;
  sql: (col: ColumnOf) => string;
  params: readonly unknown[];
}

/**
 * A value the page's own statement computes for each of its rows (issue 14 item 4: a list's
 * per-row figures in the page's round trip, not one statement each after it): SQL over the page's row
 * aliased `p` (written by the code, never from a request; `?` placeholders for `params`), answered as
 * text (JSON where the value has parts). `key` names the SQL: one key always gives the same SQL.
 */
export interface PageExtra {
  key: string;
  sql: string;
  params: readonly unknown[];
}

/**
 * How many rows match a page's conditions, read from somewhere kept rather than counted (a kept
 * aggregate: reports/dashboard-book.ts's orders per status): SQL giving one number, in `PageExtra`'s
 * form (written by the code, `?` placeholders for `params`, `key` names the SQL). Exact, as counting
 * is: the aggregate is kept in the same transactions as the rows.
 */
export type PageTotal = PageExtra;

/**
 * A page of `entity` as plain rows and the number of rows matching `conditions` (and-ed), in one
 * statement (the total rides on the page's rows; a page past the end is counted apart), with each
 * row's `extras` (as text, by key, in the rows' order). `kept`, where given, is that number without
 * counting the rows: a page of the whole book otherwise counted every order of it on each request.
 * The SQL is built from the metadata once per shape and runs with bound parameters, without the query
 * builder, whose filter and order translation per call was the page statement's main cost (as it was
 * the child lists', `findPlainWhereIn`).
 */
export async function findPlainPageWhere<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  conditions: readonly PlainCondition[],
  orderBy: readonly (readonly [prop: string, direction: 'asc' | 'desc'])[],
  page: { limit: number; offset: number },
  extras: readonly PageExtra[] = [],
  kept?: PageTotal,
): Promise<[Plain<T>[], number, Record<string, string | null>[]]> {
  const meta = em.getMetadata().get(entity.name);
  // The page size and a first page's offset go into the text as literals where they can (see
  // `LITERAL_PAGE_SIZES`); the rest are bound.
  const limit = LITERAL_PAGE_SIZES.has(page.limit) ? String(page.limit) : '?';
  const offset = page.offset === 0 ? '0' : '?';
  const key = `page|${conditions.map((c) => c.key).join(',')}|${orderBy.map(([p, d]) => `${p} ${d}`).join(',')}|${extras.map((x) => x.key).join(',')}|${limit}|${offset}|${kept?.key ?? ''}`;
  let byShape = pageStatements.get(meta);
  if (!byShape) pageStatements.set(meta, (byShape = new Map<string, { page: string; count: string }>()));
  let sql = byShape.get(key);
  if (!sql) {
    const col = columnOf(em, meta);
    const where = conditions.length ? ` where ${conditions.map((c) => `(${c.sql(col)})`).join(' and ')}` : '';
    const order = orderBy.map(([p, d]) => `${col(p)} ${d === 'desc' ? 'desc' : 'asc'}`).join(', ');
    const from = `from ${em.getPlatform().quoteIdentifier(meta.tableName)} as e${where}`;
    // The total as an uncorrelated subquery (computed once), not `count(*) over ()`: the window made
    // PostgreSQL read and sort every matching row in full (27 ms for 5,010 orders), where the page
    // itself reads 50 rows by index.
    const counted = kept ? kept.sql : `select count(*) ${from}`;
    let pageSql = `select e.*, (${counted}) as "${TOTAL}" ${from}${order ? ` order by ${order}` : ''} limit ${limit} offset ${offset}`;
    if (extras.length) {
      // The extras over the page's rows only (aliased `p`), in the page's order again: the outer query
      // does not inherit the subquery's.
      const outer = columnOf(em, meta, 'p');
      const again = orderBy.map(([p, d]) => `${outer(p)} ${d === 'desc' ? 'desc' : 'asc'}`).join(', ');
      pageSql = `select p.*${extras.map((x) => `, (${x.sql}) as "${EXTRA}${x.key}"`).join('')} from (${pageSql}) p${again ? ` order by ${again}` : ''}`;
    }
    sql = { page: pageSql, count: `select (${counted}) as "${TOTAL}"` };
    byShape.set(key, sql);
  }
  const params = conditions.flatMap((c) => c.params);
  const totalParams = kept ? kept.params : params;
  // The extras' values first (they come first in the text), then the total's, then the conditions'
  // for the page.
  const bound = [...(limit === '?' ? [page.limit] : []), ...(offset === '?' ? [page.offset] : [])];
  const found = await selectRows<Record<string, unknown>>(em, sql.page, [...extras.flatMap((x) => x.params), ...totalParams, ...params, ...bound]);
  const extraValues = found.map((row) => Object.fromEntries(extras.map((x) => [x.key, (row[EXTRA + x.key] as string | null) ?? null])));
  if (found.length) return [toPlain(em, entity, found), Number(found[0]![TOTAL]), extraValues];
  // No row to carry the total: none at all on the first page, else count them.
  const total = page.offset === 0 ? 0 : Number((await selectRows<Record<string, unknown>>(em, sql.count, totalParams))[0]![TOTAL]);
  return [[], total, []];
}

const pageStatements = new WeakMap<EntityMetadata, Map<string, { page: string; count: string }>>();

/**
 * Page sizes written into a page statement's text, not bound: the web app's (react-admin's 5, 10, 25
 * and 50, the API's default 25, the 100 and 200 some screens ask for). PostgreSQL plans a prepared
 * statement generically only when that plan does not look dearer than the custom ones, and it takes an
 * unknown LIMIT to keep a tenth of the rows: a page of 50 orders then looked like 501 rows' summaries,
 * ten times the cost, and each execution was planned anew, 0.7-1.2 ms of PostgreSQL's CPU, as much as
 * running it (docs/benchmarks.md, "fourth session"). With the size (and a first page's offset, 0) in
 * the text the generic plan is costed for what it reads and kept per connection. Other sizes stay
 * bound: any size of 1-200 in the text would let a client make each connection keep 200 plans per
 * list.
 */
const LITERAL_PAGE_SIZES = new Set([5, 10, 25, 50, 100, 200]);

/**
 * Runs `sql` (`?` placeholders) with its values bound, not inlined into the text, and returns the rows
 * as the driver gives them (column names). An array is bound as one PostgreSQL array: `= any(?)`.
 * Outside any transaction of `em`, as the read paths' other statements are. Straight on a connection
 * of the ORM's pool, as a named prepared statement: each connection parses a read path's few statements
 * once, not per request, and no query builder or binding formatter runs per call. PostgreSQL keeps a
 * statement's generic plan where it costs no more than planning anew (`LITERAL_PAGE_SIZES` on why a
 * page statement's size is in its text).
 */
export async function selectRows<R>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<R[]> {
  let prepared = preparedStatements.get(sql);
  if (!prepared) {
    let n = 0;
    prepared = { name: `plain_${preparedStatements.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    preparedStatements.set(sql, prepared);
  }
  const client = em.getConnection().getKnex().client as KnexPool;
  const connection = await client.acquireConnection();
  try {
    try {
      return (await connection.query<R>({ name: prepared.name, text: prepared.text, values: params })).rows;
    } catch (error) {
      // A migration changed a table under a prepared `select e.*` (a deploy migrates while this server
      // still runs): PostgreSQL refuses the stale plan. A new name prepares it again, here and on every
      // other connection; the old one is left unused.
      if ((error as { code?: string }).code !== STALE_PLAN) throw error;
      const fresh = { name: `${prepared.name.replace(/~\d+$/, '')}~${++staleGeneration}`, text: prepared.text };
      preparedStatements.set(sql, fresh);
      return (await connection.query<R>({ ...fresh, values: params })).rows;
    }
  } finally {
    await client.releaseConnection(connection);
  }
}

/** "cached plan must not change result type" (feature_not_supported). */
const STALE_PLAN = '0A000';
let staleGeneration = 0;

/** The SQL texts run by `selectRows`, each with its statement name and `$n` placeholders. */
const preparedStatements = new Map<string, { name: string; text: string }>();

/** What `selectRows` uses of knex's client: its pool of node-postgres connections. */
interface KnexPool {
  acquireConnection(): Promise<{ query<R>(q: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: R[] }> }>;
  releaseConnection(connection: unknown): Promise<void>;
}

import type { EntityClass, EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from '../common/errors';
import { findPlainPageWhere, type PageExtra, type PageTotal, type Plain, type PlainCondition } from '../db/plain-rows';
import { IntRange } from '../common/validators';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

/**
 * The one list convention of the API, shaped after react-admin's getList: 1-based `page`, `perPage`,
 * `sortField` + `sortOrder`, and a resource-specific `filter` input next to these arguments.
 */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 1 })
  @IntRange(1, 1_000_000)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25 })
  @IntRange(1, 200)
  perPage: number = 25;

  @Field(() => String, { nullable: true })
  sortField?: string | null;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  sortOrder: SortOrder = SortOrder.ASC;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

/** `XxxPage { items, total, page, perPage }` for an item type. */
export function PageOf<T extends object>(item: ClassType<T>, name = `${item.name}Page`) {
  @ObjectType(name)
  abstract class PageClass implements Page<T> {
    @Field(() => [item])
    items: T[];

    @Field(() => Int)
    total: number;

    @Field(() => Int)
    page: number;

    @Field(() => Int)
    perPage: number;
  }
  return PageClass;
}

/**
 * Runs a paged, sorted query. `sortable` maps the API's sort field names to entity properties, so a
 * client can never sort by an unindexed or hidden column; ties break on id for stable pages.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: ListArgs,
  sortable: Record<string, string>,
  defaultSort: string,
  populate: string[] = [],
): Promise<Page<T>> {
  const orderBy = pageOrder<T>(args, sortable, defaultSort);
  const [items, total] = await em.findAndCount(entity, where, {
    orderBy,
    limit: args.perPage,
    offset: (args.page - 1) * args.perPage,
    populate: populate as never,
  });
  return { items, total, page: args.page, perPage: args.perPage };
}

/** The page's order: the API's sort field mapped to an entity property, ties broken on id. */
function pageOrder<T>(args: ListArgs, sortable: Record<string, string>, defaultSort: string): QueryOrderMap<T> {
  const field = args.sortField ?? defaultSort;
  const prop = sortable[field];
  if (!prop) throw badInput('sortField', 'validation.sortField', { field });
  const direction = args.sortOrder === SortOrder.DESC ? 'desc' : 'asc';
  const order: unknown = { [prop]: direction, ...(prop === 'id' ? {} : { id: 'asc' }) };
  return order as QueryOrderMap<T>;
}

/**
 * `findPage` for read-only lists, as plain rows (db/plain-rows.ts): the same sort fields, order and
 * page, without hydrating entities or the query builder. The filter is SQL conditions (`PlainCondition`),
 * built by the list's service. For lists whose field resolvers read columns and `ref.id` only. `kept`:
 * the total from a kept aggregate instead of counting the matching rows (`PageTotal`).
 */
export async function findPlainPage<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  conditions: readonly PlainCondition[],
  args: ListArgs,
  sortable: Record<string, string>,
  defaultSort: string,
  ahead?: RowsAhead<Plain<T>>,
  kept?: PageTotal,
): Promise<Page<Plain<T>>> {
  const orderBy = Object.entries(pageOrder<Record<string, unknown>>(args, sortable, defaultSort)) as [string, 'asc' | 'desc'][];
  const [items, total, values] = await findPlainPageWhere(em, entity, conditions, orderBy, { limit: args.perPage, offset: (args.page - 1) * args.perPage }, ahead?.extras, kept);
  ahead?.prime(items, values);
  return { items, total, page: args.page, perPage: args.perPage };
}

/**
 * What a page's statement reads ahead for its items' fields (graphql/page-extras.ts): the extras to
 * compute per row, and what to do with their values once the rows are in (prime the fields' loaders).
 */
export interface RowsAhead<R> {
  extras: readonly PageExtra[];
  prime(rows: readonly R[], values: readonly Record<string, string | null>[]): void;
}

import { gql } from '@apollo/client';
import type { BuildQuery, BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE, type RaRecord } from 'react-admin';
import { resources, type MutationDef, type ResourceDef } from './resources';

/**
 * Our own buildQuery for ra-data-graphql (ra-data-graphql-simple expects other conventions and
 * graphql 15). The API follows one list convention shaped after getList, so every resource is
 * described by data (resources.ts) and this file turns react-admin calls into GraphQL documents.
 */

const MAX_PER_PAGE = 200; // the API's limit

/** Apollo adds __typename to every object; records and form values should not carry it. */
export function stripTypename<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripTypename) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__typename').map(([key, v]) => [key, stripTypename(v)])) as T;
  }
  return value;
}

function definition(resource: string): ResourceDef {
  const def = resources[resource];
  if (!def) throw new Error(`Unknown resource "${resource}"`);
  return def;
}

/** react-admin's filter -> the API's filter input: known keys only, blanks dropped. */
function buildFilter(def: ResourceDef, raw: Record<string, unknown> = {}): Record<string, unknown> {
  const filter = def.mapFilter ? def.mapFilter(raw) : raw;
  const result: Record<string, unknown> = {};
  for (const key of def.filters) {
    const value = filter[key];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
    result[key] = typeof value === 'string' ? value.trim() : value;
  }
  return { ...result, ...def.baseFilter };
}

function listQuery(def: ResourceDef, variables: Record<string, unknown>, fields = def.fields): BuildQueryResult {
  // Most lists take one `filter` input; a few take their filters as plain arguments (argFilters).
  const args = Object.entries(def.argFilters ?? {});
  const filter = (variables.filter ?? {}) as Record<string, unknown>;
  const params = [
    '$page: Int!, $perPage: Int!, $sortField: String, $sortOrder: SortOrder!',
    ...(def.filterType ? [`$filter: ${def.filterType}`] : []),
    ...args.map(([name, type]) => `$${name}: ${type}`),
  ].join(', ');
  const call = [
    'page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder',
    ...(def.filterType ? ['filter: $filter'] : []),
    ...args.map(([name]) => `${name}: $${name}`),
  ].join(', ');
  const { filter: _filter, ...paging } = variables;
  return {
    query: gql`
      query List(${params}) {
        page: ${def.list}(${call}) {
          items { ${fields} }
          total
        }
      }
    `,
    variables: {
      ...paging,
      ...(def.filterType ? { filter } : {}),
      ...Object.fromEntries(args.map(([name]) => [name, filter[name] ?? null])),
    },
    parseResponse: (response) => {
      const page = response.data.page as { items: RaRecord[]; total: number };
      return { data: stripTypename(page.items), total: page.total };
    },
  };
}

function oneQuery(def: ResourceDef, id: unknown): BuildQueryResult {
  if (!def.one) throw new Error(`"${def.list}" has no single-record query`);
  return {
    query: gql`
      query One($id: ID!) {
        data: ${def.one}(id: $id) { ${def.detailFields ?? def.fields} }
      }
    `,
    variables: { id: String(id) },
    parseResponse: (response) => ({ data: stripTypename(response.data.data) }),
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The mutation input: whitelisted fields only, converted; on update only what changed. */
function buildInput(mutation: MutationDef, data: Record<string, unknown>, previous?: Record<string, unknown>) {
  const input: Record<string, unknown> = {};
  for (const key of mutation.inputFields) {
    if (!(key in data)) continue;
    const convert = mutation.convert?.[key];
    const value = convert ? convert(data[key]) : data[key];
    if (previous && sameValue(value, convert ? convert(previous[key]) : previous[key])) continue;
    input[key] = value === undefined ? null : value;
  }
  return input;
}

function mutationQuery(def: ResourceDef, mutation: MutationDef, input: Record<string, unknown>, id?: unknown): BuildQueryResult {
  const withId = id !== undefined;
  return {
    query: gql`
      mutation Save(${withId ? '$id: ID!, ' : ''}$input: ${mutation.inputType}!) {
        data: ${mutation.field}(${withId ? 'id: $id, ' : ''}input: $input) { ${def.detailFields ?? def.fields} }
      }
    `,
    variables: withId ? { id: String(id), input } : { input },
    parseResponse: (response) => ({ data: stripTypename(response.data.data) }),
  };
}

const unsupported = (what: string, resource: string): never => {
  throw new Error(`${what} is not supported for "${resource}"`);
};

export const buildQuery: BuildQueryFactory = () => {
  const build: BuildQuery = (fetchType, resource, params) => {
    const def = definition(resource);
    switch (fetchType) {
      case GET_LIST:
      case GET_MANY_REFERENCE: {
        const { page = 1, perPage = 25 } = params.pagination ?? {};
        const field = params.sort?.field as string | undefined;
        const sortable = !!field && def.sortable.includes(field);
        const filter = buildFilter(def, fetchType === GET_MANY_REFERENCE ? { ...params.filter, [params.target]: params.id } : params.filter);
        return listQuery(def, {
          page,
          perPage: Math.min(perPage, MAX_PER_PAGE),
          sortField: sortable ? field : null,
          // Without a sortable field the API's own default order applies (newest first for the audit log).
          sortOrder: sortable && params.sort?.order === 'DESC' ? 'DESC' : 'ASC',
          filter,
        });
      }
      case GET_MANY: {
        if (!def.hasIds) return unsupported('getMany', resource);
        const ids = [...new Set((params.ids as unknown[]).map(String))].slice(0, MAX_PER_PAGE);
        return listQuery(def, { page: 1, perPage: Math.max(ids.length, 1), sortField: null, sortOrder: 'ASC', filter: { ...def.baseFilter, ids } });
      }
      case GET_ONE:
        return oneQuery(def, params.id);
      case CREATE:
        if (!def.create) return unsupported('create', resource);
        return mutationQuery(def, def.create, buildInput(def.create, params.data));
      case UPDATE: {
        if (!def.update) return unsupported('update', resource);
        const input = buildInput(def.update, params.data, params.previousData);
        // Nothing changed: no mutation (and no audit entry), just the current record.
        return Object.keys(input).length ? mutationQuery(def, def.update, input, params.id) : oneQuery(def, params.id);
      }
      case DELETE: {
        if (!def.delete) return unsupported('delete', resource);
        return {
          query: gql`
            mutation Delete($id: ID!) {
              deleted: ${def.delete}(id: $id)
            }
          `,
          variables: { id: String(params.id) },
          parseResponse: () => ({ data: params.previousData ?? { id: params.id } }),
        };
      }
      default:
        // updateMany/deleteMany: bulk actions are switched off in every list.
        return unsupported(fetchType, resource);
    }
  };
  return build;
};

import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The static documents of the back office are validated by codegen at type-check time; the resource
 * documents are assembled at run time from resources.ts by buildQuery, so this builds every one of
 * them (each resource, each operation it supports) and validates it against schema.graphql.
 */
const root = path.resolve(__dirname, '../..');
const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
const errorsOf = (document: DocumentNode) => validate(schema, document).map((e) => e.message);

type Params = Record<string, unknown>;
/** What this test reads of resources.ts (imported by path: the root tsconfig must not compile the browser app). */
interface ResourceDef {
  one: string;
  filters: readonly string[];
  fields: string;
  hasIds: boolean;
  create?: { inputFields: readonly string[] };
  update?: { inputFields: readonly string[] };
  delete?: string;
}
let resources: Record<string, ResourceDef>;
let build: (fetchType: string, resource: string, params: Params) => { query: DocumentNode };

beforeAll(async () => {
  // resources.ts reaches the session and the UI language, which set the page's language at import
  // time; react-admin (imported above, without a page) must not see this stand-in.
  vi.stubGlobal('document', { documentElement: {} });
  try {
    const admin = (file: string) => import(path.join(root, 'admin/src/dataProvider', file));
    ({ resources } = (await admin('resources.ts')) as { resources: Record<string, ResourceDef> });
    const { buildQuery } = (await admin('buildQuery.ts')) as { buildQuery: () => typeof build };
    build = buildQuery();
  } finally {
    vi.unstubAllGlobals();
  }
});

/** A value for every whitelisted input field, so create and update send (and select) everything. */
const everyField = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, `x-${f}`]));
const listParams = { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} };

function operationsOf(def: ResourceDef): [string, Params][] {
  const calls: [string, Params][] = [
    [GET_LIST, listParams],
    [GET_MANY_REFERENCE, { ...listParams, target: def.filters[0] ?? 'id', id: '1' }],
  ];
  if (def.one) calls.push([GET_ONE, { id: '1' }]);
  if (def.hasIds) calls.push([GET_MANY, { ids: ['1', '2'] }]);
  if (def.create) calls.push([CREATE, { data: everyField(def.create.inputFields) }]);
  if (def.update) calls.push([UPDATE, { id: '1', data: everyField(def.update.inputFields), previousData: { id: '1' } }]);
  if (def.delete) calls.push([DELETE, { id: '1' }]);
  return calls;
}

describe('resource documents built by buildQuery', () => {
  it('every operation of every resource is valid against schema.graphql', () => {
    const invalid: string[] = [];
    let checked = 0;
    for (const [name, def] of Object.entries(resources)) {
      for (const [fetchType, params] of operationsOf(def)) {
        checked++;
        for (const message of errorsOf(build(fetchType, name, params).query)) invalid.push(`${name} ${fetchType}: ${message}`);
      }
    }
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(Object.keys(resources).length * 3);
  });

  it('notices a field the schema lacks (the check can fail)', () => {
    const products = resources.products!;
    resources.__broken = { ...products, fields: `${products.fields} noSuchField` };
    try {
      expect(errorsOf(build(GET_LIST, '__broken', listParams).query).join('\n')).toMatch(/noSuchField/);
    } finally {
      delete resources.__broken;
    }
  });
});

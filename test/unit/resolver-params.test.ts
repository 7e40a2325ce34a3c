import path from 'node:path';
import { describe, expect, it } from 'vitest';
// type-graphql's own helper, as its resolvers call it (patched: patches/type-graphql+2.0.0-rc.4.patch).
// Its package exports only the entry point: the helper is found beside it.
const { getParams } = require(path.join(path.dirname(require.resolve('type-graphql')), 'resolvers', 'helpers.js')) as {
  getParams(params: { kind: string; index: number; propertyName?: string }[], data: { root: unknown; args: object; context: unknown; info: unknown }): unknown[];
};

describe('type-graphql resolver parameters', () => {
  const data = { root: { id: 'order-1' }, args: {}, context: { user: 'budi' }, info: { fieldName: 'items' } };

  it('hands a resolver its parameters in their declared order', () => {
    // Declared as (root, ctx, info) but listed out of order, as decorators register them.
    const params = [
      { kind: 'info', index: 2 },
      { kind: 'root', index: 0 },
      { kind: 'context', index: 1 },
    ];
    expect(getParams(params, data)).toEqual([data.root, data.context, data.info]);
    expect(getParams(params, data)).toEqual([data.root, data.context, data.info]);
  });

  it('sorts a resolver’s parameters once, not on every call of every field', () => {
    // Unpatched, each call of each field resolver sorted the parameter list again: an array, a
    // comparator and the sort's own scratch space per field of every row of a page.
    const params = [
      { kind: 'context', index: 1 },
      { kind: 'root', index: 0 },
    ];
    getParams(params, data);
    const sort = Array.prototype.sort;
    let sorts = 0;
    Array.prototype.sort = function (this: unknown[], ...args: Parameters<typeof sort>) {
      sorts++;
      return sort.apply(this, args);
    } as typeof sort;
    try {
      for (let n = 0; n < 3; n++) expect(getParams(params, data)).toEqual([data.root, data.context]);
    } finally {
      Array.prototype.sort = sort;
    }
    expect(sorts).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { areas } from '../../admin/src/i18n/areas';
import { en } from '../../admin/src/i18n/en';
import { id } from '../../admin/src/i18n/id';

/**
 * Every text of the web app exists in both languages: a key missing from one would show up as a raw
 * key (or the other language) on screen. Checks the base files and every area's messages.ts.
 */
const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

const placeholders = (text: unknown) => [...String(text).matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
const leaf = (tree: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);

describe('web app texts', () => {
  const pairs = [{ name: 'base (i18n/id.ts, en.ts)', id, en }, ...areas.map((area, i) => ({ name: `area #${i + 1} (${keys(area.id)[0]})`, id: area.id, en: area.en }))];

  it.each(pairs)('$name has the same keys in Indonesian and English', (pair) => {
    expect(keys(pair.id).sort()).toEqual(keys(pair.en).sort());
  });

  it.each(pairs)('$name uses the same %{placeholders} in both languages', (pair) => {
    for (const key of keys(pair.id)) {
      // Polyglot's "one |||| other" forms: compare the union of placeholders over the forms.
      const inId = [...new Set(placeholders(leaf(pair.id, key)))];
      const inEn = [...new Set(placeholders(leaf(pair.en, key)))];
      expect(inId, key).toEqual(inEn);
    }
  });

  it('has no empty text', () => {
    for (const tree of [id, en, ...areas.flatMap((a) => [a.id, a.en])]) {
      for (const key of keys(tree)) {
        if (key.startsWith('ra.boolean.null')) continue; // react-admin's own blank label for "no value"
        expect(String(leaf(tree, key)).trim(), key).not.toBe('');
      }
    }
  });
});

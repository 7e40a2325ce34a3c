import polyglotI18nProvider from 'ra-i18n-polyglot';
import { useLocale, type TranslationMessages } from 'react-admin';
import { areas } from './areas';
import { en as enBase } from './en';
import { id as idBase } from './id';

export type Locale = 'id' | 'en';

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Deep merge: an area's tree extends the base one (a key set twice is a mistake: the area wins). */
const merge = (base: Tree, extra: Tree): Tree => {
  const result: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) result[key] = isTree(value) && isTree(result[key]) ? merge(result[key] as Tree, value) : value;
  return result;
};

const id = areas.reduce<Tree>((tree, area) => merge(tree, area.id), idBase) as TranslationMessages;
const en = areas.reduce<Tree>((tree, area) => merge(tree, area.en), enBase) as TranslationMessages;
const messages: Record<Locale, TranslationMessages> = { id, en };
const isLocale = (value: unknown): value is Locale => value === 'id' || value === 'en';

/**
 * Bahasa Indonesia first, whatever the browser's language. react-admin remembers a choice made with
 * the language menu in its store (localStorage) and restores it on the next visit.
 */
const initialLocale: Locale = 'id';

let current: Locale = initialLocale;
document.documentElement.lang = initialLocale;

/** The UI language, sent as Accept-Language so the API answers (errors included) in the same one. */
export const currentLocale = (): Locale => current;

/**
 * For queries whose answer is in the UI language (history sentences): the language to key them by, and
 * whether requests already carry it. react-admin re-renders with the new language before it has told
 * the i18nProvider (which sets Accept-Language), so a query run in between would file the old
 * language's answer under the new key: wait until `ready`.
 */
export function useApiLocale(): { locale: string; ready: boolean } {
  const locale = useLocale();
  return { locale, ready: currentLocale() === locale };
}

const polyglot = polyglotI18nProvider(
  (locale) => messages[isLocale(locale) ? locale : 'id'],
  initialLocale,
  [
    { locale: 'id', name: 'Bahasa Indonesia' },
    { locale: 'en', name: 'English' },
  ],
  {
    // Server messages are already localized and reach notify() as they are: show them, don't warn.
    allowMissing: true,
    // Polyglot files Indonesian with the languages that have no plural ("chinese": always the first
    // form), which would show "1 angsuran terlambat" for any count. Our id texts are written as
    // "one |||| other" like the English ones, so both languages pick a form the English way.
    pluralRules: {
      pluralTypes: { oneOther: (count: number) => (count === 1 ? 0 : 1) },
      pluralTypeToLanguages: { oneOther: ['id', 'en'] },
    },
  },
);

export const i18nProvider = {
  ...polyglot,
  changeLocale: async (locale: string) => {
    await polyglot.changeLocale(locale);
    if (isLocale(locale)) {
      current = locale;
      document.documentElement.lang = locale;
    }
  },
};

/** Both languages must have the same keys; a missing one would show up as a raw key in the UI. */
if (import.meta.env.DEV) {
  const keys = (tree: object, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  const idKeys = new Set(keys(id));
  const enKeys = new Set(keys(en));
  const missing = [...enKeys].filter((k) => !idKeys.has(k)).concat([...idKeys].filter((k) => !enKeys.has(k)));
  if (missing.length) console.warn('i18n: keys not in both id.ts and en.ts:', missing);
}

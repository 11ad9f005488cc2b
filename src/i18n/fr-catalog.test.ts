import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getT } from './index';

/**
 * The French catalogs mirror the English ones: the same namespaces, the same keys (the same
 * length for lists), the same placeholders in each text, the plural forms French needs, and
 * French typography. A key added in English without its French fails here, so that French
 * readers never get an English sentence in the middle of a page.
 *
 * French plural rules (Intl.PluralRules 'fr') have three forms: `one` for 0 and 1, `many` for
 * large round numbers (1 000 000: « 1 million de … »), `other` for the rest. English has `one` and
 * `other`, so every English `x_other` needs a French `x_many` too, or a count of a million would
 * fall back to English.
 */

const localesDir = join(import.meta.dirname, 'locales');
const readCatalogs = (language: string): Record<string, unknown> =>
  Object.fromEntries(
    readdirSync(join(localesDir, language))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        file.slice(0, -'.json'.length),
        JSON.parse(readFileSync(join(localesDir, language, file), 'utf8')),
      ]),
  );

const english = readCatalogs('en');
const french = readCatalogs('fr');

/** Every text of a catalog by its path (namespace:a.b.0.c). */
const leaves = (value: unknown, path: string, out: Map<string, string>): Map<string, string> => {
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object')
    // Arrays too: their items are keyed by index.
    for (const [key, item] of Object.entries(value))
      leaves(item, path.endsWith(':') ? `${path}${key}` : `${path}.${key}`, out);
  return out;
};
const textsOf = (catalogs: Record<string, unknown>): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [namespace, catalog] of Object.entries(catalogs)) leaves(catalog, `${namespace}:`, out);
  return out;
};
const englishTexts = textsOf(english);
const frenchTexts = textsOf(french);

/** {{name}} placeholders, and the {name} ones the browser's countdown fills in. */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}|\{(\w+)\}/g)].map((match) => match[1] ?? `{${match[2]}}`).sort();

/** The French keys an English key asks for: its plural forms include `many`. */
const frenchKeysFor = (key: string): string[] =>
  key.endsWith('_other') ? [key, `${key.slice(0, -'_other'.length)}_many`] : [key];

describe('the French catalogs', () => {
  test('have a file for every English namespace and no other', () => {
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  });

  test('translate every English key', () => {
    const missing = [...englishTexts.keys()].flatMap(frenchKeysFor).filter((key) => !frenchTexts.has(key));
    expect(missing).toEqual([]);
  });

  test('hold no key English does not have', () => {
    const expected = new Set([...englishTexts.keys()].flatMap(frenchKeysFor));
    expect([...frenchTexts.keys()].filter((key) => !expected.has(key))).toEqual([]);
  });

  test('keep the placeholders of each English text', () => {
    const different = [...englishTexts].flatMap(([key, text]) =>
      frenchKeysFor(key)
        .filter((frenchKey) => frenchTexts.has(frenchKey))
        .filter((frenchKey) => placeholders(frenchTexts.get(frenchKey)!).join() !== placeholders(text).join())
        .map(
          (frenchKey) =>
            `${frenchKey}: ${placeholders(text).join()} ≠ ${placeholders(frenchTexts.get(frenchKey)!).join()}`,
        ),
    );
    expect(different).toEqual([]);
  });

  test('follow French typography: a narrow space before ; ? ! and a no-break space before :', () => {
    const faults = [...frenchTexts].flatMap(([key, text]) => {
      // What stands inside « » may be a value to type as it is (CSV examples, English names).
      const prose = text.replace(/«[^»]*»/g, '«»');
      const problems = [
        /'/.test(text) ? 'a straight apostrophe (use ’)' : '',
        /"/.test(text) ? 'straight quotation marks (use « »)' : '',
        /[^\u00A0\u202F][;?!](\s|$)/.test(prose) ? 'no narrow no-break space before ; ? or !' : '',
        /[^\u00A0\u202F]:(\s|$)/.test(prose) ? 'no no-break space before :' : '',
        /«[^\u00A0\u202F]|[^\u00A0\u202F]»/.test(text) ? 'no no-break space inside « »' : '',
      ].filter(Boolean);
      return problems.map((problem) => `${key}: ${problem}`);
    });
    expect(faults).toEqual([]);
  });

  test('are what a French reader gets, plurals included', () => {
    const t = getT('fr');
    expect(t('common:nav.signIn')).toBe('Se connecter');
    expect(t('review:list.summary', { count: 0 })).toBe('0 candidature correspond.');
    expect(t('review:list.summary', { count: 1 })).toBe('1 candidature correspond.');
    expect(t('review:list.summary', { count: 2 })).toBe('2 candidatures correspondent.');
    expect(t('review:list.summary', { count: 1_000_000 })).toBe('1000000 candidatures correspondent.');
    // English has a zero form here; French keeps it too.
    expect(t('review:rounds.quotaSettled', { count: 0, cap: 5 })).toBe(
      'Le quota par pays est arrêté\u00a0: toutes les candidatures sont dans les limites.',
    );
  });
});

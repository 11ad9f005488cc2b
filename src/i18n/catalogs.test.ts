import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_LOCALE, SHIPPED_LOCALES } from './index';

/**
 * Every shipped language holds every English key, and nothing else: the same namespaces, the same
 * keys, the same interpolation placeholders ({{name}}, and the single-brace ones the countdown
 * fills in the browser), arrays of the same length and shape, and the plural forms the language
 * needs for the counts the program shows. Keys unused in the code are caught on the English side
 * (keys.test.ts), so a key no code asks for fails there once and here never lingers in a
 * translation. A stub language (`ar`, for checking right-to-left pages) may hold only some keys,
 * but only keys English has.
 */

const localesDir = join(import.meta.dirname, 'locales');
type Tree = Record<string, unknown>;

const readLanguage = (locale: string): Record<string, Tree> =>
  Object.fromEntries(
    readdirSync(join(localesDir, locale))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        file.slice(0, -'.json'.length),
        JSON.parse(readFileSync(join(localesDir, locale, file), 'utf8')),
      ]),
  );

/** Leaf texts by path; array items are addressed by index (`items.2.title`). */
const flatten = (value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> => {
  if (typeof value === 'string') into.set(prefix, value);
  else if (Array.isArray(value))
    for (const [index, item] of value.entries()) flatten(item, `${prefix}.${index}`, into);
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  else into.set(prefix, `<${typeof value}>`);
  return into;
};

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}|\{(\w+)\}|\$t\(([^)]+)\)/g)]
    .map((match) => match[1] ?? (match[2] ? `{${match[2]}}` : `$t(${match[3]})`))
    .sort();

/**
 * The plural forms a language uses for the counts a page or email can show (under a million: the
 * `many` form of Spanish and French is for millions only).
 */
const pluralFormsOf = (locale: string): string[] => {
  const rules = new Intl.PluralRules(locale);
  const forms = new Set<string>();
  for (let n = 0; n <= 1000; n++) forms.add(rules.select(n));
  return [...forms].sort();
};

/** What is wrong with one language against English, as "namespace:key problem" lines. */
const compareWithEnglish = (locale: string, options: { stub?: boolean } = {}): string[] =>
  compareCatalogs(readLanguage(DEFAULT_LOCALE), readLanguage(locale), locale, options);

const compareCatalogs = (
  english: Record<string, Tree>,
  other: Record<string, Tree>,
  locale: string,
  { stub = false } = {},
): string[] => {
  const problems: string[] = [];
  const forms = pluralFormsOf(locale);
  for (const namespace of Object.keys(other))
    if (!(namespace in english)) problems.push(`${namespace}.json is not an English namespace`);
  for (const [namespace, tree] of Object.entries(english)) {
    const theirs = other[namespace];
    if (!theirs) {
      if (!stub) problems.push(`${namespace}.json is missing`);
      continue;
    }
    const ours = flatten(tree);
    const translated = flatten(theirs);
    const pluralBases = new Set(
      [...ours.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')),
    );
    for (const [key, text] of ours) {
      const base = key.replace(PLURAL, '');
      // Plural keys are checked by the forms the language needs (below), not English's.
      if (pluralBases.has(base) && !translated.has(key)) continue;
      const theirText = translated.get(key);
      if (theirText === undefined) {
        if (!stub) problems.push(`${namespace}:${key} is missing`);
        continue;
      }
      if (theirText.trim() === '') problems.push(`${namespace}:${key} is empty`);
      const expected = placeholders(text);
      const found = placeholders(theirText);
      if (expected.join() !== found.join())
        problems.push(`${namespace}:${key} has placeholders [${found}] instead of [${expected}]`);
    }
    if (!stub)
      for (const base of pluralBases)
        for (const form of forms)
          if (!translated.has(`${base}_${form}`))
            problems.push(`${namespace}:${base}_${form} is missing (plural)`);
    for (const key of translated.keys()) {
      const known = ours.has(key) || (PLURAL.test(key) && pluralBases.has(key.replace(PLURAL, '')));
      if (!known) problems.push(`${namespace}:${key} is not an English key (renamed or removed?)`);
    }
  }
  return problems.sort();
};

describe('translations', () => {
  for (const locale of SHIPPED_LOCALES.filter((code) => code !== DEFAULT_LOCALE)) {
    const present = existsSync(join(localesDir, locale));
    // French is written on another branch: until its files arrive this says so rather than failing.
    test.skipIf(!present)(
      `${locale} has every English key${present ? '' : ` (skipped: no locales/${locale} yet)`}`,
      () => {
        expect(compareWithEnglish(locale)).toEqual([]);
      },
    );
  }

  test('a stub language holds only English keys, with their placeholders', () => {
    const stubs = readdirSync(localesDir).filter(
      (code) => code !== DEFAULT_LOCALE && !(SHIPPED_LOCALES as readonly string[]).includes(code),
    );
    expect(stubs).toContain('ar');
    for (const stub of stubs) expect(compareWithEnglish(stub, { stub: true })).toEqual([]);
  });

  test('the check finds a missing key, a changed placeholder, a missing plural form and a stale key', () => {
    const spanish = readLanguage('es');
    const faulty = structuredClone(spanish);
    const common = faulty.common as { errors: Record<string, string>; nav: Record<string, string> };
    delete common.nav.home;
    common.errors.reference = 'Indica esta referencia: {{id}}';
    common.nav.retired = 'Ya no existe';
    delete (faulty.mail as { outbox: Record<string, string> }).outbox.caption_one;
    expect(compareCatalogs(readLanguage(DEFAULT_LOCALE), faulty, 'es')).toEqual([
      'common:errors.reference has placeholders [id] instead of [requestId]',
      'common:nav.home is missing',
      'common:nav.retired is not an English key (renamed or removed?)',
      'mail:outbox.caption_one is missing (plural)',
    ]);
    expect(placeholders('Hola {{name}}, {days} días')).toEqual(['name', '{days}']);
    expect(pluralFormsOf('es')).toEqual(['one', 'other']);
    expect(pluralFormsOf('fr')).toEqual(['one', 'other']);
  });
});

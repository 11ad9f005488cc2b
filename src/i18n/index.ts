import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type FormatterModule, type i18n, type Resource, type TFunction } from 'i18next';
import { SHIPPED_LOCALES } from '../core/people/page-languages';

export { SHIPPED_LOCALES };

/**
 * Interface strings and email texts. Each area keeps its own namespace file under
 * locales/<language>/<namespace>.json (common, auth, mail, applications, …); every file found
 * there is loaded, so adding a language or an area needs no code change. Keys are looked up in
 * the request's language first, then English.
 */
export const DEFAULT_LOCALE = 'en';

const localesDir = join(dirname(fileURLToPath(import.meta.url)), 'locales');

const loadResources = (): Resource => {
  const resources: Resource = {};
  for (const language of readdirSync(localesDir)) {
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(localesDir, language)).filter((f) => f.endsWith('.json'))) {
      namespaces[basename(file, '.json')] = JSON.parse(
        readFileSync(join(localesDir, language, file), 'utf8'),
      );
    }
    resources[language] = namespaces;
  }
  return resources;
};

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormatOf = (language: string | undefined): Intl.NumberFormat => {
  const key = language ?? DEFAULT_LOCALE;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(key);
    if (numberFormats.size < 100) numberFormats.set(key, format);
  }
  return format;
};

/**
 * Numbers read as the language writes them ("12,345" in English, "12.345" in Spanish, "12 345" in
 * French); plural forms still see the number itself. The program's texts use no named formats.
 */
const numbersInTheirLanguage: FormatterModule = {
  type: 'formatter',
  init: () => {},
  add: () => {},
  addCached: () => {},
  format: (value, _format, language) =>
    typeof value === 'number' && Number.isFinite(value) ? numberFormatOf(language).format(value) : value,
};

let instance: i18n | undefined;

const getInstance = (): i18n => {
  if (instance) return instance;
  const resources = loadResources();
  const created = i18next.createInstance();
  created.use(numbersInTheirLanguage);
  void created.init({
    resources,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: Object.keys(resources),
    ns: Object.keys(resources[DEFAULT_LOCALE] ?? {}),
    defaultNS: 'common',
    fallbackNS: 'common',
    initAsync: false,
    // hono/jsx escapes on output; escaping here too would double-escape. Every value goes through
    // the formatter below.
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  instance = created;
  return created;
};

/** Every language with a folder, shipped or not (`ar`, a stub for checking right-to-left pages). */
export const knownLocales = (): string[] => Object.keys(getInstance().options.resources ?? {});

/** The shipped languages that are present (a language whose folder is missing is not offered half-empty). */
export const supportedLocales = (): string[] => {
  const known = knownLocales();
  return SHIPPED_LOCALES.filter((locale) => known.includes(locale));
};

/**
 * A language asked for by name (`?lang=`, the cookie, a person's setting): any language with a
 * folder, so a stub such as `ar` can be viewed on purpose; else undefined.
 */
export const knownLocale = (value: string | null | undefined): string | undefined => {
  const tag = value?.trim().toLowerCase();
  if (!tag) return undefined;
  const known = knownLocales();
  if (known.includes(tag)) return tag;
  const language = tag.split('-')[0];
  return language && known.includes(language) ? language : undefined;
};

/** The best shipped language for an Accept-Language header or a stored preference. */
export const pickLocale = (preferences: string | undefined | null): string => {
  const supported = supportedLocales();
  for (const part of (preferences ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase();
    if (!tag) continue;
    if (supported.includes(tag)) return tag;
    const language = tag.split('-')[0];
    if (language && supported.includes(language)) return language;
  }
  return DEFAULT_LOCALE;
};

const fixedTs = new Map<string, TFunction>();
/** Option-less lookups remembered per language (far more than there are keys). */
const MAX_REMEMBERED_TEXTS = 10_000;

/**
 * The translation function of one language (made once per language; requests reuse it).
 *
 * A thin wrapper over the instance's `t` with the language set, rather than i18next's
 * getFixedT: in i18next 26 every call of a fixed T copies the instance's whole options object,
 * which made each lookup cost about 30 µs; a confirmation email takes a dozen lookups and a page
 * dozens. The wrapper gives the same result in about a sixth of the time.
 */
export const getT = (locale: string = DEFAULT_LOCALE): TFunction => {
  let t = fixedTs.get(locale);
  if (!t) {
    const instance = getInstance();
    // The texts never change while the process runs, so a lookup without options (most of them)
    // is answered once; bounded, since some keys are built from messages.
    const plain = new Map<string, string>();
    const translate = (key: string | string[], options?: unknown): string => {
      if (options === undefined && typeof key === 'string') {
        let text = plain.get(key);
        if (text === undefined) {
          text = instance.t(key, { lng: locale }) as string;
          if (plain.size < MAX_REMEMBERED_TEXTS) plain.set(key, text);
        }
        return text;
      }
      const withLanguage =
        typeof options === 'object' && options !== null
          ? { ...options, lng: locale }
          : options === undefined
            ? { lng: locale }
            : { defaultValue: options, lng: locale };
      return instance.t(key, withLanguage) as string;
    };
    t = translate as unknown as TFunction;
    if (fixedTs.size < 100) fixedTs.set(locale, t);
  }
  return t;
};

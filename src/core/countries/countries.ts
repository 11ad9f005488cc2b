import { DomainError } from '../errors';
import { COUNTRY_ROWS } from './country-data';

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** IANA zones, the most populous first. */
  timeZones: readonly string[];
  /** ISO 639-1 codes, the most used first. */
  languages: readonly string[];
}

const COUNTRIES: readonly Country[] = COUNTRY_ROWS.map(([code, timeZones, languages]) => ({
  code,
  timeZones,
  languages,
}));
const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

export const COUNTRY_CODES: readonly string[] = COUNTRIES.map((country) => country.code);

export const isCountryCode = (value: unknown): value is string =>
  typeof value === 'string' && BY_CODE.has(value);

export const findCountry = (code: string): Country | undefined => BY_CODE.get(code.toUpperCase());

export function getCountry(code: string): Country {
  const country = findCountry(code);
  if (!country) throw new DomainError('NOT_FOUND', `Country "${code}" is not an ISO 3166-1 alpha-2 code`);
  return country;
}

/** The zone to suggest to someone who says they live in `code`. */
export const getPrimaryTimeZone = (code: string): string => getCountry(code).timeZones[0]!;

const displayNamesCache = new Map<string, Intl.DisplayNames>();

function getDisplayNames(locale: string): Intl.DisplayNames {
  let names = displayNamesCache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    displayNamesCache.set(locale, names);
  }
  return names;
}

/** The country's name in `locale` (any BCP 47 tag; falls back to English, then to the code). */
export function getCountryName(code: string, locale = 'en'): string {
  const country = getCountry(code);
  try {
    return getDisplayNames(locale).of(country.code) ?? country.code;
  } catch {
    return getDisplayNames('en').of(country.code) ?? country.code;
  }
}

/** Every country with its name in `locale`, sorted the way readers of that locale sort. */
export function listCountries(locale = 'en'): Array<Country & { name: string }> {
  const collator = new Intl.Collator(locale);
  return COUNTRIES.map((country) => ({ ...country, name: getCountryName(country.code, locale) })).sort(
    (a, b) => collator.compare(a.name, b.name),
  );
}

import type { TFunction } from 'i18next';
import {
  CAREER_STAGES,
  INTEREST_GROUPS,
  LANGUAGE_LEVELS,
  REFERRAL_SOURCES,
  SECTORS,
} from '../../../core/applications';
import { listCountries } from '../../../core/countries';
import { DAYS_OF_WEEK } from '../../../core/time';
import type { Option } from '../components';
import { formatTimeZone } from '../format';

/** The closed choices of the application form, labelled in the reader's language. */
const label = (t: TFunction, key: string) => t(`applications:labels.${key}`);

export const sectorOptions = (t: TFunction): Option[] =>
  SECTORS.map((id) => ({ value: id, label: label(t, `sector.${id}`) }));
export const careerStageOptions = (t: TFunction): Option[] =>
  CAREER_STAGES.map((id) => ({ value: id, label: label(t, `careerStage.${id}`) }));
export const languageLevelOptions = (t: TFunction): Option[] =>
  LANGUAGE_LEVELS.map((id) => ({ value: id, label: label(t, `languageLevel.${id}`) }));
export const referralOptions = (t: TFunction): Option[] =>
  REFERRAL_SOURCES.map((id) => ({ value: id, label: label(t, `referralSource.${id}`) }));
export const dayOptions = (t: TFunction): Option[] =>
  DAYS_OF_WEEK.map((id) => ({ value: id, label: label(t, `dayOfWeek.${id}`) }));
export const interestGroups = (t: TFunction) =>
  INTEREST_GROUPS.map((group) => ({
    id: group.id,
    label: label(t, `interestGroup.${group.id}`),
    options: group.interests.map((interest) => ({
      value: interest.id,
      label: label(t, `interest.${interest.id}`),
    })),
  }));

const cache = new Map<string, unknown>();
const cached = <T>(key: string, make: () => T): T => {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
};

/** Countries with their names in `locale` and the zone to suggest for each. */
export const countryOptions = (locale: string) =>
  cached(`countries:${locale}`, () =>
    listCountries(locale).map((country) => ({
      value: country.code,
      label: country.name,
      timeZone: country.timeZones[0] ?? 'UTC',
    })),
  );

/** Every IANA zone the runtime knows plus every zone the country list suggests, sorted. */
export const timeZoneOptions = (): Option[] =>
  cached('zones', () => {
    const zones = new Set<string>(Intl.supportedValuesOf('timeZone'));
    for (const country of listCountries('en')) for (const zone of country.timeZones) zones.add(zone);
    zones.add('UTC');
    return [...zones].sort().map((zone) => ({ value: zone, label: formatTimeZone(zone) }));
  });

/** Languages people in the listed countries commonly speak, named in `locale`, sorted. */
export const languageOptions = (locale: string): Option[] =>
  cached(`languages:${locale}`, () => {
    const codes = new Set<string>();
    for (const country of listCountries('en')) for (const code of country.languages) codes.add(code);
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' });
    const collator = new Intl.Collator(locale);
    return [...codes]
      .filter((code) => /^[a-z]{2}$/.test(code))
      .map((code) => ({ value: code, label: names.of(code) ?? '' }))
      .filter((option) => option.label !== '')
      .sort((a, b) => collator.compare(a.label, b.label));
  });

/** Times of day every half hour; the end list runs to 24:00 (midnight at the end of the day). */
export const timeOptions = (kind: 'start' | 'end'): Option[] => {
  const times: Option[] = [];
  for (
    let minutes = kind === 'start' ? 0 : 30;
    minutes <= (kind === 'start' ? 23 * 60 + 30 : 24 * 60);
    minutes += 30
  ) {
    const text = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    times.push({ value: text, label: text });
  }
  return times;
};

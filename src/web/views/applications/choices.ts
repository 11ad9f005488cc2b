import type { TFunction } from 'i18next';
import {
  CAREER_STAGES,
  INTEREST_GROUPS,
  LANGUAGE_LEVELS,
  REFERRAL_SOURCES,
  SECTORS,
} from '../../../core/applications';
import { getCountryName, listCountries } from '../../../core/countries';
import { DAYS_OF_WEEK, formatUtcOffset, listTimeZoneChoices, normaliseTimeZone } from '../../../core/time';
import type { Option } from '../components';

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

/**
 * The current zones (no old aliases), west to east, each labelled with its UTC offset now, its
 * country and its city: "UTC+05:30 · India — Kolkata". Offsets move with daylight saving, so the
 * list is made again each hour (a few tens of milliseconds); only the latest list per language is kept.
 */
const zoneLists = new Map<string, { hour: number; options: Option[] }>();
export const timeZoneOptions = (t: TFunction, locale: string, atMs: number): Option[] => {
  const hour = Math.floor(atMs / 3_600_000);
  const kept = zoneLists.get(locale);
  if (kept?.hour === hour) return kept.options;
  const collator = new Intl.Collator(locale);
  const options = listTimeZoneChoices(atMs)
    .map((choice) => {
      let place = t('applications:form.timeZone.utc');
      if (choice.countryCode) {
        const country = getCountryName(choice.countryCode, locale);
        const region =
          choice.region && choice.region !== getCountryName(choice.countryCode, 'en')
            ? choice.region
            : undefined;
        const city = region ? `${choice.city} (${region})` : choice.city;
        place = city === country ? country : `${country} — ${city}`;
      }
      return { choice, place };
    })
    .sort((a, b) => a.choice.offsetMinutes - b.choice.offsetMinutes || collator.compare(a.place, b.place))
    .map(({ choice, place }) => ({
      value: choice.zone,
      label: t('applications:form.timeZone.option', { offset: formatUtcOffset(choice.offsetMinutes), place }),
    }));
  if (zoneLists.size > 20) zoneLists.clear();
  zoneLists.set(locale, { hour, options });
  return options;
};

/** A zone as the picker shows it selected: its current name (`Asia/Calcutta` → `Asia/Kolkata`). */
export const currentZoneName = (zone: string): string => {
  try {
    return zone === '' ? '' : normaliseTimeZone(zone);
  } catch {
    return zone;
  }
};

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

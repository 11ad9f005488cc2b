import type { TFunction } from 'i18next';
import { getCountryName } from '../../../core/countries';
import type { AttentionReason } from '../../../core/matchmaking';
import type { RuleBreach } from '../../../core/scoring/partnership-rules';
import type { DayOfWeek } from '../../../core/time';
import { labelFor } from '../../../i18n/labels';
import type { BoardPerson } from '../../../services/matching/match-board';

/**
 * The codes of matchmaking (rule breaches, attention reasons, why someone is unmatched) and its
 * numbers (fits, minutes, UTC offsets, weekdays) in the reader's language. Application ids become
 * the people's names; everything else comes from the `matching` catalog or Intl.
 */
export interface Words {
  t: TFunction;
  locale: string;
}

export type People = ReadonlyMap<string, BoardPerson>;

const numberFormats = new Map<string, Intl.NumberFormat>();
export const formatNumber = (locale: string, value: number): string => {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
};

/** 90 → "1 h 30 min", 45 → "45 min", 120 → "2 h". */
export const formatDuration = (t: TFunction, minutes: number): string => {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return t('matching:duration.minutes', { minutes: rest });
  if (rest === 0) return t('matching:duration.hours', { hours });
  return t('matching:duration.hoursMinutes', { hours, minutes: rest });
};

/** 660 → "UTC+11:00", -180 → "UTC−03:00". */
export const formatOffset = (t: TFunction, offsetMinutes: number): string => {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const absolute = Math.abs(offsetMinutes);
  const pad = (x: number) => String(x).padStart(2, '0');
  return t('matching:explain.offset', {
    offset: `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`,
  });
};

/** The place a zone is named after: `America/Argentina/Buenos_Aires` → "Buenos Aires". */
export const placeOf = (timeZone: string): string =>
  (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');

const DAY_INDEX: Record<DayOfWeek, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
/** A short weekday name in the reader's language ("Tue"); 1 January 2024 was a Monday. */
export const weekdayName = (locale: string, day: DayOfWeek): string => {
  let format = weekdayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    weekdayFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(2024, 0, 1 + DAY_INDEX[day])));
};

export const listOf = (
  locale: string,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string => new Intl.ListFormat(locale, { style: 'long', type }).format(items);

export const nameOf = (people: People, applicationId: string): string =>
  people.get(applicationId)?.name ?? applicationId;

export const namesOf = (locale: string, people: People, applicationIds: readonly string[]): string =>
  listOf(
    locale,
    applicationIds.map((id) => nameOf(people, id)),
  );

/** A person as a list shows them: "Ana Souza (Brazil)". */
export const nameWithCountry = ({ t, locale }: Words, people: People, applicationId: string): string => {
  const person = people.get(applicationId);
  if (!person) return applicationId;
  return t('matching:person.nameWithCountry', {
    name: person.name,
    country: getCountryName(person.countryCode, locale),
  });
};

/** "Ana Souza and Ben Li live in the same country (Kenya)." */
export const describeBreach = ({ t, locale }: Words, people: People, breach: RuleBreach): string => {
  const names = namesOf(locale, people, breach.applicationIds);
  const { params } = breach;
  switch (breach.code) {
    case 'same-country':
      return t('matching:rule.same-country', {
        names,
        country: getCountryName(String(params.country), locale),
      });
    case 'no-shared-working-language':
      return t('matching:rule.no-shared-working-language', {
        names,
        level: labelFor(t, 'languageLevel', String(params.workingLevel)).toLowerCase(),
      });
    case 'too-little-call-overlap':
      return t('matching:rule.too-little-call-overlap', {
        names,
        guaranteed: formatDuration(t, Number(params.guaranteedMinutes)),
        required: formatDuration(t, Number(params.requiredMinutes)),
      });
    case 'partnership-size':
      return t('matching:rule.partnership-size', { count: Number(params.size) });
    case 'application-not-accepted':
      return t('matching:rule.application-not-accepted', {
        names,
        status: t(`review:status.${String(params.status)}`, { defaultValue: String(params.status) }),
      });
    default:
      return t(`matching:rule.${breach.code}`, { names });
  }
};

/** Why a partnership is worth a look, in words. */
export const describeAttention = ({ t, locale }: Words, people: People, reason: AttentionReason): string => {
  const { params } = reason;
  const pair = () => namesOf(locale, people, [String(params.first), String(params.second)]);
  switch (reason.code) {
    case 'low-fit':
      return t('matching:attention.low-fit', {
        fit: formatNumber(locale, Number(params.fit)),
        threshold: formatNumber(locale, Number(params.threshold)),
      });
    case 'preference-not-met':
      return t('matching:attention.preference-not-met', { names: pair() });
    case 'thin-call-overlap':
      return t('matching:attention.thin-call-overlap', {
        names: pair(),
        duration: formatDuration(t, Number(params.guaranteedMinutes)),
      });
    case 'trio':
      return t('matching:attention.trio');
  }
};

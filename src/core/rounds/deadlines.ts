import { DateTime } from 'luxon';
import { type FieldProblem, invalidInput } from '../errors';
import { formatInstant } from '../time/date-format';
import { isLocalDate, isLocalTime, type LocalDate, type LocalTime } from '../time/local-time';
import { isValidTimeZone } from '../time/time-zones';

/**
 * The instant a deadline set as a wall-clock date and time in the program's zone falls at.
 *
 * Daylight-saving edges, decided in the applicant's favour:
 * - a time that happens twice (clocks go back) means the later of the two instants;
 * - a time that does not exist (clocks go forward) moves forward by the length of the gap, as
 *   Luxon does, so 02:30 on the night New York skips 02:00–03:00 becomes 03:30 local.
 */
export function resolveDeadlineAt(localDate: LocalDate, localTime: LocalTime, programTimeZone: string): Date {
  const problems: FieldProblem[] = [
    ...(isLocalDate(localDate)
      ? []
      : [{ field: 'localDate', code: 'deadline.date', params: { value: localDate } }]),
    ...(isLocalTime(localTime)
      ? []
      : [{ field: 'localTime', code: 'deadline.time', params: { value: localTime } }]),
    ...(isValidTimeZone(programTimeZone)
      ? []
      : [{ field: 'programTimeZone', code: 'deadline.zone', params: { value: programTimeZone } }]),
  ];
  if (problems.length > 0) throw invalidInput(problems);
  const local = DateTime.fromISO(`${localDate}T${localTime}`, { zone: programTimeZone });
  const candidates = local.getPossibleOffsets();
  const latest = candidates.reduce((a, b) => (b.toMillis() > a.toMillis() ? b : a), local);
  return latest.toJSDate();
}

/** The start of `localDate` (00:00) in `timeZone`, as an instant. */
export function resolveStartOfDayAt(localDate: LocalDate, timeZone: string): Date {
  return DateTime.fromISO(localDate, { zone: timeZone }).startOf('day').toJSDate();
}

/**
 * A deadline as the viewer reads it: their own zone and language, with the zone named so no one
 * has to do arithmetic ("Friday 28 February 2025 at 12:59 GMT"). An unknown zone or locale
 * falls back to UTC or English rather than failing a page.
 */
export function formatDeadlineFor(deadlineAt: Date, viewerTimeZone: string, locale = 'en'): string {
  const zone = isValidTimeZone(viewerTimeZone) ? viewerTimeZone : 'UTC';
  const safeLocale = isSupportedLocale(locale) ? locale : 'en';
  return formatInstant(deadlineAt, safeLocale, zone, { zoneName: true });
}

const supportedLocales = new Map<string, boolean>();
function isSupportedLocale(locale: string): boolean {
  let supported = supportedLocales.get(locale);
  if (supported === undefined) {
    try {
      supported = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
    } catch {
      supported = false;
    }
    if (supportedLocales.size < 1000) supportedLocales.set(locale, supported);
  }
  return supported;
}

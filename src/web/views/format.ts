/**
 * Dates for people: calendar dates (`YYYY-MM-DD`) and instants shown in a named IANA zone, in the
 * reader's language. Pure formatting; no clock.
 */
export const formatCalendarDate = (isoDate: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

export const formatInstant = (at: string | Date, locale: string, timeZone: string): string =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(at));

/** `Australia/Sydney` → `Australia/Sydney`, `America/Argentina/Buenos_Aires` → `America/Argentina/Buenos Aires`. */
export const formatTimeZone = (timeZone: string): string => timeZone.replaceAll('_', ' ');

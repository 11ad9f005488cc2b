import { useShell } from './shell-context';

/** Dates for people are formatted by the core (src/core/time/date-format.ts); zone names here. */
export { formatCalendarDate, formatInstant } from '../../core/time/date-format';

/** `Australia/Sydney` → `Australia/Sydney`, `America/Argentina/Buenos_Aires` → `America/Argentina/Buenos Aires`. */
export const formatTimeZone = (timeZone: string): string => timeZone.replaceAll('_', ' ');

/**
 * How coordinators' pages show an instant: always with its zone named, in the zone the reader
 * chose in their profile or else the page's own (a round's program zone, or UTC where no round is
 * in view), so "01:44 PM" is never left to be guessed. `short` for tables ("Feb 3, 2026, 01:44 PM
 * GMT+11"), `long` for sentences ("Tuesday, February 3, 2026 at 01:44 PM GMT+11"), `time` for
 * the hour of a day already named ("01:44 PM GMT+11").
 */
export type TimeStyle = 'short' | 'long' | 'time';

const TIME_PARTS: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  long: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  },
  time: { hour: '2-digit', minute: '2-digit' },
};

// Building a formatter costs far more than using one; the keys are bounded by locales × zones × 3.
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

export const formatTimeIn = (
  at: Date | string,
  locale: string,
  timeZone: string,
  style: TimeStyle = 'short',
): string => {
  const key = `${locale}|${timeZone}|${style}`;
  let format = timeFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...TIME_PARTS[style], timeZone, timeZoneName: 'short' });
    if (timeFormatters.size < 2000) timeFormatters.set(key, format);
  }
  return format.format(new Date(at));
};

/** The zone a page shows times in: the reader's own choice, else the page's. */
export const displayTimeZone = (ownTimeZone: string | null | undefined, pageTimeZone: string): string =>
  ownTimeZone || pageTimeZone;

/** For views: the page's times in the reader's zone (or `pageTimeZone`), named. */
export const useTimes = (pageTimeZone: string) => {
  const { locale, timeZone } = useShell();
  const zone = displayTimeZone(timeZone, pageTimeZone);
  return {
    timeZone: zone,
    isOwnZone: !!timeZone,
    format: (at: Date | string, style?: TimeStyle) => formatTimeIn(at, locale, zone, style),
  };
};

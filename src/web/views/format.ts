/** Dates for people are formatted by the core (src/core/time/date-format.ts); zone names here. */
export { formatCalendarDate, formatInstant } from '../../core/time/date-format';

/** `Australia/Sydney` → `Australia/Sydney`, `America/Argentina/Buenos_Aires` → `America/Argentina/Buenos Aires`. */
export const formatTimeZone = (timeZone: string): string => timeZone.replaceAll('_', ' ');

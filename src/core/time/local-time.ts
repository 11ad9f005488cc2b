import { DateTime } from 'luxon';
import { z } from 'zod';

/** A calendar date without a zone, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time without a zone, `HH:MM` (24-hour; `24:00` only as the end of a window). */
export type LocalTime = string;

const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isLocalDate = (value: unknown): value is LocalDate =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  DateTime.fromISO(value, { zone: 'utc' }).isValid;

export const isLocalTime = (value: unknown): value is LocalTime =>
  typeof value === 'string' && LOCAL_TIME_PATTERN.test(value);

/** Minutes since midnight; `24:00` is accepted and gives 1440 so a window can end at midnight. */
export function parseLocalTimeMinutes(value: LocalTime): number {
  if (value === '24:00') return 24 * 60;
  const match = LOCAL_TIME_PATTERN.exec(value);
  if (!match) throw new RangeError(`"${value}" is not a time of day in the form HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export const LocalDateSchema = z
  .string({ error: 'date.missing' })
  .trim()
  .refine(isLocalDate, { error: 'date.invalid' });

export const LocalTimeSchema = z
  .string({ error: 'time.missing' })
  .trim()
  .refine(isLocalTime, { error: 'time.invalid' });

import { DateTime } from 'luxon';
import { invalidInput } from '../errors';
import { isLocalDate, type LocalDate } from '../time/local-time';
import { resolveStartOfDayAt } from './deadlines';
import type { Round } from './round';

/** Rounds have lasted four months since 2014. */
export const DEFAULT_ROUND_LENGTH_MONTHS = 4;

/**
 * The default end date: four calendar months after the start (1 March → 1 July). A start on the
 * 31st ends on the last day of the shorter month (31 October → 28 or 29 February).
 */
export function computeDefaultRoundDates(startsOn: LocalDate): { startsOn: LocalDate; endsOn: LocalDate } {
  if (!isLocalDate(startsOn)) {
    throw invalidInput([{ field: 'startsOn', code: 'date.invalid' }], { value: startsOn });
  }
  const endsOn = DateTime.fromISO(startsOn, { zone: 'utc' })
    .plus({ months: DEFAULT_ROUND_LENGTH_MONTHS })
    .toISODate()!;
  return { startsOn, endsOn };
}

/** The round begins at 00:00 on its first day in the program's zone. */
export const computeRoundStartsAt = (round: Pick<Round, 'startsOn' | 'programTimeZone'>): Date =>
  resolveStartOfDayAt(round.startsOn, round.programTimeZone);

/** The round ends when its last day ends in the program's zone (00:00 the day after). */
export function computeRoundEndsAt(round: Pick<Round, 'endsOn' | 'programTimeZone'>): Date {
  const dayAfter = DateTime.fromISO(round.endsOn, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
  return resolveStartOfDayAt(dayAfter, round.programTimeZone);
}

import { DateTime } from 'luxon';
import { resolveDeadlineAt, resolveStartOfDayAt } from '../rounds/deadlines';
import type { Round } from '../rounds/round';
import { computeRoundEndsAt, computeRoundStartsAt } from '../rounds/round-dates';
import type { LocalDate } from '../time/local-time';

/**
 * A round's fortnights, the moments check-ins belong to: fortnight 1 begins at 00:00 on the
 * round's first day in the program's zone, fortnight k on day 14·(k−1), and the last one ends with
 * the round. Days are counted on the calendar of the program's zone, so a fortnight across a
 * daylight-saving change is 14 calendar days (13 days and 23 or 25 hours).
 *
 * Topics go out on the same rhythm (one every 14 days from the first day), so a topic email's
 * check-in links are for the fortnight its moment falls in: `fortnightAt(round, topic.dueAt)`.
 */
export const FORTNIGHT_DAYS = 14;

/** When the check-in email of a fortnight without a topic goes out, on the fortnight's first day. */
export const CHECK_IN_PROMPT_TIME = '09:00';

type RoundDates = Pick<Round, 'startsOn' | 'endsOn' | 'programTimeZone'>;

const plusDays = (date: LocalDate, days: number): LocalDate =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;

const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days,
  );

/** How many fortnights the round has (the last may be shorter). */
export const countFortnights = (round: RoundDates): number => {
  const days = daysBetween(round.startsOn, round.endsOn) + 1;
  return days <= 0 ? 0 : Math.ceil(days / FORTNIGHT_DAYS);
};

export const isFortnightOf = (round: RoundDates, fortnight: number): boolean =>
  Number.isInteger(fortnight) && fortnight >= 1 && fortnight <= countFortnights(round);

/** The first day of fortnight `k` (program's zone). */
export const fortnightFirstDay = (round: RoundDates, fortnight: number): LocalDate =>
  plusDays(round.startsOn, (fortnight - 1) * FORTNIGHT_DAYS);

/** The instant fortnight `k` begins. */
export const fortnightStartsAt = (round: RoundDates, fortnight: number): Date =>
  resolveStartOfDayAt(fortnightFirstDay(round, fortnight), round.programTimeZone);

/** The instant fortnight `k` ends: the next one's start, or the round's end for the last. */
export const fortnightEndsAt = (round: RoundDates, fortnight: number): Date =>
  fortnight >= countFortnights(round) ? computeRoundEndsAt(round) : fortnightStartsAt(round, fortnight + 1);

/** The fortnight `at` falls in, or undefined before the round starts and once it has ended. */
export const fortnightAt = (round: RoundDates, at: Date): number | undefined => {
  if (at.getTime() < computeRoundStartsAt(round).getTime()) return undefined;
  if (at.getTime() >= computeRoundEndsAt(round).getTime()) return undefined;
  const today = DateTime.fromJSDate(at, { zone: round.programTimeZone }).toISODate()!;
  return Math.floor(daysBetween(round.startsOn, today) / FORTNIGHT_DAYS) + 1;
};

/** The fortnight a calendar day of the round (program's zone) falls in, or undefined outside it. */
export const fortnightOfDay = (round: RoundDates, day: LocalDate): number | undefined => {
  if (day < round.startsOn || day > round.endsOn) return undefined;
  return Math.floor(daysBetween(round.startsOn, day) / FORTNIGHT_DAYS) + 1;
};

/**
 * A check-in link for fortnight `k` works through the fortnight after it (people read email
 * late), and never past the round's end.
 */
export const checkInLinkExpiresAt = (round: RoundDates, fortnight: number): Date => {
  const roundEndsAt = computeRoundEndsAt(round);
  if (fortnight + 2 > countFortnights(round)) return roundEndsAt;
  const later = fortnightStartsAt(round, fortnight + 2);
  return later.getTime() < roundEndsAt.getTime() ? later : roundEndsAt;
};

/** The moment of the standalone check-in email of fortnight `k`: its first day at 09:00. */
export const checkInPromptAt = (round: RoundDates, fortnight: number): Date =>
  resolveDeadlineAt(fortnightFirstDay(round, fortnight), CHECK_IN_PROMPT_TIME, round.programTimeZone);

/**
 * Which fortnight's standalone "did you connect?" email is due at `now`, if any. It is due from
 * its moment until the fortnight ends (after downtime it catches up, but never asks about a
 * fortnight that is over), while the round is under way, from the second fortnight on (the first
 * began with the introductions), and only for a fortnight with no topic: a topic's email carries
 * the same check-in links. Who still needs it is the database's part.
 */
export const findDueCheckInPrompt = (
  round: RoundDates & Pick<Round, 'status'>,
  now: Date,
  fortnightsWithTopics: ReadonlySet<number>,
): number | undefined => {
  if (round.status !== 'under-way') return undefined;
  const fortnight = fortnightAt(round, now);
  if (fortnight === undefined || fortnight < 2) return undefined;
  if (now.getTime() < checkInPromptAt(round, fortnight).getTime()) return undefined;
  return fortnightsWithTopics.has(fortnight) ? undefined : fortnight;
};

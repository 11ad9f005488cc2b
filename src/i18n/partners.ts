import type { TFunction } from 'i18next';
import type { UnmatchedReason } from '../core/matchmaking';
import { formatCalendarDate } from '../core/time/date-format';
import { labelFor, languageName } from './labels';

/**
 * How partners are described to each other, in the reader's language: the email introducing them
 * and the participants' area say the same things the same way. Core gives ids, minutes and
 * instants; the words are here.
 */

/** 570 → "9 hours 30 minutes"; the sign is dropped. */
export const formatDuration = (t: TFunction, minutes: number): string => {
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (hours > 0 || rest === 0) parts.push(t('participant:duration.hours', { count: hours }));
  if (rest > 0) parts.push(t('participant:duration.minutes', { count: rest }));
  return parts.join(' ');
};

const DATE_PARTS = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export const localDateOf = (at: string, timeZone: string): string => {
  let format = DATE_PARTS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    if (DATE_PARTS.size < 1000) DATE_PARTS.set(timeZone, format);
  }
  return format.format(new Date(at));
};

/**
 * "Their clock is 9 hours ahead of yours." and, for each daylight-saving change in the round,
 * "From 30 March 2025: 10 hours ahead of yours." (dates as the reader's calendar shows them).
 */
export const describeClockDifference = (
  t: TFunction,
  locale: string,
  ownTimeZone: string,
  periods: readonly { fromAt: string; minutes: number }[],
): string[] =>
  periods.map((period, index) => {
    const difference =
      period.minutes === 0
        ? t('participant:time.same')
        : t(period.minutes > 0 ? 'participant:time.ahead' : 'participant:time.behind', {
            duration: formatDuration(t, period.minutes),
          });
    return index === 0
      ? t('participant:time.first', { difference })
      : t('participant:time.from', {
          date: formatCalendarDate(localDateOf(period.fromAt, ownTimeZone), locale),
          difference,
        });
  });

/** Interest labels, in the given order. */
export const interestLabels = (t: TFunction, ids: readonly string[]): string[] =>
  ids.map((id) => labelFor(t, 'interest', id));

export const languageLabels = (locale: string, codes: readonly string[]): string[] =>
  codes.map((code) => languageName(code, locale));

/** "You both chose: …" or that nothing was shared. */
export const describeSharedInterests = (t: TFunction, ids: readonly string[]): string =>
  ids.length === 0
    ? t('participant:partner.noSharedInterests')
    : t('participant:partner.sharedInterests', { list: interestLabels(t, ids).join(', ') });

/** How the two prefer to talk, with the weekly time both said they can call. */
export const describeCallTimes = (
  t: TFunction,
  callMode: 'both-calls' | 'one-email-only' | 'both-email-only',
  guaranteedWeeklyMinutes: number,
): string =>
  callMode === 'both-calls'
    ? guaranteedWeeklyMinutes > 0
      ? t('participant:partner.callOverlap', { duration: formatDuration(t, guaranteedWeeklyMinutes) })
      : t('participant:partner.noCallOverlap')
    : t(callMode === 'both-email-only' ? 'participant:partner.bothEmail' : 'participant:partner.oneEmail');

/** Why a match run left someone without a partner, with the counts that make it concrete. */
export const describeUnmatched = (t: TFunction, reason: UnmatchedReason): string =>
  t(`matching:unmatched.${reason.code}`, { ...reason.params });

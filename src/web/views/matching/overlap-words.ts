import type { DayOfWeek, LocalSpan, SharedWindow, WeeklyOverlap } from '../../../core/time';
import { DAYS_OF_WEEK } from '../../../core/time';
import { formatDuration, formatOffset, listOf, placeOf, type Words, weekdayName } from './matching-words';

/**
 * A pair's call overlap in words: the guaranteed weekly time first, then the shared windows in
 * both people's local times, grouped so that the same hours on several days read as one line
 * ("Tue and Thu 07:00–08:30 in Sydney = Mon and Wed 21:00–22:30 in Berlin"). When daylight
 * saving moves the windows during the round, each period is listed from the day it starts, with
 * both UTC offsets, so nobody is surprised when the clocks change.
 */
export interface WindowGroup {
  /** Days of the first and the second person, in step (the same stretch each day). */
  days: [DayOfWeek[], DayOfWeek[]];
  spans: [LocalSpan, LocalSpan];
  minutes: number;
}

const dayIndex = (day: DayOfWeek) => DAYS_OF_WEEK.indexOf(day);
const crossesMidnight = (span: LocalSpan) => span.startDay !== span.endDay;

/** Windows with the same hours on both sides and the same day shift between them, grouped. */
export const groupSharedWindows = (windows: readonly SharedWindow[]): WindowGroup[] => {
  const groups = new Map<string, WindowGroup>();
  for (const window of windows) {
    const [a, b] = window.local;
    const shift = (dayIndex(b.startDay) - dayIndex(a.startDay) + 7) % 7;
    const key = [
      a.startTime,
      a.endTime,
      crossesMidnight(a),
      b.startTime,
      b.endTime,
      crossesMidnight(b),
      shift,
    ].join('|');
    const group = groups.get(key);
    if (group) {
      group.days[0].push(a.startDay);
      group.days[1].push(b.startDay);
    } else {
      groups.set(key, { days: [[a.startDay], [b.startDay]], spans: [a, b], minutes: window.minutes });
    }
  }
  return [...groups.values()];
};

const describeSide = (words: Words, days: DayOfWeek[], span: LocalSpan, timeZone: string): string =>
  words.t(crossesMidnight(span) ? 'matching:explain.windowSideNextDay' : 'matching:explain.windowSide', {
    days: listOf(
      words.locale,
      days.map((day) => weekdayName(words.locale, day)),
    ),
    start: span.startTime,
    end: span.endTime,
    place: placeOf(timeZone),
  });

export const describeWindowGroup = (
  words: Words,
  group: WindowGroup,
  timeZones: readonly [string, string],
): string =>
  words.t('matching:explain.window', {
    first: describeSide(words, group.days[0], group.spans[0], timeZones[0]),
    second: describeSide(words, group.days[1], group.spans[1], timeZones[1]),
  });

const sameWindows = (overlap: WeeklyOverlap): boolean => {
  const shapes = overlap.periods.map((period) => JSON.stringify(period.sharedWindows.map((w) => w.local)));
  return shapes.every((shape) => shape === shapes[0]);
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatDay = (locale: string, timeZone: string, at: string): string => {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone });
    if (dateFormats.size < 1000) dateFormats.set(key, format);
  }
  return format.format(new Date(at));
};

export interface OverlapWords {
  /** "Calls: at least 3 h a week in common." (or email, or none in common) */
  summary: string;
  /** Shared windows, one line per group (when the windows do not change during the round). */
  windows: string[];
  /** When daylight saving moves the windows: one entry per period, from its first day. */
  periods: { heading: string; windows: string[] }[];
}

export const describeOverlap = (
  words: Words,
  overlap: WeeklyOverlap,
  timeZones: readonly [string, string],
  programTimeZone: string,
): OverlapWords => {
  const { t, locale } = words;
  if (overlap.callMode !== 'both-calls') {
    return { summary: t(`matching:callMode.${overlap.callMode}`), windows: [], periods: [] };
  }
  const duration = formatDuration(t, overlap.guaranteedWeeklyMinutes);
  const lines = (windows: readonly SharedWindow[]) =>
    groupSharedWindows(windows).map((group) => describeWindowGroup(words, group, timeZones));
  if (overlap.guaranteedWeeklyMinutes === 0 && overlap.periods.every((p) => p.weeklyMinutes === 0)) {
    return { summary: t('matching:explain.noCallTime'), windows: [], periods: [] };
  }
  const zoneAt = (index: 0 | 1, offsetMinutes: number) =>
    `${placeOf(timeZones[index])} ${formatOffset(t, offsetMinutes)}`;
  if (overlap.periods.length <= 1 || sameWindows(overlap)) {
    const offsets = overlap.periods[0]?.offsetMinutes ?? [0, 0];
    return {
      summary: t('matching:explain.callTime', {
        duration,
        first: zoneAt(0, offsets[0]),
        second: zoneAt(1, offsets[1]),
      }),
      windows: lines(overlap.periods[0]?.sharedWindows ?? []),
      periods: [],
    };
  }
  return {
    summary: t('matching:explain.callTimeChanges', { duration }),
    windows: [],
    periods: overlap.periods.map((period) => ({
      heading: t('matching:explain.period', {
        from: formatDay(locale, programTimeZone, period.fromAt),
        duration: formatDuration(t, period.weeklyMinutes),
        first: zoneAt(0, period.offsetMinutes[0]),
        second: zoneAt(1, period.offsetMinutes[1]),
      }),
      windows: lines(period.sharedWindows),
    })),
  };
};

/**
 * Weekly availability for calls, as wall-clock windows in the person's own IANA zone, and the
 * overlap of two people's availability over real dates.
 *
 * Windows are laid onto the actual calendar with Luxon, so a week that contains a daylight-saving
 * change (in either zone) gives the true overlap, not a fixed-offset approximation. Each window
 * becomes one UTC interval per matching local date; a person's intervals are merged, and two
 * sorted interval lists are intersected in linear time: O((a + b) · days) overall.
 */
import { DateTime } from 'luxon';
import { type LocalTime, parseLocalTimeMinutes } from './local-time';

export const DAYS_OF_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

export interface AvailabilityWindow {
  day: DayOfWeek;
  /** Local start, `HH:MM`. */
  startTime: LocalTime;
  /** Local end, `HH:MM` or `24:00`; after `startTime` (split a window that crosses midnight). */
  endTime: LocalTime;
}

export interface WeeklyAvailability {
  timeZone: string;
  /** Empty means no calls (email only). */
  windows: readonly AvailabilityWindow[];
}

/** A half-open UTC interval in epoch milliseconds. */
export interface Interval {
  startMs: number;
  endMs: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * The UTC intervals of `availability` that fall within [fromAt, toAt), merged and sorted.
 * Local times that do not exist (the hour skipped when clocks go forward) move forward, as Luxon
 * does; a window shortened to nothing by such a change is dropped.
 */
export function listAvailabilityIntervals(
  availability: WeeklyAvailability,
  fromAt: Date,
  toAt: Date,
): Interval[] {
  const fromMs = fromAt.getTime();
  const toMs = toAt.getTime();
  if (!(toMs > fromMs) || availability.windows.length === 0) return [];
  const zone = availability.timeZone;
  // One day of slack each side: a local date can begin up to ~14 hours before or after a UTC date.
  const firstDay = DateTime.fromMillis(fromMs - DAY_MS, { zone }).startOf('day');
  const lastDay = DateTime.fromMillis(toMs + DAY_MS, { zone }).startOf('day');
  const intervals: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day = day.plus({ days: 1 })) {
    const dayId = DAYS_OF_WEEK[day.weekday - 1];
    for (const window of availability.windows) {
      if (window.day !== dayId) continue;
      const startMs = atLocalMinutes(day, parseLocalTimeMinutes(window.startTime));
      const endMs = atLocalMinutes(day, parseLocalTimeMinutes(window.endTime));
      const clippedStart = Math.max(startMs, fromMs);
      const clippedEnd = Math.min(endMs, toMs);
      if (clippedEnd > clippedStart) intervals.push({ startMs: clippedStart, endMs: clippedEnd });
    }
  }
  return mergeIntervals(intervals);
}

function atLocalMinutes(day: DateTime, minutes: number): number {
  if (minutes >= 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((x, y) => x.startMs - y.startMs);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Minutes in [fromAt, toAt) when both people are available. */
export function overlapMinutesBetween(
  a: WeeklyAvailability,
  b: WeeklyAvailability,
  fromAt: Date,
  toAt: Date,
): number {
  const left = listAvailabilityIntervals(a, fromAt, toAt);
  const right = listAvailabilityIntervals(b, fromAt, toAt);
  let i = 0;
  let j = 0;
  let totalMs = 0;
  while (i < left.length && j < right.length) {
    const x = left[i]!;
    const y = right[j]!;
    const start = Math.max(x.startMs, y.startMs);
    const end = Math.min(x.endMs, y.endMs);
    if (end > start) totalMs += end - start;
    if (x.endMs < y.endMs) i++;
    else j++;
  }
  return Math.round(totalMs / MINUTE_MS);
}

/** Minutes of shared availability in the real week [weekStartAt, weekStartAt + 7 days). */
export function overlapMinutesPerWeek(
  a: WeeklyAvailability,
  b: WeeklyAvailability,
  weekStartAt: Date,
): number {
  return overlapMinutesBetween(a, b, weekStartAt, new Date(weekStartAt.getTime() + 7 * DAY_MS));
}

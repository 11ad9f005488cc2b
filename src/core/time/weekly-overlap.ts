/**
 * Weekly call overlap of two people over a round's real dates, across daylight-saving changes.
 *
 * Model: each person's weekly windows (wall-clock, own IANA zone) are laid onto one "UTC week"
 * (minute 0 = Monday 00:00 UTC, WEEK_MINUTES long, wrapping) under a fixed UTC offset. A person
 * has one such layout per *regime*: a stretch of the round during which their zone's offset does
 * not change (a zone with no daylight saving has one regime; a zone that changes once during the
 * round has two). For a pair, the round splits into *periods* at every change of either zone; in
 * each period both offsets are fixed and the weekly overlap is the intersection of the two
 * layouts. The guaranteed weekly overlap is the minimum over the periods.
 *
 * Costs: building a profile is O(w log w) per regime for w windows; the overlap of two layouts is
 * a linear merge, O(a + b); a pair has at most (regimes of a + regimes of b − 1) periods. The
 * pair scorer (scoring/fit-scorer.ts) runs the same merge on flattened copies of these arrays.
 *
 * The week that contains a change mixes the two regimes day by day; its overlap is not reported
 * separately (each period is described by a full week under its offsets).
 */
import { parseLocalTimeMinutes } from './local-time';
import { describeZoneOverSpan, type RoundSpan, type ZoneOverSpan } from './round-calendar';
import { DAYS_OF_WEEK, type WeeklyAvailability } from './weekly-availability';

export const WEEK_MINUTES = 7 * 24 * 60;
const DAY_MINUTES = 24 * 60;

export interface AvailabilityRegime {
  /** First instant of the regime (the round's start for the first regime). */
  fromMs: number;
  /** The zone's UTC offset during the regime, in minutes east of UTC. */
  offsetMinutes: number;
  /**
   * The person's windows as half-open UTC-week intervals [starts[k], ends[k]) in minutes,
   * sorted, merged (no two touch or overlap), within [0, WEEK_MINUTES].
   */
  starts: Int32Array;
  ends: Int32Array;
}

export interface AvailabilityProfile {
  /** False for email only (no windows). */
  wantsCalls: boolean;
  /** At least one; `regimes[r].fromMs` strictly increasing. */
  regimes: AvailabilityRegime[];
}

/** Lays `availability` out per regime of its zone over `span`. */
export function buildAvailabilityProfile(
  availability: WeeklyAvailability,
  span: RoundSpan,
  zone: ZoneOverSpan = describeZoneOverSpan(availability.timeZone, span),
): AvailabilityProfile {
  const week = localWeek(availability.windows);
  const { changes } = zone;
  const regimes: AvailabilityRegime[] = [
    { fromMs: span.startMs, offsetMinutes: zone.offsetAtStart, ...layOutWeek(week, zone.offsetAtStart) },
  ];
  for (const change of changes) {
    regimes.push({
      fromMs: change.atMs,
      offsetMinutes: change.offsetAfter,
      ...layOutWeek(week, change.offsetAfter),
    });
  }
  return { wantsCalls: availability.windows.length > 0, regimes };
}

/**
 * The windows as local-week minutes [start, start + length) (start = day · 1440 + time), parsed
 * once for every regime. Windows with an unknown day or that do not end after they start are left
 * out (they give no time).
 */
function localWeek(windows: WeeklyAvailability['windows']): Int32Array {
  const week = new Int32Array(2 * windows.length);
  let k = 0;
  for (const window of windows) {
    const day = DAYS_OF_WEEK.indexOf(window.day);
    const from = minutesOf(window.startTime);
    const to = minutesOf(window.endTime);
    if (day < 0 || !(to > from)) continue;
    week[k++] = day * DAY_MINUTES + from;
    week[k++] = to - from;
  }
  return week.subarray(0, k);
}

/**
 * parseLocalTimeMinutes, remembered: a round's windows use a few dozen distinct times, parsed once
 * (only valid times are kept, so the map holds at most the 1,441 of a day).
 */
const parsedTimes = new Map<string, number>();
function minutesOf(time: string): number {
  let minutes = parsedTimes.get(time);
  if (minutes === undefined) {
    minutes = parseLocalTimeMinutes(time);
    parsedTimes.set(time, minutes);
  }
  return minutes;
}

/**
 * The local week under a fixed offset as UTC-week intervals, sorted (by start, then end) and
 * merged where they touch or overlap; a window running over the week's end is split in two.
 * Insertion sort: a person has a handful of windows.
 */
function layOutWeek(week: Int32Array, offsetMinutes: number) {
  const starts = new Int32Array(week.length);
  const ends = new Int32Array(week.length);
  let count = 0;
  for (let k = 0; k < week.length; k += 2) {
    const start = mod(week[k]! - offsetMinutes, WEEK_MINUTES);
    const end = start + week[k + 1]!;
    if (end <= WEEK_MINUTES) count = insertInterval(starts, ends, count, start, end);
    else {
      count = insertInterval(starts, ends, count, start, WEEK_MINUTES);
      count = insertInterval(starts, ends, count, 0, end - WEEK_MINUTES);
    }
  }
  let merged = 0;
  for (let k = 0; k < count; k++) {
    if (merged > 0 && starts[k]! <= ends[merged - 1]!) {
      ends[merged - 1] = Math.max(ends[merged - 1]!, ends[k]!);
    } else {
      starts[merged] = starts[k]!;
      ends[merged++] = ends[k]!;
    }
  }
  return { starts: starts.slice(0, merged), ends: ends.slice(0, merged) };
}

/** Inserts [start, end) into the first `count` intervals, kept sorted by start, then end; returns the new count. */
function insertInterval(
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  start: number,
  end: number,
): number {
  let at = count;
  while (at > 0 && (starts[at - 1]! > start || (starts[at - 1] === start && ends[at - 1]! > end))) {
    starts[at] = starts[at - 1]!;
    ends[at] = ends[at - 1]!;
    at--;
  }
  starts[at] = start;
  ends[at] = end;
  return count + 1;
}

const mod = (x: number, m: number) => ((x % m) + m) % m;

/** Minutes per week both layouts share: a linear merge. */
export function overlapMinutesOfRegimes(a: AvailabilityRegime, b: AvailabilityRegime): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const start = Math.max(a.starts[i]!, b.starts[j]!);
    const end = Math.min(a.ends[i]!, b.ends[j]!);
    if (end > start) total += end - start;
    if (a.ends[i]! < b.ends[j]!) i++;
    else j++;
  }
  return total;
}

/**
 * Calls `visit(ra, rb, fromMs, toMs)` for each period of the pair within [span.startMs, span.endMs):
 * the round split at every regime change of either person, in time order.
 */
export function forEachOverlapPeriod(
  a: AvailabilityProfile,
  b: AvailabilityProfile,
  endMs: number,
  visit: (ra: AvailabilityRegime, rb: AvailabilityRegime, fromMs: number, toMs: number) => void,
): void {
  let i = 0;
  let j = 0;
  let fromMs = Math.max(a.regimes[0]!.fromMs, b.regimes[0]!.fromMs);
  for (;;) {
    const nextA = i + 1 < a.regimes.length ? a.regimes[i + 1]!.fromMs : endMs;
    const nextB = j + 1 < b.regimes.length ? b.regimes[j + 1]!.fromMs : endMs;
    const toMs = Math.min(nextA, nextB, endMs);
    visit(a.regimes[i]!, b.regimes[j]!, fromMs, toMs);
    if (toMs >= endMs) return;
    if (nextA === toMs) i++;
    if (nextB === toMs) j++;
    fromMs = toMs;
  }
}

/** The least weekly overlap over every period of the round, in minutes (0 when either is email only). */
export function guaranteedWeeklyOverlapMinutes(a: AvailabilityProfile, b: AvailabilityProfile): number {
  if (!a.wantsCalls || !b.wantsCalls) return 0;
  let least = Number.POSITIVE_INFINITY;
  forEachOverlapPeriod(a, b, Number.POSITIVE_INFINITY, (ra, rb) => {
    least = Math.min(least, overlapMinutesOfRegimes(ra, rb));
  });
  return least;
}

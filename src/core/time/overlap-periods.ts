/**
 * What an explanation shows about a pair's call times: for each period of the round (split at
 * every daylight-saving change of either zone), the weekly overlap in minutes and the shared
 * windows in both people's local times — plain data for the web layer to word. Same model as
 * weekly-overlap.ts, so the numbers equal what scoring and the rules use.
 */

import type { LocalTime } from './local-time';
import { type RoundCalendar, type RoundSpan, roundSpanOf } from './round-calendar';
import { DAYS_OF_WEEK, type DayOfWeek, type WeeklyAvailability } from './weekly-availability';
import type { AvailabilityProfile, AvailabilityRegime } from './weekly-overlap';
import { buildAvailabilityProfile, forEachOverlapPeriod, WEEK_MINUTES } from './weekly-overlap';

/** A stretch of local wall-clock time; ends at `24:00` of `endDay` rather than `00:00` of the next day. */
export interface LocalSpan {
  startDay: DayOfWeek;
  startTime: LocalTime;
  endDay: DayOfWeek;
  endTime: LocalTime;
}

export interface SharedWindow {
  minutes: number;
  /** The same stretch as the first person and as the second person read it. */
  local: [LocalSpan, LocalSpan];
}

export interface OverlapPeriod {
  /** ISO instants (UTC), half-open. */
  fromAt: string;
  toAt: string;
  /** Each person's UTC offset during the period, minutes east of UTC. */
  offsetMinutes: [number, number];
  weeklyMinutes: number;
  sharedWindows: SharedWindow[];
}

/** Whether calls are asked for: the overlap rule only applies to `both-calls`. */
export type CallMode = 'both-calls' | 'one-email-only' | 'both-email-only';

export interface WeeklyOverlap {
  callMode: CallMode;
  /** Empty unless both want calls. */
  periods: OverlapPeriod[];
  /** min over `periods` of weeklyMinutes; 0 unless both want calls. */
  guaranteedWeeklyMinutes: number;
}

/** The overlap of two people's weekly windows over a round's real dates. */
export function describeWeeklyOverlap(
  a: WeeklyAvailability,
  b: WeeklyAvailability,
  calendar: RoundCalendar,
): WeeklyOverlap {
  const span = roundSpanOf(calendar);
  return describeProfileOverlap(buildAvailabilityProfile(a, span), buildAvailabilityProfile(b, span), span);
}

/** describeWeeklyOverlap for profiles already built over `span`. */
export function describeProfileOverlap(
  a: AvailabilityProfile,
  b: AvailabilityProfile,
  span: RoundSpan,
): WeeklyOverlap {
  const callMode: CallMode =
    a.wantsCalls && b.wantsCalls
      ? 'both-calls'
      : a.wantsCalls || b.wantsCalls
        ? 'one-email-only'
        : 'both-email-only';
  if (callMode !== 'both-calls') return { callMode, periods: [], guaranteedWeeklyMinutes: 0 };
  const periods: OverlapPeriod[] = [];
  let guaranteedWeeklyMinutes = Number.POSITIVE_INFINITY;
  forEachOverlapPeriod(a, b, span.endMs, (ra, rb, fromMs, toMs) => {
    const shared = intersect(ra, rb);
    let weeklyMinutes = 0;
    const sharedWindows: SharedWindow[] = [];
    for (let k = 0; k < shared.length; k += 2) {
      const s = shared[k]!;
      const e = shared[k + 1]!;
      weeklyMinutes += e - s;
      sharedWindows.push({
        minutes: e - s,
        local: [localSpan(s, e, ra.offsetMinutes), localSpan(s, e, rb.offsetMinutes)],
      });
    }
    if (weeklyMinutes < guaranteedWeeklyMinutes) guaranteedWeeklyMinutes = weeklyMinutes;
    periods.push({
      fromAt: isoOf(fromMs),
      toAt: isoOf(toMs),
      offsetMinutes: [ra.offsetMinutes, rb.offsetMinutes],
      weeklyMinutes,
      sharedWindows,
    });
  });
  return { callMode, periods, guaranteedWeeklyMinutes };
}

/**
 * ISO text of an instant. Periods start and end at a few instants (the round's ends and the zones'
 * changes), asked for again and again when every partnership of a run is explained.
 */
const isoTexts = new Map<number, string>();
function isoOf(ms: number): string {
  let text = isoTexts.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (isoTexts.size >= 10_000) isoTexts.clear();
    isoTexts.set(ms, text);
  }
  return text;
}

/**
 * Shared UTC-week intervals as [start, end, start, end, …]; a stretch running over the week's end
 * is joined into one [s, e) with e > WEEK_MINUTES.
 */
function intersect(a: AvailabilityRegime, b: AvailabilityRegime): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const start = Math.max(a.starts[i]!, b.starts[j]!);
    const end = Math.min(a.ends[i]!, b.ends[j]!);
    if (end > start) out.push(start, end);
    if (a.ends[i]! < b.ends[j]!) i++;
    else j++;
  }
  const last = out.length - 1;
  if (out.length > 2 && out[0] === 0 && out[last] === WEEK_MINUTES) {
    out[last] = WEEK_MINUTES + out[1]!;
    out.splice(0, 2);
  }
  return out;
}

function localSpan(utcStart: number, utcEnd: number, offsetMinutes: number): LocalSpan {
  const start = mod(utcStart + offsetMinutes, WEEK_MINUTES);
  const end = start + (utcEnd - utcStart);
  const [startDay, startTime] = wallClock(start, false);
  const [endDay, endTime] = wallClock(end, true);
  return { startDay, startTime, endDay, endTime };
}

function wallClock(weekMinute: number, isEnd: boolean): [DayOfWeek, LocalTime] {
  let minute = weekMinute;
  if (isEnd && minute % (24 * 60) === 0) minute -= 24 * 60;
  const m = mod(minute, WEEK_MINUTES);
  const day = DAYS_OF_WEEK[Math.floor(m / (24 * 60))]!;
  const inDay = isEnd && weekMinute % (24 * 60) === 0 ? 24 * 60 : m % (24 * 60);
  return [day, `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`];
}

const pad = (x: number) => String(x).padStart(2, '0');
const mod = (x: number, m: number) => ((x % m) + m) % m;

/**
 * A round's real dates as instants, and the daylight-saving changes of a zone between them.
 *
 * A round runs from 00:00 on its first day to 24:00 on its last day, both read in the program's
 * zone. Offset changes are found by sampling the zone's UTC offset once a week and bisecting each
 * week whose offset differs down to the minute: O(weeks + changes · log 10080) offset look-ups
 * (an offset look-up is an Intl call, microseconds). Zones change their offset at most a few
 * times a year and never change and change back within a week (tzdata since 1970), so weekly
 * sampling cannot step over a change.
 */
import type { LocalDate } from './local-time';

export interface RoundCalendar {
  /** First day of the round, in the program's zone. */
  startsOn: LocalDate;
  /** Last day of the round, in the program's zone. */
  endsOn: LocalDate;
  /** IANA zone the round's dates are read in. */
  programTimeZone: string;
}

/** The round as a half-open UTC interval [startMs, endMs) in epoch milliseconds. */
export interface RoundSpan {
  startMs: number;
  endMs: number;
}

export interface OffsetChange {
  /** The first instant with the new offset. */
  atMs: number;
  /** UTC offsets in minutes (east positive), before and from `atMs`. */
  offsetBefore: number;
  offsetAfter: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const SAMPLE_MS = 7 * DAY_MS;

/** Throws RangeError on an unknown zone, a date that does not exist, or a round that ends before it starts. */
export function roundSpanOf(calendar: RoundCalendar): RoundSpan {
  const zone = calendar.programTimeZone;
  const startMs = startOfLocalDay(calendar.startsOn, zone, 0);
  const endMs = startOfLocalDay(calendar.endsOn, zone, 1);
  if (endMs <= startMs) {
    throw new RangeError(
      `roundSpanOf: the round ends (${calendar.endsOn}) before it starts (${calendar.startsOn})`,
    );
  }
  return { startMs, endMs };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first instant of the local day `date` + `plusDays` in `zone`: the instant t with
 * t + offset(t) = that day's 00:00 read as UTC. Two fixed-point steps find it; when local
 * midnight does not exist (clocks jump over it), the day starts at the jump, as Luxon has it.
 */
function startOfLocalDay(date: LocalDate, zone: string, plusDays: number): number {
  const match = DATE.exec(date);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`roundSpanOf: "${date}" is not a date (YYYY-MM-DD)`);
  }
  const midnight = day + plusDays * DAY_MS;
  const first = midnight - offsetMinutesAt(zone, midnight) * MINUTE_MS;
  if (first + offsetMinutesAt(zone, first) * MINUTE_MS === midnight) return first;
  const second = midnight - offsetMinutesAt(zone, first) * MINUTE_MS;
  if (second + offsetMinutesAt(zone, second) * MINUTE_MS === midnight) return second;
  return Math.max(first, second);
}

/**
 * UTC offset of `timeZone` at `atMs`, in minutes east of UTC. One Intl call ("GMT+11:00" from a
 * kept formatter), about five times cheaper than Luxon's offset, which formats every field.
 */
export function offsetMinutesAt(timeZone: string, atMs: number): number {
  const text = formatterOf(timeZone).format(atMs);
  const match = OFFSET.exec(text);
  if (match === null) return 0; // "GMT": UTC itself
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

const OFFSET = /GMT([+-\u2212])(\d{1,2})(?::(\d{2}))?/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      throw new RangeError(`"${timeZone}" is not an IANA time zone`);
    }
    if (formatters.size < 5000) formatters.set(timeZone, format);
  }
  return format;
}

/** A zone over a span: its offset at the start and every change inside. */
export interface ZoneOverSpan {
  offsetAtStart: number;
  changes: OffsetChange[];
}

const zoneSpans = new Map<string, ZoneOverSpan>();

/** listOffsetChanges and the starting offset, remembered per (zone, span): a round asks for each zone many times. */
export function describeZoneOverSpan(timeZone: string, span: RoundSpan): ZoneOverSpan {
  const key = `${timeZone}|${span.startMs}|${span.endMs}`;
  let found = zoneSpans.get(key);
  if (found === undefined) {
    const changes = listOffsetChanges(timeZone, span);
    found = {
      offsetAtStart: changes.length > 0 ? changes[0]!.offsetBefore : offsetMinutesAt(timeZone, span.startMs),
      changes,
    };
    if (zoneSpans.size >= 10_000) zoneSpans.clear();
    zoneSpans.set(key, found);
  }
  return found;
}

/** Offset changes of `timeZone` strictly inside (span.startMs, span.endMs), in time order. */
export function listOffsetChanges(timeZone: string, span: RoundSpan): OffsetChange[] {
  const zone = { offset: (atMs: number) => offsetMinutesAt(timeZone, atMs) };
  const changes: OffsetChange[] = [];
  let previousMs = span.startMs;
  let previousOffset = zone.offset(previousMs);
  while (previousMs < span.endMs) {
    const nextMs = Math.min(previousMs + SAMPLE_MS, span.endMs);
    const nextOffset = zone.offset(nextMs);
    if (nextOffset !== previousOffset) {
      // Invariant: offset(lo) === previousOffset, offset(hi) !== previousOffset.
      let lo = previousMs;
      let hi = nextMs;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.max(MINUTE_MS, Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS);
        if (zone.offset(mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      const offsetAfter = zone.offset(hi);
      if (hi < span.endMs) changes.push({ atMs: hi, offsetBefore: previousOffset, offsetAfter });
      previousMs = hi;
      previousOffset = offsetAfter;
    } else {
      previousMs = nextMs;
    }
  }
  return changes;
}

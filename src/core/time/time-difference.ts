/**
 * How far apart two people's clocks are over a round: the second zone's UTC offset minus the
 * first's, from the round's start and again from every daylight-saving change of either zone
 * inside it (changes that leave the difference as it was are dropped). Two people in London and
 * Sydney in a March round start 11 hours apart, 10 from the end of March and 9 from April.
 */
import { describeZoneOverSpan, type RoundCalendar, type RoundSpan, roundSpanOf } from './round-calendar';

export interface TimeDifferencePeriod {
  /** ISO-8601 instant (UTC) from which the difference holds; the first is the round's start. */
  fromAt: string;
  /** Minutes the second zone's clock is ahead of the first's (negative: behind). */
  minutes: number;
}

// Introducing a round's partners asks for the same round's span once per pair.
const spans = new Map<string, RoundSpan>();
const spanOf = (calendar: RoundCalendar): RoundSpan => {
  const key = `${calendar.startsOn}|${calendar.endsOn}|${calendar.programTimeZone}`;
  let span = spans.get(key);
  if (span === undefined) {
    span = roundSpanOf(calendar);
    if (spans.size >= 1000) spans.clear();
    spans.set(key, span);
  }
  return span;
};

export function describeTimeDifference(
  ownTimeZone: string,
  otherTimeZone: string,
  calendar: RoundCalendar,
): TimeDifferencePeriod[] {
  const span = spanOf(calendar);
  const own = describeZoneOverSpan(ownTimeZone, span);
  const other = describeZoneOverSpan(otherTimeZone, span);
  const changes = [
    ...own.changes.map((change) => ({ atMs: change.atMs, own: change.offsetAfter, other: undefined })),
    ...other.changes.map((change) => ({ atMs: change.atMs, own: undefined, other: change.offsetAfter })),
  ].sort((a, b) => a.atMs - b.atMs);
  let ownOffset = own.offsetAtStart;
  let otherOffset = other.offsetAtStart;
  const periods: TimeDifferencePeriod[] = [
    { fromAt: new Date(span.startMs).toISOString(), minutes: otherOffset - ownOffset },
  ];
  for (const change of changes) {
    ownOffset = change.own ?? ownOffset;
    otherOffset = change.other ?? otherOffset;
    const minutes = otherOffset - ownOffset;
    const last = periods[periods.length - 1]!;
    if (last.fromAt === new Date(change.atMs).toISOString()) last.minutes = minutes;
    else if (last.minutes !== minutes) periods.push({ fromAt: new Date(change.atMs).toISOString(), minutes });
  }
  // Two changes at the same instant may bring the difference back to what it was before.
  return periods.filter((period, i) => i === 0 || period.minutes !== periods[i - 1]!.minutes);
}

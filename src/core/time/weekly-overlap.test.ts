import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeWeeklyOverlap } from './overlap-periods';
import { listOffsetChanges, type RoundCalendar, roundSpanOf } from './round-calendar';
import {
  type AvailabilityWindow,
  DAYS_OF_WEEK,
  overlapMinutesPerWeek,
  type WeeklyAvailability,
} from './weekly-availability';
import {
  buildAvailabilityProfile,
  guaranteedWeeklyOverlapMinutes,
  overlapMinutesOfRegimes,
} from './weekly-overlap';

const w = (day: AvailabilityWindow['day'], startTime: string, endTime: string): AvailabilityWindow => ({
  day,
  startTime,
  endTime,
});
const person = (timeZone: string, ...windows: AvailabilityWindow[]): WeeklyAvailability => ({
  timeZone,
  windows,
});
const DAY_MS = 86_400_000;

/** A table of real zone pairs across daylight-saving changes, with hand-computed weekly overlaps. */
const DST_CASES: {
  name: string;
  calendar: RoundCalendar;
  a: WeeklyAvailability;
  b: WeeklyAvailability;
  periods: { fromAt: string; offsets: [number, number]; minutes: number }[];
  guaranteed: number;
}[] = [
  {
    // London moves on 30 March, Sydney on 6 April: the gap narrows from 11 h to 10 h to 9 h.
    name: 'Sydney–London, March to June',
    calendar: { startsOn: '2025-03-01', endsOn: '2025-06-30', programTimeZone: 'Australia/Sydney' },
    a: person('Australia/Sydney', w('tue', '07:00', '09:00'), w('thu', '07:00', '09:00')),
    b: person('Europe/London', w('mon', '20:00', '23:00'), w('wed', '20:00', '23:00')),
    periods: [
      { fromAt: '2025-02-28T13:00:00.000Z', offsets: [660, 0], minutes: 240 },
      { fromAt: '2025-03-30T01:00:00.000Z', offsets: [660, 60], minutes: 240 },
      { fromAt: '2025-04-05T16:00:00.000Z', offsets: [600, 60], minutes: 120 },
    ],
    guaranteed: 120,
  },
  {
    // Auckland starts summer time on 28 September, Chicago ends it on 2 November.
    name: 'Auckland–Chicago, September to December',
    calendar: { startsOn: '2025-09-01', endsOn: '2025-12-31', programTimeZone: 'Pacific/Auckland' },
    a: person('Pacific/Auckland', w('wed', '12:00', '14:00')),
    b: person('America/Chicago', w('tue', '18:00', '21:00')),
    periods: [
      { fromAt: '2025-08-31T12:00:00.000Z', offsets: [720, -300], minutes: 120 },
      { fromAt: '2025-09-27T14:00:00.000Z', offsets: [780, -300], minutes: 120 },
      { fromAt: '2025-11-02T07:00:00.000Z', offsets: [780, -360], minutes: 60 },
    ],
    guaranteed: 60,
  },
  {
    // Brazil has had no daylight saving since 2019; Berlin moves on 30 March.
    name: 'São Paulo–Berlin, March to June',
    calendar: { startsOn: '2025-03-01', endsOn: '2025-06-30', programTimeZone: 'Europe/Berlin' },
    a: person('America/Sao_Paulo', w('mon', '08:00', '10:00'), w('wed', '08:00', '10:00')),
    b: person('Europe/Berlin', w('mon', '13:00', '15:00'), w('wed', '13:00', '15:00')),
    periods: [
      { fromAt: '2025-02-28T23:00:00.000Z', offsets: [-180, 60], minutes: 120 },
      { fromAt: '2025-03-30T01:00:00.000Z', offsets: [-180, 120], minutes: 240 },
    ],
    guaranteed: 120,
  },
  {
    // New York starts summer time on 9 March, Santiago ends it on 6 April: 2 h, 1 h, then 0 h apart.
    name: 'Santiago–New York, March to June',
    calendar: { startsOn: '2025-03-01', endsOn: '2025-06-30', programTimeZone: 'America/New_York' },
    a: person('America/Santiago', w('tue', '18:00', '20:00')),
    b: person('America/New_York', w('tue', '17:00', '19:00')),
    periods: [
      { fromAt: '2025-03-01T05:00:00.000Z', offsets: [-180, -300], minutes: 60 },
      { fromAt: '2025-03-09T07:00:00.000Z', offsets: [-180, -240], minutes: 120 },
      { fromAt: '2025-04-06T03:00:00.000Z', offsets: [-240, -240], minutes: 60 },
    ],
    guaranteed: 60,
  },
  {
    // Between the US change (9 March) and the European one (30 March) New York is 4 h behind
    // London instead of 5 h: the shared lunch-time hour disappears for three weeks.
    name: 'New York–London, overlap gone between the US and EU changes',
    calendar: { startsOn: '2025-03-01', endsOn: '2025-06-30', programTimeZone: 'Europe/London' },
    a: person('America/New_York', w('tue', '08:00', '09:00')),
    b: person('Europe/London', w('tue', '13:00', '14:00')),
    periods: [
      { fromAt: '2025-03-01T00:00:00.000Z', offsets: [-300, 0], minutes: 60 },
      { fromAt: '2025-03-09T07:00:00.000Z', offsets: [-240, 0], minutes: 0 },
      { fromAt: '2025-03-30T01:00:00.000Z', offsets: [-240, 60], minutes: 60 },
    ],
    guaranteed: 0,
  },
];

describe('weekly overlap across daylight saving', () => {
  it.each(DST_CASES)('$name', ({ calendar, a, b, periods, guaranteed }) => {
    const overlap = describeWeeklyOverlap(a, b, calendar);
    expect(overlap.callMode).toBe('both-calls');
    expect(
      overlap.periods.map((p) => ({ fromAt: p.fromAt, offsets: p.offsetMinutes, minutes: p.weeklyMinutes })),
    ).toEqual(periods);
    expect(overlap.guaranteedWeeklyMinutes).toBe(guaranteed);
    expect(overlap.periods.at(-1)!.toAt).toBe(new Date(roundSpanOf(calendar).endMs).toISOString());
    const span = roundSpanOf(calendar);
    const fast = guaranteedWeeklyOverlapMinutes(
      buildAvailabilityProfile(a, span),
      buildAvailabilityProfile(b, span),
    );
    expect(fast).toBe(guaranteed);
    // The same weeks on the real calendar (weekly-availability.ts lays windows on dates with Luxon):
    // any whole week inside a period has that period's overlap.
    for (const period of overlap.periods) {
      const fromMs = Date.parse(period.fromAt) + DAY_MS;
      if (fromMs + 7 * DAY_MS > Date.parse(period.toAt)) continue;
      expect(overlapMinutesPerWeek(a, b, new Date(fromMs))).toBe(period.weeklyMinutes);
    }
  });

  it('finds no change in a zone without daylight saving and each change of one with it', () => {
    const span = roundSpanOf({ startsOn: '2025-01-01', endsOn: '2025-12-31', programTimeZone: 'UTC' });
    expect(listOffsetChanges('America/Sao_Paulo', span)).toEqual([]);
    expect(listOffsetChanges('Asia/Kolkata', span)).toEqual([]);
    expect(listOffsetChanges('Europe/Berlin', span)).toEqual([
      { atMs: Date.parse('2025-03-30T01:00:00Z'), offsetBefore: 60, offsetAfter: 120 },
      { atMs: Date.parse('2025-10-26T01:00:00Z'), offsetBefore: 120, offsetAfter: 60 },
    ]);
  });

  it('shows shared windows in both local times', () => {
    // January: Sydney UTC+11, Berlin UTC+1, so Sydney's Tuesday morning is Berlin's Monday evening.
    const overlap = describeWeeklyOverlap(
      person('Australia/Sydney', w('tue', '07:00', '08:30'), w('thu', '07:00', '08:30')),
      person('Europe/Berlin', w('mon', '20:00', '23:00'), w('wed', '20:00', '23:00')),
      { startsOn: '2026-01-05', endsOn: '2026-02-27', programTimeZone: 'Europe/Berlin' },
    );
    expect(overlap.periods).toHaveLength(1);
    expect(overlap.periods[0]!.sharedWindows).toEqual([
      {
        minutes: 90,
        local: [
          { startDay: 'tue', startTime: '07:00', endDay: 'tue', endTime: '08:30' },
          { startDay: 'mon', startTime: '21:00', endDay: 'mon', endTime: '22:30' },
        ],
      },
      {
        minutes: 90,
        local: [
          { startDay: 'thu', startTime: '07:00', endDay: 'thu', endTime: '08:30' },
          { startDay: 'wed', startTime: '21:00', endDay: 'wed', endTime: '22:30' },
        ],
      },
    ]);
  });

  it('joins a shared stretch that runs over the end of the UTC week and ends windows at 24:00', () => {
    const overlap = describeWeeklyOverlap(
      person('UTC', w('sun', '23:00', '24:00'), w('mon', '00:00', '01:00')),
      person('Asia/Tokyo', w('mon', '07:00', '10:00')),
      { startsOn: '2025-06-02', endsOn: '2025-06-29', programTimeZone: 'UTC' },
    );
    expect(overlap.guaranteedWeeklyMinutes).toBe(120);
    expect(overlap.periods[0]!.sharedWindows).toEqual([
      {
        minutes: 120,
        local: [
          { startDay: 'sun', startTime: '23:00', endDay: 'mon', endTime: '01:00' },
          { startDay: 'mon', startTime: '08:00', endDay: 'mon', endTime: '10:00' },
        ],
      },
    ]);
  });

  it('puts no call constraint on email-only people', () => {
    const calendar: RoundCalendar = { startsOn: '2025-03-01', endsOn: '2025-06-30', programTimeZone: 'UTC' };
    const both = describeWeeklyOverlap(person('Europe/Paris'), person('Asia/Tokyo'), calendar);
    expect(both).toEqual({ callMode: 'both-email-only', periods: [], guaranteedWeeklyMinutes: 0 });
    const one = describeWeeklyOverlap(
      person('Europe/Paris', w('mon', '09:00', '10:00')),
      person('Asia/Tokyo'),
      calendar,
    );
    expect(one.callMode).toBe('one-email-only');
  });

  it.each([
    ['2025-03-01', 'Australia/Sydney'],
    ['2025-10-05', 'Australia/Sydney'],
    ['2025-03-30', 'Europe/London'],
    ['2025-09-07', 'America/Santiago'], // clocks jump from 00:00 to 01:00: the day starts at 01:00
    ['2024-02-29', 'Pacific/Auckland'],
    ['2025-06-01', 'Asia/Kathmandu'],
  ])('starts %s in %s where Luxon does', (date, zone) => {
    const span = roundSpanOf({ startsOn: date, endsOn: date, programTimeZone: zone });
    expect(span.startMs).toBe(DateTime.fromISO(date, { zone }).toMillis());
    expect(span.endMs).toBe(DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toMillis());
  });

  it('refuses a date that does not exist', () => {
    expect(() =>
      roundSpanOf({ startsOn: '2025-02-29', endsOn: '2025-03-31', programTimeZone: 'UTC' }),
    ).toThrow(RangeError);
  });

  it('refuses a round that ends before it starts', () => {
    expect(() =>
      roundSpanOf({ startsOn: '2025-06-30', endsOn: '2025-03-01', programTimeZone: 'UTC' }),
    ).toThrow(RangeError);
  });

  it('is symmetric and never exceeds either person’s hours', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/Santiago',
    ];
    const windowArb = fc
      .record({
        day: fc.constantFrom(...DAYS_OF_WEEK),
        start: fc.integer({ min: 0, max: 95 }),
        length: fc.integer({ min: 1, max: 16 }),
      })
      .map(({ day, start, length }) => {
        const end = Math.min(96, start + length);
        const time = (q: number) =>
          `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
        return w(day, time(start), time(end));
      });
    const personArb = fc.record({
      timeZone: fc.constantFrom(...zones),
      windows: fc.array(windowArb, { minLength: 1, maxLength: 5 }),
    });
    const span = roundSpanOf({ startsOn: '2025-03-01', endsOn: '2025-06-30', programTimeZone: 'UTC' });
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        const pa = buildAvailabilityProfile(a, span);
        const pb = buildAvailabilityProfile(b, span);
        const ab = guaranteedWeeklyOverlapMinutes(pa, pb);
        expect(guaranteedWeeklyOverlapMinutes(pb, pa)).toBe(ab);
        for (const ra of pa.regimes) {
          for (const rb of pb.regimes)
            expect(overlapMinutesOfRegimes(rb, ra)).toBe(overlapMinutesOfRegimes(ra, rb));
          const own = ra.ends.reduce((s, e, k) => s + e - ra.starts[k]!, 0);
          expect(ab).toBeLessThanOrEqual(own);
        }
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  listAvailabilityIntervals,
  overlapMinutesBetween,
  overlapMinutesPerWeek,
  type WeeklyAvailability,
} from './weekly-availability';

const at = (iso: string) => new Date(iso);

describe('overlapMinutesPerWeek', () => {
  it('is zero when either person is email only', () => {
    const a: WeeklyAvailability = {
      timeZone: 'UTC',
      windows: [{ day: 'mon', startTime: '00:00', endTime: '24:00' }],
    };
    const b: WeeklyAvailability = { timeZone: 'UTC', windows: [] };
    expect(overlapMinutesPerWeek(a, b, at('2025-06-02T00:00:00Z'))).toBe(0);
  });

  it('finds the overlap between Sydney mornings and London evenings', () => {
    // June: Sydney UTC+10, London UTC+1. Tue 07:00–09:00 Sydney = Mon 21:00–23:00 UTC = Mon 22:00–24:00 London.
    const sydney: WeeklyAvailability = {
      timeZone: 'Australia/Sydney',
      windows: [{ day: 'tue', startTime: '07:00', endTime: '09:00' }],
    };
    const london: WeeklyAvailability = {
      timeZone: 'Europe/London',
      windows: [{ day: 'mon', startTime: '20:00', endTime: '23:00' }],
    };
    expect(overlapMinutesPerWeek(sydney, london, at('2025-06-02T00:00:00Z'))).toBe(60);
    expect(overlapMinutesPerWeek(london, sydney, at('2025-06-02T00:00:00Z'))).toBe(60);
  });

  it('changes when Europe moves its clocks but Sydney does not', () => {
    const sydney: WeeklyAvailability = {
      timeZone: 'Australia/Sydney',
      windows: [{ day: 'mon', startTime: '18:00', endTime: '20:00' }],
    };
    const paris: WeeklyAvailability = {
      timeZone: 'Europe/Paris',
      windows: [{ day: 'mon', startTime: '09:00', endTime: '11:00' }],
    };
    // Week of 2025-03-24: Paris UTC+1 and Sydney UTC+11 → Sydney 18–20 = Paris 08–10: one hour shared.
    expect(overlapMinutesPerWeek(sydney, paris, at('2025-03-24T00:00:00Z'))).toBe(60);
    // Week of 2025-03-31: Paris has moved to UTC+2 → Sydney 18–20 = Paris 09–11: two hours shared.
    expect(overlapMinutesPerWeek(sydney, paris, at('2025-03-31T00:00:00Z'))).toBe(120);
  });

  it('shortens a window that spans the skipped hour', () => {
    const a: WeeklyAvailability = {
      timeZone: 'Europe/London',
      windows: [{ day: 'sun', startTime: '00:30', endTime: '03:00' }],
    };
    const everyone: WeeklyAvailability = {
      timeZone: 'UTC',
      windows: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
        day,
        startTime: '00:00',
        endTime: '24:00',
      })),
    };
    // 2025-03-30: London clocks go from 01:00 to 02:00, so 00:30–03:00 local lasts 90 minutes.
    expect(overlapMinutesPerWeek(a, everyone, at('2025-03-24T00:00:00Z'))).toBe(90);
    expect(overlapMinutesPerWeek(a, everyone, at('2025-03-17T00:00:00Z'))).toBe(150);
  });

  it('merges a person’s overlapping windows so time is not counted twice', () => {
    const a: WeeklyAvailability = {
      timeZone: 'UTC',
      windows: [
        { day: 'wed', startTime: '10:00', endTime: '12:00' },
        { day: 'wed', startTime: '11:00', endTime: '13:00' },
      ],
    };
    expect(listAvailabilityIntervals(a, at('2025-06-02T00:00:00Z'), at('2025-06-09T00:00:00Z'))).toEqual([
      { startMs: Date.parse('2025-06-04T10:00:00Z'), endMs: Date.parse('2025-06-04T13:00:00Z') },
    ]);
    expect(overlapMinutesPerWeek(a, a, at('2025-06-02T00:00:00Z'))).toBe(180);
  });

  it('clips windows to the range asked for and counts every week of a longer range', () => {
    const a: WeeklyAvailability = {
      timeZone: 'UTC',
      windows: [{ day: 'mon', startTime: '09:00', endTime: '10:00' }],
    };
    expect(overlapMinutesBetween(a, a, at('2025-06-02T09:30:00Z'), at('2025-06-03T00:00:00Z'))).toBe(30);
    expect(overlapMinutesBetween(a, a, at('2025-06-02T00:00:00Z'), at('2025-06-30T00:00:00Z'))).toBe(240);
    expect(overlapMinutesBetween(a, a, at('2025-06-02T00:00:00Z'), at('2025-06-01T00:00:00Z'))).toBe(0);
  });

  it('does not mutate its inputs', () => {
    const a: WeeklyAvailability = {
      timeZone: 'Asia/Kolkata',
      windows: [{ day: 'fri', startTime: '17:00', endTime: '19:30' }],
    };
    const copy = structuredClone(a);
    overlapMinutesPerWeek(a, a, at('2025-06-02T00:00:00Z'));
    expect(a).toEqual(copy);
  });
});

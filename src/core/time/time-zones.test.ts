import { describe, expect, it } from 'vitest';
import { isLocalDate, isLocalTime, parseLocalTimeMinutes } from './local-time';
import { isValidTimeZone, normaliseTimeZone, TimeZoneSchema } from './time-zones';

describe('time zones', () => {
  it.each(['Europe/London', 'Australia/Sydney', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'UTC'])(
    'accepts %s',
    (zone) => expect(isValidTimeZone(zone)).toBe(true),
  );

  it.each(['', 'London', 'Mars/Olympus_Mons', '+05:00', 'GMT+5', 42, null, undefined])('refuses %s', (zone) =>
    expect(isValidTimeZone(zone)).toBe(false),
  );

  it('restores canonical capitals but keeps modern aliases', () => {
    expect(normaliseTimeZone('europe/london')).toBe('Europe/London');
    expect(normaliseTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(TimeZoneSchema.parse(' america/new_york ')).toBe('America/New_York');
  });
});

describe('local dates and times', () => {
  it('checks real dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-2-1')).toBe(false);
  });

  it('checks times and converts them to minutes', () => {
    expect(isLocalTime('09:30')).toBe(true);
    expect(isLocalTime('9:30')).toBe(false);
    expect(isLocalTime('24:00')).toBe(false);
    expect(parseLocalTimeMinutes('09:30')).toBe(570);
    expect(parseLocalTimeMinutes('24:00')).toBe(1440);
    expect(() => parseLocalTimeMinutes('25:00')).toThrow(RangeError);
  });
});

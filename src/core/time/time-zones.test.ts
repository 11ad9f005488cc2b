import { describe, expect, it } from 'vitest';
import { isLocalDate, isLocalTime, parseLocalTimeMinutes } from './local-time';
import { formatUtcOffset, listTimeZoneChoices } from './time-zone-choices';
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

describe('current zone names', () => {
  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['asia/saigon', 'Asia/Ho_Chi_Minh'],
    ['US/Eastern', 'America/New_York'],
    ['America/Godthab', 'America/Nuuk'],
    ['Etc/UTC', 'UTC'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['etc/gmt+5', 'Etc/GMT+5'],
  ])('reads %s as %s', (given, current) => {
    expect(normaliseTimeZone(given)).toBe(current);
    expect(TimeZoneSchema.parse(given)).toBe(current);
  });

  it('lists every zone once, by its current name, west to east', () => {
    const at = Date.UTC(2026, 0, 15, 12);
    const choices = listTimeZoneChoices(at);
    const zones = choices.map((choice) => choice.zone);
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('UTC');
    for (const alias of ['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'US/Eastern', 'Etc/UTC', 'GMT']) {
      expect(zones).not.toContain(alias);
    }
    expect(new Set(zones).size).toBe(zones.length);
    // No two entries are the same zone under two names.
    const icuIds = zones.map(
      (zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone,
    );
    expect(new Set(icuIds).size).toBe(zones.length);
    for (const zone of zones) expect(normaliseTimeZone(zone)).toBe(zone);
    const offsets = choices.map((choice) => choice.offsetMinutes);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(choices.find((choice) => choice.zone === 'Asia/Kolkata')).toMatchObject({
      offsetMinutes: 330,
      countryCode: 'IN',
      city: 'Kolkata',
    });
    expect(choices.find((choice) => choice.zone === 'America/Argentina/Buenos_Aires')).toMatchObject({
      offsetMinutes: -180,
      countryCode: 'AR',
      city: 'Buenos Aires',
      region: 'Argentina',
    });
  });

  it('gives offsets at the moment asked, daylight saving included', () => {
    const sydney = (at: number) =>
      listTimeZoneChoices(at).find((choice) => choice.zone === 'Australia/Sydney')?.offsetMinutes;
    expect(sydney(Date.UTC(2026, 0, 15))).toBe(660);
    expect(sydney(Date.UTC(2026, 6, 15))).toBe(600);
  });

  it('writes offsets with a true minus sign', () => {
    expect(formatUtcOffset(330)).toBe('+05:30');
    expect(formatUtcOffset(-180)).toBe('\u221203:00');
    expect(formatUtcOffset(0)).toBe('+00:00');
    expect(formatUtcOffset(-570)).toBe('\u221209:30');
  });
});

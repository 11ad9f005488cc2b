import { describe, expect, test } from 'vitest';
import { describeWeeklyOverlap, type WeeklyAvailability } from '../../../core/time';
import { getT } from '../../../i18n';
import { describeOverlap, groupSharedWindows } from './overlap-words';

/** Call time in words: windows grouped by their hours, both local times, periods across daylight saving. */
const words = { t: getT('en'), locale: 'en' };
const calendar = { startsOn: '2026-03-01', endsOn: '2026-07-01', programTimeZone: 'Australia/Sydney' };
const calls = (timeZone: string, windows: WeeklyAvailability['windows']): WeeklyAvailability => ({
  timeZone,
  windows,
});

describe('call time in words', () => {
  test('the same hours on two days read as one line, in both local times, with each daylight-saving period', () => {
    const sydney = calls('Australia/Sydney', [
      { day: 'tue', startTime: '07:00', endTime: '08:30' },
      { day: 'thu', startTime: '07:00', endTime: '08:30' },
    ]);
    const berlin = calls('Europe/Berlin', [
      { day: 'mon', startTime: '20:00', endTime: '23:30' },
      { day: 'wed', startTime: '20:00', endTime: '23:30' },
    ]);
    const overlap = describeWeeklyOverlap(sydney, berlin, calendar);
    expect(groupSharedWindows(overlap.periods[0]!.sharedWindows)).toHaveLength(1);
    const described = describeOverlap(
      words,
      overlap,
      ['Australia/Sydney', 'Europe/Berlin'],
      'Australia/Sydney',
    );
    expect(described.summary).toBe(
      'At least 1 h a week in common; the times move when the clocks change for daylight saving:',
    );
    expect(described.periods.map((period) => period.heading)).toEqual([
      'From March 1: 3 h a week (Sydney UTC+11:00, Berlin UTC+01:00)',
      'From March 29: 3 h a week (Sydney UTC+11:00, Berlin UTC+02:00)',
      'From April 5: 1 h a week (Sydney UTC+10:00, Berlin UTC+02:00)',
    ]);
    expect(described.periods[0]!.windows).toEqual([
      'Tue and Thu 07:00–08:30 in Sydney = Mon and Wed 21:00–22:30 in Berlin',
    ]);
  });

  test('zones without daylight saving give one line; a window over midnight says so', () => {
    const nairobi = calls('Africa/Nairobi', [
      { day: 'fri', startTime: '22:00', endTime: '24:00' },
      { day: 'sat', startTime: '00:00', endTime: '01:00' },
    ]);
    const kolkata = calls('Asia/Kolkata', [{ day: 'sat', startTime: '00:00', endTime: '04:00' }]);
    const described = describeOverlap(
      words,
      describeWeeklyOverlap(nairobi, kolkata, calendar),
      ['Africa/Nairobi', 'Asia/Kolkata'],
      'UTC',
    );
    expect(described.summary).toBe('3 h a week in common, all round (Nairobi UTC+03:00, Kolkata UTC+05:30):');
    expect(described.periods).toEqual([]);
    expect(described.windows).toEqual([
      'Fri 22:00–01:00 (ending the next day) in Nairobi = Sat 00:30–03:30 in Kolkata',
    ]);
  });

  test('email, and no time in common, are said plainly', () => {
    const email: WeeklyAvailability = { timeZone: 'Europe/Paris', windows: [] };
    const paris = calls('Europe/Paris', [{ day: 'mon', startTime: '09:00', endTime: '10:00' }]);
    const tokyo = calls('Asia/Tokyo', [{ day: 'mon', startTime: '09:00', endTime: '10:00' }]);
    const zones = ['Europe/Paris', 'Asia/Tokyo'] as const;
    expect(describeOverlap(words, describeWeeklyOverlap(email, email, calendar), zones, 'UTC').summary).toBe(
      'Both prefer email.',
    );
    expect(describeOverlap(words, describeWeeklyOverlap(paris, email, calendar), zones, 'UTC').summary).toBe(
      'One of them prefers email; the other would like calls.',
    );
    expect(describeOverlap(words, describeWeeklyOverlap(paris, tokyo, calendar), zones, 'UTC').summary).toBe(
      'No time in common for calls.',
    );
  });
});

import { describe, expect, test } from 'vitest';
import { makeRound } from '../../../tests/support/test-round';
import {
  checkInLinkExpiresAt,
  checkInPromptAt,
  countFortnights,
  findDueCheckInPrompt,
  fortnightAt,
  fortnightEndsAt,
  fortnightOfDay,
  fortnightStartsAt,
} from './fortnights';

// 10 March – 10 July 2025 in Sydney: 123 days, nine fortnights; daylight saving ends on 6 April
// (03:00 AEDT, UTC+11, becomes 02:00 AEST, UTC+10), inside fortnight 2.
const round = makeRound({ status: 'under-way' });

describe('a round’s fortnights', () => {
  test('count the calendar days of the round, the last one shorter', () => {
    expect(countFortnights(round)).toBe(9);
    expect(countFortnights({ ...round, endsOn: '2025-03-23' })).toBe(1);
    expect(countFortnights({ ...round, endsOn: '2025-03-24' })).toBe(2);
    expect(countFortnights({ ...round, endsOn: '2025-03-01' })).toBe(0);
  });

  test('begin at midnight on the program’s calendar, across the daylight-saving change', () => {
    expect(fortnightStartsAt(round, 1).toISOString()).toBe('2025-03-09T13:00:00.000Z');
    expect(fortnightStartsAt(round, 2).toISOString()).toBe('2025-03-23T13:00:00.000Z');
    // After the change: midnight is an hour later in UTC.
    expect(fortnightStartsAt(round, 3).toISOString()).toBe('2025-04-06T14:00:00.000Z');
    expect(fortnightEndsAt(round, 2)).toEqual(fortnightStartsAt(round, 3));
    expect(fortnightEndsAt(round, 9).toISOString()).toBe('2025-07-10T14:00:00.000Z');
  });

  test.each([
    ['before the round', '2025-03-09T12:59:59Z', undefined],
    ['its first instant', '2025-03-09T13:00:00Z', 1],
    ['the last hour of fortnight 2 (the long one)', '2025-04-06T13:30:00Z', 2],
    ['the first instant of fortnight 3', '2025-04-06T14:00:00Z', 3],
    ['the round’s last day', '2025-07-10T13:59:59Z', 9],
    ['once it has ended', '2025-07-10T14:00:00Z', undefined],
  ])('%s is fortnight %s', (_name, at, fortnight) => {
    expect(fortnightAt(round, new Date(at))).toBe(fortnight);
  });

  test('a calendar day of the round has its fortnight (for topics, set by day)', () => {
    expect(fortnightOfDay(round, '2025-03-10')).toBe(1);
    expect(fortnightOfDay(round, '2025-03-23')).toBe(1);
    expect(fortnightOfDay(round, '2025-03-24')).toBe(2);
    expect(fortnightOfDay(round, '2025-07-10')).toBe(9);
    expect(fortnightOfDay(round, '2025-07-11')).toBeUndefined();
    expect(fortnightOfDay(round, '2025-03-09')).toBeUndefined();
  });

  test('a check-in link works through the next fortnight, never past the round’s end', () => {
    expect(checkInLinkExpiresAt(round, 1)).toEqual(fortnightStartsAt(round, 3));
    expect(checkInLinkExpiresAt(round, 7)).toEqual(fortnightStartsAt(round, 9));
    expect(checkInLinkExpiresAt(round, 8).toISOString()).toBe('2025-07-10T14:00:00.000Z');
    expect(checkInLinkExpiresAt(round, 9).toISOString()).toBe('2025-07-10T14:00:00.000Z');
  });
});

describe('the standalone check-in email (test clock)', () => {
  const none = new Set<number>();
  const promptOf2 = checkInPromptAt(round, 2);

  test('its moment is 09:00 on the fortnight’s first day in the program’s zone', () => {
    expect(promptOf2.toISOString()).toBe('2025-03-23T22:00:00.000Z');
    expect(checkInPromptAt(round, 3).toISOString()).toBe('2025-04-06T23:00:00.000Z');
  });

  test('is due from its moment to the end of its fortnight, from the second fortnight on', () => {
    let now = new Date('2025-03-10T00:00:00Z');
    expect(findDueCheckInPrompt(round, now, none)).toBeUndefined();
    now = new Date(promptOf2.getTime() - 1);
    expect(findDueCheckInPrompt(round, now, none)).toBeUndefined();
    now = promptOf2;
    expect(findDueCheckInPrompt(round, now, none)).toBe(2);
    // Catching up after downtime, still inside the fortnight.
    now = new Date('2025-04-06T13:59:59Z');
    expect(findDueCheckInPrompt(round, now, none)).toBe(2);
    // Fortnight 3 has begun but its moment has not come: fortnight 2 is no longer asked about.
    now = new Date('2025-04-06T14:00:00Z');
    expect(findDueCheckInPrompt(round, now, none)).toBeUndefined();
  });

  test('is not due in a fortnight with a topic (its email carries the links), nor in a round not under way', () => {
    expect(findDueCheckInPrompt(round, promptOf2, new Set([2]))).toBeUndefined();
    expect(findDueCheckInPrompt(round, promptOf2, new Set([3]))).toBe(2);
    for (const status of ['matching', 'finished'] as const) {
      expect(findDueCheckInPrompt({ ...round, status }, promptOf2, none)).toBeUndefined();
    }
  });
});

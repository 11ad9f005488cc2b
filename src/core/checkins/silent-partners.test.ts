import { describe, expect, test } from 'vitest';
import type { CheckInAnswer } from './check-in';
import {
  findSilentPartnership,
  findSilentPartnerships,
  type PartnershipCheckIn,
  QUIET_DAYS,
  type WatchedPartnership,
} from './silent-partners';

const DAY = 86_400_000;
const start = new Date('2027-03-01T00:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * DAY);
const checkIn = (
  applicationId: string,
  fortnight: number,
  answer: CheckInAnswer,
  atDay: number,
): PartnershipCheckIn => ({ applicationId, fortnight, answer, answeredAt: day(atDay) });
const pair = (checkIns: PartnershipCheckIn[], memberIds = ['a', 'b']): WatchedPartnership => ({
  partnershipId: 'p1',
  watchedFrom: start,
  memberIds,
  checkIns,
});

describe('the quiet rule: nobody has checked in for four weeks', () => {
  test('a partnership nobody checked in from goes on the list 28 days after it began being watched', () => {
    expect(findSilentPartnership(pair([]), new Date(day(QUIET_DAYS).getTime() - 1))).toBeUndefined();
    expect(findSilentPartnership(pair([]), day(QUIET_DAYS))).toEqual({
      partnershipId: 'p1',
      reason: 'no-check-in',
      since: start,
      flaggedAt: day(28),
      episode: `no-check-in:${start.toISOString()}`,
      silentIds: ['a', 'b'],
      reporterIds: [],
    });
  });

  test('any answer from either partner is a sign of life and restarts the count', () => {
    const state = pair([checkIn('b', 1, 'not-yet', 10)]);
    expect(findSilentPartnership(state, day(37))).toBeUndefined();
    expect(findSilentPartnership(state, day(38))).toMatchObject({
      reason: 'no-check-in',
      since: day(10),
      episode: `no-check-in:${day(10).toISOString()}`,
    });
  });

  test('check-ins of someone who left do not count, and a partnership of one is not watched', () => {
    expect(findSilentPartnership(pair([checkIn('c', 1, 'in-touch', 20)]), day(30))?.reason).toBe(
      'no-check-in',
    );
    expect(findSilentPartnership(pair([], ['a']), day(100))).toBeUndefined();
  });
});

describe('the reported rule: “my partner isn’t responding”', () => {
  test('puts the partnership on the list at once; the silent partner is the other one', () => {
    const state = pair([checkIn('a', 1, 'in-touch', 3), checkIn('a', 2, 'not-responding', 16)]);
    expect(findSilentPartnership(state, day(16))).toEqual({
      partnershipId: 'p1',
      reason: 'reported-not-responding',
      since: day(16),
      flaggedAt: day(16),
      episode: `reported-not-responding:${day(16).toISOString()}`,
      silentIds: ['b'],
      reporterIds: ['a'],
    });
  });

  test('saying it again the next fortnight is the same episode; saying “in touch” ends it', () => {
    const first = pair([checkIn('a', 2, 'not-responding', 16)]);
    const again = pair([checkIn('a', 2, 'not-responding', 16), checkIn('a', 3, 'not-responding', 30)]);
    expect(findSilentPartnership(again, day(30))?.episode).toBe(
      findSilentPartnership(first, day(16))?.episode,
    );
    const resolved = pair([checkIn('a', 2, 'not-responding', 16), checkIn('a', 3, 'in-touch', 30)]);
    expect(findSilentPartnership(resolved, day(31))).toBeUndefined();
  });

  test('the latest fortnight decides, not the latest click (an old link answered late)', () => {
    const state = pair([checkIn('a', 3, 'in-touch', 30), checkIn('a', 2, 'not-responding', 31)]);
    expect(findSilentPartnership(state, day(31))).toBeUndefined();
  });

  test('in a trio the partner still writing is left out of the reminder', () => {
    const state = pair(
      [checkIn('a', 2, 'not-responding', 16), checkIn('b', 2, 'in-touch', 17)],
      ['a', 'b', 'c'],
    );
    expect(findSilentPartnership(state, day(17))).toMatchObject({ silentIds: ['c'], reporterIds: ['a'] });
    // When everyone else says they are in touch, the one asking for help still gets a coordinator.
    const both = pair([checkIn('a', 2, 'not-responding', 16), checkIn('b', 2, 'in-touch', 17)]);
    expect(findSilentPartnership(both, day(17))).toMatchObject({ silentIds: ['b'] });
  });

  test('a report wins over quietness', () => {
    expect(findSilentPartnership(pair([checkIn('a', 1, 'not-responding', 1)]), day(60))?.reason).toBe(
      'reported-not-responding',
    );
  });
});

test('the list: longest on it first; the input is not changed', () => {
  const checkIns = [checkIn('a', 2, 'not-responding', 16)];
  const partnerships: WatchedPartnership[] = [
    { ...pair(checkIns), partnershipId: 'reported' },
    { ...pair([]), partnershipId: 'quiet' },
    { ...pair([checkIn('b', 3, 'in-touch', 29)]), partnershipId: 'fine' },
  ];
  const frozen = JSON.stringify(partnerships);
  expect(findSilentPartnerships(partnerships, day(30)).map((p) => p.partnershipId)).toEqual([
    'reported',
    'quiet',
  ]);
  expect(JSON.stringify(partnerships)).toBe(frozen);
});

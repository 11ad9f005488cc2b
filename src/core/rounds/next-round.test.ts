import { describe, expect, test } from 'vitest';
import { makeRound } from '../../../tests/support/test-round';
import { findNextRoundToJoin } from './next-round';
import { findDueTransition } from './round-lifecycle';

describe('the end of a round (test clock)', () => {
  // Ends on Saturday 4 October 2025 in Sydney; daylight saving begins the next night (02:00 → 03:00).
  const round = makeRound({ status: 'under-way', startsOn: '2025-06-02', endsOn: '2025-10-04' });

  test('is due when its last day ends in the program’s zone, and only for a round under way', () => {
    const endsAt = new Date('2025-10-04T14:00:00Z'); // 00:00 AEST (UTC+10) on 5 October
    expect(findDueTransition(round, new Date(endsAt.getTime() - 1))).toBeUndefined();
    expect(findDueTransition(round, endsAt)).toBe('finished');
    expect(findDueTransition({ ...round, status: 'finished' }, endsAt)).toBeUndefined();
    expect(findDueTransition({ ...round, status: 'matching' }, endsAt)).toBeUndefined();
  });
});

describe('the next round a closing email invites people to', () => {
  const now = new Date('2025-07-11T00:00:00Z');
  const ending = makeRound({ id: 'ending', status: 'finished' });
  const open = makeRound({
    id: 'open',
    status: 'open',
    applicationsOpenAt: new Date('2025-07-01T00:00:00Z'),
    applicationsCloseAt: new Date('2025-08-20T00:00:00Z'),
  });
  const later = makeRound({
    id: 'later',
    status: 'open',
    applicationsOpenAt: new Date('2025-08-01T00:00:00Z'),
    applicationsCloseAt: new Date('2025-08-30T00:00:00Z'),
  });

  test('a round taking applications first, then one opening later, never a draft or a closed window', () => {
    expect(findNextRoundToJoin([ending, later, open], now, 'ending')).toEqual({
      round: open,
      isOpenNow: true,
    });
    expect(findNextRoundToJoin([ending, later], now, 'ending')).toEqual({ round: later, isOpenNow: false });
    const draft = makeRound({ id: 'draft', status: 'draft' });
    const closed = makeRound({ id: 'closed', status: 'closed' });
    expect(findNextRoundToJoin([ending, draft, closed], now, 'ending')).toBeUndefined();
    expect(findNextRoundToJoin([{ ...open, id: 'ending' }], now, 'ending')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { makeRound } from '../../../tests/support/test-round';
import { DomainError } from '../errors';
import { ROUND_STATUSES, type RoundStatus } from './round';
import {
  assertRoundTransition,
  canTransitionRound,
  findDueTransition,
  findTransitionRefusal,
  transitionRound,
} from './round-lifecycle';

const duringApplications = new Date('2025-02-10T00:00:00Z');
const afterRoundEnds = new Date('2025-07-11T00:00:00Z');

const LEGAL: ReadonlyArray<readonly [RoundStatus, RoundStatus]> = [
  ['draft', 'open'],
  ['open', 'closed'],
  ['closed', 'open'],
  ['closed', 'matching'],
  ['matching', 'closed'],
  ['matching', 'under-way'],
  ['under-way', 'finished'],
];
const isLegal = (from: RoundStatus, to: RoundStatus) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = ROUND_STATUSES.flatMap((from) => ROUND_STATUSES.map((to) => [from, to] as const));

describe('round lifecycle', () => {
  // Time is chosen so that no time rule gets in the way of a legal step.
  const nowFor = (to: RoundStatus) => (to === 'finished' ? afterRoundEnds : duringApplications);

  it.each(ALL_PAIRS.filter(([from, to]) => isLegal(from, to)))('allows %s → %s', (from, to) => {
    const round = makeRound({ status: from });
    expect(canTransitionRound(round, to, nowFor(to))).toBe(true);
    const moved = transitionRound(round, to, nowFor(to));
    expect(moved.status).toBe(to);
    expect(round.status).toBe(from);
  });

  it.each(ALL_PAIRS.filter(([from, to]) => !isLegal(from, to)))(
    'refuses %s → %s with a reason',
    (from, to) => {
      const round = makeRound({ status: from });
      expect(canTransitionRound(round, to, nowFor(to))).toBe(false);
      let error: unknown;
      try {
        transitionRound(round, to, nowFor(to));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('CONFLICT');
      expect((error as DomainError).reason).toBe('round.transitionRefused');
      expect((error as DomainError).params).toMatchObject({ roundId: 'round-2025-03', from, to });
    },
  );

  it('explains what a state may become', () => {
    expect(findTransitionRefusal(makeRound({ status: 'draft' }), 'matching', duringApplications)).toEqual({
      kind: 'not-allowed',
      status: 'draft',
      allowed: ['open'],
    });
    expect(findTransitionRefusal(makeRound({ status: 'finished' }), 'open', duringApplications)).toEqual({
      kind: 'final',
      status: 'finished',
    });
    expect(findTransitionRefusal(makeRound({ status: 'open' }), 'open', duringApplications)).toEqual({
      kind: 'already',
      status: 'open',
    });
  });

  it('refuses to open or reopen a round whose deadline has passed', () => {
    const late = new Date('2025-03-01T00:00:00Z');
    for (const status of ['draft', 'closed'] as const) {
      const round = makeRound({ status });
      expect(() => assertRoundTransition(round, 'open', late)).toThrow('round.transitionRefused');
      expect(findTransitionRefusal(round, 'open', late)).toEqual({
        kind: 'applications-closed',
        closedAt: round.applicationsCloseAt,
        timeZone: 'Australia/Sydney',
      });
    }
  });

  it('refuses to finish a round before its last day has ended in the program zone', () => {
    const round = makeRound({ status: 'under-way' });
    // 10 July ends at 2025-07-10T14:00Z in Sydney (UTC+10 in winter).
    expect(canTransitionRound(round, 'finished', new Date('2025-07-10T13:59:00Z'))).toBe(false);
    expect(canTransitionRound(round, 'finished', new Date('2025-07-10T14:00:00Z'))).toBe(true);
    expect(findTransitionRefusal(round, 'finished', new Date('2025-07-01T00:00:00Z'))).toEqual({
      kind: 'not-ended',
      endsOn: '2025-07-10',
      timeZone: 'Australia/Sydney',
    });
  });
});

describe('findDueTransition', () => {
  it('closes an open round at its deadline', () => {
    const round = makeRound({ status: 'open' });
    expect(findDueTransition(round, new Date('2025-02-28T12:58:59Z'))).toBeUndefined();
    expect(findDueTransition(round, new Date('2025-02-28T12:59:00Z'))).toBe('closed');
  });

  it('finishes a round under way when its last day ends', () => {
    const round = makeRound({ status: 'under-way' });
    expect(findDueTransition(round, new Date('2025-07-10T13:00:00Z'))).toBeUndefined();
    expect(findDueTransition(round, new Date('2025-07-10T14:00:00Z'))).toBe('finished');
  });

  it('leaves every other step to a coordinator', () => {
    for (const status of ['draft', 'closed', 'matching', 'finished'] as const) {
      expect(findDueTransition(makeRound({ status }), afterRoundEnds)).toBeUndefined();
    }
  });
});

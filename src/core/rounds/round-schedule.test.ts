import { describe, expect, it } from 'vitest';
import { makeRound } from '../../../tests/support/test-round';
import { findCurrentOrNextRound, findRoundPhase, isAcceptingApplications } from './round-schedule';

describe('isAcceptingApplications', () => {
  const open = makeRound({ status: 'open' });

  it('is true only inside the window of an open round, closing exactly at the deadline', () => {
    expect(isAcceptingApplications(open, new Date('2025-01-31T12:59:59Z'))).toBe(false);
    expect(isAcceptingApplications(open, new Date('2025-01-31T13:00:00Z'))).toBe(true);
    expect(isAcceptingApplications(open, new Date('2025-02-28T12:58:59Z'))).toBe(true);
    expect(isAcceptingApplications(open, new Date('2025-02-28T12:59:00Z'))).toBe(false);
  });

  it('is false for a round in any other state, even inside its window', () => {
    for (const status of ['draft', 'closed', 'matching', 'under-way', 'finished'] as const) {
      expect(isAcceptingApplications(makeRound({ status }), new Date('2025-02-10T00:00:00Z'))).toBe(false);
    }
  });
});

describe('findCurrentOrNextRound', () => {
  const march = makeRound({ id: 'march', status: 'under-way' });
  const september = makeRound({
    id: 'september',
    status: 'open',
    applicationsOpenAt: new Date('2025-07-31T14:00:00Z'),
    applicationsCloseAt: new Date('2025-08-22T13:59:00Z'),
    startsOn: '2025-09-08',
    endsOn: '2026-01-08',
  });
  const draft = makeRound({
    id: 'draft-2026',
    status: 'draft',
    startsOn: '2026-03-09',
    endsOn: '2026-07-09',
  });

  it('shows nothing when there are only drafts and finished rounds', () => {
    expect(
      findCurrentOrNextRound([draft, makeRound({ status: 'finished' })], new Date('2025-04-01T00:00:00Z')),
    ).toBeUndefined();
    expect(findCurrentOrNextRound([], new Date())).toBeUndefined();
  });

  it('prefers a round taking applications, then one opening soon, then the one in progress', () => {
    const rounds = [draft, march, september];
    expect(findCurrentOrNextRound(rounds, new Date('2025-05-01T00:00:00Z'))).toEqual({
      round: september,
      phase: 'opening-soon',
    });
    expect(findCurrentOrNextRound(rounds, new Date('2025-08-01T00:00:00Z'))).toEqual({
      round: september,
      phase: 'accepting-applications',
    });
    expect(findCurrentOrNextRound([march, draft], new Date('2025-05-01T00:00:00Z'))).toEqual({
      round: march,
      phase: 'in-progress',
    });
  });

  it('among rounds in progress, shows the one that started first', () => {
    const later = makeRound({
      id: 'later',
      status: 'matching',
      startsOn: '2025-09-08',
      endsOn: '2026-01-08',
    });
    expect(findCurrentOrNextRound([later, march], new Date('2025-05-01T00:00:00Z'))?.round.id).toBe('march');
  });

  it('names the phase of each round', () => {
    const now = new Date('2025-05-01T00:00:00Z');
    expect(findRoundPhase(draft, now)).toBeUndefined();
    expect(findRoundPhase(march, now)).toBe('in-progress');
    expect(findRoundPhase(september, now)).toBe('opening-soon');
  });
});

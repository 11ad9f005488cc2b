import { DEFAULT_QUOTA_SETTINGS } from '../../src/core/applications/country-quota';
import type { Round } from '../../src/core/rounds/round';

/** A March round in Sydney: applications 1–28 February 2025, round 10 March to 10 July. */
export function makeRound(overrides: Partial<Round> = {}): Round {
  return {
    id: 'round-2025-03',
    name: '2025 March round',
    status: 'draft',
    programTimeZone: 'Australia/Sydney',
    applicationsOpenAt: new Date('2025-01-31T13:00:00Z'),
    applicationsCloseAt: new Date('2025-02-28T12:59:00Z'),
    startsOn: '2025-03-10',
    endsOn: '2025-07-10',
    quota: DEFAULT_QUOTA_SETTINGS,
    ...overrides,
  };
}

/** Applicants for tests: hand-made answers with sensible defaults, and synthetic pools. */

import type { MatchAnswers, PoolMember } from '../../src/core/scoring/scoring-pool';
import type { RoundCalendar } from '../../src/core/time/round-calendar';
import { generateSyntheticPool } from '../../src/services/demo/synthetic-pool';

/** A March round read in Sydney (real dates, so daylight saving applies). */
export const TEST_CALENDAR: RoundCalendar = {
  startsOn: '2025-03-10',
  endsOn: '2025-07-10',
  programTimeZone: 'Australia/Sydney',
};

/** An academic, mid-career London librarian free Monday and Wednesday evenings, open to anyone. */
export function makeAnswers(overrides: Partial<MatchAnswers> = {}): MatchAnswers {
  return {
    countryOfResidence: 'GB',
    timeZone: 'Europe/London',
    languages: [{ code: 'en', level: 'native' }],
    sector: 'academic',
    careerStage: 'mid',
    interests: ['open-access', 'metadata', 'information-literacy'],
    otherInterests: '',
    hopes: 'A peer to share ideas with.',
    partnerPreference: { openToAnyone: true, sectors: [], careerStages: [] },
    availability: {
      emailOnly: false,
      windows: [
        { day: 'mon', startTime: '08:00', endTime: '10:00' },
        { day: 'wed', startTime: '08:00', endTime: '10:00' },
      ],
    },
    ...overrides,
  };
}

export function makeMember(
  id: string,
  overrides: Partial<MatchAnswers> = {},
  personKey = `person-${id}`,
): PoolMember {
  return { id, personKey, answers: makeAnswers(overrides) };
}

/** The demo's deterministic synthetic applicants as pool members (id = person key = synthetic key). */
export function syntheticMembers(count: number, seed: number): PoolMember[] {
  return generateSyntheticPool({ count, seed }).map((a) => ({
    id: a.key,
    personKey: a.key,
    answers: a.answers,
  }));
}

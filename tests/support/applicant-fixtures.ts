import type { Kysely } from 'kysely';
import { DEFAULT_QUOTA_SETTINGS } from '../../src/core/applications';
import type { Round } from '../../src/core/rounds';
import { createRoundsRepository } from '../../src/db/repositories/rounds/rounds-repository';
import type { Database } from '../../src/db/schema';

/**
 * Shared by the applicant-side tests (services, pages, e2e): an open round and a form body that
 * passes validation, as a browser would send it.
 */
export const TEST_NOW = new Date('2027-02-01T09:00:00Z');

export const makeOpenRound = (overrides: Partial<Round> = {}): Round => ({
  id: 'round-2027-03',
  name: 'March 2027 round',
  status: 'open',
  programTimeZone: 'Australia/Sydney',
  applicationsOpenAt: new Date('2027-01-15T00:00:00Z'),
  applicationsCloseAt: new Date('2027-02-28T12:59:00Z'),
  startsOn: '2027-03-15',
  endsOn: '2027-07-15',
  quota: DEFAULT_QUOTA_SETTINGS,
  ...overrides,
});

export const insertRound = async (
  db: Kysely<Database>,
  round: Round,
  now: Date = TEST_NOW,
): Promise<Round> => {
  await createRoundsRepository(db).insertRound(round, now);
  return round;
};

/** A complete, valid application form body (flat names, repeated fields as arrays). */
export const validForm = (
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> => ({
  name: 'Ana Lima',
  email: 'ana@example.org',
  countryOfResidence: 'BR',
  timeZone: 'America/Sao_Paulo',
  'languages.0.code': 'pt',
  'languages.0.level': 'native',
  'languages.1.code': 'en',
  'languages.1.level': 'fluent',
  sector: 'academic',
  role: 'Reference librarian',
  careerStage: 'mid',
  yearsInProfession: '12',
  interests: ['cataloguing', 'metadata', 'open-access'],
  otherInterests: '',
  'partnerPreference.openToAnyone': 'on',
  'availability.windows.0.day': 'tue',
  'availability.windows.0.startTime': '18:00',
  'availability.windows.0.endTime': '20:00',
  hopes: 'To learn how other academic libraries run open access programs.',
  heardFrom: 'colleague',
  privacyConsent: 'on',
  codeOfConductAccepted: 'on',
  ...overrides,
});

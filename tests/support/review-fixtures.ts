import type { Kysely } from 'kysely';
import type { ApplicationAnswers } from '../../src/core/applications';
import type { ApplicationStatus } from '../../src/core/applications/application-status';
import { DEFAULT_QUOTA_SETTINGS } from '../../src/core/applications/country-quota';
import { getPrimaryTimeZone } from '../../src/core/countries';
import type { Round } from '../../src/core/rounds';
import { createApplicationsRepository } from '../../src/db/repositories/applications/applications-repository';
import { createRoundsRepository } from '../../src/db/repositories/rounds/rounds-repository';
import type { Database } from '../../src/db/schema';

/** Rounds and applications for review tests, written through the repositories. */
export const makeAnswers = (overrides: Partial<ApplicationAnswers> = {}): ApplicationAnswers => {
  const countryOfResidence = overrides.countryOfResidence ?? 'NG';
  return {
    name: 'Amaka Obi',
    email: 'amaka.obi@example.org',
    countryOfResidence,
    timeZone: getPrimaryTimeZone(countryOfResidence),
    languages: [{ code: 'en', level: 'fluent' }],
    sector: 'academic',
    role: 'Systems librarian',
    careerStage: 'early',
    yearsInProfession: 4,
    interests: ['information-technology', 'open-access', 'research-data-management'],
    otherInterests: '',
    partnerPreference: { openToAnyone: true, sectors: [], careerStages: [] },
    availability: { emailOnly: false, windows: [{ day: 'tue', startTime: '18:00', endTime: '20:00' }] },
    hopes: 'An international view of research support.',
    heardFrom: 'colleague',
    heardFromDetail: '',
    privacyConsent: true,
    codeOfConductAccepted: true,
    ...overrides,
  } as ApplicationAnswers;
};

export const makeTestRound = (overrides: Partial<Round> = {}): Round => ({
  id: 'round-a',
  name: '2026 March round',
  status: 'open',
  programTimeZone: 'Australia/Sydney',
  applicationsOpenAt: new Date('2026-01-10T00:00:00Z'),
  applicationsCloseAt: new Date('2026-02-20T12:59:00Z'),
  startsOn: '2026-03-01',
  endsOn: '2026-07-01',
  quota: DEFAULT_QUOTA_SETTINGS,
  ...overrides,
});

export const seedRound = async (db: Kysely<Database>, overrides: Partial<Round> = {}): Promise<Round> => {
  const round = makeTestRound(overrides);
  await createRoundsRepository(db).insertRound(round, new Date('2026-01-01T00:00:00Z'));
  return round;
};

let sequence = 0;
export const seedApplication = async (
  db: Kysely<Database>,
  input: {
    roundId: string;
    id?: string;
    name: string;
    country: string;
    status?: ApplicationStatus;
    submittedAt?: Date;
    email?: string;
    answers?: Partial<ApplicationAnswers>;
    /** The language they applied in. */
    locale?: string;
  },
) => {
  sequence++;
  const id = input.id ?? `app-${sequence}`;
  const email = input.email ?? `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.org`;
  return createApplicationsRepository(db).insertApplication({
    id,
    roundId: input.roundId,
    personId: null,
    status: input.status ?? 'pending',
    answers: makeAnswers({ name: input.name, email, countryOfResidence: input.country, ...input.answers }),
    editTokenHash: null,
    submittedAt: input.submittedAt ?? new Date(Date.UTC(2026, 0, 15, 0, sequence)),
    ...(input.locale ? { locale: input.locale } : {}),
  });
};

/**
 * Many applications in few statements (multi-row inserts of 100): application i is `${idPrefix}${i}`,
 * submitted a minute after application i - 1. Names, countries, statuses and answers default to
 * plain values; each may depend on i.
 */
export const seedManyApplications = async (
  db: Kysely<Database>,
  input: {
    roundId: string;
    count: number;
    idPrefix?: string;
    firstSubmittedAt?: Date;
    name?: (i: number) => string;
    country?: (i: number) => string;
    status?: (i: number) => ApplicationStatus;
    answers?: (i: number) => Partial<ApplicationAnswers>;
  },
): Promise<string[]> => {
  const prefix = input.idPrefix ?? `${input.roundId}-`;
  const first = (input.firstSubmittedAt ?? new Date('2026-01-20T00:00:00Z')).getTime();
  const applications = Array.from({ length: input.count }, (_, i) => {
    const name = input.name?.(i) ?? `Applicant ${i}`;
    return {
      id: `${prefix}${String(i).padStart(5, '0')}`,
      roundId: input.roundId,
      personId: null,
      status: input.status?.(i) ?? ('pending' as const),
      answers: makeAnswers({
        name,
        email: `applicant-${prefix}${i}@example.org`,
        countryOfResidence: input.country?.(i) ?? 'KE',
        ...input.answers?.(i),
      }),
      editTokenHash: null,
      submittedAt: new Date(first + i * 60_000),
    };
  });
  const repository = createApplicationsRepository(db);
  for (let start = 0; start < applications.length; start += 100) {
    await repository.insertApplications(applications.slice(start, start + 100));
  }
  return applications.map((application) => application.id);
};

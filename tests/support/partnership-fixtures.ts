import type { Kysely } from 'kysely';
import type { Viewer } from '../../src/core/people/viewer';
import type { Database } from '../../src/db/schema';
import { seedApplication, seedRound } from './review-fixtures';

/**
 * A closed round ready to be matched, for the publish, repair and participants' area tests: eight
 * accepted people in five countries who can all call on weekdays, two of them in Portuguese (and
 * writing in it), one pending. Viewers for a program coordinator and Kenya's country coordinator.
 */
export const PROGRAM_COORDINATOR: Viewer = {
  personId: 'p-lead',
  email: 'lead@example.org',
  name: 'Lead',
  isProgramCoordinator: true,
  coordinatedCountryCodes: [],
};

export const KENYA_COORDINATOR: Viewer = {
  personId: 'p-ke',
  email: 'ke@example.org',
  name: 'Kenya Coordinator',
  isProgramCoordinator: false,
  coordinatedCountryCodes: ['KE'],
};

export interface SeededPerson {
  id: string;
  name: string;
  email: string;
  country: string;
  language: string;
  locale: string;
}

const person = (id: string, country: string, language: string, locale = 'en'): SeededPerson => ({
  id,
  name: `Person ${id}`,
  email: `${id}@example.org`,
  country,
  language,
  locale,
});

export const ROUND_PEOPLE: SeededPerson[] = [
  person('ke-1', 'KE', 'en', 'sw'),
  person('ke-2', 'KE', 'en'),
  person('ng-1', 'NG', 'en'),
  person('ng-2', 'NG', 'en'),
  person('gb-1', 'GB', 'en'),
  person('gb-2', 'GB', 'en'),
  person('br-1', 'BR', 'pt', 'pt'),
  person('pt-1', 'PT', 'pt', 'pt'),
];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const WEEKDAY_CALLS = {
  emailOnly: false,
  windows: WEEKDAYS.map((day) => ({ day, startTime: '07:00', endTime: '21:00' })),
};

export const insertPeople = async (db: Kysely<Database>, viewers: readonly Viewer[]) => {
  for (const viewer of viewers) {
    await db
      .insertInto('people')
      .values({
        id: viewer.personId,
        email: viewer.email,
        name: viewer.name,
        locale: 'en',
        time_zone: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
  }
};

/** One accepted application in the round, able to call on weekdays. */
export const seedParticipant = (db: Kysely<Database>, roundId: string, p: SeededPerson) =>
  seedApplication(db, {
    roundId,
    id: p.id,
    name: p.name,
    email: p.email,
    country: p.country,
    status: 'accepted',
    locale: p.locale,
    answers: { languages: [{ code: p.language, level: 'native' }], availability: WEEKDAY_CALLS },
  });

/** The coordinators' people rows, the closed round `round-a` and its applications. */
export const seedMatchableRound = async (
  db: Kysely<Database>,
  people: readonly SeededPerson[] = ROUND_PEOPLE,
) => {
  await insertPeople(db, [PROGRAM_COORDINATOR, KENYA_COORDINATOR]);
  await seedRound(db, { status: 'closed' });
  for (const p of people) await seedParticipant(db, 'round-a', p);
  await seedApplication(db, { roundId: 'round-a', id: 'pending-1', name: 'Pending One', country: 'GB' });
};

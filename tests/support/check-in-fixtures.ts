import type { Kysely } from 'kysely';
import type { Viewer } from '../../src/core/people/viewer';
import type { Database } from '../../src/db/schema';
import { insertPeople, KENYA_COORDINATOR, PROGRAM_COORDINATOR } from './partnership-fixtures';
import { seedRound } from './review-fixtures';
import { type SurveyParticipantSeed, seedRoundWithParticipants } from './survey-fixtures';

/**
 * A round under way for check-in tests: `round-s`, 1 March – 1 July 2027 in Sydney, with four
 * pairs in the order given (ke-1 + ng-1, ke-2 + gb-1, ng-2 + gb-2, br-1 + pt-1), their
 * partnerships begun before the round, and the people rows of the program coordinator and Kenya's
 * country coordinator. `people` become participants who can sign in.
 *
 * Moments (Sydney is UTC+11 until 4 April 2027, then UTC+10):
 */
export const ROUND_STARTS_AT = new Date('2027-02-28T13:00:00.000Z');
/** Fortnight 2's check-in email: 09:00 on 15 March. */
export const FORTNIGHT_2_PROMPT_AT = new Date('2027-03-14T22:00:00.000Z');
/** Fortnight 2's links expire when fortnight 4 begins (12 April, after daylight saving ended). */
export const FORTNIGHT_2_LINKS_EXPIRE_AT = new Date('2027-04-11T14:00:00.000Z');
/** 28 days after the round began: partnerships nobody checked in from are quiet. */
export const QUIET_FROM = new Date('2027-03-28T13:00:00.000Z');
/** The round's end: 00:00 on 2 July in Sydney. */
export const ROUND_ENDS_AT = new Date('2027-07-01T14:00:00.000Z');

export const CHECK_IN_PEOPLE: SurveyParticipantSeed[] = [
  { id: 'ke-1', country: 'KE' },
  { id: 'ng-1', country: 'NG' },
  { id: 'ke-2', country: 'KE' },
  { id: 'gb-1', country: 'GB' },
  { id: 'ng-2', country: 'NG' },
  { id: 'gb-2', country: 'GB' },
  { id: 'br-1', country: 'BR', locale: 'pt' },
  { id: 'pt-1', country: 'PT', locale: 'pt' },
];

export const BRAZIL_COORDINATOR: Viewer = {
  personId: 'p-br',
  email: 'br@example.org',
  name: 'Brazil Coordinator',
  isProgramCoordinator: false,
  coordinatedCountryCodes: ['BR'],
};

/** The partnership of a member (the fixture pairs them in order). */
export const PARTNERSHIP_OF: Record<string, string> = {
  'ke-1': 'round-s-p0',
  'ng-1': 'round-s-p0',
  'ke-2': 'round-s-p1',
  'gb-1': 'round-s-p1',
  'ng-2': 'round-s-p2',
  'gb-2': 'round-s-p2',
  'br-1': 'round-s-p3',
  'pt-1': 'round-s-p3',
};

export const seedCheckInRound = async (
  db: Kysely<Database>,
  options: { participantsWhoSignIn?: string[] } = {},
) => {
  await insertPeople(db, [PROGRAM_COORDINATOR, KENYA_COORDINATOR, BRAZIL_COORDINATOR]);
  for (const [viewer, role, country] of [
    [PROGRAM_COORDINATOR, 'program_coordinator', null],
    [KENYA_COORDINATOR, 'country_coordinator', 'KE'],
    [BRAZIL_COORDINATOR, 'country_coordinator', 'BR'],
  ] as const) {
    await db
      .insertInto('person_roles')
      .values({
        id: `role-${viewer.personId}`,
        person_id: viewer.personId,
        role,
        country_code: country,
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
  }
  const round = await seedRoundWithParticipants(db, { participants: CHECK_IN_PEOPLE });
  for (const id of options.participantsWhoSignIn ?? []) {
    const personId = `person-${id}`;
    await db
      .insertInto('people')
      .values({
        id: personId,
        email: `${id}@example.org`,
        name: `Person ${id}`,
        locale: 'en',
        time_zone: null,
        created_at: '2027-02-25T00:00:00.000Z',
        updated_at: '2027-02-25T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('person_roles')
      .values({
        id: `role-${personId}`,
        person_id: personId,
        role: 'participant',
        country_code: null,
        created_at: '2027-02-25T00:00:00.000Z',
      })
      .execute();
    await db.updateTable('applications').set({ person_id: personId }).where('id', '=', id).execute();
    await db
      .updateTable('partnership_members')
      .set({ person_id: personId })
      .where('application_id', '=', id)
      .execute();
  }
  return round;
};

/** A participant as the services see them once signed in. */
export const participantViewer = (id: string): Viewer => ({
  personId: `person-${id}`,
  email: `${id}@example.org`,
  name: `Person ${id}`,
  isProgramCoordinator: false,
  coordinatedCountryCodes: [],
});

/** The check-in link tokens emailed to an address (any kind of email), oldest first. */
export const checkInTokensSentTo = async (db: Kysely<Database>, email: string): Promise<string[]> => {
  const rows = await db
    .selectFrom('mail_messages')
    .select(['text_body', 'created_at'])
    .where('to_address', '=', email)
    .orderBy('created_at')
    .execute();
  return rows.flatMap((row) => {
    const token = /\/check-in\/([A-Za-z0-9_.-]+)\?answer=in-touch/.exec(row.text_body)?.[1];
    return token ? [token] : [];
  });
};

/** How many emails of a kind each address has, by address. */
export const mailCountsOf = async (db: Kysely<Database>, kind: string): Promise<Record<string, number>> => {
  const rows = await db.selectFrom('mail_messages').select('to_address').where('kind', '=', kind).execute();
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.to_address] = (counts[row.to_address] ?? 0) + 1;
  return counts;
};

/** A scheduled end-of-round survey of `round-s` (no questions: only its link matters here). */
export const seedEndOfRoundSurvey = async (
  db: Kysely<Database>,
  moments: { sendAt: Date; remindAt: Date; closesAt: Date },
) => {
  await db
    .insertInto('surveys')
    .values({
      id: 'survey-end',
      round_id: 'round-s',
      kind: 'end-of-round',
      title: JSON.stringify({ en: 'End-of-round survey' }),
      definition: JSON.stringify({ questions: [] }),
      status: 'scheduled',
      send_at: moments.sendAt.toISOString(),
      remind_at: moments.remindAt.toISOString(),
      closes_at: moments.closesAt.toISOString(),
      created_by_person_id: null,
      created_at: '2027-02-01T00:00:00.000Z',
      updated_at: '2027-02-01T00:00:00.000Z',
    })
    .execute();
};

/** The next round, taking applications when `round-s` ends. */
export const seedNextRound = (db: Kysely<Database>) =>
  seedRound(db, {
    id: 'round-next',
    name: '2027 September round',
    status: 'open',
    programTimeZone: 'Australia/Sydney',
    applicationsOpenAt: new Date('2027-06-15T00:00:00Z'),
    applicationsCloseAt: new Date('2027-08-20T12:59:00Z'),
    startsOn: '2027-09-01',
    endsOn: '2028-01-01',
  });

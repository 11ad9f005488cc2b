import type { Kysely } from 'kysely';
import { DEFAULT_QUOTA_SETTINGS } from '../../src/core/applications/country-quota';
import type { Round } from '../../src/core/rounds';
import { type Topic, topicMomentAt } from '../../src/core/topics';
import { createRoundsRepository } from '../../src/db/repositories/rounds/rounds-repository';
import { createTopicsRepository } from '../../src/db/repositories/topics/topics-repository';
import type { Database } from '../../src/db/schema';

/**
 * A round under way with participants in partnerships, written straight into the tables (the
 * publish step that fills partnerships belongs to matchmaking), and topics for it. Fast enough for
 * 10,000 participants: multi-row inserts.
 */
export const UNDER_WAY_ROUND: Round = {
  id: 'round-topics',
  name: 'March 2027 round',
  status: 'under-way',
  programTimeZone: 'UTC',
  applicationsOpenAt: new Date('2027-01-01T00:00:00Z'),
  applicationsCloseAt: new Date('2027-02-01T00:00:00Z'),
  startsOn: '2027-03-01',
  endsOn: '2027-06-30',
  quota: DEFAULT_QUOTA_SETTINGS,
};

export const seedUnderWayRound = async (
  db: Kysely<Database>,
  overrides: Partial<Round> = {},
): Promise<Round> => {
  const round = { ...UNDER_WAY_ROUND, ...overrides };
  await createRoundsRepository(db).insertRound(round, new Date('2027-01-01T00:00:00Z'));
  return round;
};

export interface SeededParticipant {
  applicationId: string;
  email: string;
  locale: string;
}

const COUNTRIES = ['AU', 'NG', 'BR', 'IN', 'CA', 'ES', 'FR', 'JP'];
const SLICE = 200;

/**
 * `count` accepted applications of the round, paired two by two into active partnerships (an odd
 * one out joins the last pair as a third). Ids sort in creation order: `<prefix>-000001`, ….
 */
export const seedParticipants = async (
  db: Kysely<Database>,
  input: { roundId: string; count: number; prefix?: string; localeOf?: (index: number) => string },
): Promise<SeededParticipant[]> => {
  const prefix = input.prefix ?? 'p';
  const at = '2027-01-15T00:00:00.000Z';
  const participants = Array.from({ length: input.count }, (_, i) => ({
    applicationId: `${prefix}-${String(i).padStart(6, '0')}`,
    email: `${prefix}${i}@example.org`,
    locale: input.localeOf?.(i) ?? 'en',
  }));
  for (let start = 0; start < participants.length; start += SLICE) {
    await db
      .insertInto('applications')
      .values(
        participants.slice(start, start + SLICE).map((p, j) => ({
          id: p.applicationId,
          round_id: input.roundId,
          person_id: null,
          email: p.email,
          name: `Participant ${start + j}`,
          country_code: COUNTRIES[(start + j) % COUNTRIES.length]!,
          status: 'accepted',
          answers: '{}',
          edit_token_hash: null,
          submitted_at: at,
          updated_at: at,
          locale: p.locale,
        })),
      )
      .execute();
  }
  const groups: SeededParticipant[][] = [];
  for (let i = 0; i + 1 < participants.length; i += 2) groups.push(participants.slice(i, i + 2));
  if (participants.length % 2 === 1) {
    if (groups.length > 0) groups.at(-1)!.push(participants.at(-1)!);
    else groups.push([participants[0]!]);
  }
  for (let start = 0; start < groups.length; start += SLICE) {
    const slice = groups.slice(start, start + SLICE);
    await db
      .insertInto('partnerships')
      .values(
        slice.map((_, j) => ({
          id: `${prefix}-pair-${start + j}`,
          round_id: input.roundId,
          run_id: null,
          status: 'active' as const,
          source: 'test',
          fit: 0,
          details: '{}',
          created_at: at,
          ended_at: null,
          end_reason: null,
        })),
      )
      .execute();
    await db
      .insertInto('partnership_members')
      .values(
        slice.flatMap((group, j) =>
          group.map((p) => ({
            partnership_id: `${prefix}-pair-${start + j}`,
            application_id: p.applicationId,
            person_id: null,
            joined_at: at,
            left_at: null,
            left_reason: null,
          })),
        ),
      )
      .execute();
  }
  return participants;
};

/** A scheduled topic of the round at `dueAt` (UTC round: the day and time are read from it). */
export const seedTopic = async (
  db: Kysely<Database>,
  input: Partial<Topic> & { roundId: string; id: string; dueAt: Date },
  programTimeZone = 'UTC',
): Promise<Topic> => {
  const iso = input.dueAt.toISOString();
  const publishOn = input.publishOn ?? iso.slice(0, 10);
  const publishTime = input.publishTime ?? iso.slice(11, 16);
  const topic: Topic = {
    title: `Topic ${input.id}`,
    body: 'Tell your partner about **your library**.',
    status: 'scheduled',
    publishedAt: null,
    translations: {},
    ...input,
    publishOn,
    publishTime,
    dueAt: input.dueAt ?? topicMomentAt(publishOn, publishTime, programTimeZone),
  };
  await createTopicsRepository(db).insertTopic(topic, new Date('2027-01-20T00:00:00Z'));
  return topic;
};

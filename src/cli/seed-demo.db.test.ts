import { expect, test } from 'vitest';
import { captureCliIo, useCliEnvironment } from '../../tests/support/cli-environment';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/connection';
import { databaseTargetFor } from '../main';
import { runDueCommand } from './run-due';
import { seedDemoCommand } from './seed-demo';

/**
 * `iln seed-demo --applicants N --seed S` then `iln run-due`, as a newcomer or a benchmark would
 * run them on the database the environment names: the round under way has N participants in
 * partnerships and this fortnight's topic due, and one run-due sends that topic to every one of
 * them, once; a second run sends it to nobody.
 */
const N = 40;

useCliEnvironment();
const capture = captureCliIo;

const withDatabase = async <T>(work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>) => {
  const database = openDatabase(databaseTargetFor(loadConfig()));
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
};

test(`seed-demo --applicants ${N}: run-due sends the due topic to all ${N} participants, once`, async () => {
  const seeded = capture();
  expect(await seedDemoCommand.run(['--applicants', String(N), '--seed', '7'], seeded.io)).toBe(0);
  expect(seeded.out.join('\n')).toMatch(
    new RegExp(`Round under way \\S+: ${N} participants in \\d+ partnerships`),
  );
  expect(seeded.out.join('\n')).toContain("this fortnight's due now");

  const before = await withDatabase(async (db) => {
    const round = await db
      .selectFrom('rounds')
      .select('id')
      .where('status', '=', 'under-way')
      .executeTakeFirstOrThrow();
    const members = await db
      .selectFrom('partnership_members')
      .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
      .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
      .select(['applications.id', 'applications.email'])
      .where('partnerships.round_id', '=', round.id)
      .where('partnerships.status', '=', 'active')
      .where('partnership_members.left_at', 'is', null)
      .execute();
    const accepted = await db
      .selectFrom('applications')
      .select('id')
      .where('round_id', '=', round.id)
      .where('status', '=', 'accepted')
      .execute();
    const topics = await db
      .selectFrom('topics')
      .select(['id', 'published_at', 'due_at'])
      .where('round_id', '=', round.id)
      .execute();
    return { roundId: round.id, members, accepted: accepted.length, topics };
  });
  // Every accepted applicant of the round under way is in a partnership.
  expect(before.accepted).toBe(N);
  expect(new Set(before.members.map((m) => m.id)).size).toBe(N);
  // One topic is due (its moment passed, not sent); earlier ones are history, later ones wait.
  const now = Date.now();
  const due = before.topics.filter((t) => t.published_at === null && new Date(t.due_at!).getTime() <= now);
  expect(due).toHaveLength(1);
  expect(before.topics.filter((t) => t.published_at === null).length).toBeGreaterThan(1);

  const first = capture();
  expect(await runDueCommand.run([], first.io)).toBe(0);
  expect(first.out.join('\n')).toMatch(new RegExp(`^topic-delivery: ${N}\\n`));
  const sent = await withDatabase(async (db) => ({
    deliveries: await db
      .selectFrom('topic_deliveries')
      .select('application_id')
      .where('topic_id', '=', due[0]!.id)
      .execute(),
    mail: await db
      .selectFrom('mail_messages')
      .select(['to_address', 'status'])
      .where('kind', '=', 'topic')
      .execute(),
    topic: await db
      .selectFrom('topics')
      .select('published_at')
      .where('id', '=', due[0]!.id)
      .executeTakeFirst(),
  }));
  expect(sent.deliveries.map((d) => d.application_id).sort()).toEqual(before.members.map((m) => m.id).sort());
  expect(sent.mail.map((m) => m.to_address).sort()).toEqual(before.members.map((m) => m.email).sort());
  expect(sent.mail.every((m) => m.status === 'sent')).toBe(true);
  expect(sent.topic?.published_at).not.toBeNull();

  const second = capture();
  expect(await runDueCommand.run([], second.io)).toBe(0);
  expect(second.out.join('\n')).toMatch(/^topic-delivery: 0\n/);
  expect(
    await withDatabase((db) =>
      db.selectFrom('mail_messages').select('id').where('kind', '=', 'topic').execute(),
    ),
  ).toHaveLength(N);
});

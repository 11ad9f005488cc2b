import { expect, test } from 'vitest';
import { captureCliIo, useCliEnvironment } from '../../tests/support/cli-environment';
import { enqueueRawMail } from '../../tests/support/mail';
import { seedParticipants, seedTopic, seedUnderWayRound } from '../../tests/support/topic-fixtures';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { databaseTargetFor } from '../main';
import { runDueCommand } from './run-due';

// The verb opens the database the environment names, as cron would run it.
useCliEnvironment();
const capture = captureCliIo;

const queueMail = async (count: number) => {
  const database = openDatabase(databaseTargetFor(loadConfig()));
  try {
    await migrateToLatest(database.db);
    for (let i = 0; i < count; i++) {
      await enqueueRawMail(
        database.db,
        { to: `p${i}@example.org`, subject: 'Hello', html: '<p>Hi</p>', text: 'Hi', kind: 'test' },
        new Date(Date.now() - 60_000),
      );
    }
  } finally {
    await database.close();
  }
};

const sentCount = async () => {
  const database = openDatabase(databaseTargetFor(loadConfig()));
  try {
    const rows = await database.db.selectFrom('mail_messages').select('status').execute();
    return rows.filter((row) => row.status === 'sent').length;
  } finally {
    await database.close();
  }
};

test('delivers everything due, says what each job did, and finds nothing the second time', async () => {
  await queueMail(45);
  const first = capture();
  expect(await runDueCommand.run([], first.io)).toBe(0);
  expect(first.out.join('\n')).toContain('mail-delivery: 45');
  expect(first.out.join('\n')).toMatch(/round-schedule: 0\nduplicate-check: 0/);
  expect(await sentCount()).toBe(45);
  const second = capture();
  expect(await runDueCommand.run([], second.io)).toBe(0);
  expect(second.out.join('\n')).toContain('mail-delivery: 0');
});

test('runs one job when asked, and refuses a job that does not exist', async () => {
  await queueMail(2);
  const one = capture();
  expect(await runDueCommand.run(['--job', 'round-schedule'], one.io)).toBe(0);
  expect(one.out.join('\n')).toBe('round-schedule: 0');
  expect(await sentCount()).toBe(0);
  const unknown = capture();
  expect(await runDueCommand.run(['--job', 'gardening'], unknown.io)).toBe(2);
  expect(unknown.err.join('\n')).toContain(
    'there is no job "gardening" (topic-delivery, mail-delivery, round-schedule, duplicate-check, applicant-counts-pruning, survey-delivery, check-in-prompts, silent-partner-check, round-closing, retention)',
  );
});

test('one run sends a topic that is due to every active participant, once', async () => {
  const database = openDatabase(databaseTargetFor(loadConfig()));
  try {
    await migrateToLatest(database.db);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const round = await seedUnderWayRound(database.db, { startsOn: day(-7), endsOn: day(100) });
    await seedParticipants(database.db, { roundId: round.id, count: 6 });
    await seedTopic(database.db, { roundId: round.id, id: 'topic-1', dueAt: new Date(Date.now() - 60_000) });
  } finally {
    await database.close();
  }
  const first = capture();
  expect(await runDueCommand.run([], first.io)).toBe(0);
  expect(first.out.join('\n')).toMatch(/^topic-delivery: 6\nmail-delivery: 6\n/);
  expect(await sentCount()).toBe(6);
  const second = capture();
  expect(await runDueCommand.run([], second.io)).toBe(0);
  expect(second.out.join('\n')).toMatch(/^topic-delivery: 0\nmail-delivery: 0\n/);
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { captureLog, type LogLine } from '../../../tests/support/capture-log';
import {
  createTestClock,
  startTestSmtpServer,
  type TestClock,
  type TestSmtpServer,
  testConfig,
  testServiceDeps,
} from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { seedParticipants, seedTopic, seedUnderWayRound } from '../../../tests/support/topic-fixtures';
import { assembleContainer, type Container } from '../../composition/container';
import { hashToken } from '../../core/applications/application-token';
import { fortnightAt } from '../../core/checkins/fortnights';
import { runDueJobs } from '../../jobs';
import { DEFAULT_MAIL_CONCURRENCY } from '../mail/deliver-due-mail';
import type { UseCaseDeps } from '../ports/deps';
import { deliverTopic, listDueTopics } from './deliver-due-topics';

let database: TestDatabase;
let clock: TestClock;
let log: ReturnType<typeof captureLog>;
let ctx: Container;
const ROUND = 'round-topics';
const DUE = new Date('2027-03-15T09:00:00.000Z');

const container = (config: Parameters<typeof testConfig>[0] = {}) =>
  assembleContainer(testConfig(config), database, log, { now: clock.now });

beforeEach(async () => {
  database = await createTestDatabase();
  clock = createTestClock('2027-03-15T09:00:30.000Z');
  log = captureLog();
  ctx = container();
  await seedUnderWayRound(database.db);
});
afterEach(async () => {
  await database.dispose();
});

const mailRows = () =>
  database.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'dedupe_key', 'kind', 'text_body', 'html_body', 'status'])
    .where('kind', '=', 'topic')
    .orderBy('to_address')
    .execute();
const deliveryCount = async (topicId: string) =>
  Number(
    (
      await database.db
        .selectFrom('topic_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('topic_id', '=', topicId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const published = async (topicId: string) =>
  (
    await database.db
      .selectFrom('topics')
      .select('published_at')
      .where('id', '=', topicId)
      .executeTakeFirstOrThrow()
  ).published_at;
const messagesOf = (lines: LogLine[], level: LogLine['level']) =>
  lines.filter((line) => line.level === level).map((line) => line.message);

describe('fan-out', () => {
  test('a due topic is queued once for each active participant, in their language where it is translated', async () => {
    const participants = await seedParticipants(database.db, {
      roundId: ROUND,
      count: 8,
      localeOf: (i) => (i === 0 ? 'es-MX' : i === 1 ? 'fr' : 'en'),
    });
    // p-000002 left their partnership; p-000004 and p-000005 are in a partnership that ended.
    await database.db
      .updateTable('partnership_members')
      .set({ left_at: '2027-03-10T00:00:00.000Z', left_reason: 'withdrawn' })
      .where('application_id', '=', 'p-000002')
      .execute();
    await database.db
      .updateTable('partnerships')
      .set({ status: 'ended' })
      .where('id', '=', 'p-pair-2')
      .execute();
    // Someone in another round under way gets nothing of this round's topic.
    await seedUnderWayRound(database.db, { id: 'other-round', name: 'Other round' });
    await seedParticipants(database.db, { roundId: 'other-round', count: 2, prefix: 'o' });
    await seedTopic(database.db, {
      roundId: ROUND,
      id: 't1',
      dueAt: DUE,
      title: 'Getting to know you',
      body: 'Say **hello**.',
      translations: { es: { title: 'Conocerse', body: 'Di **hola**.' } },
    });

    expect(await ctx.services.topics.listDue()).toEqual([{ topicId: 't1' }]);
    expect(await ctx.services.topics.deliver('t1')).toBe(5);
    const rows = await mailRows();
    expect(rows.map((row) => row.to_address)).toEqual([
      'p0@example.org',
      'p1@example.org',
      'p3@example.org',
      'p6@example.org',
      'p7@example.org',
    ]);
    expect(rows.map((row) => row.dedupe_key)).toEqual([
      'topic:t1:p-000000',
      'topic:t1:p-000001',
      'topic:t1:p-000003',
      'topic:t1:p-000006',
      'topic:t1:p-000007',
    ]);
    const [spanish, french] = rows;
    expect(spanish?.subject).toBe('Topic 1: Conocerse');
    expect(spanish?.html_body).toContain('Di <strong>hola</strong>.');
    expect(spanish?.text_body).toContain('Di **hola**.');
    // The email is in French around the topic's English text.
    expect(french?.subject).toBe('Sujet 1\u00a0: Getting to know you');
    expect(french?.html_body).toContain('lang="en"');
    expect(french?.html_body).toContain('http://localhost:3000/topics/t1?lang=en');
    expect(participants).toHaveLength(8);
    expect(await deliveryCount('t1')).toBe(5);
    expect(await published('t1')).toBe('2027-03-15T09:00:30.000Z');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'details'])
      .where('action', '=', 'topic.sent')
      .execute();
    expect(audit).toEqual([
      { action: 'topic.sent', subject_id: 't1', details: expect.stringContaining('"participants":5') },
    ]);

    // Sent to everyone: no longer due, and a second pass changes nothing.
    expect(await ctx.services.topics.listDue()).toEqual([]);
    expect(await ctx.services.topics.deliver('t1')).toBe(0);
    expect(await mailRows()).toHaveLength(5);
    expect(messagesOf(log.lines, 'info')).toContain(
      'topic "Getting to know you" is due; sending it to every active participant',
    );
  });

  test("each topic email carries the fortnight's three one-click check-in links, stored as hashes for that participant", async () => {
    await seedParticipants(database.db, { roundId: ROUND, count: 4 });
    await seedTopic(database.db, {
      roundId: ROUND,
      id: 't1',
      dueAt: DUE,
      title: 'Hello',
      body: 'Say hello.',
    });
    expect(await ctx.services.topics.deliver('t1')).toBe(4);
    const links = await database.db
      .selectFrom('check_in_links')
      .select(['token_hash', 'application_id', 'fortnight'])
      .execute();
    const ownerOf = new Map(links.map((link) => [link.token_hash, link]));
    expect(links).toHaveLength(4);
    const round = await ctx.services.rounds.find(ROUND);
    const fortnight = fortnightAt(round!, DUE);
    for (const row of await mailRows()) {
      const tokens = [...row.text_body.matchAll(/\/check-in\/([A-Za-z0-9._~-]+)\?answer=([a-z-]+)/g)];
      expect(tokens.map((match) => match[2]).sort()).toEqual(['in-touch', 'not-responding', 'not-yet']);
      expect(new Set(tokens.map((match) => match[1])).size).toBe(1);
      const stored = ownerOf.get(hashToken(tokens[0]![1]!));
      expect(stored?.application_id).toBe(row.dedupe_key?.split(':')[2]);
      expect(stored?.fortnight).toBe(fortnight);
      expect(row.html_body).toContain(`/check-in/${tokens[0]![1]}`);
    }
  });

  test('nothing goes out before its moment, as a draft, or before the round is under way', async () => {
    await seedParticipants(database.db, { roundId: ROUND, count: 4 });
    await seedTopic(database.db, { roundId: ROUND, id: 'later', dueAt: new Date('2027-03-29T09:00:00Z') });
    await seedTopic(database.db, { roundId: ROUND, id: 'draft', dueAt: DUE, status: 'draft' });
    await seedUnderWayRound(database.db, { id: 'matching-round', status: 'matching' });
    await seedParticipants(database.db, { roundId: 'matching-round', count: 2, prefix: 'm' });
    await seedTopic(database.db, { roundId: 'matching-round', id: 'early', dueAt: DUE });

    expect(await ctx.services.topics.listDue()).toEqual([]);
    for (const id of ['later', 'draft', 'early']) expect(await ctx.services.topics.deliver(id)).toBe(0);
    expect(await mailRows()).toEqual([]);

    clock.set('2027-03-29T09:00:00.000Z');
    expect(await ctx.services.topics.listDue()).toEqual([{ topicId: 'later' }]);
    await database.db
      .updateTable('rounds')
      .set({ status: 'under-way' })
      .where('id', '=', 'matching-round')
      .execute();
    expect(await ctx.services.topics.listDue()).toEqual([{ topicId: 'early' }, { topicId: 'later' }]);
  });

  test('two fan-outs of one topic at once queue each email exactly once', async () => {
    await seedParticipants(database.db, { roundId: ROUND, count: 60 });
    await seedTopic(database.db, { roundId: ROUND, id: 't1', dueAt: DUE });
    const [a, b, c] = await Promise.all([
      ctx.services.topics.deliver('t1', { batchSize: 7 }),
      ctx.services.topics.deliver('t1', { batchSize: 5 }),
      container().services.topics.deliver('t1', { batchSize: 11 }),
    ]);
    expect(a + b + c).toBe(60);
    const rows = await mailRows();
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((row) => row.to_address)).size).toBe(60);
    expect(await deliveryCount('t1')).toBe(60);
    expect(
      await database.db.selectFrom('audit_log').select('id').where('action', '=', 'topic.sent').execute(),
    ).toHaveLength(1);
  });

  test('a fan-out stopped half way is finished by the next pass, which says it is resuming', async () => {
    await seedParticipants(database.db, { roundId: ROUND, count: 30 });
    await seedTopic(database.db, { roundId: ROUND, id: 't1', dueAt: DUE, title: 'Library spaces' });
    let batches = 0;
    const stopAfterTwo = () => batches++ >= 2;
    expect(await ctx.services.topics.deliver('t1', { batchSize: 10, isStopping: stopAfterTwo })).toBe(20);
    expect(await published('t1')).toBeNull();
    expect(await ctx.services.topics.listDue()).toEqual([{ topicId: 't1' }]);
    expect(await ctx.services.topics.deliver('t1', { batchSize: 10 })).toBe(10);
    expect(await mailRows()).toHaveLength(30);
    expect(await published('t1')).not.toBeNull();
    expect(messagesOf(log.lines, 'info')).toContain('resuming topic "Library spaces": 20 already queued');
  });

  test('a batch whose transaction fails leaves nothing behind, and the next pass sends it', async () => {
    await seedParticipants(database.db, { roundId: ROUND, count: 12 });
    await seedTopic(database.db, { roundId: ROUND, id: 't1', dueAt: DUE });
    const deps = testServiceDeps(database, { now: clock.now });
    let transactions = 0;
    const crashing: UseCaseDeps = {
      ...deps,
      uow: {
        ...deps.uow,
        transaction: (work) =>
          deps.uow.transaction(async (store) => {
            const result = await work(store);
            // The second batch is written, then the process "dies" before its commit.
            if (++transactions === 2) throw new Error('killed before the commit');
            return result;
          }),
      },
    };
    await expect(deliverTopic(crashing, 't1', { batchSize: 5 })).rejects.toThrow('killed before the commit');
    expect(await deliveryCount('t1')).toBe(5);
    expect(await mailRows()).toHaveLength(5);
    expect(await deliverTopic(deps, 't1', { batchSize: 5 })).toBe(7);
    const rows = await mailRows();
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((row) => row.dedupe_key)).size).toBe(12);
  });

  test('a topic that fell due while the program was down is sent when it comes back, and the log says so', async () => {
    await seedParticipants(database.db, { roundId: ROUND, count: 4 });
    await seedTopic(database.db, { roundId: ROUND, id: 't1', dueAt: DUE, title: 'Getting to know you' });
    await seedTopic(database.db, {
      roundId: ROUND,
      id: 't2',
      dueAt: new Date('2027-03-29T09:00:00Z'),
      title: 'Library spaces',
    });
    clock.set('2027-03-30T12:00:00.000Z');
    expect(await ctx.services.topics.listDue()).toEqual([{ topicId: 't1' }, { topicId: 't2' }]);
    const handled = await runDueJobs(ctx.jobs().filter((job) => job.name === 'topic-delivery'));
    expect(handled).toEqual({ 'topic-delivery': 8 });
    const warnings = log.lines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => line.message)).toEqual([
      'topic "Getting to know you" (t1) fell due at 2027-03-15T09:00:00.000Z while the program was down; sending now',
      'topic "Library spaces" (t2) fell due at 2027-03-29T09:00:00.000Z while the program was down; sending now',
    ]);
    expect(warnings[0]?.details).toMatchObject({ topicId: 't1', lateMinutes: 21_780 });
    expect((await mailRows()).map((row) => row.subject).sort()).toEqual([
      ...Array(4).fill('Topic 1: Getting to know you'),
      ...Array(4).fill('Topic 2: Library spaces'),
    ]);
  });

  test('listDueTopics mirrors the pure rule', async () => {
    await seedTopic(database.db, { roundId: ROUND, id: 't1', dueAt: DUE });
    const deps = testServiceDeps(database, { now: () => new Date(DUE.getTime() - 1) });
    expect(await listDueTopics(deps)).toEqual([]);
    expect(await listDueTopics(testServiceDeps(database, { now: () => DUE }))).toEqual([{ topicId: 't1' }]);
  });
});

describe('exactly once when SMTP is down for a while, then back', () => {
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    smtp = await startTestSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
  });

  test('every participant gets the topic exactly once, through a real SMTP server on loopback', async () => {
    const participants = await seedParticipants(database.db, { roundId: ROUND, count: 60 });
    await seedTopic(database.db, { roundId: ROUND, id: 't1', dueAt: DUE, title: 'Getting to know you' });
    const port = Number(new URL(smtp.url).port);
    ctx = container({ smtpUrl: smtp.url });
    try {
      await smtp.close(); // the mail server goes down
      let handled = await runDueJobs(ctx.jobs());
      expect(handled['topic-delivery']).toBe(60);
      // One group of messages found the server down; the rest waited without using an attempt.
      expect(handled['mail-delivery']).toBe(0);
      expect(DEFAULT_MAIL_CONCURRENCY).toBeLessThan(60);
      const attempted = await database.db
        .selectFrom('mail_messages')
        .select(['attempts', 'status'])
        .where('attempts', '>', 0)
        .execute();
      expect(attempted).toHaveLength(DEFAULT_MAIL_CONCURRENCY);
      expect(attempted.every((row) => row.status === 'pending')).toBe(true);

      for (let minutes = 0; minutes < 20; minutes++) {
        clock.advance(60_000);
        handled = await runDueJobs(ctx.jobs());
        expect(handled['mail-delivery']).toBe(0);
      }
      smtp = await startTestSmtpServer({ port }); // back
      clock.advance(60 * 60_000);
      handled = await runDueJobs(ctx.jobs());
      expect(handled['mail-delivery']).toBeGreaterThanOrEqual(60);

      const received = smtp.received.map((mail) => mail.envelopeTo.join(','));
      expect(received.sort()).toEqual(participants.map((p) => p.email).sort());
      expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(60);
      expect(smtp.received.every((mail) => mail.subject === 'Topic 1: Getting to know you')).toBe(true);
      const statuses = await database.db.selectFrom('mail_messages').select('status').execute();
      expect(statuses.every((row) => row.status === 'sent')).toBe(true);
      // Nothing more is due.
      clock.advance(24 * 60 * 60_000);
      expect(await runDueJobs(ctx.jobs())).toMatchObject({ 'topic-delivery': 0, 'mail-delivery': 0 });
      expect(smtp.received).toHaveLength(60);
    } finally {
      ctx.transport.close();
    }
  }, 120_000);
});

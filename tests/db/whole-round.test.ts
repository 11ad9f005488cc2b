import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckInAnswer } from '../../src/core/checkins/check-in';
import { countFortnights } from '../../src/core/checkins/fortnights';
import { runDueJobs } from '../../src/jobs';
import {
  CHECK_IN_PEOPLE,
  checkInTokensSentTo,
  ROUND_ENDS_AT,
  seedCheckInRound,
} from '../support/check-in-fixtures';
import { PROGRAM_COORDINATOR } from '../support/partnership-fixtures';
import {
  npsQuestionForm,
  SURVEY_REMIND_AT,
  SURVEY_SEND_AT,
  surveySettingsForm,
  surveyTokensSentTo,
} from '../support/survey-fixtures';
import { createTestContext } from '../support/test-app';

/**
 * A whole round driven by a test clock, on SQLite and PostgreSQL: the check-in fixture's round
 * (1 March – 1 July 2027 in Sydney; pairs ke-1+ng-1, ke-2+gb-1, ng-2+gb-2, br-1+pt-1) with three
 * topics and a mid-round survey written through the coordinators' use cases. Every 12 hours from
 * two days before the start to three days after the end the clock moves on and every job runs
 * once, as `iln run-due` from cron would (runDueJobs), and then the participants act on the mail
 * they have, through the use cases the link pages call:
 *
 * - everyone answers each check-in email "we've been in touch", except ke-2, who answers the first
 *   one "my partner isn't responding" and then waits; gb-1, silent, answers only once reminded,
 *   after which both answer every fortnight;
 * - ke-1 answers the survey.
 *
 * Then: each topic went out on its day, to each participant once; a check-in email each
 * fortnight; the silent partner was flagged and reminded once; the survey's reminder skipped the
 * one who answered; at the end the partnerships closed and each participant had one closing
 * email, and nothing more was sent while the clock ran on.
 */
const HOUR = 3_600_000;
const STEP = 12 * HOUR;
const START = new Date('2027-02-27T00:00:00.000Z');
const STOP = new Date(ROUND_ENDS_AT.getTime() + 3 * 24 * HOUR);
const PEOPLE = CHECK_IN_PEOPLE.map((person) => person.id);
const address = (id: string) => `${id}@example.org`;

/** Topics on the first days of fortnights 1, 3 and 8, at 09:00 Sydney time. */
const TOPICS = [
  { publishOn: '2027-03-01', title: 'Getting to know you', dueAt: '2027-02-28T22:00:00.000Z' },
  { publishOn: '2027-03-29', title: 'Where we work', dueAt: '2027-03-28T22:00:00.000Z' },
  { publishOn: '2027-06-14', title: 'What next?', dueAt: '2027-06-13T23:00:00.000Z' },
];

let context: Awaited<ReturnType<typeof createTestContext>>;
const log = {
  steps: 0,
  checkIns: [] as { id: string; answer: CheckInAnswer; at: Date }[],
  flaggedAt: undefined as Date | undefined,
  remindedAt: undefined as Date | undefined,
  interventionsWhenReminded: [] as string[],
  surveyAnswered: false,
};

beforeAll(async () => {
  context = await createTestContext({ now: START });
  const { ctx, database, clock } = context;
  const db = database.db;
  await seedCheckInRound(db);
  for (const topic of TOPICS) {
    await ctx.services.topics.create({
      viewer: PROGRAM_COORDINATOR,
      roundId: 'round-s',
      form: {
        title: topic.title,
        body: `Talk about **${topic.title.toLowerCase()}**.`,
        publishOn: topic.publishOn,
        publishTime: '09:00',
        status: 'scheduled',
      },
    });
  }
  const survey = await ctx.services.surveys.create({
    viewer: PROGRAM_COORDINATOR,
    roundId: 'round-s',
    form: surveySettingsForm(),
  });
  await ctx.services.surveys.addQuestion({
    viewer: PROGRAM_COORDINATOR,
    surveyId: survey.id,
    form: npsQuestionForm,
  });
  await ctx.services.surveys.schedule({ viewer: PROGRAM_COORDINATOR, surveyId: survey.id });

  const used = new Set<string>();
  const answerNewLinks = async (id: string, answer: CheckInAnswer) => {
    for (const token of await checkInTokensSentTo(db, address(id))) {
      if (used.has(token)) continue;
      used.add(token);
      const result = await ctx.services.checkIns.confirm({ token, answer });
      // The reminder carries the fortnight's links again: the second answer changes nothing.
      expect(['recorded', 'unchanged'], `${id}'s check-in at ${clock.now().toISOString()}`).toContain(
        result.state,
      );
      if (result.state === 'recorded') log.checkIns.push({ id, answer, at: clock.now() });
    }
  };
  const reminders = () =>
    db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('kind', '=', 'silent-partner-reminder')
      .execute();

  for (let at = START.getTime(); at <= STOP.getTime(); at += STEP) {
    clock.set(new Date(at));
    await runDueJobs(ctx.jobs());
    log.steps++;
    const round = await ctx.services.checkIns.round({ viewer: PROGRAM_COORDINATOR, roundId: 'round-s' });
    if (!log.flaggedAt && round.interventions.some((i) => i.partnershipId === 'round-s-p1')) {
      log.flaggedAt = clock.now();
    }
    const wasReminded = log.remindedAt !== undefined;
    if (!wasReminded && (await reminders()).length > 0) {
      log.remindedAt = clock.now();
      log.interventionsWhenReminded = round.interventions.map((i) => i.partnershipId);
    }
    for (const id of ['ke-1', 'ng-1', 'ng-2', 'gb-2', 'br-1', 'pt-1']) await answerNewLinks(id, 'in-touch');
    if (!log.checkIns.some((c) => c.id === 'ke-2')) await answerNewLinks('ke-2', 'not-responding');
    if (log.remindedAt) {
      // The friendly reminder worked: gb-1 answers, and from now on both keep in touch.
      await answerNewLinks('gb-1', 'in-touch');
      await answerNewLinks('ke-2', 'in-touch');
    }
    if (!log.surveyAnswered) {
      const [token] = await surveyTokensSentTo(db, address('ke-1'));
      if (token) {
        const result = await ctx.services.surveys.submitAnswers({ token, body: { q_q1: '9' } });
        expect(result.state).toBe('recorded');
        log.surveyAnswered = true;
      }
    }
  }
}, 600_000);
afterAll(async () => {
  await context?.dispose();
});

const mailOf = (kind: string) =>
  context.database.db
    .selectFrom('mail_messages')
    .select(['to_address', 'created_at', 'status', 'subject'])
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();

const perAddress = (rows: { to_address: string }[]) => {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.to_address] = (counts[row.to_address] ?? 0) + 1;
  return counts;
};
const eachOnce = (times: number) => Object.fromEntries(PEOPLE.map((id) => [address(id), times]));

describe('a round from start to finish', () => {
  test('each topic went out on its day (within one step of its moment), to each participant once', async () => {
    const topics = await mailOf('topic');
    expect(perAddress(topics)).toEqual(eachOnce(TOPICS.length));
    for (const topic of TOPICS) {
      const sent = topics.filter((row) => row.subject.includes(topic.title));
      expect(sent, topic.title).toHaveLength(PEOPLE.length);
      for (const row of sent) {
        const queuedAt = new Date(row.created_at).getTime();
        expect(queuedAt).toBeGreaterThanOrEqual(new Date(topic.dueAt).getTime());
        expect(queuedAt).toBeLessThan(new Date(topic.dueAt).getTime() + STEP);
      }
    }
    expect(topics.every((row) => row.status === 'sent')).toBe(true);
    const published = await context.database.db
      .selectFrom('topics')
      .select('published_at')
      .where('round_id', '=', 'round-s')
      .execute();
    expect(published.every((row) => row.published_at !== null)).toBe(true);
  });

  test('a check-in link every fortnight (in the topic email, or on its own), answered through the link use case', async () => {
    const fortnights = countFortnights({
      startsOn: '2027-03-01',
      endsOn: '2027-07-01',
      programTimeZone: 'Australia/Sydney',
    });
    expect(fortnights).toBe(9);
    for (const id of PEOPLE) {
      // gb-1's reminder carried the fortnight's links too.
      expect((await checkInTokensSentTo(context.database.db, address(id))).length, id).toBe(
        fortnights + (id === 'gb-1' ? 1 : 0),
      );
    }
    const rows = await context.database.db
      .selectFrom('check_ins')
      .select(['application_id', 'fortnight', 'answer', 'source'])
      .where('round_id', '=', 'round-s')
      .execute();
    expect(rows.every((row) => row.source === 'link')).toBe(true);
    // The four who never missed a fortnight.
    for (const id of ['ke-1', 'ng-1', 'br-1', 'pt-1']) {
      expect(
        rows
          .filter((row) => row.application_id === id)
          .map((row) => row.fortnight)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: fortnights }, (_, index) => index + 1));
    }
    expect(rows.filter((row) => row.answer === 'not-responding')).toEqual([
      { application_id: 'ke-2', fortnight: 1, answer: 'not-responding', source: 'link' },
    ]);
  });

  test('the silent partner was flagged, reminded once, and the partnership went back to normal', async () => {
    expect(log.flaggedAt).toBeDefined();
    expect(log.remindedAt).toBeDefined();
    expect(log.remindedAt!.getTime()).toBeGreaterThanOrEqual(log.flaggedAt!.getTime());
    expect(log.interventionsWhenReminded).toEqual(['round-s-p1']);
    const reminders = await mailOf('silent-partner-reminder');
    expect(reminders.map((row) => row.to_address)).toEqual([address('gb-1')]);
    const episodes = await context.database.db
      .selectFrom('silent_partner_episodes')
      .select(['partnership_id', 'reason', 'reminded_at'])
      .execute();
    expect(episodes).toEqual([
      expect.objectContaining({ partnership_id: 'round-s-p1', reason: 'reported-not-responding' }),
    ]);
    expect(episodes[0]!.reminded_at).not.toBeNull();
    expect(log.checkIns.some((c) => c.id === 'gb-1' && c.at.getTime() >= log.remindedAt!.getTime())).toBe(
      true,
    );
  });

  test('the survey went to everyone once; its reminder skipped the one who answered', async () => {
    const invitations = await mailOf('survey-invitation');
    expect(perAddress(invitations)).toEqual(eachOnce(1));
    expect(new Date(invitations[0]!.created_at).getTime()).toBeGreaterThanOrEqual(SURVEY_SEND_AT.getTime());
    const reminders = await mailOf('survey-reminder');
    expect(perAddress(reminders)).toEqual(
      Object.fromEntries(PEOPLE.filter((id) => id !== 'ke-1').map((id) => [address(id), 1])),
    );
    expect(new Date(reminders[0]!.created_at).getTime()).toBeGreaterThanOrEqual(SURVEY_REMIND_AT.getTime());
    expect(await context.database.db.selectFrom('survey_responses').select('id').execute()).toHaveLength(1);
  });

  test('at the end the round finished, partnerships closed, one closing email each, then quiet', async () => {
    const round = await context.database.db
      .selectFrom('rounds')
      .select('status')
      .where('id', '=', 'round-s')
      .executeTakeFirstOrThrow();
    expect(round.status).toBe('finished');
    const partnerships = await context.database.db
      .selectFrom('partnerships')
      .select(['status', 'ended_at'])
      .where('round_id', '=', 'round-s')
      .execute();
    expect(partnerships).toHaveLength(4);
    for (const partnership of partnerships) {
      expect(partnership.status).toBe('ended');
      expect(new Date(partnership.ended_at!).getTime()).toBeGreaterThanOrEqual(ROUND_ENDS_AT.getTime());
    }
    const closing = await mailOf('round-closing');
    expect(perAddress(closing)).toEqual(eachOnce(1));
    for (const row of closing) {
      expect(new Date(row.created_at).getTime()).toBeGreaterThanOrEqual(ROUND_ENDS_AT.getTime());
      expect(new Date(row.created_at).getTime()).toBeLessThan(ROUND_ENDS_AT.getTime() + STEP);
    }
    // Nothing after the round's last day but the closing emails; every message left the queue.
    const after = await context.database.db
      .selectFrom('mail_messages')
      .select(['kind', 'status'])
      .where('created_at', '>=', new Date(ROUND_ENDS_AT.getTime() + STEP).toISOString())
      .execute();
    expect(after).toEqual([]);
    const unsent = await context.database.db
      .selectFrom('mail_messages')
      .select('id')
      .where('status', '!=', 'sent')
      .execute();
    expect(unsent).toEqual([]);
    expect(log.steps).toBe(Math.floor((STOP.getTime() - START.getTime()) / STEP) + 1);
  });
});

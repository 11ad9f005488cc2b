import { afterEach, beforeEach, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { createApplicationsRepository } from '../../db/repositories/applications/applications-repository';
import { createPeopleRepository } from '../../db/repositories/people/people-repository';
import { createRoundsRepository } from '../../db/repositories/rounds/rounds-repository';
import { createServices } from '..';
import { isProgramEmpty, seedDemo } from './seed-demo';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

const now = () => new Date('2026-11-29T10:00:00Z');

test('seeds an open round with a skewed pool, a closed round to match, a round under way with partners, and the demo coordinators', async () => {
  expect(await isProgramEmpty(testServiceDeps(database, { now }))).toBe(true);
  const result = await seedDemo(testServiceDeps(database, { now }), {
    applicants: 400,
    seed: 2026,
    isProduction: false,
  });
  expect(await isProgramEmpty(testServiceDeps(database, { now }))).toBe(false);

  const rounds = createRoundsRepository(database.db);
  const open = await rounds.getRound(result.openRound.id);
  const running = await rounds.getRound(result.runningRound.id);
  expect(open.status).toBe('open');
  expect(open.applicationsOpenAt.getTime()).toBeLessThan(now().getTime());
  expect(open.applicationsCloseAt.getTime()).toBeGreaterThan(now().getTime());
  expect(running.status).toBe('under-way');
  const closed = await rounds.getRound(result.closedRound.id);
  expect(closed.status).toBe('closed');
  expect(closed.applicationsCloseAt.getTime()).toBeLessThan(now().getTime());

  const applications = createApplicationsRepository(database.db);
  const pool = await applications.listRoundApplications(open.id);
  expect(pool).toHaveLength(400);
  const byCountry = new Map<string, number>();
  for (const application of pool)
    byCountry.set(application.countryCode, (byCountry.get(application.countryCode) ?? 0) + 1);
  expect(byCountry.size).toBeGreaterThanOrEqual(35);
  expect(byCountry.size).toBeLessThanOrEqual(45);
  // A few countries hold most applicants, and the biggest one goes over the 20% quota.
  const sizes = [...byCountry.values()].sort((a, b) => b - a);
  expect(sizes.slice(0, 5).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(160);
  // Every application waits for the quota to be settled at the close; the top country is over it.
  expect(pool.every((a) => a.status === 'pending')).toBe(true);
  expect(result.openRound.overQuota).toBe((sizes[0] ?? 0) - Math.ceil(0.2 * pool.length));
  expect(result.openRound.overQuota).toBeGreaterThan(0);
  expect(pool.every((a) => a.submittedAt.getTime() <= now().getTime())).toBe(true);
  expect((await applications.listRoundApplications(running.id)).every((a) => a.status === 'accepted')).toBe(
    true,
  );
  // The closed round: accepted applicants from many countries, ready to be matched, not matched yet.
  const closedPool = await applications.listRoundApplications(closed.id);
  expect(closedPool).toHaveLength(400);
  expect(closedPool.every((a) => a.status === 'accepted')).toBe(true);
  expect(new Set(closedPool.map((a) => a.countryCode)).size).toBeGreaterThanOrEqual(35);
  expect(
    await database.db.selectFrom('match_runs').select('id').where('round_id', '=', closed.id).execute(),
  ).toEqual([]);

  // The round under way was matched and published through the use cases: one published run, its
  // partnerships, participants who can sign in, and one introduction per participant.
  const runs = await database.db.selectFrom('match_runs').select(['round_id', 'status']).execute();
  expect(runs).toEqual([{ round_id: running.id, status: 'published' }]);
  const members = await database.db
    .selectFrom('partnership_members')
    .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
    .select(['partnership_members.application_id', 'partnership_members.person_id'])
    .where('partnerships.round_id', '=', running.id)
    .execute();
  expect(members.length).toBe(result.runningRound.participants);
  expect(result.runningRound.participants).toBeGreaterThan(380);
  expect(result.runningRound.partnerships).toBeGreaterThan(180);
  expect(members.every((m) => m.person_id !== null)).toBe(true);
  const introductions = await database.db
    .selectFrom('mail_messages')
    .select('id')
    .where('kind', '=', 'partnership-introduction')
    .execute();
  expect(introductions).toHaveLength(result.runningRound.participants);
  // Some check-ins, and exactly one partnership on the intervention list (one partner says the
  // other is not responding); the participants the home page offers have not checked in.
  const checkIns = await database.db
    .selectFrom('check_ins')
    .select(['application_id', 'answer'])
    .where('round_id', '=', running.id)
    .execute();
  expect(checkIns).toHaveLength(result.runningRound.checkIns);
  expect(checkIns.length).toBeGreaterThan(100);
  expect(checkIns.filter((c) => c.answer === 'not-responding')).toHaveLength(1);
  const services = createServices(testServiceDeps(database, { now }));
  const coordinator = await createPeopleRepository(database.db).findViewerByEmail(result.coordinatorEmail);
  const view = await services.checkIns.round({ viewer: coordinator!, roundId: running.id });
  expect(view.interventions.map((i) => i.reason)).toEqual(['reported-not-responding']);
  for (const email of result.participantEmails) {
    const viewer = await createPeopleRepository(database.db).findViewerByEmail(email);
    expect((await services.checkIns.mine(viewer ?? null)).history).toEqual([]);
  }
  expect(result.participantEmails).toHaveLength(2);
  // Everyone accepted into the round under way has a partner.
  expect(result.runningRound.participants).toBe(400);
  // The topic calendar: earlier fortnights' topics are history, this fortnight's is due now.
  const due = await services.topics.listDue();
  expect(due).toEqual([{ topicId: result.runningRound.dueTopicId }]);
  const topics = await database.db
    .selectFrom('topics')
    .select(['published_at'])
    .where('round_id', '=', running.id)
    .execute();
  expect(topics).toHaveLength(result.runningRound.topics);
  expect(topics.filter((topic) => topic.published_at !== null).length).toBeGreaterThan(0);
  // A mid-round survey sent to everyone and answered by about half, not by the offered sign-ins.
  expect(result.runningRound.survey.invited).toBe(400);
  expect(result.runningRound.survey.answered).toBeGreaterThan(150);
  expect(result.runningRound.survey.answered).toBeLessThan(250);
  const rates = await services.surveys.responseRates(coordinator!, running.id);
  expect(rates).toEqual([
    expect.objectContaining({ phase: 'open', invited: 400, answered: result.runningRound.survey.answered }),
  ]);
  for (const email of result.participantEmails) {
    expect(await createPeopleRepository(database.db).findViewerByEmail(email)).toMatchObject({
      isProgramCoordinator: false,
      coordinatedCountryCodes: [],
    });
  }

  const people = createPeopleRepository(database.db);
  expect(await people.findViewerByEmail(result.coordinatorEmail)).toMatchObject({
    isProgramCoordinator: true,
  });
  expect(await people.findViewerByEmail(result.countryCoordinatorEmail)).toMatchObject({
    isProgramCoordinator: false,
    coordinatedCountryCodes: [result.countryCoordinatorCountry],
  });
  const setting = await database.db
    .selectFrom('program_settings')
    .selectAll()
    .where('key', '=', 'demo')
    .executeTakeFirstOrThrow();
  expect(JSON.parse(setting.value)).toMatchObject({
    coordinatorEmail: result.coordinatorEmail,
    participantEmails: result.participantEmails,
  });
});

test('the same seed gives the same people', async () => {
  const first = await seedDemo(testServiceDeps(database, { now }), {
    applicants: 20,
    seed: 5,
    isProduction: false,
  });
  const later = () => new Date('2026-11-29T10:00:01Z');
  const second = await seedDemo(testServiceDeps(database, { now: later }), {
    applicants: 20,
    seed: 5,
    isProduction: false,
  });
  const applications = createApplicationsRepository(database.db);
  const names = async (roundId: string) =>
    (await applications.listRoundApplications(roundId)).map((a) => a.name).sort();
  expect(await names(second.openRound.id)).toEqual(await names(first.openRound.id));
  expect(await names(second.closedRound.id)).toEqual(await names(first.closedRound.id));
  // In the same database the second demo's partners differ: nobody is paired with an earlier
  // round's partner. On a fresh database the same seed gives the same partnerships.
  const other = await createTestDatabase();
  try {
    const again = await seedDemo(testServiceDeps(other, { now }), {
      applicants: 20,
      seed: 5,
      isProduction: false,
    });
    const partners = async (db: TestDatabase['db'], roundId: string) => {
      const rows = await db
        .selectFrom('partnership_members')
        .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
        .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
        .select(['partnerships.id', 'applications.email'])
        .where('partnerships.round_id', '=', roundId)
        .execute();
      const groups = new Map<string, string[]>();
      for (const row of rows) groups.set(row.id, [...(groups.get(row.id) ?? []), row.email].sort());
      return [...groups.values()].map((group) => group.join('+')).sort();
    };
    const firstPartners = await partners(database.db, first.runningRound.id);
    expect(firstPartners.length).toBeGreaterThan(5);
    expect(await partners(other.db, again.runningRound.id)).toEqual(firstPartners);
    expect(again.participantEmails).toEqual(first.participantEmails);
    const secondPartners = await partners(database.db, second.runningRound.id);
    const repeated = secondPartners.filter((group) => firstPartners.includes(group));
    expect(repeated).toEqual([]);
  } finally {
    await other.dispose();
  }
});

test('seeding the demo stays fast enough for a first `npm start`', async () => {
  const started = performance.now();
  await seedDemo(testServiceDeps(database, { now }), { applicants: 400, seed: 2026, isProduction: false });
  // Measured at about 1-2 s on the 2-core machine (SQLite); the bound only catches a regression.
  expect((performance.now() - started) / 1000).toBeLessThan(15);
});

test('never in production, and the size is checked', async () => {
  await expect(
    seedDemo(testServiceDeps(database, { now }), { applicants: 10, seed: 1, isProduction: true }),
  ).rejects.toMatchObject({
    code: 'FORBIDDEN',
  });
  await expect(
    seedDemo(testServiceDeps(database, { now }), { applicants: 1, seed: 1, isProduction: false }),
  ).rejects.toMatchObject({
    code: 'VALIDATION',
  });
  expect(await isProgramEmpty(testServiceDeps(database, { now }))).toBe(true);
});

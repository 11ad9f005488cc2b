import { afterEach, beforeEach, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { createApplicationsRepository } from '../../db/repositories/applications/applications-repository';
import { createPeopleRepository } from '../../db/repositories/people/people-repository';
import { createRoundsRepository } from '../../db/repositories/rounds/rounds-repository';
import { isProgramEmpty, seedDemo } from './seed-demo';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

const now = () => new Date('2026-11-29T10:00:00Z');

test('seeds an open round with a skewed pool, a round under way and the demo coordinators', async () => {
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
  expect(JSON.parse(setting.value)).toMatchObject({ coordinatorEmail: result.coordinatorEmail });
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

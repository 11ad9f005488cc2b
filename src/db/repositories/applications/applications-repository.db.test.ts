import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import { makeRound } from '../../../../tests/support/test-round';
import { generateSyntheticPool } from '../../../services/demo';
import { createRoundsRepository } from '../rounds/rounds-repository';
import { createApplicationsRepository } from './applications-repository';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
  await createRoundsRepository(database.db).insertRound(
    makeRound({ status: 'open' }),
    new Date('2025-01-01'),
  );
});
afterEach(async () => {
  await database.dispose();
});

const pool = generateSyntheticPool({ count: 3, seed: 7 });
const at = (minute: number) => new Date(Date.UTC(2025, 1, 2, 0, minute));

test('an application reads back exactly, and its address is normalised', async () => {
  const applications = createApplicationsRepository(database.db);
  const answers = { ...pool[0]!.answers, email: `  ${pool[0]!.answers.email.toUpperCase()} ` };
  const stored = await applications.insertApplication({
    id: 'a1',
    roundId: 'round-2025-03',
    personId: null,
    status: 'pending',
    answers,
    editTokenHash: 'hash-1',
    submittedAt: at(1),
  });
  expect(stored.email).toBe(pool[0]!.answers.email.toLowerCase());
  expect(await applications.getApplication('a1')).toEqual(stored);
  expect(await applications.findApplicationByTokenHash('hash-1')).toEqual(stored);
  expect(await applications.findApplicationByEmail('round-2025-03', pool[0]!.answers.email)).toEqual(stored);
});

test('applications are listed in submission order; answers and status change', async () => {
  const applications = createApplicationsRepository(database.db);
  for (const [i, minute] of [
    [0, 5],
    [1, 1],
    [2, 3],
  ] as const) {
    await applications.insertApplication({
      id: `a${i}`,
      roundId: 'round-2025-03',
      personId: null,
      status: 'pending',
      answers: pool[i]!.answers,
      editTokenHash: null,
      submittedAt: at(minute),
    });
  }
  expect((await applications.listRoundApplications('round-2025-03')).map((a) => a.id)).toEqual([
    'a1',
    'a2',
    'a0',
  ]);
  await applications.setStatus('a2', 'waitlisted', at(10));
  await applications.updateAnswers('a2', { ...pool[2]!.answers, name: 'New Name' }, at(11));
  expect(await applications.getApplication('a2')).toMatchObject({
    status: 'waitlisted',
    name: 'New Name',
    answers: { name: 'New Name' },
    updatedAt: at(11),
  });
  expect((await applications.findLatestApplicationByEmail(pool[0]!.answers.email))?.id).toBe('a0');
  await expect(applications.setStatus('missing', 'accepted', at(12))).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
});

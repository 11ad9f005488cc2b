import { afterEach, beforeEach, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { makeRound } from '../../../tests/support/test-round';
import { createRoundsRepository } from '../../db/repositories/rounds/rounds-repository';
import { applyDueRoundTransitions } from './apply-due-round-transitions';

let database: TestDatabase;
const deps = (now: () => Date) =>
  testServiceDeps(database, { now, config: { baseUrl: 'https://iln.example' } });
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

test('an open round closes at its deadline, a running round finishes after its last day, once', async () => {
  const rounds = createRoundsRepository(database.db);
  // Applications close 2025-02-28 23:59 in Sydney (12:59 UTC); the round runs 10 March to 10 July.
  await rounds.insertRound(makeRound({ id: 'open', status: 'open' }), new Date('2025-01-01'));
  await rounds.insertRound(makeRound({ id: 'running', status: 'under-way' }), new Date('2025-01-01'));
  await rounds.insertRound(makeRound({ id: 'draft', status: 'draft' }), new Date('2025-01-01'));

  const before = await applyDueRoundTransitions(deps(() => new Date('2025-02-28T12:58:00Z')));
  expect(before).toEqual([]);

  const atDeadline = await applyDueRoundTransitions(deps(() => new Date('2025-02-28T12:59:00Z')));
  expect(atDeadline).toEqual([{ roundId: 'open', from: 'open', to: 'closed' }]);
  expect((await rounds.getRound('open')).status).toBe('closed');

  const afterEnd = () => new Date('2025-07-10T14:00:00Z'); // midnight ending 10 July in Sydney
  expect(await applyDueRoundTransitions(deps(afterEnd))).toEqual([
    { roundId: 'running', from: 'under-way', to: 'finished' },
  ]);
  expect(await applyDueRoundTransitions(deps(afterEnd))).toEqual([]);
  expect((await rounds.getRound('draft')).status).toBe('draft');

  const audit = await database.db
    .selectFrom('audit_log')
    .select(['subject_id', 'action'])
    .orderBy('subject_id')
    .execute();
  expect(audit).toEqual([
    { subject_id: 'open', action: 'round.transitioned' },
    { subject_id: 'open', action: 'round.quota-settled' },
    { subject_id: 'running', action: 'round.transitioned' },
  ]);
});

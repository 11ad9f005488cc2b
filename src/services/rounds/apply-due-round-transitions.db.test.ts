import { afterEach, beforeEach, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { makeRound } from '../../../tests/support/test-round';
import { createRoundsRepository } from '../../db/repositories/rounds/rounds-repository';
import { applyDueRoundTransition, applyDueRoundTransitions } from './apply-due-round-transitions';
import { moveRound } from './transition-round';

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

test('two servers moving the same round at once move it once, with one audit entry', async () => {
  const rounds = createRoundsRepository(database.db);
  await rounds.insertRound(makeRound({ id: 'raced', status: 'open' }), new Date('2025-01-01'));
  const atDeadline = () => new Date('2025-02-28T13:00:00Z');
  // Two sets of use cases, as two processes would have (on PostgreSQL each transaction takes its own
  // pooled connection, so they really run side by side).
  const results = await Promise.all(
    Array.from({ length: 4 }, () => applyDueRoundTransition(deps(atDeadline), 'raced')),
  );
  expect(results.filter(Boolean)).toEqual([{ roundId: 'raced', from: 'open', to: 'closed' }]);
  const audit = await database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', 'raced')
    .where('action', '=', 'round.transitioned')
    .execute();
  expect(audit).toHaveLength(1);
});

test('a coordinator moving a round the schedule moved meanwhile is told so, and nothing is written', async () => {
  const rounds = createRoundsRepository(database.db);
  const round = makeRound({ id: 'stale', status: 'open' });
  await rounds.insertRound(round, new Date('2025-01-01'));
  const now = new Date('2025-02-28T13:00:00Z');
  await applyDueRoundTransition(
    deps(() => now),
    'stale',
  );
  // The coordinator's page still showed it open: the move is judged from that, and refused.
  const transaction = deps(() => now).uow.transaction((store) =>
    moveRound(
      store,
      deps(() => now),
      { round, to: 'closed', now, actorPersonId: null },
    ),
  );
  await expect(transaction).rejects.toMatchObject({ code: 'CONFLICT', reason: 'round.movedMeanwhile' });
  const transitions = await database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', 'stale')
    .where('action', '=', 'round.transitioned')
    .execute();
  expect(transitions).toHaveLength(1);
});

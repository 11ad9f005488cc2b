import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import { makeRound } from '../../../../tests/support/test-round';
import { createRoundsRepository } from './rounds-repository';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

const now = new Date('2025-01-01T00:00:00Z');

test('a round reads back exactly as it was written', async () => {
  const rounds = createRoundsRepository(database.db);
  const round = makeRound({ quota: { enabled: false, capPercent: 35, minimumPlaces: 3 } });
  await rounds.insertRound(round, now);
  expect(await rounds.getRound(round.id)).toEqual(round);
});

test('rounds are listed newest first and saved in full', async () => {
  const rounds = createRoundsRepository(database.db);
  const march = makeRound();
  const september = makeRound({
    id: 'round-2025-09',
    name: '2025 September round',
    startsOn: '2025-09-08',
    endsOn: '2026-01-08',
  });
  await rounds.insertRound(march, now);
  await rounds.insertRound(september, now);
  expect((await rounds.listRounds()).map((r) => r.id)).toEqual(['round-2025-09', 'round-2025-03']);
  await rounds.saveRound({ ...march, status: 'open', name: 'Renamed' }, now);
  expect(await rounds.getRound(march.id)).toMatchObject({ status: 'open', name: 'Renamed' });
});

test('a missing round is NOT_FOUND, naming the id', async () => {
  const rounds = createRoundsRepository(database.db);
  expect(await rounds.findRound('nope')).toBeUndefined();
  await expect(rounds.getRound('nope')).rejects.toMatchObject({
    code: 'NOT_FOUND',
    message: expect.stringContaining('nope'),
  });
  await expect(rounds.saveRound(makeRound({ id: 'nope' }), now)).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

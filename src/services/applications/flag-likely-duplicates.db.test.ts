import { afterEach, beforeEach, expect, test } from 'vitest';
import { insertRound, makeOpenRound } from '../../../tests/support/applicant-fixtures';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { listLikelyDuplicates } from '../../core/applications';
import { createApplicationsRepository } from '../../db/repositories/applications/applications-repository';
import { generateSyntheticPool } from '../demo';
import { flagLikelyDuplicates, SETTLE_MS } from './flag-likely-duplicates';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

test('flags each application with the earliest earlier one listLikelyDuplicates pairs it with, in passes', async () => {
  const round = makeOpenRound();
  await insertRound(database.db, round);
  const applications = createApplicationsRepository(database.db);
  const pool = generateSyntheticPool({ count: 240, seed: 5 });
  // Two countries, near-duplicate spellings mixed in, one withdrawn application, and a third
  // of the rows already checked (as imports are): only the unchecked ones are flagged.
  const rows = pool.map((applicant, i) => ({
    id: `app-${String(i).padStart(3, '0')}`,
    name: i % 9 === 0 ? `${applicant.answers.name}a` : applicant.answers.name,
    country: i % 2 === 0 ? 'BR' : 'KE',
    withdrawn: i === 30,
    checked: i % 3 === 0,
  }));
  for (const [i, row] of rows.entries()) {
    await applications.insertApplication({
      id: row.id,
      roundId: round.id,
      personId: null,
      status: row.withdrawn ? 'withdrawn' : 'pending',
      answers: {
        ...pool[i]!.answers,
        name: row.name,
        countryOfResidence: row.country,
        email: `p${i}@example.org`,
      },
      editTokenHash: null,
      submittedAt: new Date(Date.UTC(2027, 0, 1, 0, 0, i)),
      duplicateChecked: row.checked,
    });
  }
  // Within SETTLE_MS of the last submission only the settled ones are taken; then passes of 50
  // until none is left.
  const lastSubmitted = Date.UTC(2027, 0, 1, 0, 0, rows.length - 1);
  const early = testServiceDeps(database, { now: () => new Date(lastSubmitted + SETTLE_MS - 100_000) });
  expect(await flagLikelyDuplicates(early, { limit: 500 })).toBe(
    rows.filter((row, i) => !row.checked && Date.UTC(2027, 0, 1, 0, 0, i) < lastSubmitted - 100_000).length,
  );
  const deps = testServiceDeps(database, { now: () => new Date(lastSubmitted + SETTLE_MS + 1000) });
  let passes = 0;
  while ((await flagLikelyDuplicates(deps, { limit: 50 })) > 0) passes++;
  expect(passes).toBeGreaterThan(0);

  const live = rows.filter((row) => !row.withdrawn);
  const pairs = listLikelyDuplicates(
    live.map((row) => ({
      id: row.id,
      name: row.name,
      email: `${row.id}@x`,
      countryOfResidence: row.country,
    })),
  );
  const expected = new Map<string, string>();
  for (const pair of pairs) if (!expected.has(pair.secondId)) expected.set(pair.secondId, pair.firstId);
  const stored = await database.db
    .selectFrom('applications')
    .select(['id', 'duplicate_of', 'duplicate_checked'])
    .orderBy('id')
    .execute();
  expect(stored.every((row) => row.duplicate_checked === 1)).toBe(true);
  const unchecked = new Set(rows.filter((row) => !row.checked && !row.withdrawn).map((row) => row.id));
  const flagged = stored.filter((row) => unchecked.has(row.id));
  expect(Object.fromEntries(flagged.map((row) => [row.id, row.duplicate_of]))).toEqual(
    Object.fromEntries([...unchecked].map((id) => [id, expected.get(id) ?? null])),
  );
  // The synthetic names repeat often: the check must have found some, or it says nothing.
  expect(flagged.filter((row) => row.duplicate_of !== null).length).toBeGreaterThan(5);
});

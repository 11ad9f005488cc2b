import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { createDuplicateProbe, isAdmittedByProbe, normaliseName } from '../../core/applications';
import { generateSyntheticPool } from '../../core/demo';
import { insertRound, makeOpenRound } from '../../services/applicant-test-support';
import { createApplicationRecordsRepository } from './application-records-repository';
import { createApplicationsRepository } from './applications-repository';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

test('the duplicate candidates are exactly the rows of the country the probe admits, in submission order', async () => {
  const round = makeOpenRound();
  await insertRound(database.db, round);
  const applications = createApplicationsRepository(database.db);
  const pool = generateSyntheticPool({ count: 300, seed: 3 });
  // One country, with near-duplicate spellings mixed in.
  const names = pool.map((a, i) => (i % 7 === 0 ? `${a.answers.name}a` : a.answers.name));
  for (const [i, applicant] of pool.entries()) {
    await applications.insertApplication({
      id: `app-${String(i).padStart(3, '0')}`,
      roundId: round.id,
      personId: null,
      status: 'pending',
      answers: {
        ...applicant.answers,
        name: names[i]!,
        countryOfResidence: 'BR',
        email: `p${i}@example.org`,
      },
      editTokenHash: null,
      submittedAt: new Date(Date.UTC(2027, 0, 1, 0, 0, i)),
    });
  }
  const records = createApplicationRecordsRepository(database.db, database.dialect);
  for (const name of [...names.slice(0, 40), 'Wu', 'Ana Maria', 'Zz', '—']) {
    const probe = createDuplicateProbe(name);
    const found = await records.listDuplicateCandidates(round.id, 'BR', probe);
    const expected = names
      .map((other, i) => ({ id: `app-${String(i).padStart(3, '0')}`, key: normaliseName(other) }))
      .filter((row) => isAdmittedByProbe(probe, row.key))
      .map((row) => row.id);
    expect(found.map((row) => row.id)).toEqual(expected);
    // A probe admits a small part of the country, not all of it.
    expect(found.length).toBeLessThan(names.length / 2);
  }
});

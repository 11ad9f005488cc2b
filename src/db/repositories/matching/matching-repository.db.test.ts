import { afterEach, beforeEach, expect, test } from 'vitest';
import { seedApplication, seedRound } from '../../../../tests/support/review-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import type { MatchRun, Partnership } from '../../../core/matchmaking';
import type { MatchingRepository } from '../../../services/ports/matching';
import { isUniqueViolation } from '../../unit-of-work/transaction-unit-of-work';
import { createMatchingRepository } from './matching-repository';

/** The partnership side of the matching repository, on both databases. */
let database: TestDatabase;
let matching: MatchingRepository;
const now = new Date('2026-03-02T09:00:00.000Z');
const later = new Date('2026-03-09T09:00:00.000Z');

const partnership = (applicationIds: string[]): Partnership => ({
  applicationIds,
  source: applicationIds.length === 3 ? 'trio' : 'pair',
  fit: 5000,
  pairs: [],
});

const insertRun = (id: string) => {
  const result = {
    objective: 'total-fit',
    partnerships: [],
    unmatched: [],
    totalFit: 0,
    solverWeight: 0,
    certificate: { pairStage: { certified: true } },
  } as unknown as MatchRun;
  return matching.insertRun({
    id,
    roundId: 'round-a',
    status: 'proposed',
    result,
    stored: { snapshot: '{}', result: JSON.stringify(result), explanations: '[]' },
    seconds: 0,
    createdByPersonId: null,
    createdAt: now,
  });
};

beforeEach(async () => {
  database = await createTestDatabase();
  matching = createMatchingRepository(database.db);
  await seedRound(database.db, { status: 'matching' });
  for (const [id, country] of [
    ['a', 'KE'],
    ['b', 'NG'],
    ['c', 'GB'],
    ['d', 'BR'],
    ['e', 'PT'],
  ] as const) {
    await seedApplication(database.db, {
      roundId: 'round-a',
      id,
      name: `Person ${id}`,
      country,
      status: 'accepted',
    });
  }
});
afterEach(async () => {
  await database.dispose();
});

test('a run is published once: a second publish, or a superseded run, changes nothing', async () => {
  await insertRun('run-1');
  await insertRun('run-2');
  expect(await matching.markRunPublished('round-a', 'run-2', null, now)).toBe(true);
  expect(await matching.markRunPublished('round-a', 'run-2', null, later)).toBe(false);
  expect(await matching.markRunPublished('round-a', 'run-1', null, later)).toBe(false);
  const runs = await matching.listRuns('round-a');
  expect(runs.map((run) => [run.number, run.status, run.publishedAt?.toISOString() ?? null])).toEqual([
    [2, 'published', now.toISOString()],
    [1, 'superseded', null],
  ]);
});

test('a pair ends when a member leaves and the other is free again; a trio goes on as a pair', async () => {
  await matching.insertPartnerships(
    [
      {
        id: 'p-1',
        roundId: 'round-a',
        runId: null,
        details: partnership(['a', 'b']),
        members: [
          { applicationId: 'a', personId: null },
          { applicationId: 'b', personId: null },
        ],
      },
      {
        id: 'p-2',
        roundId: 'round-a',
        runId: null,
        details: partnership(['c', 'd', 'e']),
        members: ['c', 'd', 'e'].map((applicationId) => ({ applicationId, personId: null })),
      },
    ],
    now,
  );
  const pair = await matching.markMemberLeft('a', 'withdrawn', later);
  expect(pair).toMatchObject({ id: 'p-1', status: 'ended', endReason: 'member-left' });
  expect(pair?.members.map((m) => [m.applicationId, m.leftReason, m.leftAt?.toISOString()])).toEqual([
    ['a', 'withdrawn', later.toISOString()],
    ['b', 'partnership-ended', later.toISOString()],
  ]);
  const trio = await matching.markMemberLeft('c', 'inactive', later);
  expect(trio).toMatchObject({ id: 'p-2', status: 'active' });
  expect(trio?.members.filter((m) => m.leftAt === null).map((m) => m.applicationId)).toEqual(['d', 'e']);
  expect(await matching.markMemberLeft('a', 'withdrawn', later)).toBeUndefined();
  expect((await matching.listActivePartnerships('round-a')).map((p) => p.id)).toEqual(['p-2']);
  expect((await matching.listPartnerships('round-a')).map((p) => [p.id, p.status])).toEqual([
    ['p-1', 'ended'],
    ['p-2', 'active'],
  ]);
  expect((await matching.findPartnership('p-2'))?.members).toHaveLength(3);
  expect(await matching.findPartnership('nope')).toBeUndefined();

  // b, left alone, may join a new partnership; d, still in one, may not (migration 0011).
  await matching.insertPartnerships(
    [
      {
        id: 'p-3',
        roundId: 'round-a',
        runId: null,
        details: partnership(['b', 'c']),
        members: [
          { applicationId: 'b', personId: null },
          { applicationId: 'c', personId: null },
        ],
      },
    ],
    later,
  );
  const twice = matching.insertPartnerships(
    [
      {
        id: 'p-4',
        roundId: 'round-a',
        runId: null,
        details: partnership(['a', 'd']),
        members: [
          { applicationId: 'a', personId: null },
          { applicationId: 'd', personId: null },
        ],
      },
    ],
    later,
  );
  const error = await twice.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isUniqueViolation(error)).toBe(true);
});

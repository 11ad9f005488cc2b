import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { seedApplication, seedRound } from '../../tests/support/review-fixtures';
import { createTestDatabase, type TestDatabase, testDialect } from '../../tests/support/test-database';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { databaseTargetFor } from '../main';
import type { CliIo } from './command';
import { matchCommand } from './match';
import { solveMatchingCommand } from './solve-matching';

// The verb opens the database the environment names.
let dataDir: string;
let postgres: TestDatabase | undefined;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'iln-cli-'));
  postgres = testDialect() === 'postgres' ? await createTestDatabase() : undefined;
  vi.stubEnv('NODE_ENV', 'test');
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', postgres?.location.dialect === 'postgres' ? postgres.location.url : '');
  vi.stubEnv('BASE_URL', '');
  vi.stubEnv('LOG_LEVEL', 'silent');
  vi.stubEnv('AUTH_SECRET', 'x'.repeat(32));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await postgres?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const capture = (stdin = '') => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => stdin };
  return { io, out, err };
};

/** A closed round: nine accepted people in four countries (one will join a trio), one declined. */
const seedClosedRound = async () => {
  const database = openDatabase(databaseTargetFor(loadConfig()));
  try {
    await migrateToLatest(database.db);
    await seedRound(database.db, { status: 'closed' });
    const countries = ['KE', 'NG', 'GB', 'AU', 'KE', 'NG', 'GB', 'AU', 'IN'];
    for (const [i, country] of countries.entries()) {
      await seedApplication(database.db, {
        roundId: 'round-a',
        id: `a-${i}`,
        name: `Person ${i}`,
        country,
        status: 'accepted',
        answers: { availability: { emailOnly: true, windows: [] } },
      });
    }
    await seedApplication(database.db, {
      roundId: 'round-a',
      id: 'd-1',
      name: 'Declined',
      country: 'IN',
      status: 'declined',
    });
  } finally {
    await database.close();
  }
};

test('prints the run as JSON and writes the graph the two-person stage solved', async () => {
  await seedClosedRound();
  const graphFile = join(dataDir, 'graph.json');
  const run = capture();
  expect(await matchCommand.run(['--round', 'round-a', '--json', '--export-graph', graphFile], run.io)).toBe(
    0,
  );
  const result = JSON.parse(run.out.join(''));
  expect(result).toMatchObject({ round: 'round-a', matched: 9, unmatched: [], optimal: true });
  expect(result.runId).toEqual(expect.any(String));
  expect(result.partnerships.flatMap((p: { applications: string[] }) => p.applications).sort()).toEqual([
    'a-0',
    'a-1',
    'a-2',
    'a-3',
    'a-4',
    'a-5',
    'a-6',
    'a-7',
    'a-8',
  ]);
  expect(
    result.partnerships.filter((p: { applications: string[] }) => p.applications.length === 3),
  ).toHaveLength(1);
  // The exported graph, given to the engine's own command, has the run's solver weight as its optimum.
  const graph = JSON.parse(readFileSync(graphFile, 'utf8'));
  expect(graph.ids).toHaveLength(9);
  const solved = capture(JSON.stringify({ edges: graph.edges, maxCardinality: graph.maxCardinality }));
  expect(await solveMatchingCommand.run(['-'], solved.io)).toBe(0);
  expect(JSON.parse(solved.out.join('')).weight).toBe(result.solverWeight);
});

test('a summary in words; an open round is refused; a missing --round is a usage error', async () => {
  await seedClosedRound();
  // Someone nobody shares a working language with: unmatched, and the reason says why in words.
  const seeding = openDatabase(databaseTargetFor(loadConfig()));
  await seedApplication(seeding.db, {
    roundId: 'round-a',
    id: 'lonely',
    name: 'Lonely',
    country: 'IS',
    status: 'accepted',
    answers: { languages: [{ code: 'is', level: 'native' }], availability: { emailOnly: true, windows: [] } },
  });
  await seeding.close();
  const words = capture();
  expect(await matchCommand.run(['--round', 'round-a', '--objective', 'fairness-first'], words.io)).toBe(0);
  expect(words.out.join('\n')).toMatch(
    /^Run 1 of round round-a \(fairness-first\): 4 partnerships \(1 of three\), 9 people matched, 1 unmatched\./,
  );
  expect(words.out.join('\n')).toContain(
    '  unmatched lonely: Nobody from another country shares a language with them at a working level',
  );
  expect(words.out.join('\n')).toContain('certified optimal');
  const database = openDatabase(databaseTargetFor(loadConfig()));
  await seedRound(database.db, { id: 'round-b', status: 'open' });
  await database.close();
  const refused = capture();
  expect(await matchCommand.run(['--round', 'round-b'], refused.io)).toBe(1);
  expect(refused.err.join('')).toContain('matching is run once applications have closed');
  await expect(matchCommand.run([], capture().io)).rejects.toThrow('--round is required');
});

test('--publish publishes the run it made: partners introduced, the round under way; not twice', async () => {
  await seedClosedRound();
  const run = capture();
  expect(await matchCommand.run(['--round', 'round-a', '--json', '--publish'], run.io)).toBe(0);
  const result = JSON.parse(run.out.join(''));
  expect(result.published).toEqual({ partnerships: 4, participants: 9, emails: 9 });
  const database = openDatabase(databaseTargetFor(loadConfig()));
  try {
    const round = await database.db
      .selectFrom('rounds')
      .select('status')
      .where('id', '=', 'round-a')
      .executeTakeFirst();
    expect(round?.status).toBe('under-way');
    const members = await database.db.selectFrom('partnership_members').select('application_id').execute();
    expect(members.map((m) => m.application_id).sort()).toEqual(
      result.partnerships.flatMap((p: { applications: string[] }) => p.applications).sort(),
    );
  } finally {
    await database.close();
  }
  // The round is under way now: another run, published or not, is refused with the reason.
  const again = capture();
  expect(await matchCommand.run(['--round', 'round-a', '--publish'], again.io)).toBe(1);
  expect(again.err.join('')).toMatch(/^iln match: /);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { generateSyntheticPool } from '../../src/services/demo';
import { findOpenRoundId, openApplicantSession, postApplication } from '../support/applicant-client';
import { startServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase, testDialect } from '../support/test-database';

// The promise behind "acknowledged": once the server has answered that an application is stored,
// killing the server (SIGKILL: no shutdown hooks, no flush) must not lose it, nor the confirmation
// email written in the same transaction. Runs against SQLite and PostgreSQL.
// On SQLite the server makes its own database file in a fresh DATA_DIR; on PostgreSQL it gets a
// fresh database on the test cluster.
let dataDir: string;
let database: TestDatabase | undefined;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'iln-crash-'));
  database = testDialect() === 'postgres' ? await createTestDatabase() : undefined;
});
afterEach(async () => {
  await database?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const root = resolve(import.meta.dirname, '../..');

test('a SIGKILL during a burst of submissions loses no acknowledged application', async () => {
  const env: Record<string, string> =
    database?.location.dialect === 'postgres' ? { DATABASE_URL: database.location.url } : {};
  const seeded = spawnSync(process.execPath, [join(root, 'bin/iln.js'), 'seed-demo', '--applicants', '20'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      ...env,
    },
    encoding: 'utf8',
  });
  expect(seeded.status, seeded.stderr).toBe(0);

  const server = await startServerProcess({ dataDir, env });
  const roundId = await findOpenRoundId(server.baseUrl);
  const sessions = await Promise.all(
    Array.from({ length: 16 }, () => openApplicantSession(server.baseUrl, roundId)),
  );
  const pool = generateSyntheticPool({ count: 3000, seed: 4242 }).map((applicant, i) => ({
    ...applicant.answers,
    email: `crash-${i}@example.org`,
  }));

  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  const worker = async (session: (typeof sessions)[number]) => {
    while (!killed && next < pool.length) {
      const answers = pool[next++]!;
      try {
        const { acknowledged: ok } = await postApplication(session, answers);
        if (ok) acknowledged.push(answers.email);
      } catch {
        // The connection died with the server: this one was never acknowledged.
      }
    }
  };
  const burst = Promise.all(sessions.map(worker));
  while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 20));
  killed = true;
  await server.kill();
  await burst;

  const reopened = openDatabase(
    database?.location.dialect === 'postgres'
      ? { dialect: 'postgres', url: database.location.url }
      : { dialect: 'sqlite', path: join(dataDir, 'iln.sqlite') },
  );
  try {
    const stored = await reopened.db
      .selectFrom('applications')
      .select('email')
      .where('round_id', '=', roundId)
      .where('email', 'like', 'crash-%')
      .execute();
    const storedEmails = new Set(stored.map((row) => row.email));
    const lost = acknowledged.filter((email) => !storedEmails.has(email));
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(lost).toEqual([]);
    // Every stored application has its confirmation email: both were one transaction.
    const mails = await reopened.db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('to_address', 'like', 'crash-%')
      .execute();
    expect(new Set(mails.map((row) => row.to_address))).toEqual(storedEmails);
  } finally {
    await reopened.close();
  }
}, 120_000);

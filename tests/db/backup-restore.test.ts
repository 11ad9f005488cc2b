import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { findPostgresBin } from '../../scripts/system-deps.js';
import { openDatabase } from '../../src/db/connection';
import type { Database } from '../../src/db/schema';
import { generateSyntheticPool } from '../../src/services/demo';
import { findOpenRoundId, openApplicantSession, postApplication } from '../support/applicant-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import {
  createTestDatabase,
  postgresAdminUrl,
  type TestDatabase,
  testDialect,
} from '../support/test-database';

// Backups taken while the server is busy, and restored. On SQLite, `iln backup` copies the live
// database in the middle of a burst of submissions and `iln restore` puts the copy into a fresh
// DATA_DIR; on PostgreSQL the README's pg_dump / pg_restore commands do the same. Either way the
// restored database must hold every application acknowledged before the backup began, none
// submitted after it ended, each with the confirmation email of its own transaction (a backup
// with half a transaction would show one without the other), and the data seeded before.

const root = resolve(import.meta.dirname, '../..');
let dataDir: string;
let database: TestDatabase | undefined;
let server: ServerProcess | undefined;
let burst: Burst | undefined;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'iln-backup-'));
  database = testDialect() === 'postgres' ? await createTestDatabase() : undefined;
});
afterEach(async () => {
  await burst?.stop();
  burst = undefined;
  await server?.stop();
  server = undefined;
  await database?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A program run to its end without blocking the event loop (the burst goes on meanwhile). */
const run = (command: string, args: string[], env: Record<string, string> = {}): Promise<Run> =>
  new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

const iln = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [join(root, 'bin/iln.js'), ...args], {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ...env,
  });

/** Every row of every table, as sorted JSON lines: two databases hold the same data iff equal. */
const dumpTables = async (db: Kysely<Database>, dialect: 'sqlite' | 'postgres') => {
  const tables =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(db);
  const dump: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    dump[name] = rows.rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
};

/** The tables the seed fills and a burst of submissions only adds to. */
const SEEDED_TABLES = ['rounds', 'people', 'person_roles', 'countries'] as const;

/**
 * Applicants posting as fast as the server answers. `attempted` holds every address whose post was
 * sent, `acknowledged` those the server answered as stored.
 */
const startBurst = async (baseUrl: string) => {
  const roundId = await findOpenRoundId(baseUrl);
  const sessions = await Promise.all(
    Array.from({ length: 12 }, () => openApplicantSession(baseUrl, roundId)),
  );
  const pool = generateSyntheticPool({ count: 4000, seed: 777 }).map((applicant, i) => ({
    ...applicant.answers,
    email: `backup-${i}@example.org`,
  }));
  const attempted = new Set<string>();
  const acknowledged = new Set<string>();
  let next = 0;
  let stopped = false;
  const worker = async (session: (typeof sessions)[number]) => {
    while (!stopped && next < pool.length) {
      const answers = pool[next++]!;
      attempted.add(answers.email);
      try {
        const { acknowledged: ok } = await postApplication(session, answers);
        if (ok) acknowledged.add(answers.email);
      } catch {
        // The server went away (a failed test stopping it): this one was never acknowledged.
        if (!stopped) throw new Error(`the server stopped answering during the burst`);
      }
    }
  };
  const workers = Promise.all(sessions.map(worker));
  workers.catch(() => undefined);
  return {
    roundId,
    attempted,
    acknowledged,
    waitFor: async (count: number) => {
      const deadline = Date.now() + 60_000;
      while (acknowledged.size < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${acknowledged.size} submissions acknowledged in 60 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: async () => {
      stopped = true;
      await workers;
    },
  };
};
type Burst = Awaited<ReturnType<typeof startBurst>>;

/** What the restored database must show, against what the burst saw around the backup. */
const expectConsistentCopy = async (
  restored: Kysely<Database>,
  roundId: string,
  before: Set<string>,
  until: Set<string>,
) => {
  const stored = await restored
    .selectFrom('applications')
    .select('email')
    .where('round_id', '=', roundId)
    .where('email', 'like', 'backup-%')
    .execute();
  const emails = new Set(stored.map((row) => row.email));
  // Everything acknowledged before the backup began is in it; nothing sent after it ended is.
  expect([...before].filter((email) => !emails.has(email))).toEqual([]);
  expect([...emails].filter((email) => !until.has(email))).toEqual([]);
  // Each application and its confirmation email were one transaction: both or neither.
  const mails = await restored
    .selectFrom('mail_messages')
    .select('to_address')
    .where('to_address', 'like', 'backup-%')
    .execute();
  expect(new Set(mails.map((row) => row.to_address))).toEqual(emails);
  return emails;
};

const expectSeededDataKept = (seeded: Record<string, string[]>, restored: Record<string, string[]>) => {
  for (const table of SEEDED_TABLES) {
    expect(seeded[table]?.length, table).toBeGreaterThan(0);
    expect(restored[table], table).toEqual(seeded[table]);
  }
  // The seeded applications too, unchanged, beside the burst's.
  const seededApplications = seeded.applications ?? [];
  expect(seededApplications.length).toBeGreaterThan(0);
  const restoredApplications = restored.applications?.filter((row) => !row.includes('"backup-'));
  expect(restoredApplications).toEqual(seededApplications);
};

test.runIf(testDialect() === 'sqlite')(
  'SQLite: iln backup during a burst of submissions, iln restore into a fresh DATA_DIR',
  async () => {
    const seeded = await iln(['seed-demo', '--applicants', '60'], { DATA_DIR: dataDir });
    expect(seeded.code, seeded.stderr).toBe(0);
    const livePath = join(dataDir, 'iln.sqlite');
    const before = openDatabase({ dialect: 'sqlite', path: livePath });
    const seededTables = await dumpTables(before.db, 'sqlite');
    await before.close();

    server = await startServerProcess({ dataDir });
    burst = await startBurst(server.baseUrl);
    await burst.waitFor(40);
    const acknowledgedBefore = new Set(burst.acknowledged);
    const backupFile = join(dataDir, 'backups', 'during-burst.sqlite');
    mkdirSync(join(dataDir, 'backups'));
    const backup = await iln(['backup', backupFile], { DATA_DIR: dataDir });
    const attemptedUntil = new Set(burst.attempted);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backed up .*iln\.sqlite to .*during-burst\.sqlite \(\d+\.\d MB, schema \S+\) in /,
    );
    // The burst went on across the backup.
    await burst.waitFor(acknowledgedBefore.size + 40);

    // The server is still using the live database: a restore into it is refused, and changes nothing.
    const refused = await iln(['restore', backupFile], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `iln restore: the database ${livePath} is in use by another process (a running \`iln serve\`, or another iln command): stop it, then restore`,
    );
    expect(readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);

    await burst.stop();
    await server.stop();
    server = undefined;
    // No temporary file is left beside the backup.
    expect(readdirSync(join(dataDir, 'backups'))).toEqual(['during-burst.sqlite']);

    const freshDir = join(dataDir, 'fresh');
    const restore = await iln(['restore', backupFile], { DATA_DIR: freshDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`Restored ${backupFile} into ${join(freshDir, 'iln.sqlite')}`);

    const restored = openDatabase({ dialect: 'sqlite', path: join(freshDir, 'iln.sqlite') });
    const copy = new SQLite(backupFile, { readonly: true });
    try {
      const emails = await expectConsistentCopy(
        restored.db,
        burst.roundId,
        acknowledgedBefore,
        attemptedUntil,
      );
      // Strictly between: the copy was taken mid-burst, not before it or after it.
      expect(emails.size).toBeGreaterThanOrEqual(acknowledgedBefore.size);
      expect(emails.size).toBeLessThan(burst.acknowledged.size);
      const restoredTables = await dumpTables(restored.db, 'sqlite');
      expectSeededDataKept(seededTables, restoredTables);
      // The restored database is the backup, row for row.
      const copyTables: Record<string, string[]> = {};
      for (const table of Object.keys(restoredTables)) {
        copyTables[table] = copy
          .prepare(`select * from "${table}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort();
      }
      expect(restoredTables).toEqual(copyTables);
    } finally {
      copy.close();
      await restored.close();
    }
  },
  120_000,
);

test.runIf(testDialect() === 'postgres')(
  'PostgreSQL: the documented pg_dump during a burst, pg_restore into an empty database, iln migrate',
  async () => {
    const location = database!.location;
    if (location.dialect !== 'postgres') throw new Error('a PostgreSQL test database was expected');
    const env = { DATA_DIR: dataDir, DATABASE_URL: location.url };
    const seeded = await iln(['seed-demo', '--applicants', '60'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const seededTables = await dumpTables(database!.db, 'postgres');

    // `iln backup` does not pretend: it explains pg_dump, exits 1 and writes nothing.
    const explained = await iln(['backup', join(dataDir, 'x.sqlite')], env);
    expect(explained.code).toBe(1);
    expect(explained.stderr).toContain('pg_dump --format=custom --file=iln.dump "$DATABASE_URL"');
    expect(explained.stderr).toContain(
      'pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" iln.dump',
    );
    expect(existsSync(join(dataDir, 'x.sqlite'))).toBe(false);

    const bin = findPostgresBin();
    if (!bin) throw new Error('PostgreSQL client tools are not installed');
    server = await startServerProcess({ dataDir, env: { DATABASE_URL: location.url } });
    burst = await startBurst(server.baseUrl);
    await burst.waitFor(40);
    const acknowledgedBefore = new Set(burst.acknowledged);
    const dumpFile = join(dataDir, 'iln.dump');
    // The README's command, word for word.
    const dump = await run(join(bin, 'pg_dump'), ['--format=custom', `--file=${dumpFile}`, location.url]);
    const attemptedUntil = new Set(burst.attempted);
    expect(dump.stderr).toBe('');
    expect(dump.code).toBe(0);
    await burst.waitFor(acknowledgedBefore.size + 40);
    await burst.stop();
    await server.stop();
    server = undefined;

    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    admin.on('error', () => undefined);
    await admin.connect();
    const name = `iln_restored_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${name}`;
    try {
      const restore = await run(join(bin, 'pg_restore'), [
        '--no-owner',
        '--exit-on-error',
        `--dbname=${url}`,
        dumpFile,
      ]);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const migrated = await iln(['migrate'], { DATA_DIR: dataDir, DATABASE_URL: url.toString() });
      expect(migrated.stdout.trim()).toBe('The database is already up to date.');
      const restored = openDatabase({ dialect: 'postgres', url: url.toString() });
      try {
        const emails = await expectConsistentCopy(
          restored.db,
          burst.roundId,
          acknowledgedBefore,
          attemptedUntil,
        );
        expect(emails.size).toBeLessThan(burst.acknowledged.size);
        expectSeededDataKept(seededTables, await dumpTables(restored.db, 'postgres'));
      } finally {
        await restored.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  },
  120_000,
);

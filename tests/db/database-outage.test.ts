import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { expect, test } from 'vitest';
import { startPostgresCluster as startCluster } from '../../scripts/pg-cluster.js';
import { assembleContainer } from '../../src/composition/container';
import type { ApplicationAnswers } from '../../src/core/applications';
import { openDatabase } from '../../src/db/connection';
import type { Database } from '../../src/db/schema';
import { generateSyntheticPool } from '../../src/services/demo';
import {
  type ApplicantSession,
  encodeApplication,
  findOpenRoundId,
  openApplicantSession,
  postApplication,
} from '../support/applicant-client';
import { insertRound, makeOpenRound, TEST_NOW, validForm } from '../support/applicant-fixtures';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { createTestApp } from '../support/test-app';
import { testDialect } from '../support/test-database';

// The database going away must not take the server with it. PostgreSQL: a restart (`pg_ctl -m
// fast`, as a failover or an administrator's restart does) under a burst of submissions; the
// server must stay up, say so on /healthz and every page, lose nothing it acknowledged, and take
// submissions again seconds after PostgreSQL is back. The PostgreSQL test starts its own cluster,
// so that stopping it disturbs no other test. SQLite: the database locked by another process
// beyond busy_timeout, or read-only, gets the same plain page.

const root = resolve(import.meta.dirname, '../..');

interface PostgresCluster {
  url: string;
  /** Removes the cluster. */
  stop: () => void;
  /** `pg_ctl -m MODE stop`, keeping the data (an outage). */
  stopServer: (mode?: 'fast' | 'immediate') => Promise<void>;
  /** Starts it again on the same port. */
  startServer: () => Promise<void>;
}
const startPostgresCluster = startCluster as () => Promise<PostgresCluster>;

const seedDemo = (dataDir: string, env: Record<string, string>) => {
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
};

const applicants = (prefix: string, count: number): ApplicationAnswers[] =>
  generateSyntheticPool({ count, seed: 99 }).map((applicant, i) => ({
    ...applicant.answers,
    email: `${prefix}-${i}@example.org`,
  }));

/** What a page says while the database is unavailable: the plain page, never a stack or a detail. */
const expectTryAgainPage = async (response: Response) => {
  expect(response.status).toBe(503);
  const page = await response.text();
  expect(page).toContain('<header class="site-header">');
  expect(page).toContain('<h1>Please try again shortly</h1>');
  for (const leak of ['ECONNREFUSED', '57P0', 'SQLITE', 'Error', 'at ', 'postgres://']) {
    expect(page).not.toContain(leak);
  }
};

const waitFor = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

const healthStatus = async (server: ServerProcess) => {
  const response = await fetch(`${server.baseUrl}/healthz`);
  return { status: response.status, body: await response.json() };
};

/** Log lines the server wrote at error level or above (pino: level ≥ 50). */
const errorLines = (output: string) =>
  output.split('\n').filter((line) => /"level":(50|60)/.test(line) || /Unhandled|uncaught/i.test(line));

/**
 * Applicants posting the form over and over (bounded: at most `limit` posts in all, and only
 * until stopped); records which were acknowledged and when. A refusal (503 while the database is
 * down) is followed by a short pause, as a person reloading would.
 */
const startLoad = (sessions: ApplicantSession[], pool: ApplicationAnswers[]) => {
  const acknowledged: { email: string; at: number }[] = [];
  const refused = new Map<number, number>();
  const networkErrors: unknown[] = [];
  let next = 0;
  let stopped = false;
  const worker = async (session: ApplicantSession) => {
    while (!stopped && next < pool.length) {
      const answers = pool[next++]!;
      try {
        const { acknowledged: ok, status } = await postApplication(session, answers);
        if (ok) acknowledged.push({ email: answers.email, at: Date.now() });
        else {
          refused.set(status, (refused.get(status) ?? 0) + 1);
          await sleep(100);
        }
      } catch (error) {
        networkErrors.push(error);
        await sleep(100);
      }
    }
  };
  const done = Promise.all(sessions.map(worker));
  return {
    acknowledged,
    refused,
    networkErrors,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
};

// Each project runs only its own database's tests (none skipped in the other).
if (testDialect() === 'postgres') {
  test('a restart under load: the server stays up, answers 503 meanwhile, loses nothing acknowledged and recovers', async () => {
    const cluster = await startPostgresCluster();
    const dataDir = mkdtempSync(join(tmpdir(), 'iln-outage-'));
    let server: ServerProcess | undefined;
    let load: ReturnType<typeof startLoad> | undefined;
    try {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE iln');
      await admin.end();
      const url = new URL(cluster.url);
      url.pathname = '/iln';
      const env = { DATABASE_URL: url.toString() };
      seedDemo(dataDir, env);

      server = await startServerProcess({ dataDir, env });
      const pid = server.child.pid;
      const roundId = await findOpenRoundId(server.baseUrl);
      const sessions = await Promise.all(
        Array.from({ length: 8 }, () => openApplicantSession(server!.baseUrl, roundId)),
      );
      load = startLoad(sessions, applicants('outage', 4000));
      await waitFor(
        '40 acknowledged submissions',
        async () => (load!.acknowledged.length >= 40 ? true : undefined),
        30_000,
      );

      // The outage: every connection is terminated (57P01), then connections are refused.
      await cluster.stopServer('fast');
      const stoppedAt = Date.now();
      expect(
        await waitFor(
          '/healthz to answer 503',
          async () => {
            const health = await healthStatus(server!);
            return health.status === 503 ? health : undefined;
          },
          10_000,
        ),
      ).toEqual({ status: 503, body: { status: 'unavailable' } });
      await expectTryAgainPage(await fetch(`${server.baseUrl}/rounds/${encodeURIComponent(roundId)}/apply`));
      const asJson = await fetch(`${server.baseUrl}/rounds/${encodeURIComponent(roundId)}/apply`, {
        headers: { accept: 'application/json' },
      });
      expect(asJson.status).toBe(503);
      expect(await asJson.json()).toEqual({
        error: { code: 'UNAVAILABLE', message: 'Please try again shortly' },
      });
      // Long enough for every worker to fail a pass or more (the mail worker polls every 2 s).
      await sleep(Math.max(0, 4_000 - (Date.now() - stoppedAt)));
      const acknowledgedDuringOutage = load.acknowledged.filter((a) => a.at > Date.now() - 3_000).length;
      expect(acknowledgedDuringOutage).toBe(0);
      expect(load.refused.get(503) ?? 0).toBeGreaterThan(0);

      await cluster.startServer();
      const restartedAt = Date.now();
      await waitFor(
        'a submission acknowledged after the restart',
        async () => (load!.acknowledged.some((a) => a.at > restartedAt) ? true : undefined),
        15_000,
      );
      const recoveredInMs = load.acknowledged.find((a) => a.at > restartedAt)!.at - restartedAt;
      expect(recoveredInMs).toBeLessThan(10_000);
      expect(
        await waitFor(
          '/healthz to answer 200',
          async () => {
            const health = await healthStatus(server!);
            return health.status === 200 ? health : undefined;
          },
          10_000,
        ),
      ).toEqual({ status: 200, body: { status: 'ok' } });
      const ackedBefore = load.acknowledged.length;
      await waitFor(
        '20 more acknowledged submissions',
        async () => (load!.acknowledged.length >= ackedBefore + 20 ? true : undefined),
        30_000,
      );
      await load.stop();

      // The same process all along.
      expect(server.child.exitCode).toBeNull();
      expect(server.child.pid).toBe(pid);
      expect(load.networkErrors).toEqual([]);

      const check = openDatabase({ dialect: 'postgres', url: env.DATABASE_URL });
      try {
        const stored = new Set(
          (
            await check.db
              .selectFrom('applications')
              .select('email')
              .where('email', 'like', 'outage-%')
              .execute()
          ).map((row) => row.email),
        );
        expect(load.acknowledged.filter((a) => !stored.has(a.email))).toEqual([]);
      } finally {
        await check.close();
      }

      // Logged, but once per outage-ish: not a line per request, connection or worker pass.
      const output = server.output();
      expect(output).toContain('the database is unavailable');
      expect(output).toContain('the database is available again');
      expect(output).not.toMatch(/Unhandled|uncaught/i);
      expect(output).not.toContain('request failed');
      expect(errorLines(output).length).toBeLessThanOrEqual(10);
    } finally {
      await load?.stop();
      await server?.stop();
      cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
}

if (testDialect() === 'sqlite') {
  test('locked by another process past busy_timeout: the plain page, the server stays up, then submissions again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iln-locked-'));
    let server: ServerProcess | undefined;
    let locker: SQLite.Database | undefined;
    try {
      seedDemo(dataDir, {});
      server = await startServerProcess({ dataDir });
      const pid = server.child.pid;
      const roundId = await findOpenRoundId(server.baseUrl);
      const session = await openApplicantSession(server.baseUrl, roundId);
      const [first, second, third] = applicants('locked', 3);

      // Another process (this one) takes the write lock and keeps it longer than the server's
      // 5 s busy_timeout, as a long import or an sqlite3 shell left in a transaction would.
      locker = new SQLite(join(dataDir, 'iln.sqlite'));
      locker.exec('BEGIN EXCLUSIVE');
      const lockedAt = Date.now();
      expect(await postApplication(session, first!)).toEqual({ acknowledged: false, status: 503 });
      const page = await fetch(`${server.baseUrl}/rounds/${encodeURIComponent(roundId)}/apply`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: session.cookie,
          origin: server.baseUrl,
        },
        body: encodeApplication(session, second!),
      });
      await expectTryAgainPage(page);
      await sleep(Math.max(0, 6_500 - (Date.now() - lockedAt)));
      expect((await healthStatus(server)).status).toBe(200);
      locker.exec('ROLLBACK');
      locker.close();
      locker = undefined;

      expect(await postApplication(session, third!)).toEqual({ acknowledged: true, status: 303 });
      expect(server.child.exitCode).toBeNull();
      expect(server.child.pid).toBe(pid);
      const output = server.output();
      expect(output).toContain('the database is unavailable');
      expect(output).not.toMatch(/Unhandled|uncaught/i);
      expect(output).not.toContain('request failed');
    } finally {
      locker?.close();
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  test('read-only: pages still read, a submission gets the plain page', async () => {
    const t = await createTestApp({ now: TEST_NOW });
    const round = await insertRound(t.database.db, makeOpenRound());
    const location = t.database.location;
    if (location.dialect !== 'sqlite') throw new Error('the SQLite project gives a SQLite database');
    const readOnly = new SQLite(location.path, { readonly: true });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: readOnly }) });
    try {
      const readOnlyDatabase = {
        db,
        dialect: 'sqlite' as const,
        close: () => db.destroy(),
        durable: async () => undefined,
      };
      const app = await assembleContainer(t.ctx.config, readOnlyDatabase, t.ctx.logger, {
        now: t.ctx.now,
      }).webApp();
      const form = await app.request(`/rounds/${round.id}/apply`);
      expect(form.status).toBe(200);
      const csrfToken = /<meta name="csrf-token" content="([^"]+)"/.exec(await form.text())?.[1] ?? '';
      const cookie = form.headers
        .getSetCookie()
        .map((header) => header.split(';')[0])
        .join('; ');
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(validForm())) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
      }
      body.append('_csrf', csrfToken);
      const submitted = await app.request(`/rounds/${round.id}/apply`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie,
          origin: t.ctx.config.baseUrl,
        },
        body,
      });
      await expectTryAgainPage(submitted);
    } finally {
      await db.destroy();
      await t.dispose();
    }
  });
}

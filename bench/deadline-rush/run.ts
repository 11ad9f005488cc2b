/**
 * Deadline rush: many applicants submitting the application form at once, as happens in the last
 * hours before a round closes. Runs the real `iln serve` (SQLite, then PostgreSQL with fsync on),
 * drives it with N concurrent applicants for S seconds at a target total rate, and then checks the
 * database: the number of stored applications must equal the number the server acknowledged.
 *
 *   node bench/run.js deadline-rush [--seconds 60] [--rate 200] [--applicants 200] [--db sqlite|postgres|both]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error plain JavaScript helper shared with scripts/test.js
import { startPostgresCluster } from '../../scripts/pg-cluster.js';
// @ts-expect-error plain JavaScript helper shared with scripts/test.js
import { ensureSystemPackages } from '../../scripts/system-deps.js';
import { generateSyntheticPool } from '../../src/core/demo';
import { openDatabase } from '../../src/db/connection';
import {
  type ApplicantSession,
  findOpenRoundId,
  openApplicantSession,
  postApplication,
} from '../../tests/support/applicant-client';
import { startServerProcess } from '../../tests/support/server-process';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '200' },
    applicants: { type: 'string', default: '200' },
    db: { type: 'string', default: 'both' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: node bench/run.js deadline-rush [--seconds 60] [--rate 200] [--applicants 200] [--db sqlite|postgres|both]',
  );
  process.exit(0);
}
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const applicants = Number(values.applicants);
const dialects = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db];
if (
  ![seconds, rate, applicants].every((n) => Number.isFinite(n) && n > 0) ||
  dialects.some((d) => d !== 'sqlite' && d !== 'postgres')
) {
  console.error(
    'deadline-rush: --seconds, --rate and --applicants must be positive numbers; --db sqlite, postgres or both',
  );
  process.exit(2);
}

interface RunResult {
  database: string;
  seconds: number;
  targetRate: number;
  applicants: number;
  sent: number;
  acknowledged: number;
  errors: number;
  statusCounts: Record<string, number>;
  stored: number;
  storedEqualsAcknowledged: boolean;
  throughputPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const runOne = async (dialect: string): Promise<RunResult> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iln-rush-'));
  const cluster = dialect === 'postgres' ? await startPostgresCluster({ durable: true }) : undefined;
  const env: Record<string, string> = cluster ? { DATABASE_URL: cluster.url } : {};
  try {
    const seeded = spawnSync(
      process.execPath,
      [join(root, 'bin/iln.js'), 'seed-demo', '--applicants', '20'],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
          ...env,
        },
        encoding: 'utf8',
      },
    );
    if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
    const server = await startServerProcess({ dataDir, env: { ...env, LOG_LEVEL: 'error' } });
    try {
      const roundId = await findOpenRoundId(server.baseUrl);
      const sessions: ApplicantSession[] = [];
      for (let i = 0; i < applicants; i++) sessions.push(await openApplicantSession(server.baseUrl, roundId));
      const total = Math.ceil(seconds * rate * 1.1);
      const pool = generateSyntheticPool({ count: total, seed: 7 }).map((a, i) => ({
        ...a.answers,
        email: `rush-${i}@example.org`,
      }));
      const latencies: number[] = [];
      const statusCounts: Record<string, number> = {};
      let sent = 0;
      let acknowledged = 0;
      let errors = 0;
      const startedAt = performance.now();
      const endsAt = startedAt + seconds * 1000;
      // Each applicant submits at rate/applicants per second, starting at a random offset: an open
      // loop, so a slow server shows up as latency instead of as fewer requests.
      const interval = (1000 * applicants) / rate;
      const applicant = async (session: ApplicantSession, index: number) => {
        let due = startedAt + (index / applicants) * interval;
        while (due < endsAt) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const answers = pool[sent++];
          if (!answers) break;
          const t0 = performance.now();
          try {
            const { acknowledged: ok, status } = await postApplication(session, answers);
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            if (ok) acknowledged++;
            else errors++;
          } catch (error) {
            errors++;
            statusCounts[String((error as Error).name)] =
              (statusCounts[String((error as Error).name)] ?? 0) + 1;
          }
          latencies.push(performance.now() - t0);
          due += interval;
        }
      };
      await Promise.all(sessions.map(applicant));
      const elapsed = (performance.now() - startedAt) / 1000;
      const handle = openDatabase(
        cluster
          ? { dialect: 'postgres', url: cluster.url }
          : { dialect: 'sqlite', path: join(dataDir, 'iln.sqlite') },
      );
      const stored = Number(
        (
          await handle.db
            .selectFrom('applications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('email', 'like', 'rush-%')
            .executeTakeFirstOrThrow()
        ).n,
      );
      await handle.close();
      latencies.sort((a, b) => a - b);
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        database: dialect,
        seconds: round(elapsed),
        targetRate: rate,
        applicants,
        sent: latencies.length,
        acknowledged,
        errors,
        statusCounts,
        stored,
        storedEqualsAcknowledged: stored === acknowledged,
        throughputPerSecond: round(acknowledged / elapsed),
        latencyMs: {
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
          max: round(latencies.at(-1) ?? 0),
        },
      };
    } finally {
      await server.stop();
    }
  } finally {
    cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

if (dialects.includes('postgres')) ensureSystemPackages({ chromium: false, postgres: true });
const results: RunResult[] = [];
for (const dialect of dialects) {
  console.log(`deadline-rush: ${dialect}, ${applicants} applicants, ${rate}/s target, ${seconds} s …`);
  const result = await runOne(dialect);
  console.log(JSON.stringify(result));
  results.push(result);
}

const resultsDir = join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const machine = `${(await import('node:os')).cpus().length} cores, Node ${process.version}`;
writeFileSync(join(resultsDir, `${stamp}.json`), `${JSON.stringify({ machine, results }, null, 2)}\n`);
const table = [
  '| database | seconds | target/s | acknowledged | stored = acknowledged | errors | throughput/s | p50 ms | p95 ms | p99 ms | max ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.database} | ${r.seconds} | ${r.targetRate} | ${r.acknowledged} | ${r.storedEqualsAcknowledged ? 'yes' : `NO (${r.stored})`} | ${r.errors} | ${r.throughputPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.latencyMs.max} |`,
  ),
].join('\n');
writeFileSync(join(resultsDir, 'latest.md'), `# Deadline rush, ${stamp} (${machine})\n\n${table}\n`);
console.log(`\n${table}`);
process.exit(results.every((r) => r.storedEqualsAcknowledged) ? 0 : 1);

/**
 * Deadline rush: many applicants submitting the application form at once, as happens in the last
 * hours before a round closes. Runs the real `iln serve` (SQLite, then PostgreSQL with fsync on),
 * drives it with N concurrent applicants for S seconds at a target total rate, and then checks the
 * database: the number of stored applications must equal the number the server acknowledged.
 *
 *   node bench/run.js deadline-rush [--seconds 60] [--rate 200] [--applicants 200] [--warmup 10]
 *                                   [--db sqlite|postgres|both] [--profile DIR]
 *
 * --warmup runs that many seconds at half the rate first (a fresh server compiles its hot paths
 * then); those submissions are stored and counted, their latencies reported apart.
 *
 * --profile writes the server's CPU profile (node --cpu-prof) into DIR, to see where its time goes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgresCluster } from '../../scripts/pg-cluster.js';
import { ensureSystemPackages } from '../../scripts/system-deps.js';
import { openDatabase } from '../../src/db/connection';
import { generateSyntheticPool } from '../../src/services/demo';
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
    warmup: { type: 'string', default: '10' },
    db: { type: 'string', default: 'both' },
    profile: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: node bench/run.js deadline-rush [--seconds 60] [--rate 200] [--applicants 200] [--warmup 10] [--db sqlite|postgres|both] [--profile DIR]',
  );
  process.exit(0);
}
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const applicants = Number(values.applicants);
const warmup = Number(values.warmup);
const dialects = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db];
if (
  ![seconds, rate, applicants].every((n) => Number.isFinite(n) && n > 0) ||
  !(Number.isFinite(warmup) && warmup >= 0) ||
  dialects.some((d) => d !== 'sqlite' && d !== 'postgres')
) {
  console.error(
    'deadline-rush: --seconds, --rate and --applicants must be positive numbers, --warmup zero or more; --db sqlite, postgres or both',
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
  /** CPU milliseconds per submission sent: the server process, PostgreSQL's, this load generator. */
  cpuMsPerSubmission: { server: number; postgres: number | null; client: number };
  /** p50 and p99 of the submissions sent in each 5-second window: where a slow tail comes from. */
  byWindow: { fromSecond: number; sent: number; p50: number; p99: number }[];
  /** The warm-up before the measured run: counted in acknowledged and stored, not in latencies. */
  warmup: { seconds: number; rate: number; sent: number; p99: number } | null;
}

/** Fields 3 onwards of /proc/PID/stat(5), or undefined (not Linux, or the process is gone). */
const statFields = (pid: number | string | undefined): string[] | undefined => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return undefined;
  }
};

/** User + system CPU seconds a process has used so far (utime and stime, 100 ticks a second). */
const processCpuSeconds = (pid: number | string | undefined): number => {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0;
};

/** The same for a PostgreSQL cluster: the postmaster and every backend it started. */
const clusterCpuSeconds = (dataDir: string | undefined): number => {
  if (!dataDir) return 0;
  let postmaster: string | undefined;
  try {
    postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]?.trim();
  } catch {
    return 0;
  }
  let total = processCpuSeconds(postmaster);
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    if (statFields(pid)?.[1] === postmaster) total += processCpuSeconds(pid);
  }
  return total;
};

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
    const server = await startServerProcess({
      dataDir,
      env: { ...env, LOG_LEVEL: 'error' },
      nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [],
    });
    try {
      const roundId = await findOpenRoundId(server.baseUrl);
      const sessions: ApplicantSession[] = [];
      for (let i = 0; i < applicants; i++) sessions.push(await openApplicantSession(server.baseUrl, roundId));
      const total = Math.ceil((seconds * rate + warmup * (rate / 2)) * 1.1);
      const pool = generateSyntheticPool({ count: total, seed: 7 }).map((a, i) => ({
        ...a.answers,
        email: `rush-${i}@example.org`,
      }));
      const statusCounts: Record<string, number> = {};
      let sent = 0;
      let acknowledged = 0;
      let errors = 0;
      /**
       * Every applicant submits at phaseRate/applicants per second, the first ones spread over one
       * interval: an open loop, so a slow server shows up as latency instead of as fewer requests.
       */
      const runPhase = async (phaseSeconds: number, phaseRate: number) => {
        const latencies: number[] = [];
        const sentAt: number[] = [];
        const startedAt = performance.now();
        const endsAt = startedAt + phaseSeconds * 1000;
        const interval = (1000 * applicants) / phaseRate;
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
              const name = String((error as NodeJS.ErrnoException).code ?? (error as Error).name);
              statusCounts[name] = (statusCounts[name] ?? 0) + 1;
            }
            latencies.push(performance.now() - t0);
            sentAt.push(t0 - startedAt);
            due += interval;
          }
        };
        await Promise.all(sessions.map(applicant));
        return { latencies, sentAt, elapsed: (performance.now() - startedAt) / 1000 };
      };
      // A server that has run for days has compiled its hot paths; a fresh one compiles them
      // during the first seconds. The warm-up (half the rate) is stored and checked like the
      // rest, but its latencies are reported apart from the measured run's.
      const warm = warmup > 0 ? await runPhase(warmup, rate / 2) : undefined;
      const acknowledgedBefore = acknowledged;
      const serverCpuBefore = processCpuSeconds(server.child.pid);
      const postgresCpuBefore = clusterCpuSeconds(cluster?.dataDir);
      const clientCpuBefore = process.cpuUsage();
      const { latencies, sentAt, elapsed } = await runPhase(seconds, rate);
      const serverCpu = processCpuSeconds(server.child.pid) - serverCpuBefore;
      const postgresCpu = clusterCpuSeconds(cluster?.dataDir) - postgresCpuBefore;
      const clientCpuUsage = process.cpuUsage(clientCpuBefore);
      const clientCpu = (clientCpuUsage.user + clientCpuUsage.system) / 1e6;
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
      const round = (n: number) => Math.round(n * 10) / 10;
      const windows = new Map<number, number[]>();
      latencies.forEach((latency, i) => {
        const window = Math.floor(sentAt[i]! / 5000) * 5;
        const values = windows.get(window);
        if (values) values.push(latency);
        else windows.set(window, [latency]);
      });
      const byWindow = [...windows].map(([fromSecond, values]) => {
        values.sort((a, b) => a - b);
        return {
          fromSecond,
          sent: values.length,
          p50: round(percentile(values, 50)),
          p99: round(percentile(values, 99)),
        };
      });
      latencies.sort((a, b) => a - b);
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
        throughputPerSecond: round((acknowledged - acknowledgedBefore) / elapsed),
        warmup: warm
          ? {
              seconds: warmup,
              rate: rate / 2,
              sent: warm.latencies.length,
              p99: round(
                percentile(
                  [...warm.latencies].sort((a, b) => a - b),
                  99,
                ),
              ),
            }
          : null,
        byWindow,
        cpuMsPerSubmission: {
          server: Math.round((serverCpu / Math.max(1, latencies.length)) * 1e5) / 100,
          postgres: cluster ? Math.round((postgresCpu / Math.max(1, latencies.length)) * 1e5) / 100 : null,
          client: Math.round((clientCpu / Math.max(1, latencies.length)) * 1e5) / 100,
        },
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
  '| database | seconds | target/s | acknowledged | stored = acknowledged | errors | throughput/s | p50 ms | p95 ms | p99 ms | max ms | CPU ms/submission: server | PostgreSQL | client |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.database} | ${r.seconds} | ${r.targetRate} | ${r.acknowledged} | ${r.storedEqualsAcknowledged ? 'yes' : `NO (${r.stored})`} | ${r.errors} | ${r.throughputPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.cpuMsPerSubmission.server} | ${r.cpuMsPerSubmission.postgres ?? '—'} | ${r.cpuMsPerSubmission.client} |`,
  ),
].join('\n');
writeFileSync(join(resultsDir, 'latest.md'), `# Deadline rush, ${stamp} (${machine})\n\n${table}\n`);
console.log(`\n${table}`);
process.exit(results.every((r) => r.storedEqualsAcknowledged) ? 0 : 1);

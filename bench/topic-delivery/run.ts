/**
 * Topic delivery: one topic to N active participants (10,000 by default) through a local SMTP
 * server, by the real `iln serve`, on SQLite and on PostgreSQL (a throwaway cluster with fsync on).
 *
 *   node bench/run.js topic-delivery [--participants 10000] [--db sqlite|postgres|both]
 *                                    [--scenario clean|killed|both] [--no-write]
 *
 * clean: the topic is due when the server starts; the run ends when the SMTP server has every
 * participant's email and the database says every email is sent. killed: the same, with the
 * server killed (SIGKILL) once half the emails have been accepted, and started again; the run
 * ends the same way (its time includes the restart and the lease of the messages the killed
 * server held, LEASE_MS).
 *
 * Checks, for both: none lost (every participant received the topic), no duplicate (no participant
 * got two different emails, i.e. two Message-IDs), and how many messages crossed the SMTP boundary
 * more than once (same Message-ID; only possible for the few in flight at a kill). Memory: the
 * peak resident set of each server process (VmHWM from /proc/PID/status). Targets: under 60 s and
 * under 300 MB for the clean run; no duplicate and none lost for both.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPostgresCluster } from '../../scripts/pg-cluster.js';
import { ensureSystemPackages } from '../../scripts/system-deps.js';
import { LEASE_MS } from '../../src/core/mail/delivery-policy';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { type ServerProcess, startServerProcess } from '../../tests/support/server-process';
import { seedParticipants, seedTopic, seedUnderWayRound } from '../../tests/support/topic-fixtures';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'both' },
    scenario: { type: 'string', default: 'both' },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: node bench/run.js topic-delivery [--participants 10000] [--db sqlite|postgres|both] [--scenario clean|killed|both] [--no-write]',
  );
  process.exit(0);
}
const participants = Number(values.participants);
const dialects = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db];
const scenarios = values.scenario === 'both' ? ['clean', 'killed'] : [values.scenario];
if (
  !(Number.isInteger(participants) && participants >= 2) ||
  dialects.some((d) => d !== 'sqlite' && d !== 'postgres') ||
  scenarios.some((s) => s !== 'clean' && s !== 'killed')
) {
  console.error(
    'topic-delivery: --participants must be a whole number of at least 2; --db sqlite, postgres or both; --scenario clean, killed or both',
  );
  process.exit(2);
}
const TIME_TARGET_S = 60;
const MEMORY_TARGET_MB = 300;

interface RunResult {
  database: string;
  scenario: string;
  participants: number;
  /** From the (first) server answering /healthz to the database recording the last email sent. */
  seconds: number;
  emailsPerSecond: number;
  /** Peak resident set of each server process, MB. */
  peakRssMb: number[];
  /** CPU time (user + system) of the server processes, seconds: the cost, whatever else runs. */
  serverCpuSeconds: number;
  /** GET /healthz every 100 ms during the run: the server kept answering while it sent. */
  healthzMs: { p50: number; p99: number; max: number };
  received: number;
  lost: number;
  duplicated: number;
  repeatedAtSmtp: number;
  deliveriesRecorded: number;
  mailSent: number;
  killedAfterAccepted?: number;
  /** Messages the killed server held under a lease (taken over once it ran out). */
  heldAtKill?: number;
  loadAverageStart: number;
  loadAverageEnd: number;
}

/** VmHWM (the peak resident set) of a live process, in MB. */
const peakRssMb = (pid: number | undefined): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 'NaN');
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return Number.NaN;
  }
};

/** utime + stime of a live process, in seconds. */
const cpuSeconds = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

/** Asks GET /healthz every 100 ms until stopped; the latencies of the answers. */
const watchHealth = () => {
  const latencies: number[] = [];
  let url: string | undefined;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      if (url) {
        const started = performance.now();
        try {
          await fetch(`${url}/healthz`);
          latencies.push(performance.now() - started);
        } catch {
          // the server is being killed or restarted
        }
      }
      await sleep(100);
    }
  })();
  return {
    watch: (baseUrl: string) => {
      url = baseUrl;
    },
    stop: async () => {
      stopped = true;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) =>
        Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
      return { p50: at(0.5), p99: at(0.99), max: at(1) };
    },
  };
};

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface Database {
  env: Record<string, string>;
  dataDir: string;
  open: () => DatabaseHandle;
  dispose: () => Promise<void>;
}

/** A fresh database: SQLite in a new DATA_DIR, or a new database on the benchmark's cluster. */
const freshDatabase = async (
  dialect: string,
  clusterUrl: string | undefined,
  name: string,
): Promise<Database> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iln-bench-topics-'));
  if (dialect === 'sqlite') {
    const path = join(dataDir, 'iln.sqlite');
    return {
      env: {},
      dataDir,
      open: () => openDatabase({ dialect: 'sqlite', path }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(clusterUrl!);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    dataDir,
    open: () => openDatabase({ dialect: 'postgres', url: url.toString() }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};

const seed = async (database: Database) => {
  const handle = database.open();
  try {
    await migrateToLatest(handle.db);
    const round = await seedUnderWayRound(handle.db, { startsOn: day(-7), endsOn: day(100) });
    await seedParticipants(handle.db, { roundId: round.id, count: participants });
    await seedTopic(handle.db, {
      roundId: round.id,
      id: 'topic-1',
      dueAt: new Date(Math.floor((Date.now() - 60_000) / 60_000) * 60_000),
      title: 'Getting to know you',
      body: [
        'Welcome to the round! This fortnight, tell your partner **who you are** and what your days at work look like.',
        '',
        '- What drew you to library and information work?',
        '- What does a good week look like for you?',
        '- What would you like to get out of this partnership?',
        '',
        'Read more about [how the program works](https://example.org/how-it-works).',
      ].join('\n'),
      translations: { es: { title: 'Conocerse', body: 'Cuéntale a tu pareja **quién eres**.' } },
    });
  } finally {
    await handle.close();
  }
};

const recorded = async (database: Database) => {
  const handle = database.open();
  try {
    const deliveries = await handle.db
      .selectFrom('topic_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const sent = await handle.db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'topic')
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    const held = await handle.db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'sending')
      .executeTakeFirstOrThrow();
    return { deliveries: Number(deliveries.n), sent: Number(sent.n), held: Number(held.n) };
  } finally {
    await handle.close();
  }
};

const waitFor = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  pollMs = 200,
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`topic-delivery: timed out waiting for ${what}`);
    await sleep(pollMs);
  }
};

const serve = (database: Database, sink: SmtpSink) =>
  startServerProcess({
    dataDir: database.dataDir,
    env: {
      ...database.env,
      SMTP_URL: sink.url,
      MAIL_FROM: 'ILN <noreply@iln.example.org>',
      LOG_LEVEL: 'warn',
    },
  });

const runScenario = async (
  dialect: string,
  scenario: string,
  clusterUrl: string | undefined,
): Promise<RunResult> => {
  const database = await freshDatabase(dialect, clusterUrl, `bench_topics_${scenario}`);
  const sink = await startSmtpSink();
  const servers: ServerProcess[] = [];
  try {
    await seed(database);
    const loadAverageStart = loadavg()[0]!;
    const health = watchHealth();
    const first = await serve(database, sink);
    servers.push(first);
    health.watch(first.baseUrl);
    let cpu = 0;
    const startedAt = Date.now();
    const peaks: number[] = [];
    let killedAfterAccepted: number | undefined;
    let heldAtKill: number | undefined;
    const isDone = async () => {
      if (sink.byRecipient.size < participants) return false;
      return (await recorded(database)).sent === participants;
    };
    if (scenario === 'killed') {
      await waitFor('half the emails', () => sink.accepted() >= participants / 2, 300_000, 20);
      peaks.push(peakRssMb(first.child.pid));
      cpu += cpuSeconds(first.child.pid);
      await first.kill();
      killedAfterAccepted = sink.accepted();
      heldAtKill = (await recorded(database)).held;
      const second = await serve(database, sink);
      servers.push(second);
      health.watch(second.baseUrl);
    }
    await waitFor('every email to be sent', isDone, 300_000 + LEASE_MS);
    const seconds = (Date.now() - startedAt) / 1000;
    peaks.push(peakRssMb(servers.at(-1)!.child.pid));
    cpu += cpuSeconds(servers.at(-1)!.child.pid);
    const healthzMs = await health.stop();
    const state = await recorded(database);
    let received = 0;
    let duplicated = 0;
    let repeatedAtSmtp = 0;
    for (const ids of sink.byRecipient.values()) {
      if (ids.size > 1) duplicated++;
      for (const count of ids.values()) {
        received += count;
        repeatedAtSmtp += count - 1;
      }
    }
    const result: RunResult = {
      database: dialect,
      scenario,
      participants,
      seconds: Math.round(seconds * 10) / 10,
      emailsPerSecond: Math.round(participants / seconds),
      peakRssMb: peaks,
      serverCpuSeconds: Math.round(cpu * 10) / 10,
      healthzMs,
      received,
      lost: participants - sink.byRecipient.size,
      duplicated,
      repeatedAtSmtp,
      deliveriesRecorded: state.deliveries,
      mailSent: state.sent,
      ...(killedAfterAccepted === undefined ? {} : { killedAfterAccepted, heldAtKill }),
      loadAverageStart: Math.round(loadAverageStart * 100) / 100,
      loadAverageEnd: Math.round(loadavg()[0]! * 100) / 100,
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    for (const server of servers) await server.kill();
    await sink.close();
    await database.dispose();
  }
};

if (dialects.includes('postgres')) ensureSystemPackages();
const results: RunResult[] = [];
for (const dialect of dialects) {
  const cluster = dialect === 'postgres' ? await startPostgresCluster({ durable: true }) : undefined;
  try {
    for (const scenario of scenarios) results.push(await runScenario(dialect, scenario, cluster?.url));
  } finally {
    cluster?.stop();
  }
}

const verdict = (result: RunResult) => {
  const correct = result.lost === 0 && result.duplicated === 0 && result.mailSent === participants;
  const peak = Math.max(...result.peakRssMb);
  const fast = result.scenario === 'killed' || result.seconds < TIME_TARGET_S;
  return correct && fast && peak < MEMORY_TARGET_MB ? 'MET' : 'MISS';
};
const table = [
  '| database | scenario | participants | seconds | emails/s | server CPU s | peak RSS MB (per process) | /healthz p99 / max ms | lost | duplicated | repeated at SMTP | target |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.database} | ${r.scenario}${r.killedAfterAccepted === undefined ? '' : ` (killed after ${r.killedAfterAccepted}, ${r.heldAtKill} held)`} | ${r.participants} | ${r.seconds} | ${r.emailsPerSecond} | ${r.serverCpuSeconds} | ${r.peakRssMb.join(' / ')} | ${r.healthzMs.p99} / ${r.healthzMs.max} | ${r.lost} | ${r.duplicated} | ${r.repeatedAtSmtp} | ${verdict(r)} |`,
  ),
].join('\n');
console.log(`\n${table}`);
if (!values['no-write']) {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
  const resultsDir = join(root, 'bench/topic-delivery/results');
  const machine = `${(await import('node:os')).cpus().length} cores, Node ${process.version}`;
  writeFileSync(join(resultsDir, `${stamp}.json`), `${JSON.stringify({ machine, results }, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.md'), `# Topic delivery, ${stamp} (${machine})\n\n${table}\n`);
}
process.exit(results.every((r) => verdict(r) === 'MET') ? 0 : 1);

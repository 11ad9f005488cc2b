/**
 * Child process of the match-run benchmark: the whole pipeline as the program runs it, in a fresh
 * process, printing one JSON line. Run by bench/match-run/run.ts as
 * `node --import tsx bench/match-run/in-program.ts --n N --seed S --db sqlite|URL [--runs K] [--edges FILE] [--source]`.
 * The program's modules are the compiled build in dist/, as `iln serve` runs them (--source: the
 * sources through tsx).
 *
 * Untimed setup: a migrated database (a new SQLite file, or the PostgreSQL database at URL) with a
 * closed round holding N accepted applications from the demo's synthetic pool, and the container
 * the server builds (its match engine is the worker thread the server uses).
 *
 * Timed, K times in the same process (so the first run is the server's first run after it starts,
 * and the later ones are runs of a server whose engine thread is warm): the use case
 * `services.matching.run` as a coordinator's "Run matching" calls it — load the round's accepted
 * applications, settings, locks and exclusions; score every pair, solve, certify, trios, explain
 * (in the engine thread); store the run with its snapshot, result and explanations, and the audit
 * entry. Wall time, the process's CPU time (every thread), and the longest the main thread's
 * event loop was held (a 5 ms timer's worst lateness) during the run. Then, once: how long loading
 * the snapshot alone takes, and the peak RSS. With --edges, the graph the first run's two-person
 * stage solved is written for LEMON (through the use case that exports it for `iln solve-matching`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuUsage } from 'node:process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as ContainerModule from '../../src/composition/container';
import type * as LoggerModule from '../../src/composition/logger';
import type * as EnvModule from '../../src/config/env';
import type * as CountryQuotaModule from '../../src/core/applications/country-quota';
import type * as ViewerModule from '../../src/core/people/viewer';
import type { Round } from '../../src/core/rounds';
import type * as ConnectionModule from '../../src/db/connection';
import type * as MigrateModule from '../../src/db/migrate';
import type * as StoreModule from '../../src/db/store';
import type * as SyntheticPoolModule from '../../src/services/demo/synthetic-pool';
import type * as MatchSnapshotModule from '../../src/services/matching/match-snapshot';
import { writeEdgeFile } from '../matching/edge-file';
import { repo } from '../matchmaking/harness';

const { values } = parseArgs({
  options: {
    n: { type: 'string' },
    seed: { type: 'string', default: '1' },
    db: { type: 'string', default: 'sqlite' },
    runs: { type: 'string', default: '3' },
    edges: { type: 'string' },
    source: { type: 'boolean', default: false },
  },
});

/**
 * The program's modules as `iln serve` runs them: the compiled build in dist/ (`npm run build`;
 * its match engine thread starts from compiled code too), or the sources with --source.
 */
const build = values.source
  ? undefined
  : JSON.parse(readFileSync(join(repo, 'dist', 'manifest.json'), 'utf8')).build;
const load = <T>(path: string): Promise<T> =>
  import(
    pathToFileURL(build ? join(repo, 'dist', build, `${path}.js`) : join(repo, 'src', `${path}.ts`)).href
  );
const { assembleContainer } = await load<typeof ContainerModule>('composition/container');
const { createLogger } = await load<typeof LoggerModule>('composition/logger');
const { loadConfig } = await load<typeof EnvModule>('config/env');
const { DEFAULT_QUOTA_SETTINGS } = await load<typeof CountryQuotaModule>('core/applications/country-quota');
const { COMMAND_LINE_OPERATOR } = await load<typeof ViewerModule>('core/people/viewer');
const { openDatabase } = await load<typeof ConnectionModule>('db/connection');
const { migrateToLatest } = await load<typeof MigrateModule>('db/migrate');
const { createStore } = await load<typeof StoreModule>('db/store');
const { generateSyntheticPool } = await load<typeof SyntheticPoolModule>('services/demo/synthetic-pool');
const { buildMatchSnapshot } = await load<typeof MatchSnapshotModule>('services/matching/match-snapshot');
const n = Number(values.n);
const seed = Number(values.seed);
const runs = Math.max(1, Number(values.runs));
if (!(n > 1)) throw new Error('--n must be at least 2');

const dataDir = mkdtempSync(join(tmpdir(), 'iln-match-run-'));
const config = loadConfig({
  NODE_ENV: 'production',
  BASE_URL: 'https://iln.example.org',
  AUTH_SECRET: 'bench'.repeat(8),
  DATA_DIR: dataDir,
  DATABASE_URL: values.db === 'sqlite' ? '' : values.db,
  LOG_LEVEL: 'warn',
});
const target =
  config.databaseUrl === undefined
    ? ({ dialect: 'sqlite', path: config.sqlitePath } as const)
    : ({ dialect: 'postgres', url: config.databaseUrl } as const);
const database = openDatabase(target);
await migrateToLatest(database.db);

const round: Round = {
  id: 'bench-round',
  name: 'Benchmark round',
  status: 'closed',
  programTimeZone: 'Australia/Sydney',
  applicationsOpenAt: new Date('2025-01-06T00:00:00Z'),
  applicationsCloseAt: new Date('2025-02-02T12:59:00Z'),
  startsOn: '2025-03-03' as Round['startsOn'],
  endsOn: '2025-06-30' as Round['endsOn'],
  quota: DEFAULT_QUOTA_SETTINGS,
};
const store = createStore(database.db, { dialect: database.dialect, render: () => ({}) as never });
const setupStarted = performance.now();
await store.rounds.insertRound(round, new Date('2025-01-01T00:00:00Z'));
const pool = generateSyntheticPool({ count: n, seed });
for (let i = 0; i < pool.length; i += 500) {
  await database.db.transaction().execute(async (trx) => {
    const batch = createStore(trx, { dialect: database.dialect, render: () => ({}) as never });
    for (const applicant of pool.slice(i, i + 500)) {
      await batch.applications.insertApplication({
        id: `bench-${applicant.key}`,
        roundId: round.id,
        personId: null,
        status: 'accepted',
        answers: applicant.answers,
        editTokenHash: null,
        submittedAt: new Date('2025-01-20T00:00:00Z'),
      });
    }
  });
}
const setupSeconds = (performance.now() - setupStarted) / 1000;

const container = assembleContainer(config, database, createLogger(config));

/** The worst lateness of a 5 ms timer on the main thread while `work` runs: how long it was held. */
const measureHeld = async <T>(work: () => Promise<T>): Promise<{ value: T; heldMs: number }> => {
  let worst = 0;
  let expected = performance.now() + 5;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - expected);
    expected = now + 5;
  }, 5);
  try {
    const value = await work();
    worst = Math.max(worst, performance.now() - expected);
    return { value, heldMs: worst };
  } finally {
    clearInterval(timer);
  }
};

const timed = [];
let firstRunId = '';
for (let r = 0; r < runs; r++) {
  const wall0 = performance.now();
  const cpu0 = cpuUsage();
  const { value: run, heldMs } = await measureHeld(() =>
    container.services.matching.run({ viewer: COMMAND_LINE_OPERATOR, roundId: round.id }),
  );
  const cpu = cpuUsage(cpu0);
  if (r === 0) firstRunId = run.id;
  timed.push({
    seconds: (performance.now() - wall0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    engineSeconds: run.seconds,
    heldMs: Math.round(heldMs),
    partnerships: run.result.partnerships.length,
    unmatched: run.result.unmatched.length,
    solverWeight: run.result.solverWeight,
    certified:
      run.result.certificate.pairStage.certified && (run.result.certificate.trioStage?.certified ?? true),
  });
}

const load0 = performance.now();
const { snapshot } = await buildMatchSnapshot(store, await store.rounds.getRound(round.id), 'total-fit');
const snapshotSeconds = (performance.now() - load0) / 1000;
const peakRssKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);

if (values.edges) {
  const graph = await container.services.matching.exportGraph({
    viewer: COMMAND_LINE_OPERATOR,
    roundId: round.id,
    runId: firstRunId,
  });
  const m = graph.edges.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  graph.edges.forEach(([a, b, weight], e) => {
    u[e] = a;
    v[e] = b;
    w[e] = weight;
  });
  writeEdgeFile(values.edges, { n: graph.ids.length, m, u, v, w });
}

await container.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    n,
    compiled: build !== undefined,
    applications: snapshot.applications.length,
    setupSeconds,
    snapshotSeconds,
    peakRssKb,
    runs: timed,
  }),
);

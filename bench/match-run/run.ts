/**
 * Match-run benchmark: the whole pipeline as the program runs it (load the round from the
 * database, score every pair, solve, certify, explain, store the run) on SQLite and on PostgreSQL,
 * against LEMON solving the already-scored graph. `node bench/run.js match-run [options]` (see
 * bench/README.md). Each (database, size) is a fresh child process (bench/match-run/in-program.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPostgresCluster } from '../../scripts/pg-cluster.js';
import {
  buildDir,
  ensureLemon,
  firstLine,
  fmt,
  lemonBinary,
  load,
  median,
  repo,
  runChild,
} from '../matchmaking/harness';

const here = dirname(fileURLToPath(import.meta.url));

const USAGE = `Usage: node bench/run.js match-run [options]

  --sizes A,B        round sizes (default 860,10000)
  --db LIST          sqlite,postgres (default both)
  --runs K           match runs per process (default 3: the server's first run, then warm ones)
  --lemon-max-n N    largest round LEMON solves (default 860; at 10,000 it takes minutes, see
                     bench/matchmaking)
  --source           run the sources through tsx (default: the compiled build, as \`iln serve\` does;
                     it is brought up to date first)
  --timeout SECONDS  per child process (default 900)
  --name NAME        results file name (default latest)
  --no-write         print only`;

interface Run {
  seconds: number;
  cpuSeconds: number;
  engineSeconds: number;
  heldMs: number;
  partnerships: number;
  unmatched: number;
  solverWeight: number;
  certified: boolean;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '860,10000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    runs: { type: 'string', default: '3' },
    'lemon-max-n': { type: 'string', default: '860' },
    timeout: { type: 'string', default: '900' },
    name: { type: 'string', default: 'latest' },
    'no-write': { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const dialects = values.db.split(',');
const lemonMaxN = Number(values['lemon-max-n']);
const timeout = Number(values.timeout);

if (!values.source) {
  const built = spawnSync(process.execPath, [join(repo, 'scripts', 'build.js'), '--if-stale'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run build failed');
}
const loadAtStart = load();
const lemonVersion = sizes.some((n) => n <= lemonMaxN) ? ensureLemon() : null;
const cluster = dialects.includes('postgres') ? await startPostgresCluster({ durable: true }) : undefined;
const rows: Record<string, unknown>[] = [];
let failed = false;
try {
  for (const n of sizes) {
    const edgeFile = join(buildDir, 'match-run', `round-${n}.edges`);
    mkdirSync(dirname(edgeFile), { recursive: true });
    let lemonSeconds: number | undefined;
    let lemonWeight: number | undefined;
    for (const dialect of dialects) {
      const db = dialect === 'postgres' ? await freshDatabase(cluster!.url, `bench_${n}`) : 'sqlite';
      const wantEdges = lemonVersion !== null && n <= lemonMaxN && !existsSync(edgeFile);
      const args = ['--import', 'tsx', join(here, 'in-program.ts'), '--n', String(n), '--db', db];
      args.push('--runs', values.runs, ...(wantEdges ? ['--edges', edgeFile] : []));
      if (values.source) args.push('--source');
      const child = await runChild(process.execPath, args, timeout);
      if ('error' in child) {
        console.log(`  ${dialect} n=${n}: ${child.error}`);
        failed = true;
        continue;
      }
      const runs = child.runs as unknown as Run[];
      for (const [i, r] of runs.entries()) {
        console.log(
          `  ${dialect} n=${n} run ${i + 1}: ${fmt(r.seconds)} s wall, ${fmt(r.cpuSeconds)} s CPU, engine ${fmt(r.engineSeconds)} s, event loop held ≤ ${r.heldMs} ms`,
        );
      }
      // LEMON right after our first process of this size, so both see the same machine load.
      if (lemonSeconds === undefined && existsSync(edgeFile)) {
        const lemon = await runChild(lemonBinary, [edgeFile], timeout);
        if ('error' in lemon) console.log(`  LEMON n=${n}: ${lemon.error}`);
        else {
          lemonSeconds = Math.min(lemon.seconds as number, lemon.cpuSeconds as number);
          lemonWeight = lemon.weight as number;
          console.log(`  LEMON n=${n}: ${fmt(lemonSeconds)} s (solve alone, min of wall and CPU)`);
        }
      }
      const first = runs[0]!;
      const warm = runs.slice(1);
      const certified = runs.every((r) => r.certified);
      const sameWeight = lemonWeight === undefined ? null : lemonWeight === first.solverWeight;
      if (!certified || sameWeight === false) failed = true;
      rows.push({
        dialect,
        n,
        snapshotSeconds: child.snapshotSeconds,
        firstSeconds: first.seconds,
        firstCpuSeconds: first.cpuSeconds,
        warmSeconds: median(warm.map((r) => r.seconds)),
        warmCpuSeconds: median(warm.map((r) => r.cpuSeconds)),
        engineWarmSeconds: median(warm.map((r) => r.engineSeconds)),
        heldMs: Math.max(...runs.map((r) => r.heldMs)),
        peakRssMb: Math.round((child.peakRssKb as number) / 1024),
        partnerships: first.partnerships,
        unmatched: first.unmatched,
        certified,
        lemonSeconds,
        sameWeight,
      });
    }
    if (existsSync(edgeFile)) unlinkSync(edgeFile);
  }
} finally {
  cluster?.stop();
}

const meta = {
  date: new Date().toISOString(),
  commit: firstLine('git', ['rev-parse', '--short', 'HEAD']),
  node: process.version,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB`,
  loadAverage: `1/5/15-minute load ${loadAtStart} at start, ${load()} at end`,
  lemon: lemonVersion ? `liblemon-dev ${lemonVersion}, g++ -O2` : 'not run',
  program: values.source ? 'the sources through tsx' : 'the compiled build (dist/), as `iln serve` runs it',
  postgres: cluster ? 'throwaway cluster on loopback, fsync on' : 'not run',
};
const report = markdown(rows, meta);
console.log(`\n${report}`);
if (!values['no-write']) {
  const out = join(here, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${values.name}.json`), `${JSON.stringify({ meta, rows }, null, 2)}\n`);
  writeFileSync(join(out, `${values.name}.md`), report);
  console.log(`wrote ${relative(repo, join(out, `${values.name}.md`))} and .json`);
}
process.exitCode = failed ? 1 : 0;

/** A new, empty PostgreSQL database in the cluster, so each process starts from nothing. */
async function freshDatabase(clusterUrl: string, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return clusterUrl.replace(/\/[^/]*$/, `/${name}`);
}

function markdown(table: Record<string, unknown>[], about: Record<string, unknown>): string {
  const num = (x: unknown) => (typeof x === 'number' ? x.toLocaleString('en-US') : '');
  const sec = (x: unknown) => (typeof x === 'number' ? fmt(x) : '');
  const lines = [
    '# Match-run benchmark: the whole pipeline in the program',
    '',
    ...Object.entries(about).map(([k, v]) => `- ${k}: ${v}`),
    '',
    "One process per row, as the server runs it: `services.matching.run` (a coordinator's “Run",
    'matching”) loads the round’s accepted applications from the database, scores every pair, solves',
    'and certifies the two-person stage, forms trios, explains every partnership (all in the match',
    'engine’s worker thread) and stores the run. “First” is the first run after the process starts',
    '(the engine thread starts and compiles); “warm” the median of the later runs. CPU counts every',
    'thread. “Held” is the longest the main thread’s event loop was blocked during any run (the',
    'requests a server answers meanwhile wait at most that long). LEMON: its solve alone on the graph',
    'the first run solved (min of wall and CPU).',
    '',
    '| database | n | load snapshot s | first run s | first CPU s | warm run s | warm CPU s | engine (warm) s | held ms | peak RSS MB | partnerships | unmatched | certified | LEMON s | same weight |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|---|',
    ...table.map(
      (r) =>
        `| ${r.dialect} | ${num(r.n)} | ${sec(r.snapshotSeconds)} | ${sec(r.firstSeconds)} | ${sec(r.firstCpuSeconds)} | ${sec(r.warmSeconds)} | ${sec(r.warmCpuSeconds)} | ${sec(r.engineWarmSeconds)} | ${num(r.heldMs)} | ${num(r.peakRssMb)} | ${num(r.partnerships)} | ${num(r.unmatched)} | ${r.certified ? 'yes' : '**NO**'} | ${sec(r.lemonSeconds)} | ${r.sameWeight === null ? '—' : r.sameWeight ? 'yes' : '**NO**'} |`,
    ),
    '',
    '## Targets (issue 10)',
    '',
    ...table.flatMap((r) => {
      if (r.n === 860 && typeof r.lemonSeconds === 'number') {
        const first = Math.min(r.firstSeconds as number, r.firstCpuSeconds as number);
        const warm = Math.min(r.warmSeconds as number, r.warmCpuSeconds as number);
        return [
          `- ${r.dialect}, 860: whole pipeline faster than LEMON's solve alone (${fmt(r.lemonSeconds)} s): first run ${fmt(first)} s ${first < r.lemonSeconds ? 'MET' : 'MISS'}, warm ${fmt(warm)} s ${warm < r.lemonSeconds ? 'MET' : 'MISS'}`,
        ];
      }
      if (r.n === 10_000) {
        return [
          `- ${r.dialect}, 10,000: under 15 s: first run ${fmt(r.firstSeconds as number)} s ${(r.firstSeconds as number) < 15 ? 'MET' : 'MISS'}, peak ${r.peakRssMb} MB`,
        ];
      }
      return [];
    }),
    '',
  ];
  return lines.join('\n');
}

/**
 * Matchmaking benchmark: the pure match-run pipeline (score every pair, solve the two-person stage
 * with its certificate, trios, explain every partnership) on the demo's synthetic pool, against
 * LEMON solving the already-scored graph in the same run. `node bench/run.js matchmaking [options]`
 * (see bench/matchmaking/README.md). Each measurement is a fresh child process, one at a time.
 */
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDir, ensureLemon, firstLine, fmt, lemonBinary, load, median, repo, runChild } from './harness';

const here = dirname(fileURLToPath(import.meta.url));

/** Above this pool size LEMON solves once (after our first run), not after every run. */
const LEMON_REPEAT_MAX_N = 2000;

const USAGE = `Usage: node bench/run.js matchmaking [options]

  --sizes A,B        pool sizes (default 860,10000)
  --seed S           synthetic pool seed (default 1)
  --repeat K         fresh-process runs of the pipeline per size (default 3; the median is reported)
  --no-lemon         do not run LEMON
  --lemon-max-n N    largest pool LEMON solves (default 10000)
  --timeout SECONDS  per child process (default 900)
  --name NAME        results file name (default latest)
  --no-write         print only`;

interface Options {
  sizes: number[];
  seed: number;
  repeat: number;
  lemon: boolean;
  lemonMaxN: number;
  timeoutSeconds: number;
  name: string;
  write: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    sizes: [860, 10_000],
    seed: 1,
    repeat: 3,
    lemon: true,
    lemonMaxN: 10_000,
    timeoutSeconds: 900,
    name: 'latest',
    write: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') o.sizes = value().split(',').map(Number);
    else if (arg === '--seed') o.seed = Number(value());
    else if (arg === '--repeat') o.repeat = Math.max(1, Number(value()));
    else if (arg === '--no-lemon') o.lemon = false;
    else if (arg === '--lemon-max-n') o.lemonMaxN = Number(value());
    else if (arg === '--timeout') o.timeoutSeconds = Number(value());
    else if (arg === '--name') o.name = value();
    else if (arg === '--no-write') o.write = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return o;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = load();
  const lemonVersion = options.lemon ? ensureLemon() : null;
  const rows: Record<string, unknown>[] = [];
  let failed = false;
  for (const n of options.sizes) {
    const edgeFile = join(buildDir, 'matchmaking', `pipeline-${n}-seed${options.seed}.edges`);
    mkdirSync(dirname(edgeFile), { recursive: true });
    const runs: Record<string, number | boolean>[] = [];
    const lemonRuns: Record<string, number | boolean>[] = [];
    for (let r = 0; r < options.repeat; r++) {
      const wantEdges = r === 0 && lemonVersion !== null && n <= options.lemonMaxN;
      const args = [
        '--import',
        'tsx',
        join(here, 'pipeline.ts'),
        String(n),
        String(options.seed),
        ...(wantEdges ? ['--edges', edgeFile] : []),
      ];
      const ours = await runChild(process.execPath, args, options.timeoutSeconds);
      if ('error' in ours) {
        console.log(`  n=${n} pipeline: ${ours.error}`);
        failed = true;
        break;
      }
      runs.push(ours);
      console.log(
        `  n=${n} pipeline run ${r + 1}: ${fmt(ours.seconds as number)} s wall, ${fmt(ours.cpuSeconds as number)} s CPU, peak ${Math.round((ours.peakRssKb as number) / 1024)} MB`,
      );
      // LEMON interleaved with our runs, so both see the same machine load; once only on large
      // pools, where one LEMON solve takes minutes.
      const lemonAgain = r === 0 || n <= LEMON_REPEAT_MAX_N;
      if (lemonVersion !== null && lemonAgain && existsSync(edgeFile) && n <= options.lemonMaxN) {
        const lemon = await runChild(lemonBinary, [edgeFile], options.timeoutSeconds);
        if ('error' in lemon) console.log(`  n=${n} LEMON: ${lemon.error}`);
        else {
          lemonRuns.push(lemon);
          console.log(
            `  n=${n} LEMON run ${r + 1}: ${fmt(lemon.seconds as number)} s wall, ${fmt(lemon.cpuSeconds as number)} s CPU`,
          );
        }
      }
    }
    if (existsSync(edgeFile)) unlinkSync(edgeFile);
    if (runs.length === 0) continue;
    const first = runs[0]!;
    const effective = runs.map((x) => Math.min(x.seconds as number, x.cpuSeconds as number));
    const lemonEffective = lemonRuns.map((x) => Math.min(x.seconds as number, x.cpuSeconds as number));
    const weightsAgree = lemonRuns.every((l) => l.weight === first.solverWeight);
    if (!weightsAgree || runs.some((x) => x.certified !== true)) failed = true;
    rows.push({
      n,
      runs: runs.length,
      seconds: median(runs.map((x) => x.seconds as number)),
      cpuSeconds: median(runs.map((x) => x.cpuSeconds as number)),
      effectiveSeconds: median(effective),
      runSeconds: median(runs.map((x) => x.runSeconds as number)),
      explainSeconds: median(runs.map((x) => x.explainSeconds as number)),
      warmSeconds: median(
        runs.filter((x) => x.warmSeconds !== undefined).map((x) => x.warmSeconds as number),
      ),
      steadySeconds: median(
        runs.filter((x) => x.steadySeconds !== undefined).map((x) => x.steadySeconds as number),
      ),
      peakRssMb: Math.max(...runs.map((x) => (x.peakRssKb as number) / 1024)),
      partnerships: first.partnerships,
      trios: first.trios,
      unmatched: first.unmatched,
      certified: runs.every((x) => x.certified === true),
      pricingRounds: first.pricingRounds,
      edgesUsed: first.edgesUsed,
      solverWeight: first.solverWeight,
      lemonSeconds: lemonRuns.length > 0 ? median(lemonEffective) : undefined,
      lemonWeight: lemonRuns[0]?.weight,
      lemonPeakRssMb:
        lemonRuns.length > 0 ? Math.max(...lemonRuns.map((x) => (x.peakRssKb as number) / 1024)) : undefined,
      weightsAgree: lemonRuns.length > 0 ? weightsAgree : null,
    });
  }
  const meta = {
    date: new Date().toISOString(),
    commit: `${firstLine('git', ['rev-parse', '--short', 'HEAD'])}${firstLine('git', ['status', '--porcelain', 'src/core']) ? ' (src/core had uncommitted changes)' : ''}`,
    node: process.version,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB`,
    loadAverage: `1/5/15-minute load ${loadAtStart} at start, ${load()} at end`,
    lemon: lemonVersion ? `liblemon-dev ${lemonVersion}, ${firstLine('g++', ['--version'])} -O2` : 'not run',
    seed: options.seed,
  };
  const report = markdown(rows, meta);
  console.log(`\n${report}`);
  if (options.write) {
    const out = join(here, 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${options.name}.json`), `${JSON.stringify({ meta, rows }, null, 2)}\n`);
    writeFileSync(join(out, `${options.name}.md`), report);
    console.log(`wrote ${relative(repo, join(out, `${options.name}.md`))} and .json`);
  }
  return failed ? 1 : 0;
}

function markdown(rows: Record<string, unknown>[], meta: Record<string, unknown>): string {
  const num = (x: unknown) => (typeof x === 'number' ? x.toLocaleString('en-US') : '');
  const sec = (x: unknown) => (typeof x === 'number' ? fmt(x) : '');
  const lines = [
    '# Matchmaking pipeline benchmark',
    '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    '',
    'Pipeline = computeMatchRun (score every pair, two-person stage with the pricing certificate, trios,',
    'unmatched reasons, figures) + explainPartnerships for every partnership, in a fresh process, on',
    '`generateSyntheticPool({ count: n, seed })`, total-fit objective, default settings. Medians over the',
    'runs; "effective" = min(wall, CPU) as the matching benchmark judges; "warm" = the same pipeline again',
    'in the process (fresh snapshot object), "steady" = best of 8 such repeats (what a long-running server',
    'sees), both min(wall, CPU) too. LEMON = `lemon_matching` (bench/matching) on the graph the',
    'engine solved (every allowed pair, weight fit + 1), min(wall, CPU) of its solve, interleaved with ours.',
    '',
    '| n | wall s | CPU s | effective s | of it: run s | explain s | warm s | steady s | peak RSS MB | partnerships | trios | unmatched | certified | LEMON s | LEMON peak MB | same weight |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|---|',
    ...rows.map(
      (r) =>
        `| ${num(r.n)} | ${sec(r.seconds)} | ${sec(r.cpuSeconds)} | ${sec(r.effectiveSeconds)} | ${sec(r.runSeconds)} | ${sec(r.explainSeconds)} | ${sec(r.warmSeconds)} | ${sec(r.steadySeconds)} | ${num(Math.round(r.peakRssMb as number))} | ${num(r.partnerships)} | ${num(r.trios)} | ${num(r.unmatched)} | ${r.certified ? 'yes' : '**NO**'} | ${sec(r.lemonSeconds)} | ${r.lemonPeakRssMb === undefined ? '' : num(Math.round(r.lemonPeakRssMb as number))} | ${r.weightsAgree === null ? '—' : r.weightsAgree ? 'yes' : '**NO**'} |`,
    ),
    '',
    '## Targets',
    '',
    ...targets(rows),
    '',
  ];
  return lines.join('\n');
}

function targets(rows: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  const small = rows.find((r) => r.n === 860);
  if (small && typeof small.lemonSeconds === 'number') {
    const lemon = small.lemonSeconds;
    const verdict = (x: unknown) => (typeof x === 'number' && x < lemon ? 'MET' : 'MISS');
    out.push(
      `- 860, warm process (steady, what the server's warm engine thread sees): whole pipeline faster than LEMON's solve alone: ${verdict(small.steadySeconds)} (${fmt(small.steadySeconds as number)} s vs ${fmt(lemon)} s; second run ${fmt(small.warmSeconds as number)} s)`,
      `- 860, first run in a fresh process: ${verdict(small.effectiveSeconds)} (${fmt(small.effectiveSeconds as number)} s vs ${fmt(lemon)} s)`,
    );
  }
  const big = rows.find((r) => r.n === 10_000);
  if (big) {
    const met = (big.seconds as number) < 15;
    out.push(
      `- 10,000: whole pipeline under 15 s: ${met ? 'MET' : 'MISS'} (${fmt(big.seconds as number)} s wall, peak ${Math.round(big.peakRssMb as number)} MB)`,
    );
  }
  return out;
}

process.exitCode = await main();

/**
 * Child process of the matching benchmark that runs this engine on one instance and prints one
 * JSON line. Run by bench/matching/run.ts as `node --import tsx bench/matching/solve-iln.ts MODE`:
 *
 *   --edges FILE          maxWeightMatching on a materialised edge file, then verifyOptimality
 *   --edges FILE [--no-greedy] [--always-warm]
 *                         --no-greedy: the same solver started from uniform duals and an empty
 *                         matching (the classic start) instead of the greedy one; --always-warm:
 *                         repeat the solve whatever its time (both for the scaling series)
 *   --complete N SEED     maxWeightMatchingComplete on the ILN-like population (score function,
 *                         no materialised graph; certified by its pricing certificate)
 *
 * "seconds" is the solve only, in a fresh process (JIT compilation included, as for a real run;
 * the WebAssembly module itself is compiled when the engine is imported, before the timer);
 * solves under a second are repeated once and the second time is reported as "warmSeconds"; when
 * that is under 0.3 s, 4 more repeats follow and the best of the five is "steadySeconds" (the
 * compiled speed a long-running process such as the web server would see).
 * Reading or generating the input and verifying are timed apart.
 * "peakRssKb" is the process's peak resident set (input included), VmHWM from /proc/self/status.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  type Edge,
  type MatchingResult,
  maxWeightMatching,
  maxWeightMatchingComplete,
  verifyOptimality,
} from '../../src/core/matching/index';
import { buildGraph } from '../../src/core/matching/input';
import { solveGraph, uniformStart } from '../../src/core/matching/max-weight-matching';
import { readEdgeFile } from './edge-file';
import { generatePopulation, makeScore } from './generate';

/** Solves shorter than this are repeated once to report a warm (JIT-compiled) time as well. */
const WARM_REPEAT_BELOW_SECONDS = 1;
/** Warm solves shorter than this are repeated 4 more times; the best is "steadySeconds". */
const STEADY_REPEAT_BELOW_SECONDS = 0.3;

/**
 * The steady-state (compiled) time: a second solve under 0.3 s is often still partly running
 * unoptimised code (V8 compiles in the background), so it is repeated 4 more times and the best
 * of the five is reported. Undefined when there was no warm solve or it took 0.3 s or more.
 */
function steady(warmSeconds: number | undefined, work: () => unknown): number | undefined {
  if (warmSeconds === undefined || warmSeconds >= STEADY_REPEAT_BELOW_SECONDS) return undefined;
  let best = warmSeconds;
  for (let i = 0; i < 4; i++) best = Math.min(best, timed(work));
  return best;
}

interface Report {
  seconds: number;
  /** User + system CPU time of the solve (all threads: JIT and GC helpers count too). */
  cpuSeconds: number;
  warmSeconds?: number;
  /** Best of the warm solve and 4 more, when the warm solve took under 0.3 s. */
  steadySeconds?: number;
  verifySeconds?: number;
  weight: number;
  cardinality: number;
  certified: boolean;
  reasons?: string[];
  pricingRounds?: number;
  edgesUsed?: number;
  peakRssKb: number;
}

/**
 * Peak resident set of this process: VmHWM from /proc/self/status. getrusage's maxRSS is carried
 * across execve on Linux, so a child of a big parent would report the parent's peak.
 */
function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // no /proc: fall through
  }
  return process.resourceUsage().maxRSS;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

/** maxWeightMatching as the public API runs it, or (noGreedy) from the classic uniform start. */
function solver(noGreedy: boolean): (edges: Edge[]) => MatchingResult {
  if (!noGreedy) return (edges) => maxWeightMatching(edges);
  return (edges) => {
    const graph = buildGraph(edges, 'maxWeightMatching');
    return solveGraph(graph, false, uniformStart(graph));
  };
}

function solveEdges(file: string, noGreedy: boolean, alwaysWarm: boolean): Report {
  const graph = readEdgeFile(file);
  const edges: Edge[] = new Array(graph.m);
  for (let i = 0; i < graph.m; i++) edges[i] = [graph.u[i]!, graph.v[i]!, graph.w[i]!];
  const solve = solver(noGreedy);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = solve(edges);
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = cpuSince(cpuStart);
  const warmSeconds =
    alwaysWarm || seconds < WARM_REPEAT_BELOW_SECONDS ? timed(() => solve(edges)) : undefined;
  const steadySeconds = steady(warmSeconds, () => solve(edges));
  const verifyStart = performance.now();
  const verdict = verifyOptimality(edges, result);
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  return {
    seconds,
    cpuSeconds,
    ...(warmSeconds === undefined ? {} : { warmSeconds }),
    ...(steadySeconds === undefined ? {} : { steadySeconds }),
    verifySeconds,
    weight: result.weight,
    cardinality: result.pairs.length,
    certified: verdict.ok,
    ...(verdict.ok ? {} : { reasons: verdict.reasons.slice(0, 5) }),
    peakRssKb: peakRssKb(),
  };
}

function solveComplete(n: number, seed: number): Report {
  const score = makeScore(generatePopulation(n, seed));
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = maxWeightMatchingComplete({ n, score });
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = cpuSince(cpuStart);
  const warmSeconds =
    seconds < WARM_REPEAT_BELOW_SECONDS ? timed(() => maxWeightMatchingComplete({ n, score })) : undefined;
  const steadySeconds = steady(warmSeconds, () => maxWeightMatchingComplete({ n, score }));
  return {
    seconds,
    cpuSeconds,
    ...(warmSeconds === undefined ? {} : { warmSeconds }),
    ...(steadySeconds === undefined ? {} : { steadySeconds }),
    weight: result.weight,
    cardinality: result.pairs.length,
    certified: result.certified,
    pricingRounds: result.pricingRounds,
    edgesUsed: result.edgesUsed,
    peakRssKb: peakRssKb(),
  };
}

function main(argv: string[]): number {
  const [mode, a, b, ...flags] = argv;
  let report: Report;
  const edgeFlags = new Set(argv.slice(2));
  if (mode === '--edges' && a && [...edgeFlags].every((f) => f === '--no-greedy' || f === '--always-warm')) {
    report = solveEdges(a, edgeFlags.has('--no-greedy'), edgeFlags.has('--always-warm'));
  } else if (mode === '--complete' && a && b && flags.length === 0)
    report = solveComplete(Number(a), Number(b));
  else {
    process.stderr.write(
      'usage: solve-iln.ts --edges FILE [--no-greedy] [--always-warm] | --complete N SEED\n',
    );
    return 2;
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

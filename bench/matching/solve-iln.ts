/**
 * Child process of the matching benchmark that runs this engine on one instance and prints one
 * JSON line. Run by bench/matching/run.ts as `node --import tsx bench/matching/solve-iln.ts MODE`:
 *
 *   --edges FILE          maxWeightMatching on a materialised edge file, then verifyOptimality
 *   --edges FILE [--no-greedy] [--always-warm]
 *                         --no-greedy: the same solver started from uniform duals and an empty
 *                         matching (the classic start) instead of the greedy one; --always-warm:
 *                         repeat the solve whatever its time, and when under 0.3 s take the best
 *                         of 5 repeats (both for the scaling series)
 *   --complete N SEED     maxWeightMatchingComplete on the ILN-like population (score function,
 *                         no materialised graph; certified by its pricing certificate)
 *
 * "seconds" is the solve only, in a fresh process (JIT compilation included, as for a real run);
 * solves under a second are repeated once and the second time is reported as "warmSeconds".
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
import { solveGraph } from '../../src/core/matching/max-weight-matching';
import { uniformStart } from '../../src/core/matching/start';
import { readEdgeFile } from './edge-file';
import { generatePopulation, makeScore } from './generate';

/** Solves shorter than this are repeated once to report a warm (JIT-compiled) time as well. */
const WARM_REPEAT_BELOW_SECONDS = 1;
/** With --always-warm, warm solves shorter than this are repeated 4 more times (best reported). */
const SCALING_EXTRA_REPEATS_BELOW_SECONDS = 0.3;

interface Report {
  seconds: number;
  /** User + system CPU time of the solve (all threads: JIT and GC helpers count too). */
  cpuSeconds: number;
  warmSeconds?: number;
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
  let warmSeconds = alwaysWarm || seconds < WARM_REPEAT_BELOW_SECONDS ? timed(() => solve(edges)) : undefined;
  // Scaling series: small solves are still partly unoptimised the second time; take the best of
  // a few more so the growth exponents compare compiled code with compiled code.
  for (let i = 0; alwaysWarm && i < 4 && warmSeconds! < SCALING_EXTRA_REPEATS_BELOW_SECONDS; i++) {
    warmSeconds = Math.min(
      warmSeconds!,
      timed(() => solve(edges)),
    );
  }
  const verifyStart = performance.now();
  const verdict = verifyOptimality(edges, result);
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  return {
    seconds,
    cpuSeconds,
    ...(warmSeconds === undefined ? {} : { warmSeconds }),
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
  return {
    seconds,
    cpuSeconds,
    ...(warmSeconds === undefined ? {} : { warmSeconds }),
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

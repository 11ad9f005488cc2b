/**
 * Child process of the matchmaking benchmark: the pure pipeline on the demo's synthetic pool, in a
 * fresh process, printing one JSON line. Run by bench/matchmaking/run.ts as
 * `node --import tsx bench/matchmaking/pipeline.ts N SEED [--edges FILE]`.
 *
 * Timed (wall and CPU of this process): computeMatchRun (score every pair, solve the two-person
 * stage with the engine's pricing certificate, trios, unmatched reasons, figures) and
 * explainPartnerships for every partnership. Generating the pool is not timed. Runs under 2 s are
 * repeated 8 times in the same process on fresh snapshot objects: the second run is "warmSeconds",
 * the best of the repeats "steadySeconds" (the compiled speed a long-running server sees), each
 * judged as min(wall, CPU) like the first run ("…Cpu" and "…Wall" keep both: on a loaded shared
 * machine wall time includes waiting for a core). "peakRssKb" (VmHWM) is read after the timed
 * work. With --edges, afterwards (untimed) the two-person stage's graph is written as the
 * matching benchmark's edge file (bench/matching/edge-file.ts) for LEMON: the same weights the
 * engine solved (fit + 1 per allowed pair), so LEMON's maximum weight must equal solverWeight.
 */
import { readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { applyLocks } from '../../src/core/matchmaking/apply-locks';
import { computeMatchRun, explainPartnerships, type MatchSnapshot } from '../../src/core/matchmaking/index';
import { prepareMatchContext } from '../../src/core/matchmaking/match-context';
import { DEFAULT_MATCH_SETTINGS } from '../../src/core/scoring/match-settings';
import { buildPairFitTable } from '../../src/core/scoring/pair-fit-table';
import { generateSyntheticPool } from '../../src/services/demo/synthetic-pool';
import { writeEdgeFile } from '../matching/edge-file';

const [nArg, seedArg, flag, edgePath] = process.argv.slice(2);
const n = Number(nArg);
const seed = Number(seedArg ?? 1);
if (!(n > 1)) throw new Error('usage: pipeline.ts N SEED [--edges FILE]');

const snapshot: MatchSnapshot = {
  round: { startsOn: '2025-03-03', endsOn: '2025-06-30', programTimeZone: 'Australia/Sydney' },
  applications: generateSyntheticPool({ count: n, seed }).map((a) => ({
    id: a.key,
    personKey: a.key,
    status: 'accepted',
    answers: a.answers,
  })),
  settings: DEFAULT_MATCH_SETTINGS,
  objective: 'total-fit',
  locks: [],
  exclusions: [],
  pastPartners: [],
};

function pipeline() {
  // A new snapshot object each time: matchmaking keeps its prepared round per snapshot object,
  // and a repeat must score every pair again.
  const input = { ...snapshot };
  const wall0 = performance.now();
  const cpu0 = cpuUsage();
  const run = computeMatchRun(input);
  const wall1 = performance.now();
  const explanations = explainPartnerships(
    input,
    run.partnerships.map((p) => p.applicationIds),
  );
  const wall2 = performance.now();
  const cpu = cpuUsage(cpu0);
  return {
    run,
    explained: explanations.length,
    seconds: (wall2 - wall0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    runSeconds: (wall1 - wall0) / 1000,
    explainSeconds: (wall2 - wall1) / 1000,
  };
}

const peakRssKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);

const first = pipeline();
const repeats = first.seconds < 2 ? Array.from({ length: 8 }, () => pipeline()) : [];
const effective = (r: { seconds: number; cpuSeconds: number }) => Math.min(r.seconds, r.cpuSeconds);
const peak = peakRssKb();
const { run } = first;
if (flag === '--edges' && edgePath) {
  const context = prepareMatchContext(snapshot);
  const table = buildPairFitTable(context.pool);
  const { stage } = applyLocks(context);
  let m = 0;
  for (let a = 0; a < stage.length; a++)
    for (let b = a + 1; b < stage.length; b++) if (table.fitOfOrdered(stage[a]!, stage[b]!) >= 0) m++;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  let e = 0;
  for (let a = 0; a < stage.length; a++) {
    for (let b = a + 1; b < stage.length; b++) {
      const fit = table.fitOfOrdered(stage[a]!, stage[b]!);
      if (fit < 0) continue;
      u[e] = a;
      v[e] = b;
      w[e++] = fit + run.certificate.pairStage.pairBonus;
    }
  }
  writeEdgeFile(edgePath, { n: stage.length, m, u, v, w });
}
console.log(
  JSON.stringify({
    n,
    seconds: first.seconds,
    cpuSeconds: first.cpuSeconds,
    runSeconds: first.runSeconds,
    explainSeconds: first.explainSeconds,
    ...(repeats.length > 0
      ? {
          warmSeconds: effective(repeats[0]!),
          warmWallSeconds: repeats[0]!.seconds,
          warmCpuSeconds: repeats[0]!.cpuSeconds,
          steadySeconds: Math.min(...repeats.map(effective)),
          steadyWallSeconds: Math.min(...repeats.map((r) => r.seconds)),
          steadyCpuSeconds: Math.min(...repeats.map((r) => r.cpuSeconds)),
        }
      : {}),
    peakRssKb: peak,
    partnerships: run.partnerships.length,
    trios: run.partnerships.filter((p) => p.applicationIds.length === 3).length,
    unmatched: run.unmatched.length,
    explained: first.explained,
    solverWeight: run.solverWeight,
    stagePairs: run.partnerships.filter((p) => p.source !== 'lock').length,
    certified: run.certificate.pairStage.certified && (run.certificate.trioStage?.certified ?? true),
    pricingRounds: run.certificate.pairStage.pricingRounds,
    edgesUsed: run.certificate.pairStage.edgesUsed,
    meanFit: run.fitDistribution.mean,
  }),
);

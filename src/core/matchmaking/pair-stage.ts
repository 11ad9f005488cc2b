/**
 * The two-person stage of a match run: pairs among the participants not fixed by a lock, on the
 * complete graph of allowed pairs, solved exactly by the matching engine
 * (maxWeightMatchingComplete: candidate graph, blossom algorithm, dual pricing certificate).
 *
 * Objectives:
 *  - `total-fit`: a maximum-weight matching with weight fit + 1 per pair: the largest total fit,
 *    ties going to more pairs. Every allowed pair weighs at least 1, so no two people left
 *    unmatched could have been paired (adding their pair would raise the weight). It is not forced
 *    to maximum cardinality: forcing it (weights fit + B with B above any total fit, or the
 *    engine's maxCardinality mode, which does the same inside) makes the blossom algorithm grow
 *    trees over nearly all of the graph (minutes at 10,000 people instead of seconds), and the
 *    few people it would add are what the trio stage is for. One solve.
 *  - `fairness-first`: lexicographically (pairs, weakest fit, total fit), at maximum cardinality.
 *    Bottleneck threshold search (as for bottleneck matching, e.g. Gabow & Tarjan 1988, with the
 *    exact solver as the feasibility test): with C the maximum cardinality and G_t the allowed
 *    pairs of fit ≥ t, "G_t has a matching of size C" is monotone in t, so a binary search over
 *    the distinct fits finds the largest feasible t = b, the best possible weakest fit. Each solve
 *    weighs a pair fit + B, B = (⌊m/2⌋ + 1) · (MAX_FIT_POINTS + 1) > any total fit, so a
 *    maximum-weight matching is a largest one with the most fit among the largest (the engine's LP
 *    duals certify that order); the solve of G_b is the answer, since every matching of size C
 *    whose weakest fit is b lies in G_b. O(log distinct fits) solves; a "no" relies on the
 *    engine's certificate, a "yes" is its own witness. Slower than total-fit on large rounds (see
 *    above).
 * Integer weights throughout, so the engine is exact.
 */
import { maxWeightMatchingComplete } from '../matching/complete-graph';
import type { CandidateLists, CertifiedMatching } from '../matching/types';
import { MAX_FIT_POINTS } from '../scoring/match-settings';
import type { KernelSweep, PairFitTable } from '../scoring/pair-fit-table';
import type { MatchObjective } from './match-snapshot';

/** Best partners per person in the engine's start graph (more: fewer pricing rounds, bigger graph). */
export const DEFAULT_CANDIDATES = 32;

/** B of the header: one more pair always outweighs any difference in total fit. */
export const cardinalityBonus = (vertices: number): number =>
  (Math.floor(vertices / 2) + 1) * (MAX_FIT_POINTS + 1);

export interface StageCertificate {
  /** Added to every pair's fit in the solve: 1 for total-fit, B for fairness-first (see the header). */
  pairBonus: number;
  /** The engine's certificate held for the solve used, and for every threshold it rejected. */
  certified: boolean;
  pricingRounds: number;
  edgesUsed: number;
  /** fairness-first only: the weakest fit a maximum-cardinality matching can have, at best. */
  bottleneckFit?: number;
  /** fairness-first only: how many threshold solves the search made. */
  thresholdSolves?: number;
}

export interface PairStageResult {
  /** Pool indices [i, j], i < j, sorted by i. */
  pairs: [number, number][];
  /** Total fit of `pairs`. */
  totalFit: number;
  /** What the engine maximised: Σ (fit + pairBonus) over `pairs`, the optimum of the stage. */
  solverWeight: number;
  certificate: StageCertificate;
}

/**
 * How to gather the stage's first solve's candidate lists (matching/candidate-sweep.ts) while the
 * fit table is built (scoring/pair-fits-kernel.ts): the table is filled in the order the engine
 * would sweep it, so the engine is spared that second pass over every pair and finds the same
 * start graph. Pool indices map to stage positions; pairs with a locked member are not in the
 * stage. Scores are fit + the objective's pair bonus, as the first solve weighs them.
 */
export function stageSweep(poolSize: number, vertices: Int32Array, objective: MatchObjective): KernelSweep {
  const position = new Int32Array(poolSize).fill(-1);
  for (let u = 0; u < vertices.length; u++) position[vertices[u]!] = u;
  return {
    position,
    stageSize: vertices.length,
    k: Math.min(DEFAULT_CANDIDATES, Math.max(1, vertices.length - 1)),
    bonus: objective === 'total-fit' ? 1 : cardinalityBonus(vertices.length),
  };
}

/**
 * `vertices`: pool indices taking part, ascending. `fed`: the candidates gathered while `table` was
 * built (stageSweep for these vertices and this objective), if they were: the first solve then
 * skips its sweep.
 */
export function solvePairStage(
  table: PairFitTable,
  vertices: Int32Array,
  objective: MatchObjective,
  fed?: CandidateLists,
): PairStageResult {
  const candidatesPerVertex = DEFAULT_CANDIDATES;
  let candidates = fed;
  const { fits, rowStart } = table;
  const identity = vertices.length === table.n;
  // Called for the pairs pricing looks at; when the stage is the whole pool, the candidate sweep
  // over every pair reads the table itself (triangle).
  const solveAbove = (threshold: number, bonus: number): CertifiedMatching => {
    // Only the first solve (threshold 0, the objective's bonus: what stageSweep gathered for) uses them.
    const given = threshold === 0 ? candidates : undefined;
    candidates = undefined;
    return maxWeightMatchingComplete({
      n: vertices.length,
      score: identity
        ? (u, v) => {
            const fit = fits[rowStart[u]! + v - u - 1]!;
            return fit >= threshold ? fit + bonus : null;
          }
        : (u, v) => {
            const fit = table.fitOfOrdered(vertices[u]!, vertices[v]!);
            return fit >= threshold ? fit + bonus : null;
          },
      ...(identity ? { triangle: { values: fits, rowStart, offset: bonus, floor: threshold } } : {}),
      ...(given ? { candidates: given } : {}),
      candidatesPerVertex,
    });
  };
  if (objective === 'total-fit') return resultOf(table, vertices, solveAbove(0, 1), 1, {});
  const bonus = cardinalityBonus(vertices.length);
  const base = solveAbove(0, bonus);
  if (base.pairs.length === 0) return resultOf(table, vertices, base, bonus, {});

  const size = base.pairs.length;
  const weakest = base.pairs.reduce(
    (least, [u, v]) => Math.min(least, table.fitOfOrdered(vertices[u]!, vertices[v]!)),
    MAX_FIT_POINTS,
  );
  const values = distinctFitsAbove(table, vertices, weakest);
  let best = base;
  let bottleneck = weakest;
  let rejectedCertified = true;
  let solves = 0;
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const attempt = solveAbove(values[mid]!, bonus);
    solves++;
    if (attempt.pairs.length === size) {
      best = attempt;
      bottleneck = values[mid]!;
      lo = mid + 1;
    } else {
      rejectedCertified &&= attempt.certified;
      hi = mid - 1;
    }
  }
  const result = resultOf(table, vertices, best, bonus, {
    bottleneckFit: bottleneck,
    thresholdSolves: solves,
  });
  result.certificate.certified &&= base.certified && rejectedCertified;
  return result;
}

function resultOf(
  table: PairFitTable,
  vertices: Int32Array,
  matching: CertifiedMatching,
  bonus: number,
  extra: Pick<StageCertificate, 'bottleneckFit' | 'thresholdSolves'>,
): PairStageResult {
  const pairs = matching.pairs.map(([u, v]) => [vertices[u]!, vertices[v]!] as [number, number]);
  const totalFit = pairs.reduce((sum, [i, j]) => sum + table.fitOfOrdered(i, j), 0);
  return {
    pairs,
    totalFit,
    solverWeight: totalFit + bonus * pairs.length,
    certificate: {
      pairBonus: bonus,
      certified: matching.certified,
      pricingRounds: matching.pricingRounds,
      edgesUsed: matching.edgesUsed,
      ...extra,
    },
  };
}

/** Distinct fits above `floor` among allowed pairs of `vertices`, ascending. */
function distinctFitsAbove(table: PairFitTable, vertices: Int32Array, floor: number): number[] {
  const seen = new Uint8Array(MAX_FIT_POINTS + 1);
  const { fits, rowStart } = table;
  for (let u = 0; u < vertices.length; u++) {
    const i = vertices[u]!;
    const base = rowStart[i]! - i - 1;
    for (let v = u + 1; v < vertices.length; v++) {
      const fit = fits[base + vertices[v]!]!;
      if (fit > floor) seen[fit] = 1;
    }
  }
  const values: number[] = [];
  for (let f = floor + 1; f <= MAX_FIT_POINTS; f++) if (seen[f] === 1) values.push(f);
  return values;
}

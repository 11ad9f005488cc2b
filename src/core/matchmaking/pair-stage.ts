/**
 * The two-person stage of a match run: pairs among the participants not fixed by a lock, on the
 * complete graph of allowed pairs weighted by fit, solved exactly by the matching engine
 * (maxWeightMatchingComplete: candidate graph, blossom algorithm, dual pricing certificate).
 * Always maximum cardinality: nobody who could have a partner is left out to raise the total.
 * Maximum cardinality is obtained by weight, not by the engine's maxCardinality mode: each allowed
 * pair weighs fit + B with B = (⌊m/2⌋ + 1) · (MAX_FIT_POINTS + 1) > any matching's total fit, so a
 * maximum-weight matching is a largest one and, among the largest, has the most fit; the engine's
 * LP duals certify it (a dual certificate for w + B is one for this lexicographic order). This
 * keeps the engine in max-weight mode, whose pricing rounds re-solve warm. Exact: weights stay
 * below 2^31 for m < 400,000 and totals below 2^53.
 *
 * Objectives:
 *  - `total-fit`: among maximum-cardinality matchings, the largest total fit. One solve.
 *  - `fairness-first`: lexicographically (cardinality, weakest fit, total fit). Bottleneck
 *    threshold search (as for bottleneck matching, e.g. Gabow & Tarjan 1988, here with the exact
 *    solver as the feasibility test): with C the maximum cardinality and G_t the allowed pairs of
 *    fit ≥ t, "G_t has a matching of size C" is monotone in t, so a binary search over the distinct
 *    fits finds the largest feasible t = b, the best possible weakest fit. The engine's solve of
 *    G_b (maximum cardinality, then maximum weight) is the answer: every matching of size C whose
 *    weakest fit is b lies in G_b. O(log distinct fits) solves; each is one sweep over the pairs.
 *    A "no" answer relies on the engine's Tutte–Berge certificate; a "yes" answer is its own witness.
 */
import { maxWeightMatchingComplete } from '../matching/complete-graph';
import type { CertifiedMatching } from '../matching/types';
import { MAX_FIT_POINTS } from '../scoring/match-settings';
import type { PairFitTable } from '../scoring/pair-fit-table';
import type { MatchObjective } from './match-snapshot';

/** Best partners per person in the engine's start graph (more: fewer pricing rounds, bigger graph). */
export const DEFAULT_CANDIDATES = 32;

/** B of the header: one more pair always outweighs any difference in total fit. */
export const cardinalityBonus = (vertices: number): number =>
  (Math.floor(vertices / 2) + 1) * (MAX_FIT_POINTS + 1);

export interface StageCertificate {
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
  /** Total fit of `pairs`: the optimum of the stage. */
  solverWeight: number;
  certificate: StageCertificate;
}

/** `vertices`: pool indices taking part, ascending. */
export function solvePairStage(
  table: PairFitTable,
  vertices: Int32Array,
  objective: MatchObjective,
  candidatesPerVertex = DEFAULT_CANDIDATES,
): PairStageResult {
  const bonus = cardinalityBonus(vertices.length);
  const solveAbove = (threshold: number): CertifiedMatching =>
    maxWeightMatchingComplete({
      n: vertices.length,
      score: (u, v) => {
        const fit = table.fitOfOrdered(vertices[u]!, vertices[v]!);
        return fit >= threshold ? fit + bonus : null;
      },
      candidatesPerVertex,
    });
  const base = solveAbove(0);
  if (objective === 'total-fit' || base.pairs.length === 0) return resultOf(table, vertices, base, {});

  const size = base.pairs.length;
  const weakest = Math.min(...base.pairs.map(([u, v]) => table.fitOfOrdered(vertices[u]!, vertices[v]!)));
  const values = distinctFitsAbove(table, vertices, weakest);
  let best = base;
  let bottleneck = weakest;
  let rejectedCertified = true;
  let solves = 0;
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const attempt = solveAbove(values[mid]!);
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
  const result = resultOf(table, vertices, best, { bottleneckFit: bottleneck, thresholdSolves: solves });
  result.certificate.certified &&= base.certified && rejectedCertified;
  return result;
}

function resultOf(
  table: PairFitTable,
  vertices: Int32Array,
  matching: CertifiedMatching,
  extra: Pick<StageCertificate, 'bottleneckFit' | 'thresholdSolves'>,
): PairStageResult {
  const pairs = matching.pairs.map(([u, v]) => [vertices[u]!, vertices[v]!] as [number, number]);
  const solverWeight = pairs.reduce((sum, [i, j]) => sum + table.fitOfOrdered(i, j), 0);
  return {
    pairs,
    solverWeight,
    certificate: {
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

/**
 * The fit of every pair of a round, computed once (by the pool's scorer, in WebAssembly:
 * wasm-fit-scorer.ts, with the rules and parts of fit-scorer.ts), stored as the upper triangle in an Int16Array, FORBIDDEN (−1)
 * where a rule rules the pair out. Fits are 0..MAX_FIT_POINTS (10,000 < 2^15).
 *
 * Time O(n² · per-pair cost); memory 2 bytes per pair: 100 MB at 10,000 applicants, 400 MB at
 * 20,000. Every later pass over all pairs (the solver's pricing, the fairness objective's
 * threshold searches) is then a look-up; the solver's candidate sweep for the two-person stage can
 * be made while the table is filled (`sweep`).
 */
import { type FitScorer, FORBIDDEN, type KernelCandidates, type KernelSweep } from './fit-scorer';
import type { ScoringPool } from './scoring-pool';
import { createFitScorer } from './wasm-fit-scorer';

export type { KernelCandidates, KernelSweep } from './fit-scorer';

export interface PairFitTable {
  n: number;
  /** Fit of (i, j), i < j, at rowStart[i] + (j − i − 1). */
  fits: Int16Array;
  rowStart: Float64Array;
  /** Fit of two different vertices in either order, or FORBIDDEN. */
  fitOf(i: number, j: number): number;
  /** Fit of i < j, or FORBIDDEN (no argument checks: the hot path). */
  fitOfOrdered(i: number, j: number): number;
  /** The candidate lists gathered while the table was filled, when a sweep was asked for. */
  candidates?: KernelCandidates;
}

/**
 * `sweep`: also gather the matching engine's candidate lists for a stage of the pool
 * (wasm-fit-scorer.ts). `scorer`: the pool's scorer, if there is one already (a scorer fills one
 * table).
 */
export function buildPairFitTable(
  pool: ScoringPool,
  sweep?: KernelSweep,
  scorer: FitScorer = createFitScorer(pool),
): PairFitTable {
  const { fits, candidates } = scorer.fillTable(sweep);
  return new FitTable(pool.n, fits, candidates);
}

/** A class, not closures per table: callers' optimised code keeps the same call targets. */
class FitTable implements PairFitTable {
  readonly rowStart: Float64Array;

  constructor(
    readonly n: number,
    readonly fits: Int16Array,
    readonly candidates: KernelCandidates | undefined,
  ) {
    this.rowStart = new Float64Array(n);
    for (let i = 1; i < n; i++) this.rowStart[i] = this.rowStart[i - 1]! + (n - i);
  }

  fitOfOrdered(i: number, j: number): number {
    return this.fits[this.rowStart[i]! + j - i - 1]!;
  }

  fitOf(i: number, j: number): number {
    return i === j ? FORBIDDEN : i < j ? this.fitOfOrdered(i, j) : this.fitOfOrdered(j, i);
  }
}

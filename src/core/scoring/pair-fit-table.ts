/**
 * The fit of every pair of a round, computed once: row by row with one FitScorer (so each row's
 * set-up is paid n times, not n² times), stored as the upper triangle in an Int16Array, FORBIDDEN
 * (−1) where a rule rules the pair out. Fits are 0..MAX_FIT_POINTS (10,000 < 2^15).
 *
 * Time O(n² · per-pair cost); memory 2 bytes per pair: 100 MB at 10,000 applicants, 400 MB at
 * 20,000. Every later pass over all pairs (the solver's candidate sweep and pricing, the fairness
 * objective's threshold searches, unmatched reasons) is then a look-up.
 */
import { createFitScorer, type FitScorer, FORBIDDEN } from './fit-scorer';
import type { ScoringPool } from './scoring-pool';

export interface PairFitTable {
  n: number;
  /** Fit of (i, j), i < j, at rowStart[i] + (j − i − 1). */
  fits: Int16Array;
  rowStart: Float64Array;
  /** Fit of two different vertices in either order, or FORBIDDEN. */
  fitOf(i: number, j: number): number;
  /** Fit of i < j, or FORBIDDEN (no argument checks: the hot path). */
  fitOfOrdered(i: number, j: number): number;
}

export function buildPairFitTable(
  pool: ScoringPool,
  scorer: FitScorer = createFitScorer(pool),
): PairFitTable {
  const n = pool.n;
  const rowStart = new Float64Array(n);
  for (let i = 1; i < n; i++) rowStart[i] = rowStart[i - 1]! + (n - i);
  const fits = new Int16Array(Math.max(0, (n * (n - 1)) / 2));
  for (let i = 0; i < n; i++) {
    scorer.setRow(i);
    const base = rowStart[i]! - i - 1;
    for (let j = i + 1; j < n; j++) fits[base + j] = scorer.fitWith(j);
  }
  const fitOfOrdered = (i: number, j: number): number => fits[rowStart[i]! + j - i - 1]!;
  const fitOf = (i: number, j: number): number =>
    i === j ? FORBIDDEN : i < j ? fitOfOrdered(i, j) : fitOfOrdered(j, i);
  return { n, fits, rowStart, fitOf, fitOfOrdered };
}

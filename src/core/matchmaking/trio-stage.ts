/**
 * Trios: participants left without a partner after the two-person stage join a pair, making a
 * partnership of three, where the round allows it. Each pair takes at most one newcomer, and a
 * newcomer may join a pair only if every rule holds with both members.
 *
 * Solved exactly as a bipartite matching (leftovers on one side, pairs on the other; an edge when
 * the leftover is allowed with both members, weighted by the two new partner fits) with the
 * matching engine in maximum-cardinality mode, so as many leftovers as possible are placed and,
 * among such placements, the total fit of the new partner pairs is highest; the result is checked
 * with the engine's independent verifier. O(L · P) edges for L leftovers and P pairs.
 */
import { maxWeightMatching } from '../matching/max-weight-matching';
import type { Edge } from '../matching/types';
import { verifyOptimality } from '../matching/verify-optimality';
import type { PairFitTable } from '../scoring/pair-fit-table';

export interface TrioStageResult {
  /** [pair index in `pairs`, leftover pool index]. */
  joins: [number, number][];
  /** Leftovers no pair could take. */
  remaining: number[];
  /** Sum of the new partner fits. */
  weight: number;
  certified: boolean;
}

export function assignTrios(
  table: PairFitTable,
  leftovers: readonly number[],
  pairs: readonly (readonly [number, number])[],
): TrioStageResult {
  const edges: Edge[] = [];
  const L = leftovers.length;
  leftovers.forEach((x, k) => {
    pairs.forEach(([a, b], p) => {
      const fa = table.fitOf(x, a);
      const fb = table.fitOf(x, b);
      if (fa >= 0 && fb >= 0) edges.push([k, L + p, fa + fb]);
    });
  });
  if (edges.length === 0) return { joins: [], remaining: [...leftovers], weight: 0, certified: true };
  const matching = maxWeightMatching(edges, { maxCardinality: true });
  const verdict = verifyOptimality(edges, matching, { maxCardinality: true });
  const joins: [number, number][] = [];
  const placed = new Set<number>();
  for (const [k, q] of matching.pairs) {
    joins.push([q - L, leftovers[k]!]);
    placed.add(leftovers[k]!);
  }
  joins.sort((x, y) => x[0] - y[0]);
  return {
    joins,
    remaining: leftovers.filter((x) => !placed.has(x)),
    weight: matching.weight,
    certified: verdict.ok,
  };
}

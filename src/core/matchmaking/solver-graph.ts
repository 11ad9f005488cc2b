/**
 * The graph a match run's two-person stage solves, in the format `iln solve-matching` reads
 * (`{"edges": [[u, v, w], …], "maxCardinality": false}`) plus `ids`, the application id of each
 * vertex: every allowed pair among the participants not fixed by a lock, weighted fit + the
 * objective's pair bonus (pair-stage.ts: 1 for total-fit, B for fairness-first). Its maximum
 * weight is the run's solverWeight. For a fairness-first run pass its bottleneck fit as `minFit`.
 * O(n²) pairs are scored; the edge list holds the allowed ones.
 */
import { applyLocks } from './apply-locks';
import { fitTableOf, prepareMatchContext } from './match-context';
import type { MatchSnapshot } from './match-snapshot';
import { cardinalityBonus } from './pair-stage';

export interface SolverGraph {
  edges: [number, number, number][];
  maxCardinality: false;
  ids: string[];
  /** Added to each fit (edge weight = fit + pairBonus). */
  pairBonus: number;
}

export function toSolverGraph(snapshot: MatchSnapshot, options: { minFit?: number } = {}): SolverGraph {
  const context = prepareMatchContext(snapshot);
  const table = fitTableOf(context);
  const { stage } = applyLocks(context);
  const minFit = options.minFit ?? 0;
  const pairBonus = snapshot.objective === 'total-fit' ? 1 : cardinalityBonus(stage.length);
  const edges: [number, number, number][] = [];
  for (let u = 0; u < stage.length; u++) {
    for (let v = u + 1; v < stage.length; v++) {
      const fit = table.fitOfOrdered(stage[u]!, stage[v]!);
      if (fit >= minFit) edges.push([u, v, fit + pairBonus]);
    }
  }
  return {
    edges,
    maxCardinality: false,
    pairBonus,
    ids: Array.from(stage, (i) => context.pool.members[i]!.id),
  };
}

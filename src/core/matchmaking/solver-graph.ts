/**
 * The scored graph of a match run's two-person stage, in the format `iln solve-matching` reads
 * (`{"edges": [[u, v, w], …], "maxCardinality": true}`) plus `ids`, the application id of each
 * vertex: every allowed pair among the participants not fixed by a lock, weighted by fit. Solving
 * it with maxCardinality gives the stage's optimum (the run's solverWeight). For a fairness-first
 * run pass its bottleneck fit as `minFit`. O(n²) pairs are scored; the edge list holds the allowed ones.
 */
import { buildPairFitTable } from '../scoring/pair-fit-table';
import { applyLocks } from './apply-locks';
import { prepareMatchContext } from './match-context';
import type { MatchSnapshot } from './match-snapshot';

export interface SolverGraph {
  edges: [number, number, number][];
  maxCardinality: true;
  ids: string[];
}

export function toSolverGraph(snapshot: MatchSnapshot, options: { minFit?: number } = {}): SolverGraph {
  const context = prepareMatchContext(snapshot);
  const table = buildPairFitTable(context.pool, context.scorer);
  const { stage } = applyLocks(context);
  const minFit = options.minFit ?? 0;
  const edges: [number, number, number][] = [];
  for (let u = 0; u < stage.length; u++) {
    for (let v = u + 1; v < stage.length; v++) {
      const fit = table.fitOfOrdered(stage[u]!, stage[v]!);
      if (fit >= minFit) edges.push([u, v, fit]);
    }
  }
  return { edges, maxCardinality: true, ids: Array.from(stage, (i) => context.pool.members[i]!.id) };
}

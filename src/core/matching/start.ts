/**
 * Starting points for the solver in max-weight mode: a matching on tight edges plus feasible
 * doubled vertex duals y = 2u (no blossoms). Exposed vertices with y > 0 become tree roots; those
 * with y = 0 already satisfy complementary slackness.
 */
import type { MatchingGraph } from './input';
import type { MatchingResult } from './types';

/**
 * A starting point: doubled vertex duals (y = 2u, feasible on every edge) and a matching on tight
 * edges (partner per vertex or -1). Only for the max-weight mode (not maxCardinality).
 */
export interface SolverStart {
  y: Float64Array;
  mate: Int32Array;
}

/**
 * Greedy start (as in Blossom V / LEMON): u_v = max(0, heaviest incident weight) / 2, then each
 * vertex lowers its dual by its least slack (staying >= 0) and takes a tight edge to an exposed
 * neighbour. Feasible duals, matched edges tight.
 */
export function greedyStart(graph: MatchingGraph): SolverStart {
  const { n, endpoint, weight, adjStart, adj } = graph;
  const y = new Float64Array(n);
  const mate = new Int32Array(n).fill(-1);
  for (let k = 0; k < graph.m; k++) {
    const w = weight[k]!;
    const a = endpoint[2 * k]!;
    const b = endpoint[2 * k + 1]!;
    if (w > y[a]!) y[a] = w;
    if (w > y[b]!) y[b] = w;
  }
  for (let v = 0; v < n; v++) {
    let least = y[v]!;
    for (let a = adjStart[v]!, end = adjStart[v + 1]!; a < end; a++) {
      const p = adj[a]!;
      const sl = y[v]! + y[endpoint[p]!]! - 2 * weight[p >> 1]!;
      if (sl < least) least = sl;
    }
    y[v]! -= least;
    for (let a = adjStart[v]!, end = adjStart[v + 1]!; a < end && mate[v] === -1; a++) {
      const p = adj[a]!;
      const x = endpoint[p]!;
      if (mate[x] === -1 && y[v]! + y[x]! - 2 * weight[p >> 1]! === 0) {
        mate[v] = x;
        mate[x] = v;
      }
    }
  }
  return { y, mate };
}

/**
 * Warm start from a solution of a subgraph (the complete-graph driver adds violated edges and
 * re-solves): blossoms are dissolved into their members' duals (u_v += z_B / 2 keeps every edge
 * feasible), duals of new violated edges are raised at one endpoint, and matched edges that are no
 * longer tight are unmatched (their endpoints become roots). `tol` is 0 for integer weights.
 */
export function warmStart(graph: MatchingGraph, previous: MatchingResult, tol: number): SolverStart {
  const { n, endpoint, weight, adjStart, adj } = graph;
  const y = new Float64Array(n);
  for (let v = 0; v < n; v++) y[v] = 2 * (previous.duals.vertex[v] ?? 0);
  for (const b of previous.duals.blossoms) for (const v of b.members) y[v]! += b.dual;
  const mate = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) mate[v] = previous.mate[v] ?? -1;
  for (let k = 0; k < graph.m; k++) {
    const a = endpoint[2 * k]!;
    const b = endpoint[2 * k + 1]!;
    const slack = y[a]! + y[b]! - 2 * weight[k]!;
    if (slack < 0) {
      // Raise the exposed endpoint if there is one (it is a root anyway), else a.
      const x = mate[b] === -1 && mate[a] !== -1 ? b : a;
      y[x]! -= slack;
    }
  }
  for (let v = 0; v < n; v++) {
    const x = mate[v]!;
    if (x <= v) continue;
    let tight = false;
    for (let a = adjStart[v]!, end = adjStart[v + 1]!; a < end; a++) {
      const p = adj[a]!;
      if (endpoint[p] === x) {
        tight = Math.abs(y[v]! + y[x]! - 2 * weight[p >> 1]!) <= tol;
        break;
      }
    }
    if (!tight) {
      mate[v] = -1;
      mate[x] = -1;
    }
  }
  return { y, mate };
}

/**
 * Starting points for the solver in max-weight mode: a matching on tight edges plus feasible
 * doubled vertex duals y = 2u (no blossoms). Exposed vertices with y > 0 become tree roots; those
 * with y = 0 already satisfy complementary slackness.
 */
import type { MatchingGraph } from './input';
import type { SolverState } from './max-weight-matching';

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
 * neighbour; then short tight augmenting paths are taken. Feasible duals, matched edges tight.
 */
export function greedyStart(graph: MatchingGraph): SolverStart {
  const { n, endpoint, weight, adjStart, adj } = graph;
  const y = graph.heaviest.slice(); // max(0, heaviest incident weight), computed with the graph
  const mate = new Int32Array(n).fill(-1);
  // One function per pass: each is optimised with its own complete type feedback (a single
  // function would be OSR-compiled in its first loop and deoptimised in the next ones).
  greedyMatch(n, endpoint, weight, adjStart, adj, y, mate);
  augmentShortPaths(n, endpoint, weight, adjStart, adj, y, mate);
  return { y, mate };
}

/**
 * The classic start of Edmonds' algorithm: every u_v = max(0, max weight) / 2 and an empty
 * matching, so every vertex with a positive dual is a root. Not used by the public API (the
 * greedy start is never worse); the benchmark uses it to measure the solver without the greedy
 * head start (bench/matching, `--scaling`).
 */
export function uniformStart(graph: MatchingGraph): SolverStart {
  return {
    y: new Float64Array(graph.n).fill(Math.max(0, graph.maxWeight)),
    mate: new Int32Array(graph.n).fill(-1),
  };
}

/** Each vertex lowers its dual by its least slack (staying >= 0) and takes a tight edge to an exposed neighbour. */
function greedyMatch(
  n: number,
  endpoint: Int32Array,
  weight: Float64Array,
  adjStart: Int32Array,
  adj: Int32Array,
  y: Float64Array,
  mate: Int32Array,
): void {
  // y[v] is kept in a local and the matching loop stops at the first tight exposed neighbour:
  // the first solve in a process runs this in V8's interpreter, where every array access counts.
  for (let v = 0; v < n; v++) {
    // A vertex matched by an earlier one has a tight edge (least slack 0): nothing to do.
    if (mate[v] !== -1) continue;
    const yv = y[v]!;
    const start = adjStart[v]!;
    const end = adjStart[v + 1]!;
    let least = yv;
    for (let a = start; a < end; a++) {
      const p = adj[a]!;
      const sl = yv + y[endpoint[p]!]! - 2 * weight[p >> 1]!;
      if (sl < least) least = sl;
    }
    const lowered = yv - least;
    y[v] = lowered;
    for (let a = start; a < end; a++) {
      const p = adj[a]!;
      const x = endpoint[p]!;
      if (mate[x] === -1 && lowered + y[x]! - 2 * weight[p >> 1]! === 0) {
        mate[v] = x;
        mate[x] = v;
        break;
      }
    }
  }
}

/**
 * Augments along tight alternating paths of length 3 (u - x = y - z with u, z exposed): all
 * edges stay tight and the duals are untouched, so the invariants hold; fewer roots remain.
 */
function augmentShortPaths(
  n: number,
  endpoint: Int32Array,
  weight: Float64Array,
  adjStart: Int32Array,
  adj: Int32Array,
  y: Float64Array,
  mate: Int32Array,
): void {
  for (let u = 0; u < n; u++) {
    if (mate[u] !== -1 || y[u] === 0) continue;
    search: for (let a = adjStart[u]!, end = adjStart[u + 1]!; a < end; a++) {
      const p = adj[a]!;
      const x = endpoint[p]!;
      const yy = mate[x]!;
      if (yy === -1 || y[u]! + y[x]! - 2 * weight[p >> 1]! !== 0) continue;
      for (let b = adjStart[yy]!, endB = adjStart[yy + 1]!; b < endB; b++) {
        const q = adj[b]!;
        const z = endpoint[q]!;
        if (z === u || mate[z] !== -1 || y[yy]! + y[z]! - 2 * weight[q >> 1]! !== 0) continue;
        mate[u] = x;
        mate[x] = u;
        mate[yy] = z;
        mate[z] = yy;
        break search;
      }
    }
  }
}

/**
 * Resumes from the final state of a solve on the first `oldM` edges of `graph` (the rest are new).
 * Each new edge with negative slack is repaired without touching the rest of the solution: the
 * top-level blossom B containing an endpoint moves dual from z_B into its members (u_v += d / 2,
 * z_B -= d: edges inside keep their slack, edges leaving gain d / 2, so only the base's matched
 * edge, which leaves B, is unmatched), expanding B when its whole dual is needed; once both ends
 * are plain vertices, one endpoint's dual is raised by the deficit and its matched edge dropped.
 * The state is modified in place.
 */
export function resumeState(graph: MatchingGraph, state: SolverState, oldM: number): SolverState {
  const { n, endpoint, weight } = graph;
  const { y, mate, parent, base, z, childs } = state;
  // topOf[v]: v's top-level blossom (v itself when in none), kept up to date as blossoms are
  // expanded (walking parent links per query would cost the nesting depth, hundreds on ILN graphs).
  const topOf = new Int32Array(n);
  for (let v = 0; v < n; v++) topOf[v] = v;
  const stack: number[] = [];
  /** Sets topOf = t for every vertex of blossom b. */
  const setTop = (b: number, t: number): void => {
    if (b < n) {
      topOf[b] = t;
      return;
    }
    stack.push(b);
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x < n) topOf[x] = t;
      else {
        const cs = childs[x]!;
        for (let i = 0; i < cs.length; i++) stack.push(cs[i]!);
      }
    }
  };
  for (let b = n; b < 2 * n; b++) if (base[b] !== -1 && parent[b] === -1) setTop(b, b);
  const top = (v: number): number => topOf[v]!;
  const unmatch = (v: number): void => {
    const p = mate[v]!;
    if (p === -1) return;
    mate[endpoint[p]!] = -1;
    mate[v] = -1;
  };
  /**
   * Moves up to `amount` of top-level blossom b's dual into its members' duals (all of it, and
   * expands b, when amount >= z_B). Edges inside b keep their slack, edges leaving gain, so only
   * the base's matched edge (which leaves b) is unmatched.
   */
  const release = (b: number, amount: number): void => {
    const all = amount >= z[b]!;
    const moved = all ? z[b]! : amount;
    stack.push(b);
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x < n) y[x]! += moved;
      else {
        const cs = childs[x]!;
        for (let i = 0; i < cs.length; i++) stack.push(cs[i]!);
      }
    }
    unmatch(base[b]!);
    if (!all) {
      z[b]! -= moved;
      return;
    }
    const cs = childs[b]!;
    for (let i = 0; i < cs.length; i++) {
      parent[cs[i]!] = -1;
      setTop(cs[i]!, cs[i]!);
    }
    base[b] = -1;
    z[b] = 0;
    childs[b] = null;
    state.endps[b] = null;
  };
  for (let k = oldM; k < graph.m; k++) {
    const i = endpoint[2 * k]!;
    const j = endpoint[2 * k + 1]!;
    for (;;) {
      const ti = top(i);
      const tj = top(j);
      if (ti === tj) {
        release(ti, Number.POSITIVE_INFINITY); // separate the ends (their slack does not change)
        continue;
      }
      const slack = y[i]! + y[j]! - 2 * weight[k]!;
      if (slack >= 0) break;
      if (ti >= n) release(ti, -slack);
      else if (tj >= n) release(tj, -slack);
      else {
        const x = mate[j] === -1 && mate[i] !== -1 ? j : i;
        y[x]! -= slack;
        unmatch(x);
        break;
      }
    }
  }
  return state;
}

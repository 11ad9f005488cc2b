/**
 * Certified maximum-weight matching on a complete graph given by a score function, without
 * materialising its n(n-1)/2 edges (column generation / "pricing", as in Blossom V's and
 * Mehlhorn–Schäfer's sparse-then-price heuristics):
 *
 *  1. one pass over all pairs keeps each vertex's k best allowed partners (a size-k min-heap per
 *     vertex in typed arrays; candidate-sweep.ts); their union is the sparse start graph. The pass
 *     reads stored scores when the caller has them (`triangle`), or is made by the caller while
 *     scoring (`candidates`), with the same result;
 *  2. solve exactly on the sparse graph (maxWeightMatching's solver, with duals);
 *  3. price every other allowed pair against the duals: (i, j) is a violator when
 *       u_i + u_j + sum_{B ∋ i, j} z_B < w_ij.
 *     A matching with duals that are feasible on EVERY allowed pair satisfies all the LP optimality
 *     conditions of the complete graph (the matching and the duals are unchanged; only edges with
 *     slack >= 0 were absent), so no violator = certificate of optimality for the complete graph;
 *  4. otherwise add the violators (all of them up to 4n, and each vertex's most violated pair) and
 *     re-solve; repeat.
 *
 * Re-solving is warm in max-weight mode (the solver's resume start: the previous matching, duals and
 * blossoms are kept; each violated new pair is repaired locally by moving blossom dual into member
 * duals or raising one endpoint's dual, unmatching only the matched edges that lose tightness), so
 * a round costs little more than the repair. With maxCardinality the re-solve is cold (solved as
 * max-weight for w + L from a greedy start, see wasm/blossom.ts): that certificate needs
 * all exposed vertices to share one dual, which the repaired duals do
 * not give. Rounds are few in practice (the k best partners nearly always contain the optimum).
 *
 * maxCardinality: the solver's certificate has two parts. Dual feasibility is priced as above.
 * Maximum cardinality is proven by the Tutte–Berge witness X (duals.barrier): the count of odd
 * components of G - X must be the same in the complete allowed graph as in the sparse graph. The
 * pricing pass therefore also unions the components of (allowed pairs minus X) and, if two
 * sparse components merge, adds the merging pairs as edges and re-solves. With forbidden pairs
 * (same country), "maximum cardinality" means maximum over the allowed pairs only: a participant
 * whose every allowed partner is taken stays unmatched, and the certificate says no other
 * assignment could match more people, and among those that match as many, none scores higher.
 *
 * The pricing loop is a tight double loop over typed arrays with no allocation per pair. A pair
 * outside the sparse graph is in neither endpoint's top-k list, so it scores at most
 * min(kth_i, kth_j); it can only violate when u_i + u_j < min(kth_i, kth_j). Walking the vertices
 * in increasing dual order, the pairs that pass this bound form a short run after each vertex, and
 * only they cost a score call; all others are priced by the bound (pricing.ts). The candidate pass
 * is the one full sweep of score calls (n(n-1)/2), unless the caller made it.
 */
import { CandidateSweep, checkScore, collectCandidates, sweepScores, sweepTriangle } from './candidate-sweep';
import { MatchingInputError } from './errors';
import { graphFromArrays } from './input';
import { type SolverState, solveGraphWithState } from './max-weight-matching';
import { BlossomSums, pricePairs } from './pricing';
import type { CandidateLists, CertifiedMatching, CompleteGraphProblem } from './types';

const FN = 'maxWeightMatchingComplete';
const DEFAULT_K = 20;
const MAX_ROUNDS = 100;
const VIOLATORS_PER_VERTEX = 4;

/**
 * Growable edge list in typed arrays. Callers add each pair once: candidate pairs are deduplicated
 * from the top-k lists, and pricing only adds pairs that are not in the graph (graph edges are
 * never violated; components of G - X are only merged by pairs outside the graph).
 */
class EdgeList {
  constructor(
    public eu: Int32Array,
    public ev: Int32Array,
    public w: Float64Array,
    public m: number,
  ) {}

  add(i: number, j: number, w: number): void {
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    if (this.m === this.eu.length) {
      const cap = this.m * 2;
      const eu = new Int32Array(cap);
      eu.set(this.eu);
      const ev = new Int32Array(cap);
      ev.set(this.ev);
      const ww = new Float64Array(cap);
      ww.set(this.w);
      this.eu = eu;
      this.ev = ev;
      this.w = ww;
    }
    this.eu[this.m] = a;
    this.ev[this.m] = b;
    this.w[this.m] = w;
    this.m++;
  }
}

/**
 * Step 1: the sweep the caller fed (CompleteGraphProblem.candidates), or the engine's own pass over
 * the stored scores (triangle) or through `score`.
 */
function candidatesOf(problem: CompleteGraphProblem, k: number): CandidateLists {
  const { n, candidates } = problem;
  if (candidates !== undefined) {
    if (candidates.n !== n || candidates.k !== Math.min(k, Math.max(1, n - 1))) {
      throw new MatchingInputError(
        `${FN}: candidates were gathered for ${candidates.n} vertices and ${candidates.k} per vertex, not ${n} and ${k}`,
      );
    }
    return candidates;
  }
  const sweep = new CandidateSweep(n, k);
  if (problem.triangle) sweepTriangle(sweep, problem.triangle);
  else sweepScores(sweep, problem.score);
  return sweep;
}

export function maxWeightMatchingComplete(problem: CompleteGraphProblem): CertifiedMatching {
  const { n, score } = problem;
  const k = problem.candidatesPerVertex ?? DEFAULT_K;
  const maxCard = problem.maxCardinality === true;
  if (!Number.isInteger(n) || n < 0)
    throw new MatchingInputError(`${FN}: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1) {
    throw new MatchingInputError(`${FN}: candidatesPerVertex must be a positive integer, got ${k}`);
  }
  if (typeof score !== 'function') throw new MatchingInputError(`${FN}: score must be a function`);
  const triangle = problem.triangle;
  if (
    triangle !== undefined &&
    (triangle.rowStart.length < n ||
      triangle.values.length < (n * (n - 1)) / 2 ||
      !Number.isInteger(triangle.offset) ||
      !Number.isInteger(triangle.floor))
  ) {
    throw new MatchingInputError(
      `${FN}: triangle must hold n(n-1)/2 values and n row starts, with integer offset and floor`,
    );
  }

  const start = collectCandidates(candidatesOf(problem, k));
  const edges = new EdgeList(start.eu, start.ev, start.w, start.m);
  const kth = start.kth;
  let integral = true;
  let maxAbs = 0;
  for (let e = 0; e < edges.m; e++) {
    if (!Number.isInteger(edges.w[e]!)) integral = false;
    maxAbs = Math.max(maxAbs, Math.abs(edges.w[e]!));
  }

  const order: number[] = new Array(n);
  const sortedU = new Float64Array(n);
  const sortedKth = new Float64Array(n);
  // Violators added per round: every violator up to VIOLATORS_PER_VERTEX * n, plus each vertex's
  // most violated pair (so a round always makes progress at every violated vertex).
  const vioCap = VIOLATORS_PER_VERTEX * n;
  const vio = {
    cap: vioCap,
    a: new Int32Array(vioCap),
    b: new Int32Array(vioCap),
    w: new Float64Array(vioCap),
    j: new Int32Array(n),
    s: new Float64Array(n),
    sw: new Float64Array(n),
  };
  const { a: vioA, b: vioB, w: vioWs, j: vioJ, sw: vioW } = vio;
  const inX = new Uint8Array(n);
  const root = new Int32Array(n);
  const find = (v: number): number => {
    while (root[v] !== v) {
      root[v] = root[root[v]!]!;
      v = root[v]!;
    }
    return v;
  };
  let rounds = 0;
  let previous: SolverState | undefined;
  let previousM = 0;
  for (;;) {
    const graph = graphFromArrays(n, edges.eu, edges.ev, edges.w, edges.m);
    if (!graph.integral) integral = false;
    const tol = integral ? 0 : 1e-9 * Math.max(1, maxAbs);
    // Warm start from the previous round (max-weight mode only; see the header).
    const start = previous !== undefined && !maxCard ? { resume: previous, oldM: previousM } : undefined;
    const { result, state } = solveGraphWithState(graph, maxCard, start);
    previous = state;
    previousM = edges.m;
    if (rounds >= MAX_ROUNDS)
      return { ...result, certified: false, pricingRounds: rounds, edgesUsed: edges.m };
    rounds++;

    // ---- pricing pass -------------------------------------------------------------------------
    const u = result.duals.vertex;
    const zBoth = new BlossomSums(state, n);
    vioJ.fill(-1);
    vio.s.fill(0);
    let oddBefore = 0;
    if (maxCard) {
      inX.fill(0);
      for (const x of result.duals.barrier ?? []) inX[x] = 1;
      for (let v = 0; v < n; v++) root[v] = v;
      for (let e = 0; e < edges.m; e++) {
        const a = edges.eu[e]!;
        const b = edges.ev[e]!;
        if (inX[a] === 0 && inX[b] === 0) {
          const ra = find(a);
          const rb = find(b);
          if (ra !== rb) root[ra] = rb;
        }
      }
      oddBefore = countOdd(n, inX, find);
    }
    // Dual pricing. A pair outside the candidate graph scores at most min(kth_i, kth_j) (it is in
    // neither vertex's top-k list); blossom duals are >= 0. So a pair can only violate when
    // u_i + u_j < min(kth_i, kth_j) - tol, and with vertices sorted by dual only a prefix of the
    // order needs looking at for each i. Every other pair is priced by this bound without a call.
    for (let v = 0; v < n; v++) order[v] = v;
    order.sort((a, b) => u[a]! - u[b]!);
    for (let t = 0; t < n; t++) {
      sortedU[t] = u[order[t]!]!;
      sortedKth[t] = kth[order[t]!]!;
    }
    const priced = pricePairs(n, order, sortedU, sortedKth, problem, tol, zBoth, vio);
    const listed = priced.listed;
    const violated = priced.violated;
    // maxCardinality: do allowed pairs outside the graph merge components of G - X?
    const merges: number[] = [];
    if (maxCard && componentsOutsideX(n, inX, find) > 1) {
      for (let i = 0; i < n; i++) {
        if (inX[i] === 1) continue;
        for (let j = i + 1; j < n; j++) {
          if (inX[j] === 1 || find(i) === find(j)) continue;
          const s = score(i, j);
          if (s === null) continue;
          checkScore(s, i, j);
          root[find(i)] = find(j);
          merges.push(i, j);
        }
      }
    }
    const added = new Set<number>();
    const addNew = (a: number, b: number, s: number): void => {
      const key = Math.min(a, b) * n + Math.max(a, b);
      if (added.has(key)) return;
      added.add(key);
      edges.add(a, b, s);
      if (!Number.isInteger(s)) integral = false;
      maxAbs = Math.max(maxAbs, Math.abs(s));
    };
    for (let i = 0; i < n; i++) if (vioJ[i] !== -1) addNew(i, vioJ[i]!, vioW[i]!);
    if (violated > 0) for (let t = 0; t < listed; t++) addNew(vioA[t]!, vioB[t]!, vioWs[t]!);
    if (maxCard && countOdd(n, inX, find) !== oddBefore) {
      for (let t = 0; t < merges.length; t += 2)
        addNew(merges[t]!, merges[t + 1]!, score(merges[t]!, merges[t + 1]!)!);
    }
    if (added.size === 0) return { ...result, certified: true, pricingRounds: rounds, edgesUsed: edges.m };
  }
}

function countOdd(n: number, inX: Uint8Array, find: (v: number) => number): number {
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) if (inX[v] === 0) size[find(v)]!++;
  let odd = 0;
  for (let v = 0; v < n; v++) if (size[v]! % 2 === 1) odd++;
  return odd;
}

function componentsOutsideX(n: number, inX: Uint8Array, find: (v: number) => number): number {
  let count = 0;
  for (let v = 0; v < n; v++) if (inX[v] === 0 && find(v) === v) count++;
  return count;
}

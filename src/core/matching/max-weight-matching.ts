/**
 * Maximum-weight matching in general graphs: Edmonds' primal-dual blossom algorithm.
 *
 * Structure (labels S/T, blossoms with child cycles and endpoint lists, blossom augmentation and
 * expansion, doubled integer duals) follows Joris van Rantwijk's mwmatching (Galil, "Efficient
 * algorithms for finding maximum matching in graphs", ACM Computing Surveys 1986). On top of it,
 * as in Mehlhorn & Schäfer's LEDA study, LEMON's MaxWeightedMatching and van Rantwijk's current
 * rewrite:
 *
 *  - Lazy duals: one global offset `delta` (the total dual change so far). A vertex stores y such
 *    that its real (doubled) dual is y - delta when its top-level blossom is S, y + delta when T
 *    and y when free; blossom duals likewise (z + delta for S, z - delta for T). A dual update is
 *    therefore O(1); a stored value is converted only when its blossom changes label.
 *  - Priority queues for the next event: delta1 (an S-vertex dual reaches 0; indexed heap over
 *    S-vertices), delta2 (least-slack edge from an S-vertex to each free vertex; indexed heap over
 *    vertices, entries repaired lazily), delta3 (S–S edges between different blossoms; lazy heap
 *    of edges), delta4 (T-blossom duals; indexed heap).
 *  - A persistent forest: after an augmentation only the two alternating trees it joined are
 *    dissolved; every other tree keeps its labels (there are no O(n) "stages").
 *  - Max-weight mode starts from a greedy matching with greedy duals (start.ts) or from a previous
 *    solution (warm start), so exposed vertices may have different duals: an exposed vertex is a
 *    root while its dual is positive; when an S-vertex's dual reaches 0 (delta1) the path to its
 *    root is flipped so that it becomes the exposed one and leaves the forest for good (as in
 *    LEMON). A tree that reaches such a zero-dual exposed vertex augments to it.
 *    Max-cardinality mode: with integer weights (when exact) it solves max-weight for w + L with
 *    L > n max|w| (any larger matching then weighs more), then continues as below from that
 *    optimum; otherwise it starts from uniform duals and an empty matching. It never uses delta1.
 *
 *  - Event order: every edge from an S-vertex to a free blossom waits in delta2, even when tight
 *    (except one that reaches an exposed base: it augments at once), and ties between the queues
 *    go to delta3 first (LEMON's order): tight S–S edges shrink blossoms and augment between small
 *    trees before any tree grows. Growing at once, depth-first, builds trees along whole chains
 *    that every augmentation dissolves again (Θ(n²) scans on chained triangles from a uniform
 *    start).
 *
 * Complexity. Not implemented: concatenable queues for delta2 inside expanded T-blossoms and
 * union-find for the vertex-to-blossom map, so the worst case is not the O(n m log n) bound of
 * Galil–Micali–Gabow: vertices are relabelled per blossom formation / expansion (O(|B|) each) and
 * the vertices of a dissolved tree rescan their edges (as in LEMON). Measured instead
 * (bench/matching/results/scaling.md, n = 1k..64k): chains, chained triangles and random sparse
 * graphs with weights spread over 1..1e9 grow about linearly, with or without the greedy start;
 * van Rantwijk's sparse-delta family, built to force Θ(n²) dual steps, is linear with the greedy
 * start and quadratic from the uniform start, as LEMON is. Nothing measured grows cubically.
 *
 * Units: the solver keeps doubled vertex duals Y = 2u and slack(i, j) = Y_i + Y_j - 2 w_ij (plus
 * 2 z_B inside blossoms). With integer weights every value is a dyadic rational (in all tests and
 * benchmarks u and z are multiples of 1/4), exactly representable, so results are exact and the
 * verifier checks them with zero tolerance. Fractional weights are handled in floating point;
 * results are optimal up to rounding (about 1e-12 relative to the largest weight).
 *
 * Invariants (between events):
 *  - duals feasible: slack >= 0 on every edge between different top-level blossoms;
 *  - matched edges, blossom cycle edges and tree edges are tight (slack 0);
 *  - every exposed vertex is an S-root, except (max-weight mode) exposed vertices with dual 0;
 *  - max-cardinality mode: all exposed vertices share one dual, the minimum of all vertex duals
 *    (they all start equal and every root's dual falls at the fastest rate);
 *  - blossom duals are >= 0; a T-blossom whose dual reaches 0 is expanded (delta4).
 */
import { buildGraph, type MatchingGraph } from './input';
import { IndexedMinHeap, TripleMinHeap } from './priority-queue';
import { greedyStart, type SolverStart } from './start';
import type { DualBlossom, Edge, MatchingOptions, MatchingResult } from './types';

export type { SolverStart } from './start';

const FREE = 0;
const S = 1;
const T = 2;
const INF = Number.POSITIVE_INFINITY;

/** Rotates arr in place so that arr[i] comes first (three reversals; no allocation). */
function rotateLeft(arr: number[], i: number): void {
  if (i === 0) return;
  reverse(arr, 0, i - 1);
  reverse(arr, i, arr.length - 1);
  reverse(arr, 0, arr.length - 1);
}

function reverse(arr: number[], lo: number, hi: number): void {
  while (lo < hi) {
    const t = arr[lo]!;
    arr[lo++] = arr[hi]!;
    arr[hi--] = t;
  }
}

/** Maximum-weight (optionally maximum-cardinality) matching; see the file header. */
export function maxWeightMatching(edges: readonly Edge[], options: MatchingOptions = {}): MatchingResult {
  const graph = buildGraph(edges, 'maxWeightMatching');
  return solveGraph(graph, options.maxCardinality === true);
}

/**
 * Runs the solver on an already validated graph. Without maxCardinality it starts from `start`
 * (a warm start) or from a greedy matching with greedy duals; with maxCardinality it starts from
 * uniform duals and an empty matching (the max-cardinality certificate needs all exposed vertices
 * to share one dual).
 */
export function solveGraph(
  graph: MatchingGraph,
  maxCardinality: boolean,
  start?: SolverStart,
): MatchingResult {
  return solveGraphWithState(graph, maxCardinality, start).result;
}

/**
 * The solver's full final state (real doubled vertex duals, matched endpoints, blossoms with their
 * cycles and real duals), for warm starts on a supergraph whose first edges are this graph's
 * edges in the same order (edge ids, hence endpoint ids, stay valid). Arrays are indexed like the
 * solver's: vertices 0..n-1, blossoms n..2n-1 (base -1 = unused id).
 */
export interface SolverState {
  y: Float64Array;
  mate: Int32Array;
  parent: Int32Array;
  base: Int32Array;
  z: Float64Array;
  childs: (number[] | null)[];
  endps: (number[] | null)[];
}

/** As solveGraph, also returning the final state; `warm` (max-weight mode only) resumes from one. */
export function solveGraphWithState(
  graph: MatchingGraph,
  maxCardinality: boolean,
  start?: SolverStart | SolverState,
): { result: MatchingResult; state: SolverState } {
  if (maxCardinality && start === undefined) {
    const shifted = shiftForCardinality(graph);
    if (shifted !== undefined) {
      // Phase 1: max-weight matching for w + L (greedy start), which has maximum cardinality.
      // Phase 2: every exposed vertex now has dual 0, the minimum: exactly the max-cardinality
      // invariant, so continue in that mode to grow the final forest (its T-vertices are the
      // Tutte–Berge witness). Duals are reported for w by subtracting L / 2 from vertex duals.
      const solver = new BlossomSolver(shifted.graph, false, greedyStart(shifted.graph));
      solver.run();
      solver.continueWithMaxCardinality();
      return { result: solver.result(graph.weight, shifted.shift), state: solver.state() };
    }
  }
  const init = maxCardinality ? undefined : (start ?? greedyStart(graph));
  const solver = new BlossomSolver(graph, maxCardinality, init);
  solver.run();
  return { result: solver.result(graph.weight, 0), state: solver.state() };
}

/**
 * Max-cardinality as max-weight: with L > n * max|w|, a matching of larger cardinality always
 * weighs more under w + L, and among equal cardinalities the order is unchanged. Used only when
 * the shifted integer weights keep every dual and sum exact (n^2 (max|w| + 1) < 2^50).
 */
function shiftForCardinality(graph: MatchingGraph): { graph: MatchingGraph; shift: number } | undefined {
  const { n, m } = graph;
  if (!graph.integral || m === 0) return undefined;
  const shift = n * graph.maxAbsWeight + 1;
  if (n * n * (graph.maxAbsWeight + 1) >= 2 ** 50) return undefined;
  const weight = new Float64Array(m);
  const heaviest = new Float64Array(n);
  const endpoint = graph.endpoint;
  let maxWeight = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < m; k++) {
    const x = graph.weight[k]! + shift;
    weight[k] = x;
    if (x > maxWeight) maxWeight = x;
    if (x > heaviest[endpoint[2 * k]!]!) heaviest[endpoint[2 * k]!] = x;
    if (x > heaviest[endpoint[2 * k + 1]!]!) heaviest[endpoint[2 * k + 1]!] = x;
  }
  return { graph: { ...graph, weight, heaviest, maxWeight, maxAbsWeight: maxWeight }, shift };
}

class BlossomSolver {
  private readonly n: number;
  private readonly endpoint: Int32Array;
  /** Edge weights (slack uses 2w: doubling is exact, and saves an O(m) array per solve). */
  private readonly weight: Float64Array;
  private readonly adjStart: Int32Array;
  private readonly adj: Int32Array;

  /** mate[v] = remote endpoint of v's matched edge, or -1. */
  private readonly mate: Int32Array;
  /** Top-level blossom containing vertex v (v itself for a trivial blossom). */
  private readonly inBlossom: Int32Array;
  /** Stored vertex duals (doubled), see the header for the lazy encoding. */
  private readonly y: Float64Array;

  // Blossom arrays, indexed 0..2n-1 (ids < n are the trivial blossoms = vertices).
  private readonly label: Int8Array;
  /** Endpoint through which a labelled top-level blossom got its label (S-root: -1). */
  private readonly labelEnd: Int32Array;
  private readonly parent: Int32Array;
  private readonly base: Int32Array;
  /** Stored blossom dual (top-level: lazy encoding; nested: the real value). */
  private readonly z: Float64Array;
  /** Root vertex of the alternating tree a labelled top-level blossom belongs to, or -1. */
  private readonly treeOf: Int32Array;
  private readonly childs: (number[] | null)[];
  private readonly endps: (number[] | null)[];
  private readonly unused: number[] = [];
  /** Blossoms labelled into each tree (by root vertex); may hold stale ids, checked on use. */
  private readonly treeMembers: (number[] | undefined)[];

  /** delta2 bookkeeping: least-slack edge (S-side endpoint) from an S-vertex to non-S vertex v. */
  private readonly bestS: Int32Array;
  private readonly bestEpoch: Int32Array;
  /** bestS[v] may no longer be the best (its S-end left S): rescan before trusting it. */
  private readonly dirty: Uint8Array;
  /** Epoch at which a vertex last stopped being S (tree dissolution). */
  private readonly leftS: Int32Array;
  private epoch = 0;

  private readonly queue: Int32Array;
  private queueLen = 0;
  private readonly inQueue: Uint8Array;
  private readonly mark: Int32Array;
  /** Scratch for fillLeaves: leaves of one blossom, and the traversal stack. */
  private readonly leafBuf: Int32Array;
  private readonly leafStack: Int32Array;
  /** Vertices of the tree being dissolved. */
  private readonly dissolveBuf: Int32Array;
  private markStamp = 0;

  private readonly d2: IndexedMinHeap;
  private readonly d3: TripleMinHeap;
  private readonly d4: IndexedMinHeap;

  /** delta1 (max-weight mode): S-vertices keyed by stored dual (real = stored - delta). */
  private readonly d1: IndexedMinHeap;
  private delta = 0;
  private roots = 0;

  constructor(
    graph: MatchingGraph,
    private maxCardinality: boolean,
    start?: SolverStart | SolverState,
  ) {
    const n = graph.n;
    this.n = n;
    this.endpoint = graph.endpoint;
    this.weight = graph.weight;
    this.adjStart = graph.adjStart;
    this.adj = graph.adj;
    this.mate = new Int32Array(n).fill(-1);
    this.inBlossom = new Int32Array(n);
    for (let v = 0; v < n; v++) this.inBlossom[v] = v;
    this.y = new Float64Array(n);
    this.label = new Int8Array(2 * n);
    this.labelEnd = new Int32Array(2 * n).fill(-1);
    this.parent = new Int32Array(2 * n).fill(-1);
    this.base = new Int32Array(2 * n).fill(-1);
    for (let v = 0; v < n; v++) this.base[v] = v;
    this.z = new Float64Array(2 * n);
    this.treeOf = new Int32Array(2 * n).fill(-1);
    this.childs = new Array(2 * n).fill(null);
    this.endps = new Array(2 * n).fill(null);
    for (let b = 2 * n - 1; b >= n; b--) this.unused.push(b);
    this.treeMembers = new Array(n);
    this.bestS = new Int32Array(n).fill(-1);
    this.bestEpoch = new Int32Array(n);
    this.dirty = new Uint8Array(n);
    this.leftS = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.inQueue = new Uint8Array(n);
    this.mark = new Int32Array(2 * n);
    this.leafBuf = new Int32Array(n);
    this.leafStack = new Int32Array(2 * n);
    this.dissolveBuf = new Int32Array(n);
    this.d2 = new IndexedMinHeap(n);
    this.d4 = new IndexedMinHeap(2 * n);
    this.d3 = new TripleMinHeap(Math.max(64, graph.m));
    this.d1 = new IndexedMinHeap(maxCardinality ? 0 : n);
    // delta becomes fractional / large: give the field a double representation from the start so
    // optimised code never sees a map change (Smi -> Double field) and deoptimises.
    this.delta = 0.5;
    this.delta = 0;
    if (start === undefined) {
      // Uniform duals: u_v = max(0, max weight) / 2, i.e. Y = max weight (doubled units).
      this.y.fill(maxCardinality ? graph.maxWeight : Math.max(0, graph.maxWeight));
    } else if ('parent' in start) {
      // Resume: all blossoms free, so stored values are the real ones.
      this.y.set(start.y);
      this.mate.set(start.mate);
      this.unused.length = 0;
      for (let b = 2 * n - 1; b >= n; b--) {
        if (start.base[b] === -1) {
          this.unused.push(b);
          continue;
        }
        this.base[b] = start.base[b]!;
        this.parent[b] = start.parent[b]!;
        this.z[b] = start.z[b]!;
        this.childs[b] = start.childs[b]!;
        this.endps[b] = start.endps[b]!;
      }
      for (let v = 0; v < n; v++) this.parent[v] = start.parent[v]!;
      // Top-level blossom of each vertex: fill from the top-level blossoms down (nested blossoms
      // can be hundreds deep, so walking up from every vertex would cost sum of depths).
      for (let b = n; b < 2 * n; b++) {
        if (this.base[b] === -1 || this.parent[b] !== -1) continue;
        const count = this.fillLeaves(b, this.leafBuf, 0);
        for (let i = 0; i < count; i++) this.inBlossom[this.leafBuf[i]!] = b;
      }
    } else {
      this.y.set(start.y);
      // Matched pairs -> endpoint encoding (the pair's edge is found in the adjacency).
      for (let v = 0; v < n; v++) {
        const x = start.mate[v]!;
        if (x <= v) continue;
        for (let a = this.adjStart[v]!; a < this.adjStart[v + 1]!; a++) {
          const p = this.adj[a]!;
          if (this.endpoint[p] === x) {
            this.mate[v] = p;
            this.mate[x] = p ^ 1;
            break;
          }
        }
      }
    }
  }

  // ---- duals -------------------------------------------------------------------------------

  /** Real doubled dual of vertex v. */
  private yOf(v: number): number {
    const l = this.label[this.inBlossom[v]!]!;
    const y = this.y[v]!;
    return l === S ? y - this.delta : l === T ? y + this.delta : y;
  }

  /** Real dual of blossom b (top-level or nested). */
  private zOf(b: number): number {
    if (this.parent[b] !== -1) return this.z[b]!;
    const l = this.label[b]!;
    return l === S ? this.z[b]! + this.delta : l === T ? this.z[b]! - this.delta : this.z[b]!;
  }

  private slack(k: number): number {
    return this.yOf(this.endpoint[2 * k]!) + this.yOf(this.endpoint[2 * k + 1]!) - 2 * this.weight[k]!;
  }

  /**
   * Writes the leaves (vertices) of blossom b to out[at..] and returns the new end. No allocation:
   * callers pass the shared scratch buffer `leafBuf` (valid until the next fillLeaves into it) or
   * dissolveTree's own buffer.
   */
  private fillLeaves(b: number, out: Int32Array, at: number): number {
    const n = this.n;
    if (b < n) {
      out[at] = b;
      return at + 1;
    }
    const stack = this.leafStack;
    const childs = this.childs;
    let top = 0;
    stack[top++] = b;
    while (top > 0) {
      const x = stack[--top]!;
      if (x < n) out[at++] = x;
      else {
        const cs = childs[x]!;
        for (let i = 0; i < cs.length; i++) stack[top++] = cs[i]!;
      }
    }
    return at;
  }

  /**
   * Changes the label of top-level blossom b (and all its vertices) from its current label to
   * `to`, converting the stored duals so their real values are unchanged.
   */
  private relabel(b: number, to: number, vertices: Int32Array, from0: number, end: number): void {
    const from = this.label[b]!;
    const d = this.delta;
    // stored = real + shift(label): S: +delta, T: -delta, FREE: 0 (vertices); blossoms opposite.
    const vShift = (to === S ? d : to === T ? -d : 0) - (from === S ? d : from === T ? -d : 0);
    if (vShift !== 0) {
      const y = this.y;
      for (let i = from0; i < end; i++) y[vertices[i]!]! += vShift;
    }
    if (b >= this.n && vShift !== 0) this.z[b]! -= vShift;
    this.label[b] = to;
  }

  // ---- labelling ---------------------------------------------------------------------------

  private enqueue(v: number): void {
    if (this.inQueue[v] === 1) return;
    this.inQueue[v] = 1;
    this.queue[this.queueLen++] = v;
  }

  private joinTree(b: number, root: number): void {
    this.treeOf[b] = root;
    let list = this.treeMembers[root];
    if (list === undefined) {
      list = [];
      this.treeMembers[root] = list;
    }
    list.push(b);
  }

  /** Labels the free top-level blossom containing w with t via endpoint p (on the labelling side). */
  private assignLabel(w: number, t: number, p: number, followMate = true): void {
    const b = this.inBlossom[w]!;
    const verts = this.leafBuf;
    const count = this.fillLeaves(b, verts, 0);
    for (let i = 0; i < count; i++) this.d2.remove(verts[i]!);
    this.relabel(b, t, verts, 0, count);
    this.labelEnd[b] = p;
    this.joinTree(b, p === -1 ? w : this.treeOf[this.inBlossom[this.endpoint[p]!]!]!);
    if (t === S) {
      for (let i = 0; i < count; i++) {
        const v = verts[i]!;
        this.bestS[v] = -1;
        this.dirty[v] = 0;
        this.enqueue(v);
        if (!this.maxCardinality) this.d1.set(v, this.y[v]!);
      }
    } else {
      if (b >= this.n) this.d4.set(b, this.z[b]!);
      if (followMate) {
        const m = this.mate[this.base[b]!]!;
        this.assignLabel(this.endpoint[m]!, S, m ^ 1);
      }
    }
  }

  /**
   * Offers edge (S-endpoint ps -> non-S vertex w) with the given slack as w's delta2 edge. `yw` is
   * w's real dual and `free` whether w's top-level blossom is free (the caller has both at hand,
   * so the current best edge's slack is y_s - delta + yw - 2 w without further lookups).
   */
  private offerBest(w: number, ps: number, slack: number, yw: number, free: boolean): void {
    const cur = this.bestS[w]!;
    if (cur !== -1) {
      const s = this.endpoint[cur]!;
      if (
        this.dirty[w] === 1 ||
        this.label[this.inBlossom[s]!] !== S ||
        this.leftS[s]! > this.bestEpoch[w]!
      ) {
        // Stale: keep a lower bound in the heap and rescan when it surfaces.
        this.dirty[w] = 1;
        if (free && this.d2.keys[w]! > slack + this.delta) this.d2.set(w, slack + this.delta);
        return;
      }
      if (slack >= this.y[s]! - this.delta + yw - 2 * this.weight[cur >> 1]!) return;
    }
    this.bestS[w] = ps;
    this.bestEpoch[w] = this.epoch;
    if (free) this.d2.set(w, slack + this.delta);
  }

  private validBest(w: number): boolean {
    const p = this.bestS[w]!;
    if (p === -1) return false;
    const s = this.endpoint[p]!;
    return this.label[this.inBlossom[s]!] === S && this.leftS[s]! <= this.bestEpoch[w]!;
  }

  /** Recomputes w's least-slack edge from an S-vertex by scanning its adjacency. */
  private rescanBest(w: number): number {
    let best = INF;
    let bestP = -1;
    const { adj, endpoint, inBlossom, label, y, weight } = this;
    const bw = inBlossom[w]!;
    const yw = this.yOf(w);
    const delta = this.delta;
    for (let a = this.adjStart[w]!, end = this.adjStart[w + 1]!; a < end; a++) {
      const p = adj[a]!;
      const s = endpoint[p]!;
      const bs = inBlossom[s]!;
      if (bs === bw || label[bs] !== S) continue;
      const sl = y[s]! - delta + yw - 2 * weight[p >> 1]!;
      if (sl < best) {
        best = sl;
        bestP = p;
      }
    }
    this.bestS[w] = bestP;
    this.bestEpoch[w] = this.epoch;
    this.dirty[w] = 0;
    return best;
  }

  /** Puts the vertices of a (newly) free top-level blossom into the delta2 queue. */
  private readyFree(verts: Int32Array, from0: number, end: number, rescan: boolean): void {
    for (let i = from0; i < end; i++) {
      const v = verts[i]!;
      let sl: number;
      if (rescan || this.dirty[v] === 1 || (this.bestS[v] !== -1 && !this.validBest(v)))
        sl = this.rescanBest(v);
      else sl = this.bestS[v] === -1 ? INF : this.slack(this.bestS[v]! >> 1);
      if (sl < INF) this.d2.set(v, sl + this.delta);
      else this.d2.remove(v);
    }
  }

  // ---- blossoms ----------------------------------------------------------------------------

  /** Traces from v and w towards their roots; returns the base of a new blossom or -1 (augment). */
  private scanBlossom(v: number, w: number): number {
    const stamp = ++this.markStamp;
    let base = -1;
    while (v !== -1 || w !== -1) {
      if (v !== -1) {
        let b = this.inBlossom[v]!;
        if (this.mark[b] === stamp) {
          base = this.base[b]!;
          break;
        }
        this.mark[b] = stamp;
        if (this.labelEnd[b] === -1) v = -1;
        else {
          v = this.endpoint[this.labelEnd[b]!]!;
          b = this.inBlossom[v]!;
          v = this.endpoint[this.labelEnd[b]!]!;
        }
      }
      if (w !== -1) {
        const t = v;
        v = w;
        w = t;
      }
    }
    return base;
  }

  /** Creates a blossom with the given base from the S–S edge k (classic addBlossom). */
  private addBlossom(baseV: number, k: number): void {
    let v = this.endpoint[2 * k]!;
    let w = this.endpoint[2 * k + 1]!;
    const bb = this.inBlossom[baseV]!;
    const tree = this.treeOf[bb]!;
    let bv = this.inBlossom[v]!;
    let bw = this.inBlossom[w]!;
    const b = this.unused.pop()!;
    this.base[b] = baseV;
    this.parent[b] = -1;
    this.parent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      this.parent[bv] = b;
      path.push(bv);
      endps.push(this.labelEnd[bv]!);
      v = this.endpoint[this.labelEnd[bv]!]!;
      bv = this.inBlossom[v]!;
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      this.parent[bw] = b;
      path.push(bw);
      endps.push(this.labelEnd[bw]! ^ 1);
      w = this.endpoint[this.labelEnd[bw]!]!;
      bw = this.inBlossom[w]!;
    }
    this.childs[b] = path;
    this.endps[b] = endps;
    // Children become nested: store their real duals; T-children's vertices become S.
    const d = this.delta;
    for (let i = 0; i < path.length; i++) {
      const c = path[i]!;
      const l = this.label[c]!;
      if (c >= this.n) {
        this.z[c] = l === S ? this.z[c]! + d : this.z[c]! - d;
        if (l === T) this.d4.remove(c);
      }
      const verts = this.leafBuf;
      const count = this.fillLeaves(c, verts, 0);
      if (l === T) {
        for (let t = 0; t < count; t++) {
          const x = verts[t]!;
          this.y[x]! += 2 * d; // T-encoding (real - d) -> S-encoding (real + d)
          this.bestS[x] = -1;
          this.dirty[x] = 0;
          this.enqueue(x);
          if (!this.maxCardinality) this.d1.set(x, this.y[x]!);
        }
      }
      for (let t = 0; t < count; t++) this.inBlossom[verts[t]!] = b;
      this.label[c] = FREE;
      this.treeOf[c] = -1;
    }
    this.label[b] = S;
    this.labelEnd[b] = this.labelEnd[bb]!;
    this.z[b] = -d; // real 0
    this.joinTree(b, tree);
  }

  private at<A>(arr: A[], i: number): A {
    const len = arr.length;
    return arr[((i % len) + len) % len]!;
  }

  /**
   * Expands top-level blossom b. Mid-search (a T-blossom whose dual reached 0) the children on the
   * even-length path through the blossom are relabelled T/S and the rest become free; after a tree
   * dissolution (`free`), b is a free blossom with zero dual and nested zero-dual blossoms are
   * expanded too.
   */
  private expandBlossom(b: number, free: boolean): void {
    const childs = this.childs[b]!;
    const endps = this.endps[b]!;
    if (!free) {
      this.d4.remove(b);
      // vertices keep real duals while children are set up
      this.relabel(b, FREE, this.leafBuf, 0, this.fillLeaves(b, this.leafBuf, 0));
    }
    for (let i = 0; i < childs.length; i++) {
      const s = childs[i]!;
      this.parent[s] = -1;
      if (s < this.n) this.inBlossom[s] = s;
      else if (free && this.z[s] === 0) {
        this.expandBlossom(s, true);
        continue;
      } else {
        const vs = this.leafBuf;
        const count = this.fillLeaves(s, vs, 0);
        for (let t = 0; t < count; t++) this.inBlossom[vs[t]!] = s;
      }
      this.label[s] = FREE;
      this.labelEnd[s] = -1;
      this.treeOf[s] = -1;
    }
    if (!free) {
      const pEntry = this.labelEnd[b]!;
      const entryChild = this.inBlossom[this.endpoint[pEntry ^ 1]!]!;
      let j = childs.indexOf(entryChild);
      let jstep: number;
      let endptrick: number;
      if (j & 1) {
        j -= childs.length;
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      let p = pEntry;
      while (j !== 0) {
        this.assignLabel(this.endpoint[p ^ 1]!, T, p);
        j += jstep;
        p = this.at(endps, j - endptrick) ^ endptrick;
        j += jstep;
      }
      // The base child gets T without relabelling its mate (already S outside b).
      this.assignLabel(this.endpoint[p ^ 1]!, T, p, false);
      j += jstep;
      while (this.at(childs, j) !== entryChild) {
        const bv = this.at(childs, j);
        if (this.label[bv] === FREE)
          this.readyFree(this.leafBuf, 0, this.fillLeaves(bv, this.leafBuf, 0), false);
        j += jstep;
      }
    }
    this.childs[b] = null;
    this.endps[b] = null;
    this.base[b] = -1;
    this.label[b] = FREE;
    this.labelEnd[b] = -1;
    this.parent[b] = -1;
    this.treeOf[b] = -1;
    this.z[b] = 0;
    this.unused.push(b);
  }

  /** Swaps matched/unmatched edges inside blossom b so that vertex v becomes its base. */
  private augmentBlossom(b: number, v: number): void {
    let t = v;
    while (this.parent[t] !== b) t = this.parent[t]!;
    if (t >= this.n) this.augmentBlossom(t, v);
    const childs = this.childs[b]!;
    const endps = this.endps[b]!;
    const i = childs.indexOf(t);
    let j = i;
    let jstep: number;
    let endptrick: number;
    if (i & 1) {
      j -= childs.length;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    while (j !== 0) {
      j += jstep;
      t = this.at(childs, j);
      const p = this.at(endps, j - endptrick) ^ endptrick;
      if (t >= this.n) this.augmentBlossom(t, this.endpoint[p]!);
      j += jstep;
      t = this.at(childs, j);
      if (t >= this.n) this.augmentBlossom(t, this.endpoint[p ^ 1]!);
      this.mate[this.endpoint[p]!] = p ^ 1;
      this.mate[this.endpoint[p ^ 1]!] = p;
    }
    rotateLeft(childs, i);
    rotateLeft(endps, i);
    this.base[b] = this.base[childs[0]!]!;
  }

  /**
   * Augments along edge k from an S-blossom to either another tree's S-blossom or a free blossom
   * whose base is exposed (a zero-dual exposed vertex). Dissolves the tree(s) involved.
   */
  private augmentMatching(k: number): void {
    const v0 = this.endpoint[2 * k]!;
    const w0 = this.endpoint[2 * k + 1]!;
    const trees: number[] = [];
    for (let side = 0; side < 2; side++) {
      const s0 = side === 0 ? v0 : w0;
      const p0 = side === 0 ? 2 * k + 1 : 2 * k;
      const b0 = this.inBlossom[s0]!;
      if (this.label[b0] !== S) {
        // Free blossom with an exposed base: make s0 its base and match it across k.
        if (b0 >= this.n) this.augmentBlossom(b0, s0);
        this.mate[s0] = p0;
        continue;
      }
      trees.push(this.treeOf[b0]!);
      this.flipToRoot(s0, p0);
    }
    this.roots -= trees.length;
    for (let i = 0; i < trees.length; i++) this.dissolveTree(trees[i]!);
  }

  /**
   * Swaps the alternating path from S-vertex s up to its tree's root; s gets mate endpoint p
   * (-1: s becomes exposed and the root matched).
   */
  private flipToRoot(s: number, p: number): void {
    for (;;) {
      const bs = this.inBlossom[s]!;
      if (bs >= this.n) this.augmentBlossom(bs, s);
      this.mate[s] = p;
      if (this.labelEnd[bs] === -1) break;
      const t = this.endpoint[this.labelEnd[bs]!]!;
      const bt = this.inBlossom[t]!;
      s = this.endpoint[this.labelEnd[bt]!]!;
      const j = this.endpoint[this.labelEnd[bt]! ^ 1]!;
      if (bt >= this.n) this.augmentBlossom(bt, j);
      this.mate[j] = this.labelEnd[bt]!;
      p = this.labelEnd[bt]! ^ 1;
    }
  }

  /**
   * delta1: S-vertex v's dual reached 0. v becomes exposed (the path from v to its root is
   * flipped, so the root is matched instead) and the tree dissolves; v, exposed with dual 0,
   * satisfies complementary slackness and is never a root again.
   */
  private zeroDual(v: number): void {
    const tree = this.treeOf[this.inBlossom[v]!]!;
    if (this.mate[v] !== -1) this.flipToRoot(v, -1);
    this.roots--;
    this.dissolveTree(tree);
  }

  /** Unlabels every blossom of the tree rooted at `root` (now matched); the rest of the forest stays. */
  private dissolveTree(root: number): void {
    const list = this.treeMembers[root];
    this.treeMembers[root] = undefined;
    if (list === undefined) return;
    const epoch = ++this.epoch;
    const freed: number[] = [];
    const verts = this.dissolveBuf; // not leafBuf: expandBlossom below uses that
    let end = 0;
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (this.parent[b] !== -1 || this.treeOf[b] !== root || this.label[b] === FREE) continue;
      if (b >= this.n && this.base[b] === -1) continue;
      const l = this.label[b]!;
      const start = end;
      end = this.fillLeaves(b, verts, start);
      if (l === S) {
        for (let t = start; t < end; t++) {
          const v = verts[t]!;
          this.leftS[v] = epoch;
          if (!this.maxCardinality) this.d1.remove(v);
        }
      } else if (b >= this.n) this.d4.remove(b);
      this.relabel(b, FREE, verts, start, end);
      this.labelEnd[b] = -1;
      this.treeOf[b] = -1;
      if (l === S && b >= this.n) freed.push(b);
    }
    // As at the end of a stage of the classic algorithm: free S-blossoms with zero dual dissolve.
    for (let i = 0; i < freed.length; i++) {
      const b = freed[i]!;
      if (this.base[b] !== -1 && this.parent[b] === -1 && this.z[b] === 0) this.expandBlossom(b, true);
    }
    this.readyFree(verts, 0, end, true);
  }

  // ---- main loop ---------------------------------------------------------------------------

  /**
   * Scans the edges of S-vertex v: S–S edges go to delta3 (or, when tight, form a blossom or
   * augment at once); edges to T- and free blossoms are offered as their delta2 edge. A tight
   * edge to a free blossom whose base is exposed augments at once; any other edge to a free
   * blossom, tight or not, waits in delta2, so that tight S–S edges go first (see loop()).
   * The scan stops when v's tree is dissolved by an augmentation.
   */
  private scan(v: number): void {
    const adjEnd = this.adjStart[v + 1]!;
    const { adj, endpoint, inBlossom, label, y, weight } = this;
    // v stays S during its scan (or the scan stops), so its real dual is fixed: y - delta.
    const delta = this.delta;
    const yv = y[v]! - delta;
    let bv = inBlossom[v]!; // changes only when a tight S–S edge forms a blossom
    for (let a = this.adjStart[v]!; a < adjEnd; a++) {
      const p = adj[a]!;
      const w = endpoint[p]!;
      const bw = inBlossom[w]!;
      if (bv === bw) continue;
      const k = p >> 1;
      const lw = label[bw]!;
      const yw = lw === S ? y[w]! - delta : lw === T ? y[w]! + delta : y[w]!;
      const sl = yv + yw - 2 * weight[k]!;
      if (lw === S) {
        if (sl > 0) this.d3.push(sl + 2 * delta, k, this.epoch);
        else {
          this.tightSS(k);
          bv = inBlossom[v]!;
          if (label[bv] !== S) return; // v's tree was dissolved by an augmentation
        }
      } else if (lw === FREE && sl <= 0 && this.mate[this.base[bw]!] === -1) {
        this.augmentMatching(k); // dissolves v's tree
        return;
      } else this.offerBest(w, p ^ 1, sl, yw, lw === FREE);
    }
  }

  /** A tight edge between two S-blossoms: form a blossom (same tree) or augment (two trees). */
  private tightSS(k: number): void {
    const base = this.scanBlossom(this.endpoint[2 * k]!, this.endpoint[2 * k + 1]!);
    if (base >= 0) this.addBlossom(base, k);
    else this.augmentMatching(k);
  }

  private drainQueue(): void {
    while (this.queueLen > 0) {
      const v = this.queue[--this.queueLen]!;
      this.inQueue[v] = 0;
      if (this.label[this.inBlossom[v]!] === S) this.scan(v);
    }
  }

  /** Least delta2 candidate (vertex) after repairing stale entries, or -1. */
  private topD2(): number {
    const h = this.d2;
    while (h.size > 0) {
      const w = h.top();
      if (this.dirty[w] === 1 || !this.validBest(w)) {
        const sl = this.rescanBest(w);
        if (sl === INF) h.remove(w);
        else h.set(w, sl + this.delta);
        continue;
      }
      const exact = this.slack(this.bestS[w]! >> 1) + this.delta;
      if (exact !== h.keys[w]) {
        h.set(w, exact);
        if (exact > h.keys[h.top()]!) continue;
      }
      return w;
    }
    return -1;
  }

  /** Least valid delta3 edge (stale entries popped), or -1. */
  private topD3(): number {
    const h = this.d3;
    while (h.size > 0) {
      const k = h.topA();
      const e = h.topB();
      const i = this.endpoint[2 * k]!;
      const j = this.endpoint[2 * k + 1]!;
      const bi = this.inBlossom[i]!;
      const bj = this.inBlossom[j]!;
      if (
        bi !== bj &&
        this.label[bi] === S &&
        this.label[bj] === S &&
        this.leftS[i]! <= e &&
        this.leftS[j]! <= e
      ) {
        return k;
      }
      h.pop();
    }
    return -1;
  }

  run(): void {
    const n = this.n;
    for (let v = 0; v < n; v++) {
      if (this.mate[v] !== -1) continue;
      // Exposed vertices are roots, except (max-weight mode) those already at dual 0.
      if (!this.maxCardinality && this.y[v]! <= 0) continue;
      this.roots++;
      this.assignLabel(v, S, -1);
    }
    this.loop();
  }

  /**
   * After a max-weight run: all exposed vertices have dual 0 and every dual is >= 0, so they can
   * all become roots of the max-cardinality search (which never uses delta1).
   */
  continueWithMaxCardinality(): void {
    this.maxCardinality = true;
    this.d1.clear();
    for (let v = 0; v < this.n; v++) {
      if (this.mate[v] !== -1) continue;
      this.roots++;
      this.assignLabel(v, S, -1);
    }
    this.loop();
  }

  private loop(): void {
    for (;;) {
      this.drainQueue();
      if (this.roots === 0) break;
      // Ties go to delta3 (as in LEMON): a tight S–S edge shrinks a blossom or augments between
      // small trees before any tree grows through a free blossom. Growing first (depth-first, as
      // a scan would if it labelled tight free neighbours at once) builds trees that span long
      // chains and are dissolved at every augmentation: Θ(n²) scans on chains of unit triangles
      // started without the greedy matching.
      let type = 0;
      let best = INF;
      const k3 = this.topD3();
      if (k3 !== -1) {
        best = (this.d3.topKey() - 2 * this.delta) / 2;
        type = 3;
      }
      if (!this.maxCardinality && this.d1.size > 0) {
        const d = this.d1.topKey() - this.delta;
        if (d < best) {
          best = d;
          type = 1;
        }
      }
      const w2 = this.topD2();
      if (w2 !== -1) {
        const d = this.d2.keys[w2]! - this.delta;
        if (d < best) {
          best = d;
          type = 2;
        }
      }
      if (this.d4.size > 0) {
        const d = this.d4.topKey() - this.delta;
        if (d < best) {
          best = d;
          type = 4;
        }
      }
      if (type === 0) break; // max-cardinality: no further progress possible
      if (best > 0) this.delta += best;
      if (type === 1) this.zeroDual(this.d1.top());
      else if (type === 2) {
        const p = this.bestS[w2]!;
        if (this.mate[this.base[this.inBlossom[w2]!]!] === -1) this.augmentMatching(p >> 1);
        else this.assignLabel(w2, T, p);
      } else if (type === 3) {
        this.d3.pop();
        this.tightSS(k3);
      } else this.expandBlossom(this.d4.top(), false);
    }
  }

  state(): SolverState {
    const n = this.n;
    const y = new Float64Array(n);
    for (let v = 0; v < n; v++) y[v] = this.yOf(v);
    const z = new Float64Array(2 * n);
    for (let b = n; b < 2 * n; b++) if (this.base[b] !== -1) z[b] = this.zOf(b);
    return {
      y,
      mate: this.mate,
      parent: this.parent,
      base: this.base,
      z,
      childs: this.childs,
      endps: this.endps,
    };
  }

  /**
   * Members of every live blossom, sorted, indexed b - n (null for unused ids). Each vertex, in
   * increasing order, is appended to every blossom on its parent chain: O(sum of blossom sizes)
   * without per-blossom traversals or sorts (nested blossoms can be hundreds deep).
   */
  private sortedMembers(): (Int32Array | null)[] {
    const n = this.n;
    const parent = this.parent;
    const size = new Int32Array(n);
    for (let v = 0; v < n; v++) for (let b = parent[v]!; b !== -1; b = parent[b]!) size[b - n]!++;
    const lists: (Int32Array | null)[] = new Array(n).fill(null);
    for (let b = n; b < 2 * n; b++) if (this.base[b] !== -1) lists[b - n] = new Int32Array(size[b - n]!);
    size.fill(0); // reused as fill cursors
    for (let v = 0; v < n; v++) {
      for (let b = parent[v]!; b !== -1; b = parent[b]!) lists[b - n]![size[b - n]!++] = v;
    }
    return lists;
  }

  /** The result for the original weights (`shift` = L of shiftForCardinality, or 0). */
  result(weights: Float64Array, shift: number): MatchingResult {
    const n = this.n;
    const mate = new Int32Array(n).fill(-1);
    const pairs: [number, number][] = [];
    let weight = 0;
    for (let v = 0; v < n; v++) {
      const p = this.mate[v]!;
      if (p === -1) continue;
      const w = this.endpoint[p]!;
      mate[v] = w;
      if (v < w) {
        pairs.push([v, w]);
        weight += weights[p >> 1]!;
      }
    }
    const vertex = new Float64Array(n);
    for (let v = 0; v < n; v++) vertex[v] = (this.yOf(v) - shift) / 2;
    const blossoms: DualBlossom[] = [];
    const index = new Int32Array(2 * n).fill(-1);
    const memberLists = this.sortedMembers();
    for (let b = n; b < 2 * n; b++) {
      if (this.base[b] === -1) continue;
      index[b] = blossoms.length;
      blossoms.push({ members: memberLists[b - n]!, dual: this.zOf(b), parent: -1 });
    }
    for (let b = n; b < 2 * n; b++) {
      if (index[b] === -1) continue;
      const p = this.parent[b]!;
      blossoms[index[b]!]!.parent = p === -1 ? -1 : index[p]!;
    }
    const result: MatchingResult = { pairs, weight, mate, duals: { vertex, blossoms } };
    if (this.maxCardinality) {
      const barrier: number[] = [];
      for (let v = 0; v < n; v++) if (this.label[this.inBlossom[v]!] === T) barrier.push(v);
      result.duals.barrier = Int32Array.from(barrier);
    }
    return result;
  }
}

/**
 * Public types of the matching engine. The verifier (verify-optimality.ts) shares only these types
 * with the solver.
 */

/** An undirected edge `[u, v, w]`: non-negative integer vertex ids and a finite weight. */
export type Edge = readonly [u: number, v: number, w: number];

export interface MatchingOptions {
  /**
   * When true, return the heaviest matching among those of maximum cardinality (negative edges may
   * then be used). When false (default), return a maximum-weight matching of any cardinality.
   */
  maxCardinality?: boolean;
}

/** A blossom of the final dual solution: an odd set of vertices with its dual variable z_B >= 0. */
export interface DualBlossom {
  /** Vertex ids in the blossom (all leaves, sorted ascending); always an odd number >= 3. */
  members: Int32Array;
  /** The LP dual z_B (>= 0). */
  dual: number;
  /** Index into `MatchingDuals.blossoms` of the smallest enclosing blossom, or -1 if outermost. */
  parent: number;
}

/**
 * The dual solution of the matching LP (Edmonds' odd-set formulation):
 *
 *   minimise  sum_v u_v + sum_B z_B * (|B|-1)/2
 *   s.t.      u_i + u_j + sum_{B contains i and j} z_B >= w_ij   for every edge (i, j)
 *             z_B >= 0; u_v >= 0 (relaxed to u_v >= c for the max-cardinality certificate)
 *
 * `vertex[v]` is u_v (indexed by vertex id). `blossoms` is a laminar family (every blossom the
 * solver still holds, nested ones included). With integer weights all values are multiples of 1/2
 * and exact.
 */
export interface MatchingDuals {
  vertex: Float64Array;
  blossoms: DualBlossom[];
  /**
   * Only with `maxCardinality`: a Tutte–Berge witness set X (sorted vertex ids). The number of odd
   * connected components of G - X (counting every vertex id 0..mate.length-1, isolated ones too),
   * o(G - X), satisfies |M| = (|V| + |X| - o(G - X)) / 2, which proves M has maximum cardinality.
   */
  barrier?: Int32Array;
}

export interface MatchingResult {
  /** Matched pairs `[u, v]` with u < v, sorted by u. */
  pairs: [number, number][];
  /** Total weight of the matched edges. */
  weight: number;
  /** mate[v] = partner of v or -1; length = max vertex id + 1 (0 for no edges). */
  mate: Int32Array;
  duals: MatchingDuals;
}

export type Verification = { ok: true } | { ok: false; reasons: string[] };

/** A complete graph on 0..n-1 described by a score function instead of an edge list. */
export interface CompleteGraphProblem {
  /** Vertices are 0..n-1. */
  n: number;
  /**
   * Weight of the pair (u, v), or null when the pair is forbidden (e.g. same country). Called with
   * u < v only; it must be deterministic (the same pair always scores the same).
   */
  score: (u: number, v: number) => number | null;
  /** k: how many best partners per vertex go into the sparse start graph (default 20). */
  candidatesPerVertex?: number;
  maxCardinality?: boolean;
  /**
   * The same scores as `score`, stored: when given, the candidate sweep (the one pass that looks at
   * every pair) reads them from this array instead of calling `score` n(n−1)/2 times; `score` is
   * still used for the few pairs pricing looks at. The result is the same either way.
   */
  triangle?: ScoreTriangle;
  /**
   * Step 1 done by the caller: a CandidateSweep (candidate-sweep.ts) for n and candidatesPerVertex
   * that was offered every allowed pair with its score, in the order u ascending, then v ascending
   * (a caller who scores every pair anyway spares the engine its own pass). The engine then skips
   * its pass; the result is the same as without it.
   */
  candidates?: CandidateLists;
}

/** Each vertex's best partners (candidate-sweep.ts): heap entries i·k .. i·k + count[i]. */
export interface CandidateLists {
  readonly n: number;
  readonly k: number;
  readonly heapW: Float64Array;
  readonly heapV: Int32Array;
  readonly count: Int32Array;
}

/**
 * Scores of every pair of 0..n−1 as an upper triangle, row by row: the value of (u, v), u < v, is
 * values[rowStart[u] + v − u − 1]; the pair scores value + offset when value ≥ floor, and is
 * forbidden otherwise (score returns null). Integer values, so no validation is needed.
 */
export interface ScoreTriangle {
  values: Int16Array | Int32Array;
  rowStart: Float64Array;
  offset: number;
  floor: number;
}

export interface CertifiedMatching extends MatchingResult {
  /** True when the duals were priced against every allowed pair and no pair violates them. */
  certified: boolean;
  /** How many full pricing passes over all n(n-1)/2 pairs were made. */
  pricingRounds: number;
  /** Edges in the final sparse graph the matching was solved on. */
  edgesUsed: number;
}

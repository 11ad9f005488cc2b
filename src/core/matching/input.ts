/**
 * Input validation and the compact graph the solver works on: edge endpoint arrays plus a CSR
 * adjacency list of "remote endpoints" (edge k has endpoints 2k -> u and 2k+1 -> v, so for an
 * endpoint p the other end is p ^ 1; this is the encoding of van Rantwijk's mwmatching).
 */
import { MatchingInputError } from './errors';
import type { Edge } from './types';

/** Largest accepted vertex id + 1: arrays are indexed by vertex id (and by 2n for blossoms). */
export const MAX_VERTICES = 1 << 28;

export interface MatchingGraph {
  /** Number of vertex ids: max id + 1 (0 when there are no edges). */
  n: number;
  /** Number of edges kept (self-loops dropped). */
  m: number;
  /** endpoint[p] = vertex at endpoint p; edge k = (endpoint[2k], endpoint[2k+1]). */
  endpoint: Int32Array;
  weight: Float64Array;
  /** adjacency of v: remote endpoints adj[adjStart[v] .. adjStart[v+1]). */
  adjStart: Int32Array;
  adj: Int32Array;
  /** max(0, heaviest incident weight) per vertex (the greedy start's initial doubled dual). */
  heaviest: Float64Array;
  /** True when every weight is an integer (then the solver is exact). */
  integral: boolean;
  maxWeight: number;
  maxAbsWeight: number;
}

const describe = (edge: unknown): string => {
  try {
    return JSON.stringify(edge) ?? String(edge);
  } catch {
    return String(edge);
  }
};

function badId(fn: string, k: number, edge: unknown, id: unknown): never {
  if (typeof id === 'number' && Number.isInteger(id) && id >= MAX_VERTICES) {
    throw new MatchingInputError(
      `${fn}: edge ${k} (${describe(edge)}) has vertex id ${id} >= ${MAX_VERTICES}`,
    );
  }
  throw new MatchingInputError(
    `${fn}: edge ${k} (${describe(edge)}) has vertex id ${describe(id)}; ids must be non-negative integers`,
  );
}

/**
 * Validates `edges` and builds the solver graph. Throws MatchingInputError (message prefixed with
 * `fn`) for non-array input, malformed edges, bad ids, non-finite weights and duplicate pairs.
 */
export function buildGraph(edges: readonly Edge[], fn: string): MatchingGraph {
  if (!Array.isArray(edges)) throw new MatchingInputError(`${fn}: edges must be an array of [u, v, w]`);
  // One pass validates and copies (reading the JS arrays is the costly part).
  const cap = edges.length;
  const eu = new Int32Array(cap);
  const ev = new Int32Array(cap);
  const weight = new Float64Array(cap);
  const origIndex = new Int32Array(cap);
  const nm = new Int32Array(2); // n, m
  copyEdges(edges, fn, eu, ev, weight, origIndex, nm);
  const n = nm[0]!;
  const m = nm[1]!;
  const graph = graphFromArrays(n, eu, ev, weight, m);
  checkDuplicates(graph, edges, fn, origIndex);
  return graph;
}

function copyEdges(
  edges: readonly Edge[],
  fn: string,
  eu: Int32Array,
  ev: Int32Array,
  weight: Float64Array,
  origIndex: Int32Array,
  nm: Int32Array,
): void {
  let n = 0;
  let m = 0;
  // The checks are written inline (no helper calls per edge): the first solve in a process runs
  // this loop in V8's interpreter, where every call costs more than the check itself. A vertex id
  // is valid when `(x | 0) === x` (an integer below 2^31) and 0 <= x < MAX_VERTICES; a weight
  // when `w - w === 0` (finite: Infinity - Infinity and NaN - NaN are NaN).
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k] as unknown as unknown[];
    if (!Array.isArray(e) || e.length !== 3) {
      throw new MatchingInputError(`${fn}: edge ${k} (${describe(e)}) is not a [u, v, w] triple`);
    }
    const u = e[0] as number;
    const v = e[1] as number;
    const w = e[2] as number;
    if (typeof u !== 'number' || (u | 0) !== u || u < 0 || u >= MAX_VERTICES) badId(fn, k, e, u);
    if (typeof v !== 'number' || (v | 0) !== v || v < 0 || v >= MAX_VERTICES) badId(fn, k, e, v);
    if (typeof w !== 'number' || w - w !== 0) {
      throw new MatchingInputError(
        `${fn}: edge ${k} (${describe(e)}) has weight ${describe(w)}; weights must be finite numbers`,
      );
    }
    if (u === v) continue;
    eu[m] = u;
    ev[m] = v;
    weight[m] = w;
    origIndex[m] = k;
    m++;
    if (u >= n) n = u + 1;
    if (v >= n) n = v + 1;
  }
  nm[0] = n;
  nm[1] = m;
}

/** Throws for a repeated vertex pair (neighbours of each vertex are marked with a stamp). */
function checkDuplicates(
  graph: MatchingGraph,
  edges: readonly Edge[],
  fn: string,
  origIndex: Int32Array,
): void {
  const n = graph.n;
  const { endpoint, adjStart, adj } = graph;
  const seenBy = new Int32Array(n).fill(-1);
  const seenEdge = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let a = adjStart[v]!; a < adjStart[v + 1]!; a++) {
      const p = adj[a]!;
      const x = endpoint[p]!;
      if (seenBy[x] === v) {
        const first = origIndex[seenEdge[x]!]!;
        const second = origIndex[p >> 1]!;
        const [i, j] = first < second ? [first, second] : [second, first];
        throw new MatchingInputError(
          `${fn}: edge ${j} (${describe(edges[j])}) duplicates edge ${i} (${describe(edges[i])}); each vertex pair may appear once`,
        );
      }
      seenBy[x] = v;
      seenEdge[x] = p >> 1;
    }
  }
}

/** Builds the solver graph from edge arrays (no validation; pairs must be distinct, u != v). */
export function graphFromArrays(
  n: number,
  eu: Int32Array,
  ev: Int32Array,
  weight: Float64Array,
  m: number,
): MatchingGraph {
  const endpoint = new Int32Array(2 * m);
  const w = weight.length === m ? weight : weight.slice(0, m);
  const degree = new Int32Array(n + 1);
  // One function per pass, so that each is optimised with complete type feedback.
  const stats = new Float64Array(3); // integral (1/0), max weight, max |weight|
  const heaviest = new Float64Array(n);
  fillEndpoints(m, eu, ev, w, endpoint, degree, heaviest, stats);
  const adjStart = new Int32Array(n + 1);
  const adj = new Int32Array(2 * m);
  fillAdjacency(n, m, endpoint, degree, adjStart, adj);
  return {
    n,
    m,
    endpoint,
    weight: w,
    adjStart,
    adj,
    heaviest,
    integral: stats[0] === 1,
    maxWeight: m > 0 ? stats[1]! : 0,
    maxAbsWeight: stats[2]!,
  };
}

function fillEndpoints(
  m: number,
  eu: Int32Array,
  ev: Int32Array,
  w: Float64Array,
  endpoint: Int32Array,
  degree: Int32Array,
  heaviest: Float64Array,
  stats: Float64Array,
): void {
  let integral = true;
  let maxWeight = Number.NEGATIVE_INFINITY;
  let maxAbsWeight = 0;
  for (let k = 0; k < m; k++) {
    const u = eu[k]!;
    const v = ev[k]!;
    const x = w[k]!;
    endpoint[2 * k] = u;
    endpoint[2 * k + 1] = v;
    if (integral && !Number.isInteger(x)) integral = false;
    if (x > maxWeight) maxWeight = x;
    const ax = Math.abs(x);
    if (ax > maxAbsWeight) maxAbsWeight = ax;
    degree[u]!++;
    degree[v]!++;
    if (x > heaviest[u]!) heaviest[u] = x;
    if (x > heaviest[v]!) heaviest[v] = x;
  }
  stats[0] = integral ? 1 : 0;
  stats[1] = maxWeight;
  stats[2] = maxAbsWeight;
}

function fillAdjacency(
  n: number,
  m: number,
  endpoint: Int32Array,
  degree: Int32Array,
  adjStart: Int32Array,
  adj: Int32Array,
): void {
  for (let v = 0; v < n; v++) adjStart[v + 1] = adjStart[v]! + degree[v]!;
  const fill = degree; // reused as the fill cursor
  for (let v = 0; v < n; v++) fill[v] = adjStart[v]!;
  for (let e = 0; e < m; e++) {
    adj[fill[endpoint[2 * e]!]!++] = 2 * e + 1;
    adj[fill[endpoint[2 * e + 1]!]!++] = 2 * e;
  }
}

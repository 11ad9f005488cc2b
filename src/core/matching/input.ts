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

const isVertexId = (id: unknown): id is number =>
  typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < MAX_VERTICES;

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
  let n = 0;
  let m = 0;
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k] as unknown;
    if (!Array.isArray(e) || e.length !== 3) {
      throw new MatchingInputError(`${fn}: edge ${k} (${describe(e)}) is not a [u, v, w] triple`);
    }
    const u = e[0] as unknown;
    const v = e[1] as unknown;
    const w = e[2] as unknown;
    if (!isVertexId(u)) badId(fn, k, e, u);
    if (!isVertexId(v)) badId(fn, k, e, v);
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      throw new MatchingInputError(
        `${fn}: edge ${k} (${describe(e)}) has weight ${describe(w)}; weights must be finite numbers`,
      );
    }
    if (u === v) continue;
    m++;
    if ((u as number) + 1 > n) n = (u as number) + 1;
    if ((v as number) + 1 > n) n = (v as number) + 1;
  }

  const eu = new Int32Array(m);
  const ev = new Int32Array(m);
  const weight = new Float64Array(m);
  const origIndex = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i] as Edge;
    if (e[0] === e[1]) continue;
    eu[k] = e[0];
    ev[k] = e[1];
    weight[k] = e[2];
    origIndex[k] = i;
    k++;
  }
  const graph = graphFromArrays(n, eu, ev, weight, m);
  const { endpoint, adjStart, adj } = graph;
  // Duplicate pairs: mark neighbours of each vertex with a stamp.
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
  return graph;
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
    if (Math.abs(x) > maxAbsWeight) maxAbsWeight = Math.abs(x);
    degree[u]!++;
    degree[v]!++;
  }
  const adjStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) adjStart[v + 1] = adjStart[v]! + degree[v]!;
  const fill = adjStart.slice(0, n);
  const adj = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    adj[fill[endpoint[2 * e]!]!++] = 2 * e + 1;
    adj[fill[endpoint[2 * e + 1]!]!++] = 2 * e;
  }
  return {
    n,
    m,
    endpoint,
    weight: w,
    adjStart,
    adj,
    integral,
    maxWeight: m > 0 ? maxWeight : 0,
    maxAbsWeight,
  };
}

/**
 * Input validation: the edge list becomes typed arrays (ids, weights) with every malformed edge
 * reported by index and content; the solver graph (CSR adjacency, weight statistics, the check
 * for repeated pairs) is then built inside the WebAssembly module (engine.ts, loadGraph).
 */
import { loadGraph, type MatchingGraph } from './engine';
import { MatchingInputError } from './errors';
import type { Edge } from './types';

export type { MatchingGraph } from './engine';

/** Largest accepted vertex id + 1: arrays are indexed by vertex id (and by 2n for blossoms). */
export const MAX_VERTICES = 1 << 28;

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
  const nm = new Int32Array(2); // n, m
  copyEdges(edges, fn, eu, ev, weight, nm);
  const { graph, duplicate } = loadGraph(nm[0]!, eu, ev, weight, nm[1]!);
  if (duplicate !== undefined) throwDuplicate(edges, fn, duplicate.first, duplicate.second);
  return graph;
}

function copyEdges(
  edges: readonly Edge[],
  fn: string,
  eu: Int32Array,
  ev: Int32Array,
  weight: Float64Array,
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
    m++;
    if (u >= n) n = u + 1;
    if (v >= n) n = v + 1;
  }
  nm[0] = n;
  nm[1] = m;
}

/** Throws for a repeated vertex pair: kept edges `a` and `b` (self-loops are not kept). */
function throwDuplicate(edges: readonly Edge[], fn: string, a: number, b: number): never {
  // Original index of each kept edge: count the edges that are not self-loops (error path only).
  let first = -1;
  let second = -1;
  for (let k = 0, kept = 0; k < edges.length; k++) {
    if (edges[k]![0] === edges[k]![1]) continue;
    if (kept === a) first = k;
    if (kept === b) second = k;
    kept++;
  }
  const [i, j] = first < second ? [first, second] : [second, first];
  throw new MatchingInputError(
    `${fn}: edge ${j} (${describe(edges[j])}) duplicates edge ${i} (${describe(edges[i])}); each vertex pair may appear once`,
  );
}

/** The solver graph from edge arrays (no validation; pairs must be distinct, u != v). */
export function graphFromArrays(
  n: number,
  eu: Int32Array,
  ev: Int32Array,
  weight: Float64Array,
  m: number,
): MatchingGraph {
  return loadGraph(n, eu, ev, weight, m).graph;
}

/**
 * Step 1 of maxWeightMatchingComplete (complete-graph.ts): each vertex's k best allowed partners,
 * whose union is the sparse start graph, from one pass over every pair.
 *
 * Each vertex keeps a size-k min-heap in typed arrays (its root, the k-th best score so far, is
 * the vertex's gate); a pair is offered to an endpoint only when it beats that endpoint's gate.
 * Pairs must be offered in the order u ascending, then v ascending (u < v): that order decides
 * which of several equal scores stay in a full heap, so the same offers in the same order give
 * the same start graph. Which start graph is used never affects optimality (pricing checks every
 * pair against the duals), only which of several optimal matchings is found, so a caller who
 * scores every pair anyway may feed the sweep itself (CompleteGraphProblem.candidates) and spare
 * the engine a second pass; it then gets exactly the result the engine's own pass would give.
 */
import { MatchingInputError } from './errors';
import type { CandidateLists, CompleteGraphProblem, ScoreTriangle } from './types';

const FN = 'maxWeightMatchingComplete';

export class CandidateSweep implements CandidateLists {
  /** Partners kept per vertex: candidatesPerVertex, at most n − 1 (and at least 1). */
  readonly k: number;
  readonly heapW: Float64Array;
  readonly heapV: Int32Array;
  readonly count: Int32Array;
  /** The k-th best score offered to each vertex so far (−∞ until its heap is full). */
  readonly gate: Float64Array;

  constructor(
    readonly n: number,
    candidatesPerVertex: number,
  ) {
    this.k = Math.min(candidatesPerVertex, Math.max(1, n - 1));
    this.heapW = new Float64Array(n * this.k);
    this.heapV = new Int32Array(n * this.k);
    this.count = new Int32Array(n);
    this.gate = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  }

  /** The allowed pair (u, v), u < v, with score s (a finite number); see the header for the order. */
  offer(u: number, v: number, s: number): void {
    if (s > this.gate[u]!) this.push(u, v, s);
    if (s > this.gate[v]!) this.push(v, u, s);
  }

  /** Offers partner y with score s to x's heap (its root is the k-th best). */
  private push(x: number, y: number, s: number): void {
    const { k, heapW, heapV, count } = this;
    const o = x * k;
    let c = count[x]!;
    let i: number;
    if (c < k) {
      i = c;
      count[x] = ++c;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapW[o + p]! <= s) break;
        heapW[o + i] = heapW[o + p]!;
        heapV[o + i] = heapV[o + p]!;
        i = p;
      }
    } else {
      if (s <= heapW[o]!) return;
      i = 0;
      for (;;) {
        let ch = 2 * i + 1;
        if (ch >= k) break;
        if (ch + 1 < k && heapW[o + ch + 1]! < heapW[o + ch]!) ch++;
        if (heapW[o + ch]! >= s) break;
        heapW[o + i] = heapW[o + ch]!;
        heapV[o + i] = heapV[o + ch]!;
        i = ch;
      }
    }
    heapW[o + i] = s;
    heapV[o + i] = y;
    if (c === k) this.gate[x] = heapW[o]!;
  }
}

/** The engine's own pass: every pair through `score`, each score checked. */
export function sweepScores(sweep: CandidateSweep, score: CompleteGraphProblem['score']): void {
  const { n, gate } = sweep;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = score(i, j);
      if (s === null) continue;
      if (!(s > gate[i]! || s > gate[j]!)) {
        if (typeof s !== 'number' || s - s !== 0) checkScore(s, i, j);
        continue;
      }
      checkScore(s, i, j);
      sweep.offer(i, j, s);
    }
  }
}

/** The same pass over stored scores: a typed-array read per pair instead of a call. */
export function sweepTriangle(sweep: CandidateSweep, triangle: ScoreTriangle): void {
  const { values, rowStart, offset, floor } = triangle;
  const n = sweep.n;
  for (let i = 0; i < n; i++) {
    const base = rowStart[i]! - i - 1;
    for (let j = i + 1; j < n; j++) {
      const value = values[base + j]!;
      if (value >= floor) sweep.offer(i, j, value + offset);
    }
  }
}

export function checkScore(s: number | null, i: number, j: number): void {
  if (s !== null && (typeof s !== 'number' || !Number.isFinite(s))) {
    throw new MatchingInputError(
      `${FN}: score(${i}, ${j}) returned ${String(s)}; expected a finite number or null`,
    );
  }
}

/** The start graph: edges (eu[e] < ev[e], weight w[e]) for e < m, in arrays with room for more. */
export interface StartGraph {
  eu: Int32Array;
  ev: Int32Array;
  w: Float64Array;
  m: number;
  /** Upper bound on the score of every allowed pair (i, j) NOT among i's candidates (see below). */
  kth: Float64Array;
}

/**
 * The union of the top-k lists as edges, each pair once, in the order the lists give them (vertex
 * i ascending, then i's heap order; a pair (i, j), j < i, that j listed too was added from j's
 * list), and kth[i]: an upper bound on the score of every allowed pair (i, j) that is NOT among
 * i's candidates (the k-th best score, or −∞ when i has fewer than k allowed partners, all of them
 * candidates). Whether j listed i is looked up in the reverse lists (who listed i among the
 * vertices before it): O(n k) in all, written straight into typed arrays.
 */
export function collectCandidates(sweep: CandidateLists): StartGraph {
  const { n, k, heapW, heapV, count } = sweep;
  // listedBy[listedStart[i] .. listedStart[i + 1]): the vertices j < i whose lists hold i.
  const listedStart = new Int32Array(n + 1);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const c = count[j]!;
    total += c;
    for (let t = j * k; t < j * k + c; t++) {
      const i = heapV[t]!;
      if (i > j) listedStart[i + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) listedStart[i + 1]! += listedStart[i]!;
  const listedBy = new Int32Array(listedStart[n]!);
  const fill = listedStart.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let t = j * k; t < j * k + count[j]!; t++) {
      const i = heapV[t]!;
      if (i > j) listedBy[fill[i]!++] = j;
    }
  }
  const capacity = Math.max(1024, total);
  const eu = new Int32Array(capacity);
  const ev = new Int32Array(capacity);
  const w = new Float64Array(capacity);
  let m = 0;
  const listedI = new Int32Array(n).fill(-1);
  const kth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = listedStart[i]!; t < listedStart[i + 1]!; t++) listedI[listedBy[t]!] = i;
    const c = count[i]!;
    for (let t = i * k; t < i * k + c; t++) {
      const j = heapV[t]!;
      if (j < i) {
        if (listedI[j] === i) continue;
        eu[m] = j;
        ev[m] = i;
      } else {
        eu[m] = i;
        ev[m] = j;
      }
      w[m++] = heapW[t]!;
    }
    kth[i] = c < k ? Number.NEGATIVE_INFINITY : heapW[i * k]!;
  }
  return { eu, ev, w, m, kth };
}

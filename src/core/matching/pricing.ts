/**
 * Step 3 of maxWeightMatchingComplete (complete-graph.ts): pricing every allowed pair outside the
 * sparse graph against the solver's duals. The blossom sums are a class rather than a closure made
 * per round, so the optimised pricing loop keeps its call targets from one round (and one match
 * run) to the next.
 */
import { checkScore } from './candidate-sweep';
import type { SolverState } from './max-weight-matching';
import type { CompleteGraphProblem } from './types';

/**
 * "Sum of z over blossoms containing both i and j", from the solver's final state (parent links of
 * vertices and blossoms, real blossom duals): O(n) to set up, no member lists needed.
 */
export class BlossomSums {
  private readonly parent: Int32Array;
  private readonly depth: Int32Array;
  private readonly zsum: Float64Array;

  constructor(state: SolverState, n: number) {
    const { parent, base, z } = state;
    const depth = new Int32Array(2 * n).fill(-1);
    const zsum = new Float64Array(2 * n);
    const chain = new Int32Array(n + 1);
    for (let b = n; b < 2 * n; b++) {
      if (base[b] === -1 || depth[b] !== -1) continue;
      let len = 0;
      let x = b;
      while (x !== -1 && depth[x] === -1) {
        chain[len++] = x;
        x = parent[x]!;
      }
      let d = x === -1 ? -1 : depth[x]!;
      let zs = x === -1 ? 0 : zsum[x]!;
      while (len > 0) {
        const c = chain[--len]!;
        depth[c] = ++d;
        zs += z[c]!;
        zsum[c] = zs;
      }
    }
    this.parent = parent;
    this.depth = depth;
    this.zsum = zsum;
  }

  between(i: number, j: number): number {
    const { parent, depth } = this;
    let x = parent[i]!;
    let y = parent[j]!;
    if (x === -1 || y === -1) return 0;
    while (depth[x]! > depth[y]!) x = parent[x]!;
    while (depth[y]! > depth[x]!) y = parent[y]!;
    while (x !== y) {
      x = parent[x]!;
      y = parent[y]!;
      if (x === -1 || y === -1) return 0;
    }
    return this.zsum[x]!;
  }
}

/** Where a pricing pass lists what it found (the caller resets vioJ to −1 and vioS to 0). */
export interface Violators {
  /** Violated and tight pairs outside the graph, at most cap. */
  cap: number;
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
  /** Each vertex's most violated pair: partner (−1: none), slack, score. */
  j: Int32Array;
  s: Float64Array;
  sw: Float64Array;
}

/**
 * One pricing pass over the vertices sorted by dual (order, with their duals and kth bounds in
 * that order). Returns how many pairs it listed and how many violate.
 */
export function pricePairs(
  n: number,
  order: number[],
  sortedU: Float64Array,
  sortedKth: Float64Array,
  problem: Pick<CompleteGraphProblem, 'score' | 'triangle'>,
  tol: number,
  zBoth: BlossomSums,
  vio: Violators,
): { listed: number; violated: number } {
  const { cap, a: vioA, b: vioB, w: vioWs, j: vioJ, s: vioS, sw: vioW } = vio;
  // Stored scores are read in place (no call per pair); otherwise through the checked function.
  const { score, triangle } = problem;
  const values = triangle?.values;
  const rowStart = triangle?.rowStart;
  const offset = triangle?.offset ?? 0;
  const floor = triangle?.floor ?? 0;
  let listed = 0;
  let violated = 0;
  // Each unordered pair is looked at once, from its endpoint earlier in dual order: then
  // u_i <= u_j, and the partners j that can violate form a run right after i.
  for (let a = 0; a < n; a++) {
    const ui = sortedU[a]!;
    const limit = sortedKth[a]! - tol - ui; // need u_j < limit
    for (let b = a + 1; b < n; b++) {
      const uj = sortedU[b]!;
      if (!(uj < limit)) break;
      if (!(ui + uj < sortedKth[b]! - tol)) continue;
      const oi = order[a]!;
      const oj = order[b]!;
      const i = Math.min(oi, oj);
      const j = Math.max(oi, oj);
      let s: number;
      if (values !== undefined) {
        const value = values[rowStart![i]! + j - i - 1]!;
        if (value < floor) continue;
        s = value + offset;
      } else {
        const scored = score(i, j);
        if (scored === null) continue;
        checkScore(scored, i, j);
        s = scored;
      }
      if (ui + uj > s + tol) continue;
      const slack = ui + uj + zBoth.between(i, j) - s;
      if (slack > tol) continue;
      // Tight pairs are listed too (added only if the round has violators): with many equal
      // scores they tend to be the next round's violators.
      if (listed < cap) {
        vioA[listed] = i;
        vioB[listed] = j;
        vioWs[listed] = s;
        listed++;
      }
      if (slack >= -tol) continue;
      violated++;
      if (vioJ[i] === -1 || slack < vioS[i]!) {
        vioJ[i] = j;
        vioS[i] = slack;
        vioW[i] = s;
      }
      if (vioJ[j] === -1 || slack < vioS[j]!) {
        vioJ[j] = i;
        vioS[j] = slack;
        vioW[j] = s;
      }
    }
  }
  return { listed, violated };
}

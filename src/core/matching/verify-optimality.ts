/**
 * Independent optimality check of a matching result against the LP dual (Edmonds' odd-set
 * formulation). Shares nothing with the solver but the public types: it rebuilds the edge set,
 * the laminar blossom tree and the barrier components itself.
 *
 * A result is certified optimal when
 *  1. `mate`/`pairs`/`weight` describe a matching that uses only graph edges;
 *  2. dual feasibility: slack(i, j) = u_i + u_j + sum_{B ∋ i, j} z_B - w_ij >= 0 on every edge;
 *  3. matched edges are tight (slack 0);
 *  4. blossoms are odd sets (>= 3 vertices) forming a laminar family with z_B >= 0, and each
 *     blossom with z_B > 0 is full: it holds (|B| - 1) / 2 matched edges;
 *  5. without maxCardinality: u_v >= 0 and u_v = 0 for every exposed vertex (then 1-4 are the
 *     complementary slackness conditions, so M is a maximum-weight matching);
 *     with maxCardinality: every exposed vertex has the same dual c and u_v >= c for all v (so M
 *     is maximum-weight for weights w - 2c, hence heaviest among matchings of its size), and the
 *     Tutte–Berge witness `duals.barrier` X proves |M| = (|V| + |X| - odd(G - X)) / 2 is maximum.
 *
 * Integer weights are checked exactly (all duals are multiples of 1/2); with fractional weights
 * the tolerance is 1e-9 * max(1, max |w|).
 */
import type { Edge, MatchingOptions, MatchingResult, Verification } from './types';

const MAX_REASONS = 20;

export function verifyOptimality(
  edges: readonly Edge[],
  result: MatchingResult,
  options: MatchingOptions = {},
): Verification {
  const reasons: string[] = [];
  const fail = (msg: string): void => {
    if (reasons.length < MAX_REASONS) reasons.push(msg);
    else if (reasons.length === MAX_REASONS) reasons.push('... (further reasons omitted)');
  };
  const mate = result.mate;
  const nv = mate.length;
  const u = result.duals.vertex;
  let integral = true;
  let maxAbs = 0;
  for (const e of edges) {
    if (!Number.isInteger(e[2])) integral = false;
    maxAbs = Math.max(maxAbs, Math.abs(e[2]));
  }
  const tol = integral ? 0 : 1e-9 * Math.max(1, maxAbs);

  // ---- 1. the matching ------------------------------------------------------------------------
  if (u.length < nv) fail(`duals: vertex duals cover ${u.length} vertices but mate has ${nv}`);
  // Pair keys a * nv + b are exact while nv^2 < 2^53; beyond that fall back to strings.
  const weightOf = new Map<number | string, number>();
  const exactKeys = nv <= 2 ** 26;
  const key = (a: number, b: number): number | string =>
    exactKeys ? (a < b ? a * nv + b : b * nv + a) : a < b ? `${a},${b}` : `${b},${a}`;
  for (let k = 0; k < edges.length; k++) {
    const [a, b, w] = edges[k]!;
    if (a === b) continue;
    if (a >= nv || b >= nv) {
      fail(`edge ${k} (${a}, ${b}) has a vertex outside mate (length ${nv})`);
      continue;
    }
    weightOf.set(key(a, b), w);
  }
  let matchedWeight = 0;
  let matchedCount = 0;
  for (let v = 0; v < nv; v++) {
    const m = mate[v]!;
    if (m === -1) continue;
    if (m < 0 || m >= nv || m === v) {
      fail(`mate[${v}] = ${m} is not a vertex`);
      continue;
    }
    if (mate[m] !== v) fail(`mate is not symmetric: mate[${v}] = ${m} but mate[${m}] = ${mate[m]}`);
    if (v < m) {
      const w = weightOf.get(key(v, m));
      if (w === undefined) fail(`matched pair (${v}, ${m}) is not an edge of the graph`);
      else matchedWeight += w;
      matchedCount++;
    }
  }
  if (result.pairs.length !== matchedCount) {
    fail(`pairs lists ${result.pairs.length} pairs but mate has ${matchedCount}`);
  }
  for (const [a, b] of result.pairs) {
    if (!(a < b) || mate[a] !== b) fail(`pair (${a}, ${b}) is not u < v with mate[${a}] = ${b}`);
  }
  if (Math.abs(matchedWeight - result.weight) > tol + 1e-9 * Math.abs(matchedWeight)) {
    fail(`weight is ${result.weight} but the matched edges weigh ${matchedWeight}`);
  }

  // ---- 4. blossoms: odd, laminar, non-negative ----------------------------------------------
  const blossoms = result.duals.blossoms;
  const order = blossoms
    .map((_, i) => i)
    .sort((a, b) => blossoms[a]!.members.length - blossoms[b]!.members.length);
  const owner = new Int32Array(nv).fill(-1); // innermost blossom of each vertex (index), or -1
  const up = new Int32Array(blossoms.length).fill(-1); // enclosing blossom in the rebuilt tree
  const covered = new Int32Array(blossoms.length); // members of the parent accounted for by a child
  let laminar = true;
  for (const bi of order) {
    const b = blossoms[bi]!;
    const size = b.members.length;
    if (size < 3 || size % 2 === 0)
      fail(`blossom ${bi} has ${size} members; blossoms must be odd with at least 3`);
    if (!(b.dual >= -tol)) fail(`blossom ${bi} has negative dual ${b.dual}`);
    for (const v of b.members) {
      if (v < 0 || v >= nv) {
        fail(`blossom ${bi} contains ${v}, which is not a vertex`);
        laminar = false;
        continue;
      }
      let top = owner[v]!;
      if (top === -1) {
        owner[v] = bi;
        continue;
      }
      while (up[top] !== -1 && up[top] !== bi) top = up[top]!;
      if (top === bi) {
        fail(`blossom ${bi} lists vertex ${v} twice`);
        laminar = false;
        continue;
      }
      if (up[top] === -1) {
        up[top] = bi;
      }
      covered[top]!++;
    }
  }
  for (let bi = 0; bi < blossoms.length; bi++) {
    if (up[bi] !== -1 && covered[bi] !== blossoms[bi]!.members.length) {
      fail(`blossoms ${bi} and ${up[bi]} overlap without nesting (the family is not laminar)`);
      laminar = false;
    }
  }
  // zsum[b] = sum of z over b and its ancestors; depth for LCA walks.
  const zsum = new Float64Array(blossoms.length);
  const depth = new Int32Array(blossoms.length);
  for (let i = order.length - 1; i >= 0; i--) {
    const bi = order[i]!;
    const p = up[bi]!;
    zsum[bi] = blossoms[bi]!.dual + (p === -1 ? 0 : zsum[p]!);
    depth[bi] = p === -1 ? 0 : depth[p]! + 1;
  }
  /** Innermost blossom containing both a and b, or -1. */
  const common = (a: number, b: number): number => {
    let x = owner[a]!;
    let y = owner[b]!;
    if (x === -1 || y === -1) return -1;
    while (depth[x]! > depth[y]!) x = up[x]!;
    while (depth[y]! > depth[x]!) y = up[y]!;
    while (x !== y) {
      x = up[x]!;
      y = up[y]!;
      if (x === -1 || y === -1) return -1;
    }
    return x;
  };

  // ---- 2, 3. dual feasibility and tight matched edges --------------------------------------
  const dualOf = (v: number): number => u[v] ?? Number.NaN;
  for (let k = 0; k < edges.length; k++) {
    const [a, b, w] = edges[k]!;
    if (a === b || a >= nv || b >= nv) continue;
    const c = laminar ? common(a, b) : -1;
    const zs = c === -1 ? 0 : zsum[c]!;
    const slack = dualOf(a) + dualOf(b) + zs - w;
    if (!(slack >= -tol)) {
      fail(
        `edge ${k} (${a}, ${b}, w=${w}) violates dual feasibility: u_${a} + u_${b} + z = ${dualOf(a)} + ${dualOf(b)} + ${zs} < ${w} (slack ${slack})`,
      );
    } else if (mate[a] === b && slack > tol) {
      fail(`matched edge ${k} (${a}, ${b}, w=${w}) is not tight: slack ${slack} > 0`);
    }
  }

  // ---- 4. full blossoms --------------------------------------------------------------------
  if (laminar) {
    const inside = new Int32Array(blossoms.length);
    for (let v = 0; v < nv; v++) {
      const m = mate[v]!;
      if (m > v && m < nv) {
        const c = common(v, m);
        if (c !== -1) inside[c]!++;
      }
    }
    for (const bi of order) if (up[bi] !== -1) inside[up[bi]!]! += inside[bi]!;
    for (let bi = 0; bi < blossoms.length; bi++) {
      const b = blossoms[bi]!;
      const need = (b.members.length - 1) / 2;
      if (b.dual > tol && inside[bi] !== need) {
        fail(
          `blossom ${bi} has dual ${b.dual} > 0 but only ${inside[bi]} of ${need} matched edges inside (not full)`,
        );
      }
    }
  }

  // ---- 5. exposed vertices -------------------------------------------------------------------
  if (options.maxCardinality !== true) {
    for (let v = 0; v < nv; v++) {
      const y = dualOf(v);
      if (!(y >= -tol)) fail(`vertex ${v} has negative dual ${y}`);
      else if (mate[v] === -1 && y > tol) fail(`vertex ${v} is exposed but has dual ${y} > 0`);
    }
  } else {
    let c = Number.NaN;
    let cv = -1;
    for (let v = 0; v < nv; v++) {
      if (mate[v] !== -1) continue;
      if (cv === -1) {
        c = dualOf(v);
        cv = v;
      } else if (Math.abs(dualOf(v) - c) > tol) {
        fail(`exposed vertices ${cv} and ${v} have different duals ${c} and ${dualOf(v)}`);
      }
    }
    if (cv !== -1) {
      for (let v = 0; v < nv; v++) {
        if (dualOf(v) < c - tol)
          fail(`vertex ${v} has dual ${dualOf(v)} below the exposed vertices' dual ${c}`);
      }
    }
    checkBarrier(edges, result, matchedCount, fail);
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** Tutte–Berge: |M| = (|V| + |X| - odd(G - X)) / 2 proves M has maximum cardinality. */
function checkBarrier(
  edges: readonly Edge[],
  result: MatchingResult,
  matched: number,
  fail: (msg: string) => void,
): void {
  const nv = result.mate.length;
  const barrier = result.duals.barrier;
  if (barrier === undefined) {
    fail('maxCardinality: no Tutte–Berge witness (duals.barrier), so maximum cardinality is not proven');
    return;
  }
  const inX = new Uint8Array(nv);
  for (const x of barrier) {
    if (x < 0 || x >= nv || inX[x] === 1) {
      fail(`barrier vertex ${x} is out of range or repeated`);
      return;
    }
    inX[x] = 1;
  }
  const root = new Int32Array(nv);
  for (let v = 0; v < nv; v++) root[v] = v;
  const find = (v: number): number => {
    while (root[v] !== v) {
      root[v] = root[root[v]!]!;
      v = root[v]!;
    }
    return v;
  };
  for (const [a, b] of edges) {
    if (a === b || a >= nv || b >= nv || inX[a] === 1 || inX[b] === 1) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) root[ra] = rb;
  }
  const size = new Int32Array(nv);
  for (let v = 0; v < nv; v++) if (inX[v] === 0) size[find(v)]!++;
  let odd = 0;
  for (let v = 0; v < nv; v++) if (size[v]! % 2 === 1) odd++;
  const bound = (nv + barrier.length - odd) / 2;
  if (matched !== bound) {
    fail(
      `maxCardinality: the matching has ${matched} pairs but the witness X (${barrier.length} vertices) leaves ${odd} odd components, bounding the maximum at ${bound}; cardinality is not proven maximum`,
    );
  }
}

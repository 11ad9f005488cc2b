/**
 * Deterministic instance generators for the matching benchmark. Everything is a pure function of
 * its parameters and seed (own PRNG, never Math.random), so every run and every solver sees the
 * same graphs.
 *
 * - ILN-like populations: N people over 40 countries with a skewed distribution (the largest holds
 *   about 15%, the top five about 45%; the first full round had 50 of 392 from one country), each
 *   with 3–8 interests out of 50 topics correlated with one of 12 sectors, a career stage and a
 *   partner preference. Pair score = 1 + 10 per shared interest + 3 for the same sector + 2 for each
 *   side whose career-stage preference the other satisfies; same-country pairs are forbidden.
 * - Complete graphs (every allowed pair) and best-k sparse graphs (each person keeps the k
 *   best-scoring partners; the union of those edges).
 * - Adversarial families after van Rantwijk's test graphs: chains, chains of triangles, random
 *   sparse graphs with a large (log-uniform) weight spread.
 */

export const GENERATOR_VERSION = 1;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomInt = (random: () => number, lo: number, hi: number): number =>
  lo + Math.floor(random() * (hi - lo + 1));

function pickWeighted(random: () => number, cumulative: Float64Array): number {
  const x = random() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

export const COUNTRIES = 40;
export const TOPICS = 50;
export const SECTORS = 12;
const TOPICS_PER_SECTOR = 8;
const SECTOR_AFFINITY = 0.65; // chance that an interest comes from the person's sector topics

/** Column-wise population: person i is index i in every array. */
export interface Population {
  n: number;
  country: Uint8Array;
  sector: Uint8Array;
  stage: Uint8Array;
  /** 0 no preference, 1 same career stage, 2 someone more experienced. */
  preference: Uint8Array;
  /** Interest bitsets: topics 0–31 and 32–49. */
  topicsLow: Uint32Array;
  topicsHigh: Uint32Array;
}

export function generatePopulation(n: number, seed: number): Population {
  const random = mulberry32(seed);
  const countryWeights = cumulate(Array.from({ length: COUNTRIES }, (_, k) => 1 / (k + 2)));
  const sectorWeights = cumulate(Array.from({ length: SECTORS }, (_, k) => 1 / (k + 3)));
  const stageWeights = cumulate([0.15, 0.35, 0.35, 0.15]); // student, early, mid career, senior
  const preferenceWeights = cumulate([0.5, 0.25, 0.25]);
  const sectorTopics: number[][] = [];
  for (let s = 0; s < SECTORS; s++) {
    const topics = new Set<number>();
    while (topics.size < TOPICS_PER_SECTOR) topics.add(randomInt(random, 0, TOPICS - 1));
    sectorTopics.push([...topics]);
  }
  const population: Population = {
    n,
    country: new Uint8Array(n),
    sector: new Uint8Array(n),
    stage: new Uint8Array(n),
    preference: new Uint8Array(n),
    topicsLow: new Uint32Array(n),
    topicsHigh: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const sector = pickWeighted(random, sectorWeights);
    population.country[i] = pickWeighted(random, countryWeights);
    population.sector[i] = sector;
    population.stage[i] = pickWeighted(random, stageWeights);
    population.preference[i] = pickWeighted(random, preferenceWeights);
    const count = randomInt(random, 3, 8);
    const own = sectorTopics[sector]!;
    let low = 0;
    let high = 0;
    let chosen = 0;
    while (chosen < count) {
      const topic =
        random() < SECTOR_AFFINITY
          ? own[randomInt(random, 0, own.length - 1)]!
          : randomInt(random, 0, TOPICS - 1);
      if (topic < 32) {
        const bit = (1 << topic) >>> 0;
        if (low & bit) continue;
        low = (low | bit) >>> 0;
      } else {
        const bit = 1 << (topic - 32);
        if (high & bit) continue;
        high |= bit;
      }
      chosen++;
    }
    population.topicsLow[i] = low;
    population.topicsHigh[i] = high;
  }
  return population;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Pair score, or null for a forbidden (same-country) pair. Symmetric. */
export function makeScore(p: Population): (u: number, v: number) => number | null {
  const { country, sector, stage, preference, topicsLow, topicsHigh } = p;
  const satisfied = (a: number, b: number): number => {
    const want = preference[a]!;
    if (want === 1) return stage[a] === stage[b] ? 2 : 0;
    if (want === 2) return stage[b]! > stage[a]! ? 2 : 0;
    return 0;
  };
  return (u, v) => {
    if (country[u] === country[v]) return null;
    const shared = popcount(topicsLow[u]! & topicsLow[v]!) + popcount(topicsHigh[u]! & topicsHigh[v]!);
    return 1 + 10 * shared + (sector[u] === sector[v] ? 3 : 0) + satisfied(u, v) + satisfied(v, u);
  };
}

/** Number of allowed pairs of the complete graph, without enumerating it. */
export function completeEdgeCount(p: Population): number {
  const sizes = new Array<number>(COUNTRIES).fill(0);
  for (let i = 0; i < p.n; i++) sizes[p.country[i]!]!++;
  return (p.n * (p.n - 1)) / 2 - sizes.reduce((sum, c) => sum + (c * (c - 1)) / 2, 0);
}

/** A materialised edge list in three parallel typed arrays. */
export interface EdgeList {
  n: number;
  m: number;
  u: Int32Array;
  v: Int32Array;
  w: Float64Array;
}

function edgeListBuilder(n: number, capacity: number) {
  let u = new Int32Array(Math.max(capacity, 16));
  let v = new Int32Array(u.length);
  let w = new Float64Array(u.length);
  let m = 0;
  return {
    push(a: number, b: number, weight: number): void {
      if (m === u.length) {
        const grow = <T extends Int32Array | Float64Array>(old: T, make: (k: number) => T): T => {
          const next = make(old.length * 2);
          next.set(old);
          return next;
        };
        u = grow(u, (k) => new Int32Array(k));
        v = grow(v, (k) => new Int32Array(k));
        w = grow(w, (k) => new Float64Array(k));
      }
      u[m] = a;
      v[m] = b;
      w[m] = weight;
      m++;
    },
    done(): EdgeList {
      return { n, m, u: u.subarray(0, m), v: v.subarray(0, m), w: w.subarray(0, m) };
    },
  };
}

/** Every allowed pair u < v with its score. */
export function completeGraph(p: Population): EdgeList {
  const score = makeScore(p);
  const out = edgeListBuilder(p.n, completeEdgeCount(p));
  for (let a = 0; a < p.n; a++) {
    for (let b = a + 1; b < p.n; b++) {
      const s = score(a, b);
      if (s !== null) out.push(a, b, s);
    }
  }
  return out.done();
}

/** Above this size, best-k looks at a seeded sample of candidates instead of everyone. */
export const BEST_K_EXACT_LIMIT = 20_000;
export const BEST_K_SAMPLE = 2_000;

/**
 * Each person keeps its k best-scoring allowed partners (ties broken by candidate order); the
 * graph is the union of those choices. Exact up to BEST_K_EXACT_LIMIT people; above it, each
 * person's k best among BEST_K_SAMPLE seeded random candidates (still realistic: a shortlist).
 */
export function bestKGraph(p: Population, k: number, seed: number): EdgeList {
  const { n } = p;
  const score = makeScore(p);
  const random = mulberry32(seed ^ 0x5bd1e995);
  const keys: number[] = [];
  const bestScore = new Float64Array(k);
  const bestId = new Int32Array(k);
  const exact = n <= BEST_K_EXACT_LIMIT;
  for (let a = 0; a < n; a++) {
    let filled = 0;
    let minAt = 0;
    const offer = (b: number): void => {
      if (b === a) return;
      const s = score(a, b);
      if (s === null) return;
      if (filled < k) {
        bestScore[filled] = s;
        bestId[filled] = b;
        filled++;
        if (filled === k) {
          minAt = 0;
          for (let i = 1; i < k; i++) if (bestScore[i]! < bestScore[minAt]!) minAt = i;
        }
        return;
      }
      if (s <= bestScore[minAt]!) return;
      bestScore[minAt] = s;
      bestId[minAt] = b;
      minAt = 0;
      for (let i = 1; i < k; i++) if (bestScore[i]! < bestScore[minAt]!) minAt = i;
    };
    if (exact) for (let b = 0; b < n; b++) offer(b);
    else for (let t = 0; t < BEST_K_SAMPLE; t++) offer(Math.floor(random() * n));
    for (let i = 0; i < filled; i++) {
      const b = bestId[i]!;
      keys.push(a < b ? a * n + b : b * n + a);
    }
  }
  const sorted = Float64Array.from(keys).sort();
  const out = edgeListBuilder(n, sorted.length);
  let previous = -1;
  for (const key of sorted) {
    if (key === previous) continue;
    previous = key;
    const a = Math.floor(key / n);
    const b = key - a * n;
    out.push(a, b, score(a, b)!);
  }
  return out.done();
}

/** Path 0-1-…-(n-1); edge i weighs n + (i mod 2) (van Rantwijk's chain_n*). Optimum n²/2 for even n. */
export function chainGraph(n: number): EdgeList {
  const out = edgeListBuilder(n, n - 1);
  for (let i = 0; i + 1 < n; i++) out.push(i, i + 1, n + (i % 2));
  return out.done();
}

/**
 * T = floor(n/3) unit-weight triangles {3i, 3i+1, 3i+2}, triangle i joined to i+1 by the edge
 * (3i + i mod 3, 3i + 3 + i mod 3) (van Rantwijk's triangles_n*); leftover vertices are isolated.
 */
export function trianglesGraph(n: number): EdgeList {
  const t = Math.floor(n / 3);
  const out = edgeListBuilder(n, 4 * t);
  for (let i = 0; i < t; i++) {
    const a = 3 * i;
    out.push(a, a + 1, 1);
    out.push(a, a + 2, 1);
    out.push(a + 1, a + 2, 1);
  }
  for (let i = 0; i + 1 < t; i++) out.push(3 * i + (i % 3), 3 * i + 3 + (i % 3), 1);
  return out.done();
}

/** m distinct random pairs with log-uniform integer weights in [1, maxWeight]. */
export function randomSparseGraph(n: number, m: number, maxWeight: number, seed: number): EdgeList {
  const random = mulberry32(seed);
  const seen = new Set<number>();
  const out = edgeListBuilder(n, m);
  const logMax = Math.log(maxWeight);
  let count = 0;
  while (count < m) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a, b, Math.min(maxWeight, Math.max(1, Math.round(Math.exp(random() * logMax)))));
    count++;
  }
  return out.done();
}

/**
 * Van Rantwijk's "sparse slow" graph for the O(n³) algorithm (sparse_delta_n*; the construction
 * described in jorisvr/maximum-weight-matching tests/generate/make_slow_graph.py, written anew
 * here): n ≡ 4 (mod 8) vertices, about 5n/4 edges, about n²/16 dual steps for a classic solver.
 * P = (n - 4) / 4 top pairs (2i, 2i+1), two coupling pairs (2P + 2k, 2P + 2k + 1) joined to every
 * top pair, and two bottom groups of Q = P / 2 pairs hanging off the coupling pairs, with weights
 * chosen so the solver pulls the top layer tight towards one coupling pair, then the other, once
 * per bottom pair.
 */
export function sparseDeltaGraph(n: number): EdgeList {
  if (n < 12 || n % 8 !== 4) throw new Error(`sparseDeltaGraph: n must be >= 12 and 4 mod 8, not ${n}`);
  const p = (n - 4) / 4;
  const q = p / 2;
  const top = 16 * (q + 1) * (p + 2);
  const out = edgeListBuilder(n, p + 2 * (p + 1) + 4 * q);
  for (let i = 0; i < p; i++) out.push(2 * i, 2 * i + 1, top - i);
  for (let k = 0; k < 2; k++) {
    const c = 2 * p + 2 * k;
    for (let i = 0; i < p; i++) out.push(2 * i + 1, c, k === 0 ? top - p : top - p - 1 - i);
    out.push(c, c + 1, k === 0 ? top - 2 * p - 1 : top - 4 * p - 2);
  }
  for (let k = 0; k < 2; k++) {
    const c = 2 * p + 2 * k + 1;
    const first = 2 * p + 4 + 2 * q * k;
    for (let i = 0; i < q; i++) out.push(c, first + 2 * i, top - (2 * i + k) * (2 * p + 4) - 4 * p + 1);
    for (let i = 0; i < q; i++) {
      out.push(first + 2 * i, first + 2 * i + 1, top - (2 * i + k + 1) * 8 * p - (2 * i + k) * 12);
    }
  }
  return out.done();
}

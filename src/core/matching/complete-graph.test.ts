import { describe, expect, it } from 'vitest';
import {
  CandidateSweep,
  type Edge,
  MatchingInputError,
  maxWeightMatching,
  maxWeightMatchingComplete,
  verifyOptimality,
} from './index';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** ILN-like instance: countries (same country forbidden) and a random score per pair. */
function instance(seed: number, n: number, countries: number, float: boolean, shift = 0, coarse = false) {
  const random = rng(seed);
  const country = Array.from({ length: n }, () => Math.floor(random() * countries));
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // coarse: few distinct scores (like ILN's shared-interest counts): many ties and blossoms
      const raw = coarse
        ? 1 + 10 * Math.floor(random() * 4)
        : float
          ? random() * 100
          : Math.floor(random() * 100);
      w[i * n + j] = raw - shift;
    }
  }
  const score = (u: number, v: number): number | null => (country[u] === country[v] ? null : w[u * n + v]!);
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = score(i, j);
      if (s !== null) edges.push([i, j, s]);
    }
  }
  return { score, edges };
}

describe('maxWeightMatchingComplete', () => {
  for (const maxCardinality of [false, true]) {
    it(`equals the materialised solve and is certified (400 random graphs, maxCardinality=${maxCardinality})`, () => {
      const random = rng(maxCardinality ? 99 : 98);
      for (let t = 0; t < 400; t++) {
        const n = 1 + Math.floor(random() * 30);
        const countries = 1 + Math.floor(random() * 5);
        const { score, edges } = instance(t, n, countries, t % 3 === 0, t % 4 === 0 ? 40 : 0, t % 5 === 2);
        const k = 1 + (t % 5); // small k forces pricing rounds
        const got = maxWeightMatchingComplete({ n, score, candidatesPerVertex: k, maxCardinality });
        const full = maxWeightMatching(edges, { maxCardinality });
        expect(got.certified).toBe(true);
        expect(got.mate.length).toBe(n);
        expect(Math.abs(got.weight - full.weight)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(full.weight)),
        );
        if (maxCardinality) expect(got.pairs.length).toBe(full.pairs.length);
        // The certified result also passes the independent verifier on the full graph.
        expect(verifyOptimality(edges, got, { maxCardinality })).toEqual({ ok: true });
      }
    });
  }

  it('certifies larger ILN-like instances through several warm rounds (n = 300, k = 2)', () => {
    for (const maxCardinality of [false, true]) {
      const n = 300;
      const { score, edges } = instance(4242, n, 12, false, 0, true);
      const got = maxWeightMatchingComplete({ n, score, candidatesPerVertex: 2, maxCardinality });
      expect(got.certified).toBe(true);
      expect(got.pricingRounds).toBeGreaterThan(1);
      expect(got.weight).toBe(maxWeightMatching(edges, { maxCardinality }).weight);
      expect(verifyOptimality(edges, got, { maxCardinality })).toEqual({ ok: true });
    }
  });

  it('prices extra rounds when the candidate graph misses the optimum', () => {
    // Star-like scores: everyone's best partner is vertex 0, so k = 1 is far from optimal.
    const n = 12;
    const score = (u: number, v: number) => (u === 0 ? 100 : u + v);
    const got = maxWeightMatchingComplete({ n, score, candidatesPerVertex: 1 });
    expect(got.certified).toBe(true);
    expect(got.pricingRounds).toBeGreaterThan(1);
    const edges: Edge[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([i, j, score(i, j)]);
    expect(got.weight).toBe(maxWeightMatching(edges).weight);
    expect(verifyOptimality(edges, got)).toEqual({ ok: true });
  });

  it('handles n = 0, 1 and all pairs forbidden', () => {
    expect(maxWeightMatchingComplete({ n: 0, score: () => 1 })).toMatchObject({
      pairs: [],
      weight: 0,
      certified: true,
    });
    expect(maxWeightMatchingComplete({ n: 1, score: () => 1 })).toMatchObject({ pairs: [], certified: true });
    const none = maxWeightMatchingComplete({ n: 5, score: () => null, maxCardinality: true });
    expect(none).toMatchObject({ pairs: [], weight: 0, certified: true, edgesUsed: 0 });
    // No edges: the empty matching with zero duals and an empty witness is optimal.
    expect(verifyOptimality([], none, { maxCardinality: true })).toEqual({ ok: true });
  });

  it('gives the same matching, duals and rounds from stored scores or candidates gathered by the caller', () => {
    const random = rng(7);
    for (let t = 0; t < 150; t++) {
      const n = 2 + Math.floor(random() * 40);
      const k = 1 + (t % 4);
      const maxCardinality = t % 3 === 0;
      const country = Array.from({ length: n }, () => Math.floor(random() * 4));
      const rowStart = new Float64Array(n);
      for (let i = 1; i < n; i++) rowStart[i] = rowStart[i - 1]! + (n - i);
      // Few distinct values, so ties decide which candidates stay: the order must be the engine's.
      const values = new Int16Array((n * (n - 1)) / 2);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          values[rowStart[i]! + j - i - 1] = country[i] === country[j] ? -1 : Math.floor(random() * 6) * 10;
        }
      }
      const offset = t % 2 === 0 ? 1 : 1000;
      const floor = t % 5 === 0 ? 20 : 0;
      const score = (u: number, v: number) => {
        const value = values[rowStart[u]! + v - u - 1]!;
        return value >= floor ? value + offset : null;
      };
      const plain = maxWeightMatchingComplete({ n, score, candidatesPerVertex: k, maxCardinality });
      const triangle = { values, rowStart, offset, floor };
      const stored = maxWeightMatchingComplete({
        n,
        score,
        triangle,
        candidatesPerVertex: k,
        maxCardinality,
      });
      const candidates = new CandidateSweep(n, k);
      for (let u = 0; u < n; u++) {
        for (let v = u + 1; v < n; v++) {
          const s = score(u, v);
          if (s !== null) candidates.offer(u, v, s);
        }
      }
      const fed = maxWeightMatchingComplete({ n, score, candidates, candidatesPerVertex: k, maxCardinality });
      for (const other of [stored, fed]) {
        expect(other.pairs).toEqual(plain.pairs);
        expect(other.duals).toEqual(plain.duals);
        expect(other.pricingRounds).toBe(plain.pricingRounds);
        expect(other.edgesUsed).toBe(plain.edgesUsed);
        expect(other.certified).toBe(true);
      }
    }
  });

  it('rejects bad problems and bad scores', () => {
    expect(() => maxWeightMatchingComplete({ n: -1, score: () => 1 })).toThrow(MatchingInputError);
    expect(() => maxWeightMatchingComplete({ n: 3, score: () => 1, candidatesPerVertex: 0 })).toThrow(
      /^maxWeightMatchingComplete: candidatesPerVertex/,
    );
    expect(() => maxWeightMatchingComplete({ n: 3, score: () => Number.NaN })).toThrow(
      /^maxWeightMatchingComplete: score\(0, 1\) returned NaN/,
    );
    const small = { values: new Int16Array(1), rowStart: new Float64Array(3), offset: 1, floor: 0 };
    expect(() => maxWeightMatchingComplete({ n: 3, score: () => 1, triangle: small })).toThrow(
      /^maxWeightMatchingComplete: triangle must hold/,
    );
    expect(() =>
      maxWeightMatchingComplete({ n: 3, score: () => 1, candidates: new CandidateSweep(4, 20) }),
    ).toThrow(/^maxWeightMatchingComplete: candidates were gathered for 4 vertices/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cases from './fixtures/canonical-cases.json' with { type: 'json' };
import { type Edge, MatchingInputError, maxWeightMatching, verifyOptimality } from './index';

interface CanonicalCase {
  name: string;
  maxcardinality: boolean;
  edges: [number, number, number][];
  expected_weight: number;
  expected_cardinality: number | null;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Solves, checks the result is a matching on the graph's edges, and runs the verifier. */
function solveAndVerify(edges: readonly Edge[], maxCardinality = false) {
  const result = maxWeightMatching(edges, { maxCardinality });
  const verdict = verifyOptimality(edges, result, { maxCardinality });
  expect(verdict).toEqual({ ok: true });
  return result;
}

/** Exhaustive search: best [cardinality, weight] (max weight, or max cardinality then weight). */
function bruteForce(edges: readonly Edge[], maxCardinality: boolean): { card: number; weight: number } {
  let n = 0;
  for (const [u, v] of edges) n = Math.max(n, u + 1, v + 1);
  const w: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(Number.NaN));
  for (const [u, v, x] of edges) {
    if (u === v) continue;
    w[u]![v] = x;
    w[v]![u] = x;
  }
  let best = { card: 0, weight: 0 };
  const used = new Uint8Array(n);
  const rec = (i: number, card: number, weight: number): void => {
    while (i < n && used[i] === 1) i++;
    if (i >= n) {
      const better = maxCardinality
        ? card > best.card || (card === best.card && weight > best.weight + 1e-12)
        : weight > best.weight + 1e-12;
      if (better) best = { card, weight };
      return;
    }
    used[i] = 1;
    rec(i + 1, card, weight);
    for (let j = i + 1; j < n; j++) {
      const x = w[i]![j]!;
      if (used[j] === 0 && !Number.isNaN(x)) {
        used[j] = 1;
        rec(i + 1, card + 1, weight + x);
        used[j] = 0;
      }
    }
    used[i] = 0;
  };
  rec(0, 0, 0);
  return best;
}

/** Small deterministic PRNG (LCG) so the random suites are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('maxWeightMatching: published canonical cases', () => {
  it.each((cases as unknown as CanonicalCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = solveAndVerify(c.edges, c.maxcardinality);
    expect(close(result.weight, c.expected_weight)).toBe(true);
    if (c.expected_cardinality !== null) expect(result.pairs.length).toBe(c.expected_cardinality);
  });
});

describe('maxWeightMatching: named cases', () => {
  const table: [string, Edge[], boolean, number, number][] = [
    // name, edges, maxCardinality, weight, cardinality
    ['empty graph', [], false, 0, 0],
    ['single edge', [[0, 1, 1]], false, 1, 1],
    [
      'path of two edges',
      [
        [1, 2, 10],
        [2, 3, 11],
      ],
      false,
      11,
      1,
    ],
    [
      'path of three edges',
      [
        [1, 2, 5],
        [2, 3, 11],
        [3, 4, 5],
      ],
      false,
      11,
      1,
    ],
    [
      'path, max cardinality',
      [
        [1, 2, 5],
        [2, 3, 11],
        [3, 4, 5],
      ],
      true,
      10,
      2,
    ],
    [
      'negative weights',
      [
        [1, 2, 2],
        [1, 3, -2],
        [2, 3, 1],
        [2, 4, -1],
        [3, 4, -6],
      ],
      false,
      2,
      1,
    ],
    [
      'negative weights, max cardinality',
      [
        [1, 2, 2],
        [1, 3, -2],
        [2, 3, 1],
        [2, 4, -1],
        [3, 4, -6],
      ],
      true,
      -3,
      2,
    ],
    [
      'all negative',
      [
        [0, 1, -1],
        [1, 2, -2],
      ],
      false,
      0,
      0,
    ],
    [
      'float weights',
      [
        [1, 2, Math.PI],
        [2, 3, Math.E],
        [1, 3, 3.0],
        [1, 4, Math.SQRT2],
      ],
      false,
      Math.E + Math.SQRT2,
      2,
    ],
    [
      'S-blossom',
      [
        [1, 2, 8],
        [1, 3, 9],
        [2, 3, 10],
        [3, 4, 7],
      ],
      false,
      15,
      2,
    ],
    [
      'S-blossom, augment',
      [
        [1, 2, 8],
        [1, 3, 9],
        [2, 3, 10],
        [3, 4, 7],
        [1, 6, 5],
        [4, 5, 6],
      ],
      false,
      21,
      3,
    ],
    [
      'T-blossom',
      [
        [1, 2, 9],
        [1, 3, 8],
        [2, 3, 10],
        [1, 4, 5],
        [4, 5, 4],
        [1, 6, 3],
      ],
      false,
      17,
      3,
    ],
    [
      'nested S-blossom',
      [
        [1, 2, 9],
        [1, 3, 9],
        [2, 3, 10],
        [2, 4, 8],
        [3, 5, 8],
        [4, 5, 10],
        [5, 6, 6],
      ],
      false,
      23,
      3,
    ],
    [
      'nested S-blossom, relabel and expand',
      [
        [1, 2, 19],
        [1, 3, 20],
        [1, 8, 8],
        [2, 3, 25],
        [2, 4, 18],
        [3, 5, 18],
        [4, 5, 13],
        [4, 7, 7],
        [5, 6, 7],
      ],
      false,
      47,
      4,
    ],
    [
      'nasty blossom (expand recursively)',
      [
        [1, 2, 40],
        [1, 3, 40],
        [2, 3, 60],
        [2, 4, 55],
        [3, 5, 55],
        [4, 5, 50],
        [1, 8, 15],
        [5, 7, 30],
        [7, 6, 10],
        [8, 10, 10],
        [4, 9, 30],
      ],
      false,
      145,
      5,
    ],
    [
      'self-loop ignored',
      [
        [0, 0, 100],
        [0, 1, 1],
      ],
      false,
      1,
      1,
    ],
    [
      'sparse vertex ids',
      [
        [1000, 5, 3],
        [7, 1000, 4],
      ],
      false,
      4,
      1,
    ],
  ];
  it.each(table)('%s', (_name, edges, maxCardinality, weight, card) => {
    const result = solveAndVerify(edges, maxCardinality);
    expect(close(result.weight, weight)).toBe(true);
    expect(result.pairs.length).toBe(card);
  });

  it('returns pairs u < v sorted by u, and a mate array indexed by vertex id', () => {
    const result = solveAndVerify([
      [5, 2, 3],
      [0, 9, 4],
      [3, 1, 1],
    ]);
    expect(result.pairs).toEqual([
      [0, 9],
      [1, 3],
      [2, 5],
    ]);
    expect(result.mate.length).toBe(10);
    expect(Array.from(result.mate)).toEqual([9, 3, 5, 1, -1, 2, -1, -1, -1, 0]);
  });

  it('reports duals: vertex duals by id and blossoms with members', () => {
    const result = solveAndVerify([
      [1, 2, 8],
      [1, 3, 9],
      [2, 3, 10],
      [3, 4, 7],
    ]);
    expect(result.duals.vertex.length).toBe(5);
    for (const b of result.duals.blossoms) {
      expect(b.members.length % 2).toBe(1);
      expect(b.dual).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives a Tutte–Berge witness with maxCardinality', () => {
    // A star: centre 0 can take only one leaf; X = {0} proves cardinality 1.
    const result = solveAndVerify(
      [
        [0, 1, 1],
        [0, 2, 5],
        [0, 3, 2],
      ],
      true,
    );
    expect(result.pairs).toEqual([[0, 2]]);
    expect(Array.from(result.duals.barrier ?? [])).toEqual([0]);
  });
});

describe('maxWeightMatching: input errors', () => {
  const bad: [string, unknown, RegExp][] = [
    [
      'duplicate pair',
      [
        [0, 1, 1],
        [1, 0, 2],
      ],
      /^maxWeightMatching: edge 1 .*duplicates edge 0/,
    ],
    ['NaN weight', [[0, 1, Number.NaN]], /^maxWeightMatching: edge 0 .*weight/],
    [
      'Infinity weight',
      [
        [0, 1, 1],
        [1, 2, Number.POSITIVE_INFINITY],
      ],
      /^maxWeightMatching: edge 1 .*weight/,
    ],
    ['negative id', [[-1, 1, 1]], /^maxWeightMatching: edge 0 .*non-negative integers/],
    ['fractional id', [[0, 1.5, 1]], /^maxWeightMatching: edge 0 .*non-negative integers/],
    ['NaN id', [[Number.NaN, 1, 1]], /^maxWeightMatching: edge 0/],
    ['not a triple', [[0, 1]], /^maxWeightMatching: edge 0 .*triple/],
    ['string weight', [[0, 1, '3']], /^maxWeightMatching: edge 0 .*weight/],
    ['not an array', 'edges', /^maxWeightMatching: edges must be an array/],
  ];
  it.each(bad)('rejects %s', (_name, edges, message) => {
    expect(() => maxWeightMatching(edges as Edge[])).toThrow(MatchingInputError);
    expect(() => maxWeightMatching(edges as Edge[])).toThrow(message);
  });
});

describe('maxWeightMatching: agreement with brute force on small random graphs', () => {
  const kinds = [
    { name: 'integer weights', float: false, negative: false },
    { name: 'integer weights with negatives', float: false, negative: true },
    { name: 'float weights', float: true, negative: false },
    { name: 'float weights with negatives', float: true, negative: true },
  ];
  for (const kind of kinds) {
    for (const maxCardinality of [false, true]) {
      it(`${kind.name}, maxCardinality=${maxCardinality} (1000 graphs, up to 10 vertices)`, () => {
        const random = rng(kind.name.length * 7919 + (maxCardinality ? 1 : 0));
        for (let t = 0; t < 1000; t++) {
          const n = 1 + Math.floor(random() * 10);
          const density = random();
          const edges: Edge[] = [];
          for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
              if (random() >= density) continue;
              // Few distinct integer weights: many ties and degenerate duals.
              let w = kind.float ? random() * 10 : Math.floor(random() * 8) * (random() < 0.5 ? 1 : 3);
              if (kind.negative) w -= kind.float ? 3 : 6;
              edges.push(random() < 0.5 ? [i, j, w] : [j, i, w]);
            }
          }
          const result = solveAndVerify(edges, maxCardinality);
          const best = bruteForce(edges, maxCardinality);
          expect(close(result.weight, best.weight), `graph ${t}: ${JSON.stringify(edges)}`).toBe(true);
          if (maxCardinality) expect(result.pairs.length).toBe(best.card);
        }
      });
    }
  }
});

describe('maxWeightMatching: properties', () => {
  const graphArb = fc
    .record({
      n: fc.integer({ min: 1, max: 14 }),
      pairs: fc.array(
        fc.tuple(
          fc.nat(13),
          fc.nat(13),
          fc.oneof(fc.integer({ min: -50, max: 100 }), fc.double({ min: -5, max: 20, noNaN: true })),
        ),
        { maxLength: 40 },
      ),
    })
    .map(({ n, pairs }) => {
      const seen = new Set<string>();
      const edges: Edge[] = [];
      for (const [a, b, w] of pairs) {
        const u = a % n;
        const v = b % n;
        const key = `${Math.min(u, v)},${Math.max(u, v)}`;
        if (u === v || seen.has(key)) continue;
        seen.add(key);
        edges.push([u, v, w]);
      }
      return edges;
    });

  it('is a matching on graph edges, verifies, and does not mutate the input', () => {
    fc.assert(
      fc.property(graphArb, fc.boolean(), (edges, maxCardinality) => {
        const copy = JSON.stringify(edges);
        const result = solveAndVerify(edges, maxCardinality);
        expect(JSON.stringify(edges)).toBe(copy);
        const edgeSet = new Map(edges.map(([u, v, w]) => [`${Math.min(u, v)},${Math.max(u, v)}`, w]));
        const seen = new Set<number>();
        let weight = 0;
        for (const [u, v] of result.pairs) {
          expect(u).toBeLessThan(v);
          expect(seen.has(u) || seen.has(v)).toBe(false);
          seen.add(u);
          seen.add(v);
          expect(edgeSet.has(`${u},${v}`)).toBe(true);
          weight += edgeSet.get(`${u},${v}`)!;
          expect(result.mate[u]).toBe(v);
          expect(result.mate[v]).toBe(u);
        }
        expect(close(result.weight, weight)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('relabelling vertices does not change the weight or cardinality', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (edges, maxCardinality, seed) => {
          const random = rng(seed);
          const perm = Array.from({ length: 14 }, (_, i) => i);
          for (let i = perm.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [perm[i], perm[j]] = [perm[j]!, perm[i]!];
          }
          const relabelled: Edge[] = edges.map(([u, v, w]) => [perm[u]! * 3 + 1, perm[v]! * 3 + 1, w]);
          const a = solveAndVerify(edges, maxCardinality);
          const b = solveAndVerify(relabelled, maxCardinality);
          expect(close(a.weight, b.weight)).toBe(true);
          // Without maxCardinality, zero or denormal weights make the cardinality a tie.
          if (maxCardinality) expect(a.pairs.length).toBe(b.pairs.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

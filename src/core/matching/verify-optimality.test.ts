import { describe, expect, it } from 'vitest';
import { type Edge, type MatchingResult, maxWeightMatching, verifyOptimality } from './index';

/** A graph whose optimum needs a blossom: triangle 1-2-3 with pendant edges. */
const blossomGraph: Edge[] = [
  [1, 2, 8],
  [1, 3, 9],
  [2, 3, 10],
  [3, 4, 7],
  [1, 6, 5],
  [4, 5, 6],
];

const clone = (r: MatchingResult): MatchingResult => ({
  pairs: r.pairs.map(([u, v]) => [u, v]),
  weight: r.weight,
  mate: r.mate.slice(),
  duals: {
    vertex: r.duals.vertex.slice(),
    blossoms: r.duals.blossoms.map((b) => ({ members: b.members.slice(), dual: b.dual, parent: b.parent })),
    ...(r.duals.barrier ? { barrier: r.duals.barrier.slice() } : {}),
  },
});

const reasonsOf = (edges: readonly Edge[], r: MatchingResult, maxCardinality = false): string[] => {
  const v = verifyOptimality(edges, r, { maxCardinality });
  expect(v.ok).toBe(false);
  return v.ok ? [] : v.reasons;
};

describe('verifyOptimality', () => {
  it('accepts the solver result', () => {
    expect(verifyOptimality(blossomGraph, maxWeightMatching(blossomGraph))).toEqual({ ok: true });
  });

  it('rejects a suboptimal matching, naming the edge whose dual constraint fails or the exposed vertex', () => {
    const edges: Edge[] = [
      [0, 1, 5],
      [1, 2, 6],
      [2, 3, 5],
    ];
    // Matching {1-2} (weight 6) with duals that make it look tight: u1 = u2 = 3, others 0.
    const bad: MatchingResult = {
      pairs: [[1, 2]],
      weight: 6,
      mate: Int32Array.from([-1, 2, 1, -1]),
      duals: { vertex: Float64Array.from([0, 3, 3, 0]), blossoms: [] },
    };
    const reasons = reasonsOf(edges, bad);
    expect(reasons.some((r) => r.includes('edge 0 (0, 1, w=5) violates dual feasibility'))).toBe(true);
    expect(reasons.some((r) => r.includes('edge 2 (2, 3, w=5)'))).toBe(true);
  });

  it('rejects corrupted vertex duals', () => {
    const r = clone(maxWeightMatching(blossomGraph));
    r.duals.vertex[3] = r.duals.vertex[3]! - 1;
    const reasons = reasonsOf(blossomGraph, r);
    expect(reasons.join('\n')).toMatch(/violates dual feasibility|not tight/);
  });

  it('rejects a matched edge that is not tight', () => {
    const r = clone(maxWeightMatching(blossomGraph));
    const [u] = r.pairs[0]!;
    r.duals.vertex[u] = r.duals.vertex[u]! + 1;
    expect(reasonsOf(blossomGraph, r).join('\n')).toMatch(/matched edge .* is not tight/);
  });

  it('rejects an exposed vertex with positive dual', () => {
    const edges: Edge[] = [
      [0, 1, 4],
      [1, 2, 3],
    ];
    const r = clone(maxWeightMatching(edges));
    r.duals.vertex[2] = 1;
    expect(reasonsOf(edges, r).join('\n')).toMatch(/vertex 2 is exposed but has dual 1 > 0/);
  });

  it('rejects negative and non-full blossoms, and non-laminar families', () => {
    const r = clone(maxWeightMatching(blossomGraph));
    r.duals.blossoms.push({ members: Int32Array.from([1, 2, 3]), dual: -1, parent: -1 });
    expect(reasonsOf(blossomGraph, r).join('\n')).toMatch(/negative dual -1/);

    const s = clone(maxWeightMatching(blossomGraph));
    // {3, 4, 5} is matched as 3-? and 4-5: give it a positive dual while only one edge is inside.
    s.duals.blossoms = [{ members: Int32Array.from([2, 4, 6]), dual: 1, parent: -1 }];
    expect(reasonsOf(blossomGraph, s).join('\n')).toMatch(/not full/);

    const t = clone(maxWeightMatching(blossomGraph));
    t.duals.blossoms = [
      { members: Int32Array.from([1, 2, 3]), dual: 0, parent: -1 },
      { members: Int32Array.from([3, 4, 5]), dual: 0, parent: -1 },
    ];
    expect(reasonsOf(blossomGraph, t).join('\n')).toMatch(/not laminar/);

    const e = clone(maxWeightMatching(blossomGraph));
    e.duals.blossoms = [{ members: Int32Array.from([1, 2, 3, 4]), dual: 0, parent: -1 }];
    expect(reasonsOf(blossomGraph, e).join('\n')).toMatch(/must be odd/);
  });

  it('rejects pairs that are not edges, asymmetric mates and a wrong weight', () => {
    const r = clone(maxWeightMatching(blossomGraph));
    r.weight += 1;
    expect(reasonsOf(blossomGraph, r).join('\n')).toMatch(/weight is/);

    const s = clone(maxWeightMatching(blossomGraph));
    s.mate[5] = 6;
    expect(reasonsOf(blossomGraph, s).join('\n')).toMatch(/not symmetric|not an edge/);
  });

  it('with maxCardinality, rejects a heavier but smaller matching and a missing witness', () => {
    const edges: Edge[] = [
      [1, 2, 5],
      [2, 3, 11],
      [3, 4, 5],
    ];
    const bestWeight = maxWeightMatching(edges); // {2-3}: 1 pair
    expect(bestWeight.pairs.length).toBe(1);
    const reasons = reasonsOf(
      edges,
      { ...bestWeight, duals: { ...bestWeight.duals, barrier: new Int32Array() } },
      true,
    );
    expect(reasons.join('\n')).toMatch(/cardinality is not proven maximum/);

    const r = maxWeightMatching(edges, { maxCardinality: true });
    expect(verifyOptimality(edges, r, { maxCardinality: true })).toEqual({ ok: true });
    const noWitness = clone(r);
    delete noWitness.duals.barrier;
    expect(reasonsOf(edges, noWitness, true).join('\n')).toMatch(/no Tutte–Berge witness/);
  });

  it('with maxCardinality, rejects exposed vertices with different duals', () => {
    const edges: Edge[] = [
      [0, 1, 1],
      [0, 2, 5],
      [0, 3, 2],
    ];
    const r = clone(maxWeightMatching(edges, { maxCardinality: true }));
    r.duals.vertex[1] = r.duals.vertex[1]! + 1;
    expect(reasonsOf(edges, r, true).join('\n')).toMatch(/exposed vertices .* have different duals/);
  });
});

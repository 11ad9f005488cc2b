import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Edge, maxWeightMatching, verifyOptimality } from './index';
import { buildGraph } from './input';
import { solveGraph, uniformStart } from './max-weight-matching';

interface LargeCase {
  name: string;
  n: number;
  m: number;
  maxcardinality: boolean;
  edges: Edge[];
  expected_weight: number;
}

const dir = join(import.meta.dirname, 'fixtures', 'large');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

// Chains, triangles and sparse-delta graphs are built to make cubic implementations slow.
describe('maxWeightMatching: large published graphs (van Rantwijk test graphs)', () => {
  it.each(files)(
    '%s reaches the known optimum and verifies',
    (file) => {
      const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as LargeCase;
      const result = maxWeightMatching(c.edges, { maxCardinality: c.maxcardinality });
      expect(result.weight).toBe(c.expected_weight);
      expect(verifyOptimality(c.edges, result, { maxCardinality: c.maxcardinality })).toEqual({ ok: true });
    },
    30_000,
  );
});

// The same graphs from the textbook start (uniform duals, empty matching; the benchmark's scaling
// series uses it): every vertex starts as a root, which exercises tree growth, blossoms and
// augmentations far more than the greedy start does.
describe('solveGraph from the uniform start: large published graphs', () => {
  it.each(files)(
    '%s reaches the known optimum and verifies',
    (file) => {
      const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as LargeCase;
      if (c.maxcardinality) return; // the uniform start is a max-weight-mode start
      const graph = buildGraph(c.edges, 'test');
      const result = solveGraph(graph, false, uniformStart(graph));
      expect(result.weight).toBe(c.expected_weight);
      expect(verifyOptimality(c.edges, result)).toEqual({ ok: true });
    },
    30_000,
  );
});

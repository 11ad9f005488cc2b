import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Edge, maxWeightMatching, verifyOptimality } from './index';

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

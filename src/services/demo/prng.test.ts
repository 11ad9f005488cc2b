import { describe, expect, it } from 'vitest';
import { createRandom } from './prng';

describe('createRandom', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const streamA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(streamA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(streamA);
  });

  it('stays in range', () => {
    const random = createRandom(7);
    for (let i = 0; i < 1000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const int = random.int(3, 5);
      expect(int).toBeGreaterThanOrEqual(3);
      expect(int).toBeLessThanOrEqual(5);
    }
  });

  it('samples distinct items without replacement and shuffles without losing any', () => {
    const random = createRandom(1);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const sample = random.sampleWeighted(items, [1, 1, 1, 1, 100], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sampleWeighted(items, [1, 1, 1, 1, 1], 9)).toHaveLength(5);
    expect([...random.shuffle(items)].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

/**
 * A small seeded random source for reproducible demo data and benchmarks.
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, fast and good enough
 * for test data — not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** `count` distinct items, each draw weighted, without replacement. */
  sampleWeighted<T>(items: readonly T[], weights: readonly number[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pickIndexWeighted = (weights: readonly number[]) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let target = next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i]!;
      if (target < 0) return i;
    }
    return weights.length - 1;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    pickWeighted: (items, weights) => items[pickIndexWeighted(weights)]!,
    sampleWeighted: (items, weights, count) => {
      const pool = [...items];
      const poolWeights = [...weights];
      const chosen = [];
      while (chosen.length < count && pool.length > 0) {
        const index = pickIndexWeighted(poolWeights);
        chosen.push(pool[index]!);
        pool.splice(index, 1);
        poolWeights.splice(index, 1);
      }
      return chosen;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}

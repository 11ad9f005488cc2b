import { describe, expect, it } from 'vitest';
import { FORBIDDEN } from '../scoring/fit-scorer';
import type { PairFitTable } from '../scoring/pair-fit-table';
import { solvePairStage } from './pair-stage';
import { assignTrios } from './trio-stage';

/** A fit table from a symmetric matrix (null = forbidden). */
function tableOf(matrix: readonly (readonly (number | null)[])[]): PairFitTable {
  const n = matrix.length;
  const fitOf = (i: number, j: number) => (i === j ? FORBIDDEN : (matrix[i]![j] ?? FORBIDDEN));
  const rowStart = new Float64Array(n);
  for (let i = 1; i < n; i++) rowStart[i] = rowStart[i - 1]! + (n - i);
  const fits = new Int16Array((n * (n - 1)) / 2);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) fits[rowStart[i]! + j - i - 1] = fitOf(i, j);
  return { n, fits, rowStart, fitOf, fitOfOrdered: fitOf };
}
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const _ = null;

/** Named canonical cases: [name, fits, objective, expected pairs, expected total fit, bottleneck]. */
const CASES = [
  [
    'total fit prefers one excellent and one poor pair',
    [
      [_, 9000, 4000, _],
      [9000, _, _, 4000],
      [4000, _, _, 1000],
      [_, 4000, 1000, _],
    ],
    'total-fit',
    [
      [0, 1],
      [2, 3],
    ],
    10000,
    undefined,
  ],
  [
    'fairness first lifts the weakest pair instead',
    [
      [_, 9000, 4000, _],
      [9000, _, _, 4000],
      [4000, _, _, 1000],
      [_, 4000, 1000, _],
    ],
    'fairness-first',
    [
      [0, 2],
      [1, 3],
    ],
    8000,
    4000,
  ],
  [
    'total fit keeps one heavy pair over two light ones',
    [
      [_, 10000, 1, _],
      [10000, _, _, 1],
      [1, _, _, _],
      [_, 1, _, _],
    ],
    'total-fit',
    [[0, 1]],
    10000,
    undefined,
  ],
  [
    'fairness first pairs everyone it can, however light',
    [
      [_, 10000, 1, _],
      [10000, _, _, 1],
      [1, _, _, _],
      [_, 1, _, _],
    ],
    'fairness-first',
    [
      [0, 2],
      [1, 3],
    ],
    2,
    1,
  ],
  [
    'total fit breaks a tie towards more pairs',
    [
      [_, 2000, 1000, _],
      [2000, _, _, 1000],
      [1000, _, _, _],
      [_, 1000, _, _],
    ],
    'total-fit',
    [
      [0, 2],
      [1, 3],
    ],
    2000,
    undefined,
  ],
  [
    'a pair with fit 0 still counts',
    [
      [_, 0],
      [0, _],
    ],
    'fairness-first',
    [[0, 1]],
    0,
    0,
  ],
  [
    'nobody allowed together',
    [
      [_, _],
      [_, _],
    ],
    'total-fit',
    [],
    0,
    undefined,
  ],
] as const;

describe('solvePairStage: named cases', () => {
  it.each(CASES)('%s', (_name, matrix, objective, pairs, weight, bottleneck) => {
    const result = solvePairStage(tableOf(matrix), all(matrix.length), objective);
    expect(result.pairs).toEqual(pairs);
    expect(result.totalFit).toBe(weight);
    expect(result.solverWeight).toBe(weight + result.certificate.pairBonus * pairs.length);
    expect(result.certificate.certified).toBe(true);
    expect(result.certificate.bottleneckFit).toBe(bottleneck);
  });

  it('only pairs the vertices it is given', () => {
    const matrix = [
      [_, 9000, 4000, _],
      [9000, _, _, 4000],
      [4000, _, _, 1000],
      [_, 4000, 1000, _],
    ];
    expect(solvePairStage(tableOf(matrix), Int32Array.from([1, 2, 3]), 'total-fit').pairs).toEqual([[1, 3]]);
  });
});

describe('assignTrios', () => {
  it('places as many leftovers as it can, then the heaviest way, each pair taking one at most', () => {
    // Pairs (0,1) and (2,3); leftovers 4 and 5. 4 fits either pair (best with the first), 5 only the first.
    const matrix: (number | null)[][] = [
      [_, 5000, _, _, 3000, 1000],
      [5000, _, _, _, 3000, 1000],
      [_, _, _, 5000, 1000, _],
      [_, _, 5000, _, 1000, _],
      [3000, 3000, 1000, 1000, _, _],
      [1000, 1000, _, _, _, _],
    ];
    const result = assignTrios(
      tableOf(matrix),
      [4, 5],
      [
        [0, 1],
        [2, 3],
      ],
    );
    expect(result.joins).toEqual([
      [0, 5],
      [1, 4],
    ]);
    expect(result.remaining).toEqual([]);
    expect(result.weight).toBe(4000);
    expect(result.certified).toBe(true);
  });

  it('leaves out a leftover that some pair member may not meet', () => {
    const matrix: (number | null)[][] = [
      [_, 5000, 3000],
      [5000, _, _],
      [3000, _, _],
    ];
    expect(assignTrios(tableOf(matrix), [2], [[0, 1]])).toEqual({
      joins: [],
      remaining: [2],
      weight: 0,
      certified: true,
    });
  });
});

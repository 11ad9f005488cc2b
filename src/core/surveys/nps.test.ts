import { describe, expect, test } from 'vitest';
import { npsCategoryOf, npsFromCounts, scoreNps } from './nps';

describe('net promoter score', () => {
  test.each([
    ['nobody', [], null],
    ['all promoters', [9, 10, 10], 100],
    ['all detractors', [0, 3, 6], -100],
    ['all passives', [7, 8], 0],
    ['two promoters, one passive, one detractor', [10, 9, 7, 6], 25],
    ['one promoter of three', [9, 5, 8], 0],
  ])('%s', (_name, values, score) => {
    expect(scoreNps(values).score).toBe(score);
  });

  test('categories at their edges', () => {
    expect([6, 7, 8, 9].map(npsCategoryOf)).toEqual(['detractor', 'passive', 'passive', 'promoter']);
    expect(scoreNps([0, 6, 7, 8, 9, 10])).toMatchObject({
      count: 6,
      promoters: 2,
      passives: 2,
      detractors: 2,
      score: 0,
    });
  });

  test('counts give the same score as the answers', () => {
    expect(npsFromCounts({ '10': 3, '8': 1, '2': 1 })).toEqual(scoreNps([10, 10, 10, 8, 2]));
  });

  test('a value outside 0–10 is refused', () => {
    expect(() => scoreNps([11])).toThrow(RangeError);
    expect(() => scoreNps([4.5])).toThrow(RangeError);
  });
});

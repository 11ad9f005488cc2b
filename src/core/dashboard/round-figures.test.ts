import { describe, expect, test } from 'vitest';
import { foldApplicationWeeks, foldFitBands, percentOf, WEEK_MS } from './round-figures';

const opensAt = new Date('2026-01-05T00:00:00Z');
const closesAt = new Date(opensAt.getTime() + 3 * WEEK_MS - 60_000);
const hour = (iso: string, count: number) => ({ hourAt: new Date(iso), count });

describe('applications by week of the window', () => {
  test('hours fold into weeks from the opening, empty weeks kept, running total', () => {
    const weeks = foldApplicationWeeks(
      [hour('2026-01-05T00:00:00Z', 3), hour('2026-01-11T23:00:00Z', 2), hour('2026-01-20T10:00:00Z', 4)],
      { opensAt, closesAt },
    );
    expect(weeks.map((w) => [w.week, w.count, w.cumulative])).toEqual([
      [1, 5, 5],
      [2, 0, 5],
      [3, 4, 9],
    ]);
    expect(weeks[1]!.startsAt.toISOString()).toBe('2026-01-12T00:00:00.000Z');
  });

  test('late imports extend the weeks; nothing before the opening is lost', () => {
    const weeks = foldApplicationWeeks([hour('2026-01-04T22:00:00Z', 1), hour('2026-02-03T09:00:00Z', 1)], {
      opensAt,
      closesAt,
    });
    expect(weeks).toHaveLength(5);
    expect(weeks[0]!.count).toBe(1);
    expect(weeks[4]!.count).toBe(1);
    expect(weeks.at(-1)!.cumulative).toBe(2);
  });

  test('no applications: the window still has its weeks, all empty', () => {
    expect(foldApplicationWeeks([], { opensAt, closesAt }).map((w) => w.count)).toEqual([0, 0, 0]);
  });
});

describe('fit bands', () => {
  test('ten bands; a perfect fit joins the last; out-of-range bands are clamped', () => {
    const bands = foldFitBands([
      { band: 0, count: 2 },
      { band: 7, count: 5 },
      { band: 10, count: 1 },
      { band: 9, count: 1 },
    ]);
    expect(bands).toHaveLength(10);
    expect(bands[0]).toEqual({ from: 0, to: 999, count: 2 });
    expect(bands[7]!.count).toBe(5);
    expect(bands[9]).toEqual({ from: 9000, to: 10000, count: 2 });
  });
});

test('percentOf is null with nobody, capped at 100', () => {
  expect(percentOf(1, 0)).toBeNull();
  expect(percentOf(1, 4)).toBe(25);
  expect(percentOf(5, 4)).toBe(100);
});

import { describe, expect, test } from 'vitest';
import {
  CHART_WIDTH,
  LABEL_WIDTH,
  layoutBars,
  layoutStacked,
  ticksOf,
  VALUE_WIDTH,
  xOf,
} from './chart-layout';

const plotRight = CHART_WIDTH - VALUE_WIDTH;

describe('chart geometry', () => {
  test('values map linearly onto the plot, clamped to the domain', () => {
    const domain = { min: 0, max: 100 };
    expect(xOf(0, domain)).toBe(LABEL_WIDTH);
    expect(xOf(100, domain)).toBe(plotRight);
    expect(xOf(50, domain)).toBe((LABEL_WIDTH + plotRight) / 2);
    expect(xOf(150, domain)).toBe(plotRight);
    expect(xOf(-5, domain)).toBe(LABEL_WIDTH);
  });

  test.each([
    [{ min: 0, max: 100 }, [0, 25, 50, 75, 100]],
    [{ min: -100, max: 100 }, [-100, -50, 0, 50, 100]],
    [{ min: 1, max: 5 }, [1, 2, 3, 4, 5]],
    [{ min: 0, max: 7 }, [0, 2, 4, 6]],
  ])('ticks over %o', (domain, ticks) => {
    expect(ticksOf(domain)).toEqual(ticks);
  });

  test('a negative net promoter score is drawn leftwards from zero', () => {
    const layout = layoutBars(
      [
        { label: 'Kenya', bars: [{ value: -40, series: 0, text: '−40' }] },
        { label: 'Nigeria', bars: [{ value: 60, series: 0, text: '60' }] },
      ],
      { min: -100, max: 100 },
    );
    const [negative, positive] = layout.rows.map((row) => row.bars[0]!);
    expect(negative!.x + negative!.width).toBeCloseTo(layout.zeroX);
    expect(positive!.x).toBeCloseTo(layout.zeroX);
    expect(positive!.width).toBeCloseTo((60 / 200) * (plotRight - LABEL_WIDTH));
    expect(layout.rows[1]!.labelY).toBeGreaterThan(layout.rows[0]!.labelY);
    expect(layout.height).toBeGreaterThan(layout.plotBottom);
  });

  test('grouped bars stack vertically within a row; stacked segments end to end', () => {
    const grouped = layoutBars(
      [{ label: 'Kenya', bars: [0, 1, 2].map((series) => ({ value: 10, series, text: '10%' })) }],
      { min: 0, max: 100 },
    );
    const ys = grouped.rows[0]!.bars.map((bar) => bar.y);
    expect(new Set(ys).size).toBe(3);
    expect(new Set(grouped.rows[0]!.bars.map((bar) => bar.fill)).size).toBe(3);
    const stacked = layoutStacked([
      {
        label: 'Kenya',
        bars: [
          { value: 25, series: 0, text: '25%' },
          { value: 75, series: 1, text: '75%' },
        ],
      },
    ]);
    const [first, second] = stacked.rows[0]!.bars;
    expect(first!.x).toBe(LABEL_WIDTH);
    expect(second!.x).toBeCloseTo(first!.x + first!.width);
    expect(second!.x + second!.width).toBeCloseTo(plotRight);
  });
});

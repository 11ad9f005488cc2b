import type { Child } from 'hono/jsx';
import { ChartLegend, ChartSvg } from '../charts/bar-chart';
import { type ChartLayout, layoutBars, type RowInput } from '../charts/chart-layout';

/**
 * One figure of the dashboard: a caption, the chart (the survey results' SVG bars, hidden from
 * assistive technology) and the table with the same figures, which the caption names. Bars count
 * people or partnerships, so the axis runs from zero to the largest count.
 */
export const countLayout = (rows: readonly RowInput[]): ChartLayout =>
  layoutBars(rows, {
    min: 0,
    max: Math.max(1, ...rows.flatMap((row) => row.bars.map((bar) => bar.value))),
  });

export const DashboardFigure = ({
  id,
  caption,
  layout,
  formatTick,
  legend,
  children,
}: {
  id: string;
  caption: string;
  layout: ChartLayout;
  formatTick: (value: number) => string;
  legend?: string[];
  /** The table's head and body. */
  children: Child;
}) => (
  <figure class="chart-figure">
    <figcaption id={`${id}-caption`}>{caption}</figcaption>
    {legend && <ChartLegend series={legend} />}
    <ChartSvg layout={layout} formatTick={formatTick} />
    <div class="table-scroll">
      <table aria-labelledby={`${id}-caption`}>{children}</table>
    </div>
  </figure>
);

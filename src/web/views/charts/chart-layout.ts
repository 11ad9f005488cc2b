/**
 * The geometry of the program's charts: horizontal bars in an SVG drawn on the server (no script,
 * no library; docs/decisions/0015). Pure, so it is tested without rendering.
 *
 * A chart is rows of bars: a row has a label (the group or the answer) and one bar, or several
 * side by side in series (grouped), or segments end to end (stacked, shares of 100). Values are
 * mapped to x linearly over the domain; a domain that starts below zero (net promoter, −100 to
 * 100) draws bars from zero, leftwards for negative values.
 */
export const CHART_WIDTH = 640;
export const LABEL_WIDTH = 200;
export const VALUE_WIDTH = 70;
export const BAR_HEIGHT = 16;
export const BAR_GAP = 4;
export const ROW_GAP = 10;
export const AXIS_HEIGHT = 20;

/** Colour-blind-safe (Okabe and Ito, "Color Universal Design", 2008), darkest first. */
export const SERIES_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

export interface Domain {
  min: number;
  max: number;
}

export interface BarInput {
  value: number;
  series: number;
  /** The value as text beside the bar (e.g. "42%", "4.2"). */
  text: string;
}

export interface RowInput {
  label: string;
  bars: BarInput[];
}

export interface PlacedBar {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  text: string;
  textX: number;
  /** The text sits inside the bar (stacked segments), shown only where it fits. */
  isTextInside?: boolean;
}

export interface PlacedRow {
  label: string;
  labelY: number;
  bars: PlacedBar[];
}

export interface ChartLayout {
  width: number;
  height: number;
  rows: PlacedRow[];
  /** Vertical gridlines with their values, and the zero line. */
  ticks: { x: number; value: number }[];
  zeroX: number;
  plotTop: number;
  plotBottom: number;
}

const plotLeft = LABEL_WIDTH;
const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;

export const xOf = (value: number, domain: Domain): number => {
  const clamped = Math.min(Math.max(value, domain.min), domain.max);
  return plotLeft + ((clamped - domain.min) / (domain.max - domain.min || 1)) * plotWidth;
};

/** About five round tick values across the domain (steps of 1, 2, 2.5 or 5 × 10^k). */
export const ticksOf = (domain: Domain, count = 4): number[] => {
  const span = domain.max - domain.min;
  if (span <= 0) return [domain.min];
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? rough;
  const ticks: number[] = [];
  for (let value = Math.ceil(domain.min / step) * step; value <= domain.max + 1e-9; value += step) {
    ticks.push(Math.round(value * 1e6) / 1e6);
  }
  return ticks;
};

/** Bars side by side: each bar from zero (or the domain's start) to its value. */
export const layoutBars = (rows: readonly RowInput[], domain: Domain): ChartLayout => {
  const zero = domain.min <= 0 && domain.max >= 0 ? 0 : domain.min;
  const zeroX = xOf(zero, domain);
  let y = ROW_GAP / 2;
  const placed = rows.map((row): PlacedRow => {
    const top = y;
    const bars = row.bars.map((bar, index): PlacedBar => {
      const valueX = xOf(bar.value, domain);
      const x = Math.min(zeroX, valueX);
      const width = Math.abs(valueX - zeroX);
      return {
        x,
        y: top + index * (BAR_HEIGHT + BAR_GAP),
        width,
        height: BAR_HEIGHT,
        fill: SERIES_COLOURS[bar.series % SERIES_COLOURS.length]!,
        text: bar.text,
        textX: Math.max(valueX, zeroX) + 4,
      };
    });
    const rowHeight = Math.max(1, row.bars.length) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
    y += rowHeight + ROW_GAP;
    return { label: row.label, labelY: top + rowHeight / 2, bars };
  });
  const plotBottom = y - ROW_GAP / 2;
  return {
    width: CHART_WIDTH,
    height: plotBottom + AXIS_HEIGHT,
    rows: placed,
    ticks: ticksOf(domain).map((value) => ({ x: xOf(value, domain), value })),
    zeroX,
    plotTop: 0,
    plotBottom,
  };
};

/** Segments end to end (shares of 100 in a row), one bar per row. */
export const layoutStacked = (rows: readonly RowInput[]): ChartLayout => {
  const domain = { min: 0, max: 100 };
  let y = ROW_GAP / 2;
  const placed = rows.map((row): PlacedRow => {
    let start = 0;
    const bars = row.bars.map((segment): PlacedBar => {
      const x = xOf(start, domain);
      start += segment.value;
      const end = xOf(start, domain);
      return {
        x,
        y,
        width: end - x,
        height: BAR_HEIGHT,
        fill: SERIES_COLOURS[segment.series % SERIES_COLOURS.length]!,
        text: end - x >= 32 ? segment.text : '',
        textX: x + 3,
        isTextInside: true,
      };
    });
    const labelY = y + BAR_HEIGHT / 2;
    y += BAR_HEIGHT + ROW_GAP;
    return { label: row.label, labelY, bars };
  });
  const plotBottom = y - ROW_GAP / 2;
  return {
    width: CHART_WIDTH,
    height: plotBottom + AXIS_HEIGHT,
    rows: placed,
    ticks: ticksOf(domain).map((value) => ({ x: xOf(value, domain), value })),
    zeroX: xOf(0, domain),
    plotTop: 0,
    plotBottom,
  };
};

/** A label cut to fit the label column (the table beside the chart has it whole). */
export const fitLabel = (label: string, max = 28): string =>
  label.length > max ? `${label.slice(0, max - 1)}…` : label;

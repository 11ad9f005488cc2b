import { type ChartLayout, fitLabel, LABEL_WIDTH, SERIES_COLOURS } from './chart-layout';

/**
 * A chart drawn as SVG on the server. The SVG is decoration for sighted readers: it is hidden from
 * assistive technology because the table that always follows it says the same, and the page is
 * complete without script or images. Colours are SVG attributes (the content security policy
 * allows no inline style).
 */
export const ChartSvg = ({
  layout,
  formatTick,
}: {
  layout: ChartLayout;
  formatTick: (value: number) => string;
}) => (
  <svg
    class="chart"
    viewBox={`0 0 ${layout.width} ${layout.height}`}
    width="100%"
    aria-hidden="true"
    focusable="false"
    xmlns="http://www.w3.org/2000/svg"
  >
    {layout.ticks.map((tick) => (
      <g>
        <line
          x1={tick.x}
          x2={tick.x}
          y1={layout.plotTop}
          y2={layout.plotBottom}
          stroke={tick.x === layout.zeroX ? '#444444' : '#d0d5dd'}
          stroke-width="1"
        />
        <text x={tick.x} y={layout.plotBottom + 14} text-anchor="middle" font-size="11" fill="#444444">
          {formatTick(tick.value)}
        </text>
      </g>
    ))}
    {layout.rows.map((row) => (
      <g>
        <text x={LABEL_WIDTH - 6} y={row.labelY + 4} text-anchor="end" font-size="12" fill="#1f2328">
          {fitLabel(row.label)}
        </text>
        {row.bars.map((bar) => (
          <g>
            <rect x={bar.x} y={bar.y} width={Math.max(bar.width, 0.5)} height={bar.height} fill={bar.fill} />
            {bar.text && (
              <text
                x={bar.textX}
                y={bar.y + bar.height - 4}
                font-size="11"
                fill={bar.isTextInside ? '#ffffff' : '#1f2328'}
              >
                {bar.text}
              </text>
            )}
          </g>
        ))}
      </g>
    ))}
  </svg>
);

/** The series' colours and names, for grouped and stacked charts. */
export const ChartLegend = ({ series }: { series: string[] }) => (
  <ul class="chart-legend" aria-hidden="true">
    {series.map((name, index) => (
      <li>
        <svg width="12" height="12" viewBox="0 0 12 12" focusable="false" aria-hidden="true">
          <rect width="12" height="12" fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} />
        </svg>{' '}
        {name}
      </li>
    ))}
  </ul>
);

import { describe, expect, it } from 'vitest';
import { lineChartSvg } from '../../reports/charts/line-svg.ts';
import { lineSeries, timeFrame } from '../../reports/charts/shape.ts';
import type { ChartSpec } from '../../reports/charts/run-charts.ts';

// Made-up series: 2000-01-01 … 2010-01-01, the strategy from 0% to 100%, a dashed benchmark with a gap.
const spec = (extra: Record<string, unknown> = {}): ChartSpec => ({
  id: 't',
  option: {
    ...timeFrame({ title: 'Cumulative <return>', subtitle: 'net of costs', x: 'Date', y: 'Cumulative return (%)', yUnit: '%' }),
    dataset: {
      source: [
        ['2000-01-01', 0, 10],
        ['2005-01-01', 50, null],
        ['2010-01-01', 100, 20],
      ],
    },
    series: [lineSeries('Strategy', 1), lineSeries('SPY', 2, { lineStyle: { width: 1, type: 'dashed' }, ...extra })],
  },
});

const paths = (svg: string) => [...svg.matchAll(/<path d="M([^"]+)" fill="none"/g)].map((m) => m[1].split('L'));

describe('lineChartSvg: a line chart over dates drawn without ECharts', () => {
  it('maps the first and last date to the plot edges and the values to the y ticks', () => {
    const svg = lineChartSvg(spec(), 960)!;
    // Plot area: x 64 … 932 (960 − 28), y 78 … 300 (340 − 40). Ticks 0, 20, …, 100 % span it exactly.
    const [strategy, ...spy] = paths(svg);
    expect(strategy).toEqual(['64.0,300.0', `${(64 + ((Date.UTC(2005, 0, 1) - Date.UTC(2000, 0, 1)) / (Date.UTC(2010, 0, 1) - Date.UTC(2000, 0, 1))) * 868).toFixed(1)},189.0`, '932.0,78.0']);
    // The benchmark's missing value splits it into two stretches: 10 % → y 277.8, 20 % → 255.6.
    expect(spy).toEqual([['64.0,277.8'], ['932.0,255.6']]);
    for (const t of ['0%', '20%', '100%']) expect(svg).toContain(`>${t}</text>`);
    expect(svg).toContain('stroke-dasharray="4 3"');
  });

  it('has the title (escaped), subtitle, axis names, legend and year ticks', () => {
    const svg = lineChartSvg(spec(), 960)!;
    for (const t of ['Cumulative &lt;return&gt;', 'net of costs', 'Date', 'Cumulative return (%)', '>Strategy<', '>SPY<', '>2000<', '>2004<', '>2010<']) expect(svg).toContain(t);
    expect(svg).not.toContain('>2001<'); // ten years: a tick every two
  });

  it('leaves to ECharts what it does not draw: other series types, log axes, stacks, mark lines', () => {
    expect(lineChartSvg(spec({ type: 'bar' }), 960)).toBeNull();
    expect(lineChartSvg(spec({ stack: 'w' }), 960)).toBeNull();
    expect(lineChartSvg(spec({ markLine: { data: [] } }), 960)).toBeNull();
    const log = spec();
    (log.option.yAxis as Record<string, unknown>).type = 'log';
    expect(lineChartSvg(log, 960)).toBeNull();
  });
});

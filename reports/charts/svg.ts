import type * as Echarts from 'echarts';
import type { ChartSpec } from './run-charts.ts';
import { lineChartSvg } from './line-svg.ts';
import { revive } from './revive.ts';

let echarts: typeof import('./echarts-svg.ts') | undefined;

/**
 * zrender numbers its SVG classes and ids with counters global to the process, so the same chart drawn after others
 * would differ byte for byte; renumbered in order of appearance, an image depends only on its chart.
 */
function stableIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\bzr\d+-([a-z]+)-?\d+\b/g, (id, kind: string) => {
    let to = seen.get(id);
    if (!to) seen.set(id, (to = `zr-${kind}-${seen.size}`));
    return to;
  });
}

/**
 * Load ECharts for chartSvg: only the charts, components and renderer the images use, and only when a command draws
 * images (every other command, and every sweep worker, starts without it).
 */
export async function loadSvgCharts(): Promise<void> {
  echarts ??= await import('./echarts-svg.ts');
}

/**
 * A chart as a standalone SVG image for report.md: a line chart over dates drawn by lineChartSvg, anything else by
 * ECharts' server-side renderer (no DOM), which needs loadSvgCharts first.
 */
export function chartSvg(spec: ChartSpec, width = 960): string {
  const line = lineChartSvg(spec, width);
  if (line !== null) return line;
  if (!echarts) throw new Error('chartSvg: ECharts is not loaded yet (await loadSvgCharts() first)');
  const option = revive({ ...spec.option, dataZoom: [], animation: false, backgroundColor: '#ffffff' }) as Echarts.EChartsOption;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: spec.height ?? 340 });
  try {
    chart.setOption(option);
    return stableIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

import type * as Echarts from 'echarts';
import type { ChartSpec } from './run-charts.ts';
import { revive } from './revive.ts';

let echarts: typeof Echarts | undefined;

/**
 * Load ECharts for chartSvg. It is 3 MB of JavaScript: loaded on demand, only a command that draws images pays for
 * it (every other command, and every sweep worker, starts without it).
 */
export async function loadSvgCharts(): Promise<void> {
  echarts ??= await import('echarts');
}

/** A chart as a standalone SVG image (ECharts' server-side renderer, no DOM), for report.md; loadSvgCharts first. */
export function chartSvg(spec: ChartSpec, width = 960): string {
  if (!echarts) throw new Error('chartSvg: ECharts is not loaded yet (await loadSvgCharts() first)');
  const option = revive({ ...spec.option, dataZoom: [], animation: false, backgroundColor: '#ffffff' }) as Echarts.EChartsOption;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: spec.height ?? 340 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

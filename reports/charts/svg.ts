import * as echarts from 'echarts';
import type { ChartSpec } from './run-charts.ts';
import { revive } from './revive.ts';

/** A chart as a standalone SVG image (ECharts' server-side renderer, no DOM), for report.md. */
export function chartSvg(spec: ChartSpec, width = 960): string {
  const option = revive({ ...spec.option, dataZoom: [], animation: false, backgroundColor: '#ffffff' }) as echarts.EChartsOption;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: spec.height ?? 340 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

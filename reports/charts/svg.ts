import * as echarts from 'echarts';
import type { ChartSpec } from './run-charts.ts';
import { revive } from './revive.ts';

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

/** A chart as a standalone SVG image (ECharts' server-side renderer, no DOM), for report.md. */
export function chartSvg(spec: ChartSpec, width = 960): string {
  const option = revive({ ...spec.option, dataZoom: [], animation: false, backgroundColor: '#ffffff' }) as echarts.EChartsOption;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: spec.height ?? 340 });
  try {
    chart.setOption(option);
    return stableIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

import type { ChartSpec } from '../charts/run-charts.ts';
import { keepIndices, lineSeries, round, timeFrame } from '../charts/shape.ts';
import type { BatchModel } from './batch-model.ts';

function overlay(model: BatchModel, id: string, title: string, y: string, pick: (c: BatchModel['curves'][number]) => Float64Array, scale: number, log: boolean): ChartSpec {
  const option = {
    ...timeFrame({ title, subtitle: model.input.curvesNote ?? `${model.curves.length} runs, net of costs`, x: 'Date', y, yUnit: log ? '' : '%', yLog: log, value: log ? 'times' : 'pct' }),
    series: model.curves.map((c, k) => {
      const v = pick(c);
      const keep = keepIndices(c.dates.length, v, 1000);
      return lineSeries(c.name, k + 1, { encode: undefined, data: keep.map((i) => [c.dates[i], round(v[i] * scale, 4)]) });
    }),
  };
  return { id, option, height: 380 };
}

export function batchCharts(model: BatchModel): ChartSpec[] {
  if (!model.curves.length) return [];
  return [
    overlay(model, 'batch-growth', 'Growth of 1, every run (log scale)', 'Value of 1 invested (×, log)', (c) => c.growth, 1, true),
    overlay(model, 'batch-drawdown', 'Drawdowns, every run', 'Drawdown from the previous high (%)', (c) => c.drawdown, 100, false),
  ];
}

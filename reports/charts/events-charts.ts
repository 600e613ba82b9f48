import type { EventsReportModel } from '../model/events-model.ts';
import { fn } from './revive.ts';
import type { ChartSpec } from './run-charts.ts';
import { PALETTE, round } from './shape.ts';

const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : round(v * 100, 3));

function head(text: string, sub: string) {
  return { text, subtext: sub, left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } };
}

/** Mean and median forward return per horizon, the occurrences beside the baseline of every day. */
export function forwardChart(model: EventsReportModel, symbol: string, k: number): ChartSpec {
  const rows = model.study.summary[symbol];
  const option = {
    animation: false,
    color: ['#2563eb', '#93c5fd', '#64748b', '#cbd5e1'],
    title: head(`${symbol}: forward returns after the signal`, 'mean and median per horizon, occurrences against the baseline of every day in the window'),
    legend: { top: 30, left: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fn('pct') },
    grid: { left: 64, right: 28, top: 78, bottom: 48 },
    xAxis: { type: 'category', data: rows.map((r) => `${r.horizon}d`), name: 'Horizon (trading days)', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: 'Forward return (%)', nameLocation: 'middle', nameGap: 48, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'bar', name: 'occurrences, mean', data: rows.map((r) => pct(r.events.mean)) },
      { type: 'bar', name: 'occurrences, median', data: rows.map((r) => pct(r.events.median)) },
      { type: 'bar', name: 'baseline, mean', data: rows.map((r) => pct(r.baseline.mean)) },
      { type: 'bar', name: 'baseline, median', data: rows.map((r) => pct(r.baseline.median)) },
    ],
  };
  return { id: `forward-${k}`, option, half: true };
}

/** Every occurrence's path over the longest horizon, the mean path bold, the baseline mean at each horizon. */
export function pathsChart(model: EventsReportModel, symbol: string, k: number): ChartSpec {
  const paths = model.paths[symbol] ?? [];
  const maxLen = Math.max(0, ...paths.map((p) => p.values.length));
  const mean: (number | null)[] = [];
  for (let d = 0; d < maxLen; d++) {
    let s = 0;
    let c = 0;
    for (const p of paths) {
      const v = p.values[d];
      if (v !== null && v !== undefined) {
        s += v;
        c++;
      }
    }
    mean.push(c ? pct(s / c) : null);
  }
  const option = {
    animation: false,
    color: PALETTE,
    title: head(`${symbol}: each occurrence's path after the signal`, `return since the signal day's close; ${paths.length} occurrence${paths.length === 1 ? '' : 's'}, mean in bold`),
    legend: { top: 30, left: 8, type: 'scroll', data: ['mean of occurrences', 'baseline mean'] },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: fn('pct') },
    grid: { left: 64, right: 28, top: 78, bottom: 48 },
    xAxis: { type: 'value', name: 'Time after the signal (trading days)', nameLocation: 'middle', nameGap: 28, min: 0, max: Math.max(1, maxLen - 1) },
    yAxis: { type: 'value', name: 'Return since signal (%)', nameLocation: 'middle', nameGap: 48, axisLabel: { formatter: '{value}%' } },
    series: [
      ...paths.map((p) => ({ type: 'line', name: p.date, showSymbol: false, lineStyle: { width: 1, opacity: 0.45 }, color: '#94a3b8', emphasis: { focus: 'series' }, data: p.values.map((v, d) => [d, pct(v)]) })),
      { type: 'line', name: 'mean of occurrences', showSymbol: false, lineStyle: { width: 2.5 }, color: '#2563eb', z: 5, data: mean.map((v, d) => [d, v]) },
      { type: 'scatter', name: 'baseline mean', symbolSize: 9, color: '#f59e0b', z: 6, data: model.study.summary[symbol].map((r) => [r.horizon, pct(r.baseline.mean)]) },
    ],
  };
  return { id: `paths-${k}`, option, half: true };
}

export function eventsCharts(model: EventsReportModel): ChartSpec[] {
  return Object.keys(model.study.summary).flatMap((s, k) => [forwardChart(model, s, k), pathsChart(model, s, k)]);
}

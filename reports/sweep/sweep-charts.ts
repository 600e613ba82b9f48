import type { ChartSpec } from '../charts/run-charts.ts';
import { fn } from '../charts/revive.ts';
import { keepIndices, lineSeries, PALETTE, round, timeFrame } from '../charts/shape.ts';
import type { SweepModel } from './sweep-model.ts';

const head = (text: string, sub: string) => ({ text, subtext: sub, left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } });

export function sweepCharts(model: SweepModel): ChartSpec[] {
  const { input } = model;
  const o = input.objective;
  const out: ChartSpec[] = [];
  const h = model.distribution;
  out.push({
    id: 'objective-distribution', half: true,
    option: {
      animation: false, color: PALETTE, title: head(`Distribution of ${o}`, `${model.ranked.length} trials with a value`), legend: { top: 30, left: 8 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 64, right: 28, top: 78, bottom: 48 },
      xAxis: { type: 'category', name: `${o} (bin centre)`, nameLocation: 'middle', nameGap: 30, data: h.edges.slice(0, -1).map((e, i) => ((e + h.edges[i + 1]) / 2).toFixed(3)) },
      yAxis: { type: 'value', name: 'Trials', nameLocation: 'middle', nameGap: 44 },
      series: [{ type: 'bar', name: 'trials', data: h.counts[0]?.counts ?? [], barCategoryGap: '5%' }],
    },
  });
  if (model.heatmap) {
    const hm = model.heatmap;
    const vals = hm.cells.map((c) => c[2]).filter((v): v is number => v !== null);
    out.push({
      id: 'objective-heatmap', half: true, height: Math.max(320, 120 + hm.ys.length * 22),
      option: {
        animation: false, title: head(`${o} over ${hm.x} × ${hm.y}`, 'mean over the other parameters'), legend: { show: false },
        tooltip: { trigger: 'item', formatter: fn('scatterTip') }, grid: { left: 80, right: 90, top: 60, bottom: 48 },
        xAxis: { type: 'category', data: hm.xs, name: hm.x, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: hm.ys, name: hm.y, nameLocation: 'middle', nameGap: 60 },
        visualMap: { min: vals.length ? Math.min(...vals) : 0, max: vals.length ? Math.max(...vals) : 1, right: 8, top: 'middle', itemHeight: 160, dimension: 2, text: [`high ${o}`, 'low'], inRange: { color: ['#eff6ff', '#93c5fd', '#1d4ed8'] } },
        series: [{ type: 'heatmap', name: o, data: hm.cells.map((c) => ({ value: [c[0], c[1], c[2] === null ? null : round(c[2], 4)], tip: `${hm.x}=${hm.xs[c[0]]}, ${hm.y}=${hm.ys[c[1]]}: ${c[2] === null ? '—' : c[2].toFixed(3)}` })), label: { show: hm.xs.length * hm.ys.length <= 150, fontSize: 10, formatter: fn('heatNum') } }],
      },
    });
  }
  model.marginals.forEach((m, k) =>
    out.push({
      id: `marginal-${k}`, half: true,
      option: {
        animation: false, color: PALETTE, title: head(`${o} by ${m.param}`, 'mean and best over the trials with each value'), legend: { top: 30, left: 8 },
        tooltip: { trigger: 'axis', valueFormatter: fn('num') }, grid: { left: 64, right: 28, top: 78, bottom: 48 },
        xAxis: { type: 'category', data: m.values, name: m.param, nameLocation: 'middle', nameGap: 30 },
        yAxis: { type: 'value', name: o, nameLocation: 'middle', nameGap: 48, scale: true },
        series: [
          { type: 'line', name: 'mean', data: m.mean.map((v) => (v === null ? null : round(v, 4))), symbolSize: 6 },
          { type: 'line', name: 'best', data: m.best.map((v) => (v === null ? null : round(v, 4))), symbolSize: 6, lineStyle: { type: 'dashed' } },
        ],
      },
    }),
  );
  if (input.top?.length) {
    out.push({
      id: 'top-equity', height: 380,
      option: {
        ...timeFrame({ title: `Equity of the top ${input.top.length} trials (log scale)`, subtitle: 'growth of 1, net of costs', x: 'Date', y: 'Value of 1 invested (×, log)', yLog: true, value: 'times' }),
        series: input.top.map((t) => {
          const eq = Float64Array.from(t.equity);
          const base = eq.find((v) => v > 0) ?? NaN;
          const g = eq.map((v) => v / base);
          const keep = keepIndices(t.dates.length, g, 1000);
          return lineSeries(`trial ${t.trial}`, 2, { encode: undefined, data: keep.map((i) => [t.dates[i], round(g[i], 4)]) });
        }),
      },
    });
  }
  const of = input.overfitting;
  if (of?.logits?.length && model.logits) {
    const lh = model.logits;
    out.push({
      id: 'pbo-logits', half: true,
      option: {
        animation: false, color: ['#f59e0b'], title: head('Out-of-sample rank of the in-sample best', 'logits per split; left of 0: the in-sample winner fell below the out-of-sample median (PBO = share left of 0)'), legend: { top: 30, left: 8 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 64, right: 28, top: 78, bottom: 48 },
        xAxis: { type: 'category', name: 'logit of relative rank (bin centre)', nameLocation: 'middle', nameGap: 30, data: lh.edges.slice(0, -1).map((e, i) => ((e + lh.edges[i + 1]) / 2).toFixed(2)) },
        yAxis: { type: 'value', name: 'Splits', nameLocation: 'middle', nameGap: 40, minInterval: 1 },
        series: [{ type: 'bar', name: 'splits', data: lh.counts[0]?.counts ?? [], barCategoryGap: '5%' }],
      },
    });
  }
  if (of?.isOos?.length) {
    out.push({
      id: 'is-oos', half: true,
      option: {
        animation: false, color: PALETTE, title: head(`In-sample against out-of-sample ${o}`, 'a flat or falling cloud means the in-sample ranking does not carry over'), legend: { top: 30, left: 8 },
        tooltip: { trigger: 'item' }, grid: { left: 64, right: 28, top: 78, bottom: 48 },
        xAxis: { type: 'value', name: `in-sample ${o}`, nameLocation: 'middle', nameGap: 28, scale: true }, yAxis: { type: 'value', name: `out-of-sample ${o}`, nameLocation: 'middle', nameGap: 44, scale: true },
        series: [{ type: 'scatter', name: 'pair', data: of.isOos.map(([a, b]) => [round(a, 4), round(b, 4)]), symbolSize: 6 }],
      },
    });
  }
  return out;
}

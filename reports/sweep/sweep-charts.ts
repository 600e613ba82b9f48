import type { ChartSpec } from '../charts/run-charts.ts';
import { fn } from '../charts/revive.ts';
import { keepIndices, lineSeries, PALETTE, round, timeFrame } from '../charts/shape.ts';
import { chartScale, figureAxis } from './figures.ts';
import type { SweepModel } from './sweep-model.ts';

const head = (text: string, sub: string) => ({ text, subtext: sub, left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } });
const frame = { animation: false, color: PALETTE, legend: { top: 30, left: 8, type: 'scroll' }, grid: { left: 64, right: 28, top: 78, bottom: 48 } };

/** Bars of a histogram over its bin centres. */
function histogramBars(edges: number[], counts: number[], scale: number, digits: number) {
  return { labels: edges.slice(0, -1).map((e, i) => (((e + edges[i + 1]) / 2) * scale).toFixed(digits)), counts };
}

export function sweepCharts(model: SweepModel): ChartSpec[] {
  const { input } = model;
  const o = input.objective;
  const scale = chartScale(model.objectiveFormat);
  const axisName = figureAxis(o, model.objectiveFormat);
  const value = (v: number | null) => (v === null ? null : round(v * scale, 4));
  const tipValue = fn(model.objectiveFormat === 'pct' ? 'pct' : 'num');
  const out: ChartSpec[] = [];

  const h = histogramBars(model.distribution.edges, model.distribution.counts[0]?.counts ?? [], scale, model.objectiveFormat === 'pct' ? 2 : 3);
  if (model.valued) out.push({
    id: 'objective-distribution', half: true,
    option: {
      ...frame, title: head(`Distribution of ${o}`, `${model.valued} ok trials with a value, of ${input.n}`),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', name: `${axisName}, bin centre`, nameLocation: 'middle', nameGap: 30, data: h.labels },
      yAxis: { type: 'value', name: 'Trials (count)', nameLocation: 'middle', nameGap: 44, minInterval: 1 },
      series: [{ type: 'bar', name: 'trials in the bin', data: h.counts, barCategoryGap: '5%' }],
    },
  });

  if (model.heatmap) {
    const hm = model.heatmap;
    const vals = hm.cells.map((c) => c[2]).filter((v): v is number => v !== null).map((v) => v * scale);
    out.push({
      id: 'objective-heatmap', half: true, height: Math.max(340, 140 + hm.ys.length * 22),
      option: {
        animation: false, title: head(`${o} over ${hm.x} × ${hm.y}`, 'each cell: mean over the trials with that pair (the other params vary)'),
        legend: { top: 30, left: 8, data: [`mean ${o}`] },
        tooltip: { trigger: 'item', formatter: fn('scatterTip') }, grid: { left: 80, right: 100, top: 78, bottom: 48 },
        xAxis: { type: 'category', data: hm.xs, name: `${hm.x} (param value)`, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: hm.ys, name: `${hm.y} (param value)`, nameLocation: 'middle', nameGap: 60 },
        visualMap: { min: vals.length ? Math.min(...vals) : 0, max: vals.length ? Math.max(...vals) : 1, right: 8, top: 'middle', itemHeight: 160, dimension: 2, text: [`high ${axisName}`, 'low'], calculable: true, precision: scale === 100 ? 2 : 3, inRange: { color: ['#eff6ff', '#93c5fd', '#1d4ed8'] } },
        series: [{
          type: 'heatmap', name: `mean ${o}`,
          data: hm.cells.map(([i, j, v, n]) => ({ value: [i, j, value(v)], tip: `${hm.x} = ${hm.xs[i]}, ${hm.y} = ${hm.ys[j]}: mean ${o} ${v === null ? '—' : (v * scale).toFixed(3)}${scale === 100 ? '%' : ''} over ${n} trial${n === 1 ? '' : 's'}` })),
          label: { show: hm.xs.length * hm.ys.length <= 150, fontSize: 10, formatter: fn('heatNum') },
        }],
      },
    });
  }

  model.marginals.forEach((m, k) =>
    out.push({
      id: `marginal-${k}`, half: true,
      option: {
        ...frame, title: head(`${o} by ${m.param}`, `mean and best over the trials with each ${m.binned ? 'range of values' : 'value'}`),
        tooltip: { trigger: 'axis', valueFormatter: tipValue },
        xAxis: { type: 'category', data: m.values, name: `${m.param} (param value)`, nameLocation: 'middle', nameGap: 30 },
        yAxis: { type: 'value', name: axisName, nameLocation: 'middle', nameGap: 48, scale: true },
        series: [
          { type: 'line', name: `mean ${o}`, data: m.mean.map(value), symbolSize: 6 },
          { type: 'line', name: `best ${o}`, data: m.best.map(value), symbolSize: 6, lineStyle: { type: 'dashed' } },
        ],
      },
    }),
  );

  if (model.curves.length) {
    out.push({
      id: 'top-equity', height: 380,
      option: {
        ...timeFrame({ title: `Equity of the top ${model.curves.length} trials by ${o} (log scale)`, subtitle: 'growth of 1, net of costs; the best trial first', x: 'Date', y: 'Value of 1 invested (×, log)', yLog: true, value: 'times' }),
        series: model.curves.map((c, k) => {
          const keep = keepIndices(c.dates.length, c.growth, 1000);
          return lineSeries(`#${k + 1}: trial ${c.trial}`, k + 1, { encode: undefined, data: keep.map((i) => [c.dates[i], round(c.growth[i], 4)]) });
        }),
      },
    });
  }

  const of = input.overfitting;
  if (model.logits) {
    const lh = histogramBars(model.logits.edges, model.logits.counts[0]?.counts ?? [], 1, 2);
    out.push({
      id: 'pbo-logits', half: true,
      option: {
        ...frame, color: ['#f59e0b'], title: head('Out-of-sample rank of the in-sample best', 'one logit per split; left of 0: it fell below the out-of-sample median (PBO = share left of 0)'),
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', name: 'logit of the relative rank (unitless), bin centre', nameLocation: 'middle', nameGap: 30, data: lh.labels },
        yAxis: { type: 'value', name: 'Splits (count)', nameLocation: 'middle', nameGap: 40, minInterval: 1 },
        series: [{ type: 'bar', name: 'splits in the bin', data: lh.counts, barCategoryGap: '5%' }],
      },
    });
  }
  if (of?.isOos?.length) {
    out.push({
      id: 'is-oos', half: true,
      option: {
        ...frame, title: head('In-sample against out-of-sample Sharpe of the in-sample best', `one point per split${of.slope === null || of.slope === undefined ? '' : `; slope ${of.slope.toFixed(2)}`}; below the line at 0, a loss out of sample`),
        tooltip: { trigger: 'item', valueFormatter: fn('num') },
        xAxis: { type: 'value', name: 'In-sample Sharpe (ratio)', nameLocation: 'middle', nameGap: 28, scale: true },
        yAxis: { type: 'value', name: 'Out-of-sample Sharpe (ratio)', nameLocation: 'middle', nameGap: 44, scale: true },
        series: [{ type: 'scatter', name: 'split (in-sample, out-of-sample)', data: of.isOos.map(([a, b]) => [round(a, 4), round(b, 4)]), symbolSize: 6, markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#ef4444', type: 'dashed' }, label: { formatter: 'out-of-sample loss below', position: 'insideStartBottom' } } }],
      },
    });
  }
  return out;
}

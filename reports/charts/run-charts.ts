import type { RunReportModel } from '../model/run-model.ts';
import { fn, type ChartOption } from './revive.ts';
import { keepIndices, lineSeries, PALETTE, round, rows, timeFrame } from './shape.ts';

/** One chart of a report: where it goes and its ECharts option (plain JSON). */
export interface ChartSpec {
  id: string;
  option: ChartOption;
  /** Pixel height of its container. */
  height?: number;
  /** Half-width tile in the grid. */
  half?: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function cumulativeChart(model: RunReportModel, log: boolean, maxPoints?: number): ChartSpec {
  const s = model.series;
  const lines = s.cumulative.map((l) => (log ? l.values.map((v) => 1 + v) : l.values));
  const keep = keepIndices(s.dates.length, lines[0], maxPoints);
  const option = {
    ...timeFrame({
      title: log ? 'Growth of 1 (log scale)' : 'Cumulative return',
      subtitle: `net of costs${s.cumulative.length > 1 ? `, against ${s.cumulative.slice(1).map((l) => l.name).join(', ')}` : ''}`,
      x: 'Date',
      y: log ? 'Value of 1 invested (×, log)' : 'Cumulative return (%)',
      yUnit: log ? '' : '%',
      yLog: log,
      value: log ? 'times' : 'pct',
    }),
    dataset: { source: rows(s.dates, lines, keep, log ? 1 : 100, log ? 4 : 2) },
    series: s.cumulative.map((l, k) => lineSeries(k === 0 ? model.title : l.name, k + 1)),
  };
  return { id: log ? 'cumulative-log' : 'cumulative', option, half: true };
}

export function drawdownChart(model: RunReportModel, maxPoints?: number): ChartSpec {
  const s = model.series;
  const keep = keepIndices(s.dates.length, s.drawdown[0].values, maxPoints);
  const option = {
    ...timeFrame({ title: 'Underwater: drawdown from the previous high', subtitle: 'net of costs', x: 'Date', y: 'Drawdown (%)', yUnit: '%', value: 'pct' }),
    dataset: { source: rows(s.dates, s.drawdown.map((l) => l.values), keep, 100, 2) },
    series: s.drawdown.map((l, k) =>
      lineSeries(k === 0 ? model.title : l.name, k + 1, k === 0 ? { areaStyle: { opacity: 0.25 }, lineStyle: { width: 1.2 } } : { lineStyle: { width: 1, type: 'dashed' } }),
    ),
  };
  return { id: 'drawdown', option };
}

export function monthlyHeatmap(model: RunReportModel): ChartSpec {
  const years = model.monthly.map((r) => r.year);
  const data: { value: [number, number, number | null]; tip: string; name: string }[] = [];
  let extreme = 0;
  model.monthly.forEach((r, y) =>
    r.months.forEach((v, mIdx) => {
      if (v === null) return;
      const pct = round(v * 100, 2);
      extreme = Math.max(extreme, Math.abs(pct ?? 0));
      data.push({ value: [mIdx, y, pct], name: MONTHS[mIdx], tip: r.year });
    }),
  );
  const bound = Math.max(1, Math.ceil(extreme));
  const option = {
    animation: false,
    title: { text: 'Monthly returns', subtext: 'net of costs, % per calendar month', left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item', formatter: fn('heatTip') },
    legend: { show: false },
    grid: { left: 64, right: 90, top: 60, bottom: 40 },
    xAxis: { type: 'category', data: MONTHS, name: 'Month', nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
    yAxis: { type: 'category', data: years, name: 'Year', nameLocation: 'middle', nameGap: 48, inverse: true },
    visualMap: {
      type: 'continuous', min: -bound, max: bound, calculable: false, orient: 'vertical', right: 8, top: 'middle', itemHeight: 160,
      text: ['gain %', 'loss %'], textStyle: { fontSize: 11 }, inRange: { color: ['#b91c1c', '#fca5a5', '#f8fafc', '#86efac', '#15803d'] }, dimension: 2,
    },
    series: [{ type: 'heatmap', name: 'Monthly return (%)', data, label: { show: years.length <= 40, fontSize: 9, formatter: fn('heatLabel') }, emphasis: { itemStyle: { borderColor: '#111', borderWidth: 1 } } }],
  };
  return { id: 'monthly-heatmap', option, height: Math.max(260, 90 + years.length * 18) };
}

export function yearlyChart(model: RunReportModel): ChartSpec {
  const ys = model.calendarYears;
  const option = {
    animation: false,
    color: PALETTE,
    title: { text: 'Calendar-year returns', subtext: 'first and last years may be partial', left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } },
    legend: { top: 30, left: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fn('pct') },
    grid: { left: 64, right: 28, top: 78, bottom: 48 },
    xAxis: { type: 'category', data: ys.map((y) => y.year), name: 'Year', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: 'Return (%)', nameLocation: 'middle', nameGap: 48, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'bar', name: model.title, data: ys.map((y) => (y.ret === null ? null : round(y.ret * 100, 2))) },
      ...model.benchmarkSymbols.map((sym, k) => ({ type: 'bar', name: sym, data: ys.map((y) => (y.benchmarks[k] === null ? null : round(y.benchmarks[k]! * 100, 2))) })),
    ],
  };
  return { id: 'yearly', option, half: true };
}

function rollingChart(model: RunReportModel, id: string, title: string, y: string, lines: { name: string; values: Float64Array }[], scale: number, unit: '%' | ''): ChartSpec {
  const s = model.series;
  const keep = keepIndices(s.dates.length, lines[0].values);
  const option = {
    ...timeFrame({ title, subtitle: `trailing ${s.rollingWindow} trading days (about 6 months)`, x: 'Date', y, yUnit: unit, value: unit === '%' ? 'pct' : 'num' }),
    dataset: { source: rows(s.dates, lines.map((l) => l.values), keep, scale, 3) },
    series: lines.map((l, k) => lineSeries(k === 0 && l.name === 'Strategy' ? model.title : l.name, k + 1)),
  };
  return { id, option, half: true };
}

export function rollingCharts(model: RunReportModel): ChartSpec[] {
  const s = model.series;
  const out = [
    rollingChart(model, 'rolling-sharpe', 'Rolling Sharpe ratio', 'Sharpe (annualised)', s.rollingSharpe, 1, ''),
    rollingChart(model, 'rolling-volatility', 'Rolling volatility', 'Volatility (%, annualised)', s.rollingVolatility, 100, '%'),
  ];
  if (s.rollingBeta) out.push(rollingChart(model, 'rolling-beta', `Rolling ${s.rollingBeta.name}`, 'Beta (ratio)', [s.rollingBeta], 1, ''));
  return out;
}

function histogramChart(id: string, title: string, x: string, y: string, h: RunReportModel['series']['dailyReturns'], strategy: string): ChartSpec {
  const centres = h.edges.slice(0, -1).map((e, i) => (((e + h.edges[i + 1]) / 2) * 100).toFixed(2));
  const option = {
    animation: false,
    color: PALETTE,
    title: { text: title, subtext: 'shared bins; bars overlap', left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } },
    legend: { top: 30, left: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 64, right: 28, top: 78, bottom: 48 },
    xAxis: { type: 'category', data: centres, name: x, nameLocation: 'middle', nameGap: 30, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: y, nameLocation: 'middle', nameGap: 44 },
    series: h.counts.map((c, k) => ({ type: 'bar', name: k === 0 ? strategy : c.name, data: c.counts, barGap: '-100%', barCategoryGap: '0%', itemStyle: { opacity: k === 0 ? 0.75 : 0.45 } })),
  };
  return { id, option, half: true };
}

export function distributionCharts(model: RunReportModel): ChartSpec[] {
  return [
    histogramChart('daily-distribution', 'Distribution of daily returns', 'Daily return (%, bin centre)', 'Days (count)', model.series.dailyReturns, model.title),
    histogramChart('monthly-distribution', 'Distribution of monthly returns', 'Monthly return (%, bin centre)', 'Months (count)', model.series.monthlyReturns, model.title),
  ];
}

export function weightsChart(model: RunReportModel): ChartSpec | null {
  const s = model.series;
  if (s.weights.length === 0) return null;
  const n = s.dates.length;
  const held = s.weights.map((w) => w.values);
  const cash = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < held.length; k++) sum += Number.isFinite(held[k][i]) ? held[k][i] : 0;
    cash[i] = 1 - sum;
  }
  const lines = [...held, cash];
  // Weights jump at trades and drift in between: keep the bars either side of every jump of more than 2 points, and
  // one bar in `step` for the drift, so a week-long position still shows on a 30-year chart. Marked in place and
  // read out in order (plain loops: every bar of a 30-year run, on cold code).
  const step = Math.max(1, Math.ceil(n / 800));
  const kept = new Uint8Array(n);
  kept[0] = kept[n - 1] = 1;
  for (let i = 0; i < n; i += step) kept[i] = 1;
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < lines.length; k++) {
      if (Math.abs((lines[k][i] || 0) - (lines[k][i - 1] || 0)) > 0.02) {
        kept[i - 1] = kept[i] = 1;
        break;
      }
    }
  }
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (kept[i]) keep.push(i);
  const option = {
    ...timeFrame({ title: 'Holdings over time', subtitle: 'position value / equity at each close; cash is the rest', x: 'Date', y: 'Weight (% of equity)', yUnit: '%', value: 'pct' }),
    dataset: { source: rows(s.dates, lines, keep, 100, 1) },
    series: [...s.weights.map((w, k) => lineSeries(w.name, k + 1, { stack: 'w', areaStyle: { opacity: 0.8 }, lineStyle: { width: 0 }, step: 'end' })),
      lineSeries('cash', s.weights.length + 1, { stack: 'w', areaStyle: { opacity: 0.35, color: '#cbd5e1' }, lineStyle: { width: 0 }, itemStyle: { color: '#cbd5e1' }, step: 'end' })],
  };
  return { id: 'holdings', option };
}

/** Most symbols and markers drawn on the price chart; the rest are in trades.csv. */
const MAX_PRICE_SYMBOLS = 10;
const MAX_MARKS = 1500;

export function pricesChart(model: RunReportModel): ChartSpec | null {
  const s = model.series;
  const priced = s.prices.filter((p) => p.marks.length > 0).sort((a, b) => b.marks.length - a.marks.length).slice(0, MAX_PRICE_SYMBOLS);
  if (priced.length === 0) return null;
  const n = s.dates.length;
  const index = new Map(s.dates.map((d, i) => [d, i]));
  // Rebased to 100 at each symbol's first price, on a log axis, so symbols of any price level share one chart.
  const rebased = priced.map((p) => {
    let base = NaN;
    const out = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(base) && p.values[i] > 0) base = p.values[i];
      if (Number.isFinite(base)) out[i] = (p.values[i] / base) * 100;
    }
    return { p, out, base };
  });
  const keep = keepIndices(n, rebased[0].out);
  const marks = (kind: 'entry' | 'exit') => {
    const list: Record<string, unknown>[] = [];
    for (const r of rebased) {
      for (const m of r.p.marks) {
        if (m.kind !== kind) continue;
        const i = index.get(m.date);
        if (i === undefined || !Number.isFinite(r.out[i])) continue;
        list.push({ value: [m.date, round(r.out[i], 2)], date: m.date, kind: `${r.p.symbol} ${kind}`, side: m.side, qty: round(m.quantity, 4) });
      }
    }
    return list.slice(-MAX_MARKS);
  };
  const option = {
    ...timeFrame({ title: 'Traded symbols with entries and exits', subtitle: `closes rebased to 100, ${priced.length < s.prices.length ? `the ${priced.length} most traded; ` : ''}▲ entry from flat, ▼ exit to flat`, x: 'Date', y: 'Price (rebased to 100, log)', yLog: true, value: 'num' }),
    dataset: { source: rows(s.dates, rebased.map((r) => r.out), keep, 1, 2) },
    series: [
      ...rebased.map((r, k) => lineSeries(r.p.symbol, k + 1, { lineStyle: { width: 1.1 }, color: PALETTE[(k + 2) % PALETTE.length] })),
      { type: 'scatter', name: 'entries', symbol: 'triangle', symbolSize: 9, itemStyle: { color: '#16a34a' }, data: marks('entry'), tooltip: { trigger: 'item', formatter: fn('markTip') }, z: 5 },
      { type: 'scatter', name: 'exits', symbol: 'triangle', symbolRotate: 180, symbolSize: 9, itemStyle: { color: '#dc2626' }, data: marks('exit'), tooltip: { trigger: 'item', formatter: fn('markTip') }, z: 5 },
    ],
  };
  return { id: 'prices', option, height: 380 };
}

const STATE_CODE = { true: 1, false: 0, unknown: 2 } as const;
const STATE_COLOUR = ['#fca5a5', '#4ade80', '#cbd5e1'];

export function ruleTimelineChart(model: RunReportModel): ChartSpec | null {
  const t = model.series.rules;
  if (!t) return null;
  const labels = t.rules.map((r) => `${'· '.repeat(r.depth)}${r.name}`);
  const ms = (d: string) => Date.parse(d);
  const segs = (state: 'true' | 'false' | 'unknown') =>
    t.segments
      .filter((s) => s.state === state)
      .map((s) => ({ value: [s.rule, ms(s.from), ms(s.to), STATE_CODE[state]], rule: t.rules[s.rule].name, state, from: s.from, to: s.to }));
  const TRIGGER_COLOUR: Record<string, string> = { start: '#1e293b', entry: '#15803d', exit: '#b91c1c', signal: '#7c3aed', rebalance: '#64748b' };
  const height = Math.max(220, 110 + t.rules.length * 26);
  const option = {
    animation: false,
    title: { text: 'Rule states and decisions', subtext: 'top row: the deciding rule, every change recorded; below: its parts as recorded at each decision (◆)', left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } },
    legend: { top: 30, left: 8, data: ['true', 'false', 'unknown', 'decisions'] },
    tooltip: { trigger: 'item', confine: true, formatter: fn('ruleTip'), extraCssText: 'max-width:520px;white-space:normal' },
    grid: { left: 260, right: 28, top: 70, bottom: 64 },
    xAxis: { type: 'time', name: 'Date', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: labels, inverse: true, name: 'Rule', axisLabel: { width: 240, overflow: 'truncate', fontSize: 11 } },
    // 'filter' (the default) drops spans that start before the window: a state held for years would vanish.
    dataZoom: [{ type: 'inside', filterMode: 'none' }, { type: 'slider', height: 18, bottom: 8, filterMode: 'none' }],
    series: [
      ...(['true', 'false', 'unknown'] as const).map((st) => ({
        type: 'custom', name: st, renderItem: fn('ruleSegments'), encode: { x: [1, 2], y: 0 }, itemStyle: { color: STATE_COLOUR[STATE_CODE[st]] }, data: segs(st),
      })),
      ...(['true', 'false', 'unknown'] as const).map((st) => ({
        type: 'scatter', name: st, symbol: 'rect', symbolSize: [7, 14], itemStyle: { color: STATE_COLOUR[STATE_CODE[st]] },
        data: t.points.filter((p) => p.state === st).map((p) => ({ value: [p.date, p.rule], rule: t.rules[p.rule].name, state: st, from: p.date, to: 'recorded at this decision' })),
      })),
      {
        type: 'scatter', name: 'decisions', symbol: 'diamond', symbolSize: 10, z: 5, itemStyle: { color: '#1e293b' },
        data: t.decisions.map((d) => ({ value: [d.date, 0], date: d.date, trigger: d.trigger, summary: d.summary, itemStyle: { color: TRIGGER_COLOUR[d.trigger] ?? '#1e293b' } })),
      },
    ],
  };
  return { id: 'rules', option, height };
}

/** Every chart of a run's HTML report, in reading order. */
/** The null paths' distributions, the run's own value marked by a line. */
export function nullModelCharts(model: RunReportModel): ChartSpec[] {
  return (model.nullModel?.charts ?? []).map((c) => {
    const scale = c.percent ? 100 : 1;
    const h = c.histogram;
    const centres = h.edges.slice(0, -1).map((e, i) => ((e + h.edges[i + 1]) / 2) * scale);
    // The category axis marks the bin the run falls in (clamped to the ends when it lies outside every path).
    const bin = c.strategy === null || centres.length === 0 ? -1 : Math.max(0, Math.min(centres.length - 1, Math.floor(((c.strategy - h.edges[0]) / (h.edges[h.edges.length - 1] - h.edges[0])) * centres.length)));
    const label = c.strategy === null ? '' : `run: ${c.percent ? `${(c.strategy * 100).toFixed(1)}%` : c.strategy.toFixed(2)}`;
    return {
      id: c.id,
      half: true,
      option: {
        animation: false,
        color: ['#94a3b8'],
        title: { text: c.title, subtext: 'the line marks the run itself', left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } },
        legend: { top: 30, left: 8 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 64, right: 28, top: 78, bottom: 48 },
        xAxis: { type: 'category', name: c.axis, nameLocation: 'middle', nameGap: 30, data: centres.map((v) => v.toFixed(c.percent ? 1 : 3)) },
        yAxis: { type: 'value', name: 'Paths (count)', nameLocation: 'middle', nameGap: 44, minInterval: 1 },
        series: [
          {
            type: 'bar', name: 'null paths', data: h.counts[0]?.counts ?? [], barCategoryGap: '5%',
            ...(bin >= 0 ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#2563eb', width: 2 }, label: { formatter: label, color: '#2563eb' }, data: [{ xAxis: bin }] } } : {}),
          },
        ],
      },
    };
  });
}

export function runCharts(model: RunReportModel): ChartSpec[] {
  return [
    cumulativeChart(model, false),
    cumulativeChart(model, true),
    drawdownChart(model),
    monthlyHeatmap(model),
    yearlyChart(model),
    ...rollingCharts(model),
    ...distributionCharts(model),
    weightsChart(model),
    pricesChart(model),
    ruleTimelineChart(model),
    ...nullModelCharts(model),
  ].filter((c): c is ChartSpec => c !== null);
}

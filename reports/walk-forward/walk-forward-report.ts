import type { ChartSpec } from '../charts/run-charts.ts';
import { fn } from '../charts/revive.ts';
import { keepIndices, lineSeries, PALETTE, round, rows, timeFrame } from '../charts/shape.ts';
import { fixed, pct, table } from '../format.ts';
import { esc } from '../html/escape.ts';
import { chartDiv, htmlDocument } from '../html/page.ts';
import { htmlTable, kpi, syntheticBanner } from '../html/parts.ts';
import { mdText } from '../markdown/run-markdown.ts';

/** One fold as the report shows it. */
export interface WalkForwardFoldRow {
  index: number;
  train: { from: string; to: string };
  test: { from: string; to: string };
  trials: number;
  /** `days=5, minGain=0.01`. */
  chosen: string;
  isObjective: number | null;
  oosObjective: number | null;
  oosTotalReturn: number | null;
  oosMaxDrawdown: number | null;
  /** The chosen trial's deflated Sharpe ratio and the fold sweep's PBO, on the train window. */
  dsr: number | null;
  pbo: number | null;
}

/** Everything the walk-forward's report.md and report.html show, as plain data. */
export interface WalkForwardReportInput {
  name: string;
  synthetic: boolean;
  objective: string;
  minimize: boolean;
  /** `5y train, 1y test, stepping 1y, rolling`. */
  scheme: string;
  trials: number;
  folds: WalkForwardFoldRow[];
  /** The stitched out-of-sample run: its dates, equity and first benchmark (chained the same way). */
  oos: { dates: readonly string[]; equity: Float64Array; benchmark?: { symbol: string; prices: Float64Array } };
  /** Headline figures of the stitched run: [label, value as text, benchmark's as text or ''] rows. */
  figures: [string, string, string][];
  oosObjective: number | null;
  /** Lines about overfitting (N, deflated Sharpe, PBO), already worded. */
  overfitting: string[];
  method: string[];
  dataset: { dir: string; hash: string };
}

const RESTART = 'Rules with memory (streaks, stateful rules, open positions, anything kept in the strategy\'s state) restart at each test window: every test window is a fresh run from cash: the previous window\'s positions are sold at its last close, costs paid, and the next starts with the cash left, reading earlier bars only as warm-up history.';

function objectiveText(objective: string, v: number | null): string {
  return /return|cagr|volatility|depth|alpha/i.test(objective) ? pct(v) : fixed(v, 3);
}

function meanOf(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

function foldTable(input: WalkForwardReportInput): { header: string[]; rows: string[][] } {
  const o = input.objective;
  return {
    header: ['Fold', 'Train', 'Test', 'Trials', 'Chosen params', `IS ${o}`, `OOS ${o}`, 'OOS total return', 'OOS max DD', 'IS deflated Sharpe', 'PBO'],
    rows: input.folds.map((f) => [String(f.index), `${f.train.from} .. ${f.train.to}`, `${f.test.from} .. ${f.test.to}`, String(f.trials), f.chosen, objectiveText(o, f.isObjective), objectiveText(o, f.oosObjective), pct(f.oosTotalReturn), pct(f.oosMaxDrawdown), pct(f.dsr, 1), pct(f.pbo, 1)]),
  };
}

function summaryLine(input: WalkForwardReportInput): string {
  const is = meanOf(input.folds.map((f) => f.isObjective));
  const oos = meanOf(input.folds.map((f) => f.oosObjective));
  return `${input.folds.length} folds (${input.scheme}); ${input.trials} trials in all. Mean ${input.objective} of the chosen trials: ${objectiveText(input.objective, is)} in sample, ${objectiveText(input.objective, oos)} out of sample; the stitched out-of-sample run: ${objectiveText(input.objective, input.oosObjective)}.`;
}

export function walkForwardCharts(input: WalkForwardReportInput): ChartSpec[] {
  const { dates, equity, benchmark } = input.oos;
  const growth = (v: Float64Array) => {
    const base = v.find((x) => x > 0) ?? NaN;
    return v.map((x) => x / base - 1);
  };
  const lines = [growth(equity), ...(benchmark ? [growth(benchmark.prices)] : [])];
  const keep = keepIndices(dates.length, lines[0]);
  const boundaries = input.folds.slice(1).map((f) => ({ xAxis: f.test.from }));
  const equityChart: ChartSpec = {
    id: 'oos-equity',
    option: {
      ...timeFrame({ title: 'Stitched out-of-sample cumulative return', subtitle: `net of costs${benchmark ? `, against ${benchmark.symbol}` : ''}; dotted lines: test windows`, x: 'Date', y: 'Cumulative return (%)', yUnit: '%', value: 'pct' }),
      dataset: { source: rows(dates, lines, keep, 100, 2) },
      series: [
        lineSeries('out of sample', 1, { markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { type: 'dotted', color: '#94a3b8' }, data: boundaries } }),
        ...(benchmark ? [lineSeries(benchmark.symbol, 2)] : []),
      ],
    },
    height: 380,
  };
  const o = input.objective;
  const isOos: ChartSpec = {
    id: 'is-oos-folds',
    option: {
      animation: false,
      color: PALETTE,
      title: { text: `In-sample against out-of-sample ${o}, per fold`, subtext: 'the chosen trial on its train window, then on the test window after it', left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } },
      legend: { top: 30, left: 8 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fn('num') },
      grid: { left: 64, right: 28, top: 78, bottom: 48 },
      xAxis: { type: 'category', name: 'Fold (test window)', nameLocation: 'middle', nameGap: 30, data: input.folds.map((f) => `${f.index}: ${f.test.from.slice(0, 7)}`) },
      yAxis: { type: 'value', name: `${o} (${/return|cagr|volatility|depth|alpha/i.test(o) ? 'fraction' : 'ratio'})`, nameLocation: 'middle', nameGap: 48, scale: true },
      series: [
        { type: 'bar', name: 'in sample', data: input.folds.map((f) => (f.isObjective === null ? null : round(f.isObjective, 4))) },
        { type: 'bar', name: 'out of sample', data: input.folds.map((f) => (f.oosObjective === null ? null : round(f.oosObjective, 4))) },
      ],
    },
  };
  return [equityChart, isOos];
}

/** report.md of a walk-forward: the folds, the stitched out-of-sample figures, overfitting and method. */
export function walkForwardMarkdown(input: WalkForwardReportInput): string {
  const out = [`# Walk-forward: ${mdText(input.name)}`, ''];
  if (input.synthetic) out.push("> **SYNTHETIC DATA.** This walk-forward used rotor's generated sample dataset, not market history.", '');
  out.push(mdText(summaryLine(input)), '', `> ${mdText(RESTART)}`, '');
  const ft = foldTable(input);
  out.push('## Folds', '', `Objective \`${mdText(input.objective)}\` (${input.minimize ? 'lower' : 'higher'} is better). IS: the chosen trial on its train window; OOS: the same params on the test window.`, '', table(ft.header.map(mdText), ft.rows.map((r) => r.map(mdText))), '');
  const bench = input.oos.benchmark;
  out.push('## Stitched out-of-sample run', '', `The test windows one after another (${input.oos.dates[0]} .. ${input.oos.dates[input.oos.dates.length - 1]}); its full run folder is \`oos/\`, each fold's in-sample best is \`folds/NN/best/\`.`, '');
  out.push(table(['Figure', 'Out of sample', ...(bench ? [bench.symbol] : [])], input.figures.map(([k, v, b]) => [k, v, ...(bench ? [b] : [])])), '');
  out.push('## Overfitting', '', ...input.overfitting.map((l) => `- ${mdText(l)}`), '');
  out.push('## Method', '', ...[RESTART, ...input.method].map((s) => `- ${mdText(s)}`), '');
  out.push(`Data: \`${mdText(input.dataset.dir)}\`, dataset hash \`${input.dataset.hash.slice(0, 16)}\`.`, '');
  return out.join('\n');
}

/** report.html of a walk-forward: the same blocks, with the stitched curve and the per-fold IS/OOS chart. */
export function walkForwardHtml(input: WalkForwardReportInput): string {
  const charts = walkForwardCharts(input);
  const o = input.objective;
  const body = ['<main>', `<h1>Walk-forward: ${esc(input.name)}</h1>`];
  if (input.synthetic) body.push(syntheticBanner('walk-forward'));
  body.push(`<div class="banner trials">${esc(RESTART)}</div>`);
  const is = meanOf(input.folds.map((f) => f.isObjective));
  const total = input.figures.find(([k]) => k === 'Total return');
  body.push(
    '<div class="kpis">' +
      [
        kpi('Folds', String(input.folds.length), input.scheme),
        kpi('Trials', String(input.trials), 'all folds, failed ones included'),
        kpi(`Mean IS ${o}`, objectiveText(o, is), 'chosen trials, train windows'),
        kpi(`OOS ${o}`, objectiveText(o, input.oosObjective), 'stitched test windows'),
        kpi('OOS total return', total?.[1] ?? '—', input.oos.benchmark && total ? `${input.oos.benchmark.symbol} ${total[2]}` : ''),
      ].join('') +
      '</div>',
  );
  body.push(`<p>${esc(summaryLine(input))}</p>`);
  body.push('<h2>Stitched out-of-sample run</h2>', `<div class="grid">${chartDiv(charts[0])}</div>`);
  const bench = input.oos.benchmark;
  body.push(htmlTable(['Figure', 'Out of sample', ...(bench ? [bench.symbol] : [])], input.figures.map(([k, v, b]) => [esc(k), esc(v), ...(bench ? [esc(b)] : [])]), { textCols: [0] }));
  body.push('<p>Its full run folder is <code>oos/</code> (report.html, metrics.json); each fold\'s in-sample best is <code>folds/NN/best/</code>.</p>');
  const ft = foldTable(input);
  body.push('<h2>Folds</h2>', `<div class="grid">${chartDiv(charts[1])}</div>`, htmlTable(ft.header, ft.rows.map((r) => r.map(esc)), { textCols: [1, 2, 4] }));
  body.push('<h2>Overfitting</h2>', `<ul class="log">${input.overfitting.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`);
  body.push('<h2>Method</h2>', `<ul class="log">${[RESTART, ...input.method].map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`);
  body.push(`<p>Data <code>${esc(input.dataset.dir)}</code>, dataset hash <code>${esc(input.dataset.hash)}</code>.</p>`);
  body.push('<footer>Written by rotor. Self-contained: no request leaves this page. Charts drawn with Apache ECharts (Apache License 2.0), inlined.</footer>', '</main>');
  return htmlDocument(`Walk-forward: ${input.name} · rotor`, body.join('\n'), charts);
}

import { max, mean, median, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { RotorError } from '../../engine/index.ts';
import { histogram, type Histogram } from '../model/histogram.ts';
import { metricFormat, type FigureFormat } from './figures.ts';
import type { SweepReportInput, SweepTrial, SweepValue } from './sweep-input.ts';

/** A param's values as the heatmap and the marginals group them. */
export interface Marginal {
  param: string;
  /** Group labels: each value, or value ranges when a numeric param takes too many values (a random sweep). */
  values: string[];
  binned: boolean;
  mean: (number | null)[];
  best: (number | null)[];
  count: number[];
}

export interface Heatmap {
  x: string;
  y: string;
  xs: string[];
  ys: string[];
  /** [x index, y index, mean objective of the trials in the cell or null, their count]. */
  cells: [number, number, number | null, number][];
}

export interface Spread {
  min: number;
  q25: number;
  median: number;
  q75: number;
  max: number;
  mean: number;
  sd: number | null;
}

export interface SweepModel {
  kind: 'sweep';
  input: SweepReportInput;
  objectiveFormat: FigureFormat;
  /** Ok trials with a value of the objective. */
  valued: number;
  /** The best ten, best first (ties: lower trial first). */
  top: SweepTrial[];
  /** Columns of the top table beyond rank, trial and params. */
  columns: { key: string; label: string; format: FigureFormat }[];
  spread: Spread | null;
  distribution: Histogram;
  heatmap: Heatmap | null;
  marginals: Marginal[];
  /** The top trials' growth of 1, best first. */
  curves: { trial: number; dates: readonly string[]; growth: Float64Array }[];
  /** Histogram of the overfitting block's logits, when it has them. */
  logits: Histogram | null;
  /** The first failed trials, with their errors. */
  failed: { trial: number; error: string }[];
}

const TOP = 10;
/** More distinct numeric values than this, and a param is grouped into BINS equal ranges. */
const MAX_LEVELS = 12;
const BINS = 10;
const FIGURES: [string, string][] = [
  ['totalReturn', 'Total return'],
  ['cagr', 'CAGR'],
  ['volatility', 'Volatility'],
  ['sharpe', 'Sharpe'],
  ['maxDrawdown.depth', 'Max drawdown'],
  ['trading.trades', 'Trades'],
];

const text = (v: SweepValue | undefined) => (v === undefined ? '—' : String(v));
const short = (v: number) => String(Number(v.toPrecision(3)));

/** Groups of a param's values: distinct values in order (numbers ascending), or equal ranges when there are many. */
function axisOf(values: (SweepValue | undefined)[]): { labels: string[]; binned: boolean; index(v: SweepValue | undefined): number } {
  const distinct = [...new Map(values.map((v) => [text(v), v])).values()];
  const numeric = distinct.every((v) => typeof v === 'number');
  if (numeric && distinct.length > MAX_LEVELS) {
    const lo = Math.min(...(distinct as number[]));
    const hi = Math.max(...(distinct as number[]));
    const w = (hi - lo) / BINS;
    const labels = Array.from({ length: BINS }, (_, b) => `${short(lo + b * w)}–${short(lo + (b + 1) * w)}`);
    return { labels, binned: true, index: (v) => Math.min(BINS - 1, Math.floor(((v as number) - lo) / w)) };
  }
  if (numeric) distinct.sort((a, b) => (a as number) - (b as number));
  const labels = distinct.map(text);
  const at = new Map(labels.map((l, i) => [l, i]));
  return { labels, binned: false, index: (v) => at.get(text(v))! };
}

/** --heatmap a,b must name two different params the sweep varied. */
export function checkHeatmap(pair: readonly string[], varied: readonly string[]): [string, string] {
  const flag = `--heatmap ${pair.join(',')}`;
  if (pair.length !== 2 || pair[0] === pair[1]) throw new RotorError(`${flag}: expected two different grid params, e.g. --heatmap ${varied.slice(0, 2).join(',') || 'a,b'}`);
  for (const p of pair) {
    if (!varied.includes(p)) throw new RotorError(`${flag}: ${p} is not a param the sweep varies (${varied.length ? varied.join(', ') : 'none'})`);
  }
  return [pair[0], pair[1]];
}

function spreadOf(values: number[]): Spread | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return { min: min(s), q25: quantileSorted(s, 0.25), median: median(s), q75: quantileSorted(s, 0.75), max: max(s), mean: mean(s), sd: s.length > 1 ? sampleStandardDeviation(s) : null };
}

/** Every figure both sweep reports show: trials ranked by the objective, its spread, heatmap, marginals, curves. */
export function buildSweepModel(input: SweepReportInput): SweepModel {
  const dir = input.direction ?? 'max';
  const better = (a: number, b: number) => (dir === 'max' ? a > b : a < b);
  const obj = (t: SweepTrial) => t.metrics[input.objective] as number;
  const ok = input.trials.filter((t) => {
    const v = t.metrics[input.objective];
    return t.status === 'ok' && typeof v === 'number' && Number.isFinite(v);
  });
  const ranked = [...ok].sort((a, b) => (dir === 'max' ? obj(b) - obj(a) : obj(a) - obj(b)) || a.trial - b.trial);
  const values = ok.map(obj);

  const axes = new Map(input.paramNames.map((p) => [p, axisOf(ok.map((t) => t.params[p]))]));
  // Without a single value of the objective there is nothing to map or average.
  const grouped = ok.length ? input.paramNames : [];
  const marginals: Marginal[] = grouped.map((p) => {
    const axis = axes.get(p)!;
    const sum = new Array<number>(axis.labels.length).fill(0);
    const count = new Array<number>(axis.labels.length).fill(0);
    const best = new Array<number | null>(axis.labels.length).fill(null);
    for (const t of ok) {
      const k = axis.index(t.params[p]);
      const v = obj(t);
      sum[k] += v;
      count[k]++;
      if (best[k] === null || better(v, best[k]!)) best[k] = v;
    }
    return { param: p, values: axis.labels, binned: axis.binned, mean: sum.map((s, k) => (count[k] ? s / count[k] : null)), best, count };
  });

  let heatmap: Heatmap | null = null;
  const pair = input.heatmap ? checkHeatmap(input.heatmap, input.paramNames) : input.paramNames.length >= 2 ? [input.paramNames[0], input.paramNames[1]] : null;
  if (pair && ok.length) {
    const [x, y] = pair;
    const ax = axes.get(x)!;
    const ay = axes.get(y)!;
    const sum = new Float64Array(ax.labels.length * ay.labels.length);
    const count = new Array<number>(sum.length).fill(0);
    for (const t of ok) {
      const c = ax.index(t.params[x]) * ay.labels.length + ay.index(t.params[y]);
      sum[c] += obj(t);
      count[c]++;
    }
    // Over the other params, the mean: what a value pair gives on average, not its luckiest trial.
    const cells: Heatmap['cells'] = [];
    ax.labels.forEach((_, i) => ay.labels.forEach((_, j) => {
      const c = i * ay.labels.length + j;
      cells.push([i, j, count[c] ? sum[c] / count[c] : null, count[c]]);
    }));
    heatmap = { x, y, xs: ax.labels, ys: ay.labels, cells };
  }

  const columns = [...(FIGURES.some(([k]) => k === input.objective) ? [] : [[input.objective, input.objective] as [string, string]]), ...FIGURES].map(([key, label]) => ({ key, label, format: metricFormat(key) }));
  const curves = (input.top ?? []).map((c) => {
    const eq = Float64Array.from(c.equity);
    const base = eq.find((v) => v > 0) ?? NaN;
    return { trial: c.trial, dates: c.dates, growth: eq.map((v) => v / base) };
  });
  const logits = input.overfitting?.logits?.length ? histogram([{ name: 'logit', values: [...input.overfitting.logits] }], 20) : null;
  const failed = input.trials.filter((t) => t.status !== 'ok').slice(0, TOP).map((t) => ({ trial: t.trial, error: t.error ?? t.status }));
  return {
    kind: 'sweep',
    input,
    objectiveFormat: metricFormat(input.objective),
    valued: ok.length,
    top: ranked.slice(0, TOP),
    columns,
    spread: spreadOf(values),
    distribution: histogram([{ name: input.objective, values }], 30),
    heatmap,
    marginals,
    curves,
    logits,
    failed,
  };
}

import { fn, type ChartOption } from './revive.ts';

/** Strategy first, benchmarks after: the same colour for the same role in every chart. */
export const PALETTE = ['#2563eb', '#64748b', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#0ea5e9', '#84cc16', '#ec4899', '#14b8a6', '#f97316', '#a855f7'];

/** Most points a daily chart keeps; a 30-year run has ~7,600 bars, more than a chart is pixels wide. */
export const MAX_POINTS = 1600;

/**
 * Bars to keep so a long series draws the same as in full: each bucket keeps its lowest and highest bar of the
 * primary line (troughs and peaks survive), plus the first and last bar of the series.
 */
export function keepIndices(n: number, primary: Float64Array, maxPoints = MAX_POINTS): number[] {
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.floor(maxPoints / 2);
  const size = n / buckets;
  // Buckets are consecutive, so the kept bars come out in order bucket by bucket: no set and no sort (this runs for
  // every chart of every report, on cold code).
  const keep = [0];
  const add = (i: number) => {
    if (i > keep[keep.length - 1]) keep.push(i);
  };
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i++) {
      const v = primary[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < primary[lo]) lo = i;
      if (hi < 0 || v > primary[hi]) hi = i;
    }
    if (lo < 0) add(from);
    else {
      add(Math.min(lo, hi));
      add(Math.max(lo, hi));
    }
  }
  add(n - 1);
  return keep;
}

/** A value for the page: rounded so the JSON stays small, null where undefined. */
export function round(v: number, digits: number): number | null {
  if (!Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Rows [date, v1, v2, …] for an ECharts dataset, on the kept bars, values scaled (100 for percent). */
export function rows(dates: readonly string[], lines: readonly Float64Array[], keep: readonly number[], scale: number, digits: number): (string | number | null)[][] {
  // Plain loops, not map and spread: tens of thousands of cells per report, on cold code.
  const out: (string | number | null)[][] = [];
  for (let r = 0; r < keep.length; r++) {
    const i = keep[r];
    const row: (string | number | null)[] = [dates[i]];
    for (let k = 0; k < lines.length; k++) row.push(round(lines[k][i] * scale, digits));
    out.push(row);
  }
  return out;
}

export interface Axes {
  title: string;
  subtitle?: string;
  x: string;
  y: string;
  yUnit?: '%' | '';
  yLog?: boolean;
  /** How the tooltip shows a value. */
  value?: 'pct' | 'num' | 'times';
  zoom?: boolean;
  legend?: boolean;
}

/** Title, legend, tooltip, grid and axes every time chart shares. */
export function timeFrame(a: Axes): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    title: { text: a.title, subtext: a.subtitle ?? '', left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 } },
    legend: { show: a.legend !== false, top: 30, left: 8, type: 'scroll', textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: fn(a.value ?? 'num') },
    grid: { left: 64, right: 28, top: 78, bottom: a.zoom === false ? 40 : 72, containLabel: false },
    xAxis: { type: 'time', name: a.x, nameLocation: 'middle', nameGap: 26, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: a.yLog ? 'log' : 'value',
      name: a.y,
      nameLocation: 'middle',
      nameGap: 48,
      scale: true,
      axisLabel: a.yUnit === '%' ? { formatter: '{value}%' } : {},
    },
    ...(a.zoom === false ? {} : { dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] }),
  };
}

/** One line series over column `col` of the dataset. */
export function lineSeries(name: string, col: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'line', name, encode: { x: 0, y: col }, showSymbol: false, lineStyle: { width: col === 1 ? 1.8 : 1.2 }, emphasis: { disabled: true }, ...extra };
}

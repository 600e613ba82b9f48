import type { RuleContext } from './evaluation.ts';
import type { Unit } from './format.ts';
import { macroWindow, type Frequency } from './macro-periods.ts';

/**
 * One point of a series. `key` numbers consecutive steps (bars for prices, months or quarters for macro series), so
 * that "12 months earlier" is found by period and a missing period stays missing instead of shifting the series.
 */
export interface SeriesPoint {
  readonly key: number;
  /** The macro period (`2024-06`, `2024Q2`), or empty for a price bar. */
  readonly at: string;
  /** NaN when unknown. */
  readonly value: number;
}

export interface SeriesWindow {
  /** Points with keys in (latest − n, latest], oldest first; a missing period is absent. */
  readonly points: readonly SeriesPoint[];
  /** Steps in a year: 252 for daily bars, 12 monthly, 4 quarterly. */
  readonly perYear: number;
}

/** A numeric series read point in time: a price, a macro series, or a transform of one. */
export interface Series {
  /** `RUT`, `CPIAUCNS year-over-year`, `IWM 126-day return`. */
  readonly label: string;
  readonly unit: Unit;
  /** What one step is called in descriptions: `day`, `month`, `quarter`, `period`. */
  readonly step: string;
  /** Set on a symbol's own price series. */
  readonly symbol?: string;
  /** The last `n` steps known at this bar (fewer, or none, near the start of the data). */
  window(ctx: RuleContext, n: number): SeriesWindow;
  /** A natural phrase for a comparison with a threshold, when the series has one (`RUT closed up more than 1%`). */
  phrase?(op: CompareOp, threshold: number): string | undefined;
  /**
   * Direct reads, for the bars where a rule only needs its state (see `check` in evaluation.ts): the latest key known
   * at this bar (NaN when none) and the value at a key (NaN when missing or unknown). They must agree with `window`
   * for every key a window of the rule's size holds. A series without them is read through `window`.
   */
  lastKey?(ctx: RuleContext): number;
  valueAt?(ctx: RuleContext, key: number): number;
  /** Steps in a year when known without reading the data (252 for prices). */
  readonly stepsPerYear?: number;
  /** True when a value, once known, never changes at later bars (prices, and transforms of them): rules may keep running counts. */
  readonly fixed?: boolean;
}

/** A series with direct reads. */
export type ReadableSeries = Series & Required<Pick<Series, 'lastKey' | 'valueAt'>>;

export function readable(s: Series): s is ReadableSeries {
  return typeof s.lastKey === 'function' && typeof s.valueAt === 'function';
}

export type CompareOp = 'above' | 'below' | 'at or above' | 'at or below';

/** A symbol's close (in the run's price basis, total return by default). */
export function price(symbol: string): Series {
  return {
    label: symbol,
    unit: 'level',
    step: 'day',
    symbol,
    stepsPerYear: 252,
    fixed: true,
    window(ctx, n) {
      const h = ctx.history(symbol, n);
      const first = ctx.bar - h.length + 1;
      const points = Array.from(h, (value, i) => ({ key: first + i, at: '', value }));
      return { points, perYear: 252 };
    },
    lastKey: (ctx) => ctx.bar,
    valueAt(ctx, key) {
      if (!(key >= 0 && key <= ctx.bar)) return NaN;
      // A strategy's context reads one close without building anything; a bare rule context only has history.
      return ctx.close ? ctx.close(symbol, ctx.bar - key) : ctx.history(symbol, ctx.bar - key + 1)[0];
    },
  };
}

export interface MacroOptions {
  /** The frequency the rule expects; the data must agree, and descriptions use it (`12-month high`). */
  every?: Frequency;
  /** `level` (default) or `ratio` when the series is itself a growth rate as a fraction. */
  unit?: Unit;
  /** What descriptions call it, e.g. `real GDP growth (first print)`; the series name by default. */
  label?: string;
}

/**
 * A macro series as published by today. A column of a file is named `FILE.column`, e.g.
 * `GDPC1.first_release_qoq_saar_pct`.
 */
export function macro(name: string, options: MacroOptions = {}): Series {
  return {
    label: options.label ?? name,
    unit: options.unit ?? 'level',
    step: options.every ?? 'period',
    window: (ctx, n) => macroWindow(ctx, name, n, options.every),
  };
}

/** A string is a price symbol; anything else is already a series. */
export type Source = Series | string;

export function toSeries(s: Source): Series {
  return typeof s === 'string' ? price(s) : s;
}

/** The newest point of a window, if it is the window's latest key and known. */
export function latest(w: SeriesWindow): SeriesPoint | undefined {
  return w.points.length ? w.points[w.points.length - 1] : undefined;
}

/** Look a point up by key. */
export function byKey(points: readonly SeriesPoint[]): Map<number, SeriesPoint> {
  return new Map(points.map((p) => [p.key, p]));
}

import type { Trade } from '../types.ts';
import type { TradingDayOfMonth } from '../calendar/schedule.ts';
import type { Indicators } from '../indicators/indicators.ts';
import type { MacroObservation } from '../macro/macro-series.ts';
import type { MacroReading, MacroTransform } from '../macro/as-of.ts';

export type Weights = Readonly<Record<string, number>>;
/**
 * Target weights as one number per symbol of `ctx.universe`, in that order: what a ranking over a wide universe
 * computes anyway, handed over without building an object keyed by name. Read when returned; the strategy may reuse it.
 */
export type WeightVector = Float64Array;
export type BarField = 'open' | 'high' | 'low' | 'close' | 'volume';

/**
 * What a strategy sees at its decision time (the close of the current bar). Every read is bounded by that time:
 * a negative lag or a later date throws LookAheadError. Prices are in the run's basis (total-return by default).
 * Reads before a symbol's first bar return NaN: unknown, never zero.
 */
export interface StrategyContext {
  /** The symbols the strategy trades, in the order a WeightVector gives their weights. */
  readonly universe: readonly string[];
  /** ISO date of the bar being decided on. */
  readonly date: string;
  /** Index of this bar in the run's calendar (includes warm-up history before `--from`). */
  readonly bar: number;
  /** True on the run's first bar (after any warm-up history). */
  readonly firstBar: boolean;
  /** True on the first bar of a new calendar month / year, judged against the previous bar (no peeking). */
  readonly newMonth: boolean;
  readonly newYear: boolean;
  /** True on the first bar of a new (Monday-based) week / calendar quarter, judged against the previous bar. */
  readonly newWeek: boolean;
  readonly newQuarter: boolean;
  /**
   * True on the last trading day of the month / quarter by the NYSE calendar (engine/calendar: holidays by rule and
   * the known special closures), never by looking at the data's next row.
   */
  readonly monthEnd: boolean;
  readonly quarterEnd: boolean;
  /**
   * Moving averages, volatility, RSI, distance from a high, correlation and beta of the declared symbols' closes,
   * computed incrementally (engine/indicators): `ctx.indicators.sma('SPY', 10, 'month')`.
   */
  readonly indicators: Indicators;
  /** Today's place among its month's trading days by that calendar: `n` from 1 (first), `fromEnd` from −1 (last). */
  tradingDayOfMonth(): TradingDayOfMonth;

  close(symbol: string, lag?: number): number;
  open(symbol: string, lag?: number): number;
  value(symbol: string, field: BarField, lag?: number): number;
  /** Simple return of the close over `n` bars, ending `lag` bars ago. */
  ret(symbol: string, n?: number, lag?: number): number;
  /**
   * `ret(symbol, n, lag)` of each symbol, in the order given, as a fresh array: the read a ranking over a wide
   * universe makes, about three times faster over 500 symbols than a `ret` call for each.
   */
  rets(symbols: readonly string[], n?: number, lag?: number): Float64Array;
  /** The last `n` values up to and including this bar, oldest first: a fresh copy (NaN where unknown). */
  history(symbol: string, n: number, field?: BarField): Float64Array;
  /** Consecutive bars, ending with this one, whose close-to-close return is above `minReturn`. */
  streak(symbol: string, minReturn?: number): number;
  /** The value of a field on an earlier (or this) date; a later date throws LookAheadError. */
  at(symbol: string, date: string, field?: BarField): number;
  /** Whether the symbol has a bar (can trade) today. */
  has(symbol: string): boolean;

  /** Latest observation of a macro series published by today, or undefined while none is known. */
  macro(series: string): MacroObservation | undefined;
  /** Up to `n` latest published observations, oldest first (what a transform may be computed from). */
  macroHistory(series: string, n: number): MacroObservation[];
  /**
   * A point-in-time read: the latest value (`'level'`, the default) or a transform (`'yoy'`, `{ change: n }`,
   * `{ pctChange: n }`, `{ average: n }`), computed only from observations released by today. `state: 'unknown'`
   * (value NaN, with a `reason`) when nothing is known yet, when the period after the latest known one is overdue,
   * or when a period the transform needs is missing.
   */
  macroValue(series: string, transform?: MacroTransform): MacroReading;

  readonly cash: number;
  readonly equity: number;
  position(symbol: string): number;
  weight(symbol: string): number;

  /**
   * Record why the strategy did what it did on this bar (the rules it evaluated, their states and values); the run
   * keeps every entry, in order, for reports.
   */
  explain(summary: string, detail?: Readonly<Record<string, unknown>>): void;
  /**
   * False when the run does not keep decisions (a sweep trial: `record.decisions` false); `explain` then does nothing,
   * and a strategy may skip building what it would have said.
   */
  readonly recordsDecisions: boolean;

  /** Ask the broker to move to these weights of equity (others to zero), at the run's fill time. */
  rebalance(weights: Weights | WeightVector, reason?: string): void;
  /** Buy (quantity > 0) or sell (< 0) a number of shares at the run's fill time. */
  order(symbol: string, quantity: number, reason?: string): void;
}

export type { Trade, MacroObservation, MacroReading, MacroTransform };

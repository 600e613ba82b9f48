import type { DecisionRecord, PositionValues, Trade } from '../../engine/index.ts';
import type { RunRecord } from '../run-record.ts';

/** A price series aligned with the curve's dates (NaN where unknown), in the run's price basis. */
export interface PriceSeries {
  symbol: string;
  prices: Float64Array;
}

/**
 * Everything a run's report is built from: what a run returns in memory, or what `rotor report DIR` reads back from
 * the files the run wrote (equity.csv, trades.csv, decisions.csv, prices.csv, metrics.json).
 */
export interface RunReportInputs {
  record: RunRecord;
  dates: readonly string[];
  equity: Float64Array;
  /** Columns of `positions`, and each bar's held symbols' values. */
  symbols: readonly string[];
  positions: PositionValues;
  trades: readonly Trade[];
  decisions: readonly DecisionRecord[];
  /** Each benchmark's prices (several will come; the metrics table takes a list). */
  benchmarks: readonly PriceSeries[];
  /** Closes of the traded symbols, for the price chart with entries and exits. */
  prices: readonly PriceSeries[];
  /** Trials of the sweep this run came from, when it did. */
  trials?: number;
}

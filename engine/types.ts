/**
 * Shared vocabulary of the engine. Kept in one small file so that the data loader, the replay loop, the broker,
 * the metrics and the report writers agree on shapes without importing each other.
 */

/** When a decision taken at the close of bar t is executed. */
export type FillTiming = 'next-open' | 'next-close' | 'close';

/** Which prices the portfolio trades and is marked at. */
export type PriceBasis = 'total-return' | 'raw';

export interface CostModel {
  /** Commission as basis points of traded notional. */
  commissionBps: number;
  /** Commission per share traded. */
  commissionPerShare: number;
  /** Minimum commission per order (applies only to orders that trade). */
  commissionMin: number;
  /** Slippage in basis points: buys fill this much above the reference price, sells below. */
  slippageBps: number;
}

export interface RunSettings {
  fill: FillTiming;
  prices: PriceBasis;
  initialCash: number;
  costs: CostModel;
  integerShares: boolean;
  /** Maximum gross exposure / equity. 1 = no leverage: cash may never go negative. */
  maxLeverage: number;
  /** Skip a rebalance trade when |current weight − target weight| is below this (0 = off). */
  driftBand: number;
  /** Skip a rebalance trade whose notional is below this (0 = off). */
  minTradeValue: number;
  /** Annual risk-free rate used by Sharpe/Sortino/alpha. */
  riskFree: number;
  /** Symbol used for beta/alpha and the report's comparison line, if any. */
  benchmark?: string;
  from?: string;
  to?: string;
}

export type Side = 'buy' | 'sell';

/** One execution. `price` is the fill price including slippage. */
export interface Trade {
  date: string;
  bar: number;
  symbol: string;
  side: Side;
  /** Always positive. */
  quantity: number;
  price: number;
  commission: number;
  /** Cost of slippage in currency (quantity × reference price × slippage). */
  slippage: number;
  reason: string;
}

/** Anything the run wants a reader to know that is not a trade: scaled buys, unfillable orders, data warnings. */
export interface RunNote {
  date?: string;
  kind: 'scaled' | 'unfilled' | 'data' | 'info';
  message: string;
}

/** Per-bar record of a finished run, in columnar form. */
export interface EquityCurve {
  dates: string[];
  /** Net equity at each close. */
  equity: Float64Array;
  /** Equity with every commission and slippage paid so far added back (costs not compounded). */
  grossEquity: Float64Array;
  cash: Float64Array;
  /** Symbols of `positionValues`, in column order. */
  symbols: string[];
  /**
   * Row-major: positionValues[bar * symbols.length + k] = market value of symbols[k] at that close. Empty when the
   * run did not keep them (`record.positions` false); `positionSums` then holds what exposure metrics need.
   */
  positionValues: Float64Array;
  positionSums?: PositionSums;
}

/** Position values summed over the bars as they were marked (see METRICS.md, exposure), instead of kept per bar. */
export interface PositionSums {
  /** Bars summed: every bar of the curve. */
  bars: number;
  /** Per symbol: Σ value / equity over the bars with positive finite equity. */
  weight: Float64Array;
  /** Σ over those bars of Σ_k |value_k| / equity. */
  gross: number;
  /** Bars with positive finite equity. */
  counted: number;
  /** Bars with any non-zero finite position value. */
  inMarket: number;
}

/** A strategy's own account of a decision (see StrategyContext.explain). */
export interface DecisionRecord {
  date: string;
  bar: number;
  summary: string;
  detail?: Readonly<Record<string, unknown>>;
}

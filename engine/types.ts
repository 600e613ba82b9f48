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
  /** Symbol used for beta/alpha and the report's comparison line, if any (the first of `benchmarks`). */
  benchmark?: string;
  /** Every benchmark, each a symbol (`{ SPY: 1 }`) or a fixed-weight blend rebalanced monthly. */
  benchmarks?: BenchmarkSpec[];
  /** Borrow fee on short positions, bps of their market value a year, charged every bar (/252). */
  borrowBps: number;
  /**
   * A margin call liquidates every position at the close when equity falls to `maintenanceMargin × gross exposure`
   * or below (and always when it reaches zero).
   */
  maintenanceMargin: number;
  /** When the run starts: the first day `all` universe symbols have a price (default) or `any` of them has one. */
  startWhen: 'all' | 'any';
  /** What idle cash earns every bar (and negative cash pays); none when absent. */
  cashRate?: RateSource;
  /** A risk-free series for Sharpe/Sortino/alpha; overrides `riskFree` when set. */
  riskFreeFrom?: RateSource;
  from?: string;
  to?: string;
}

/**
 * A rate as plain data: a constant annual rate, a macro series of annual yields in percent (DTB3, read point in
 * time), or a cash-like fund whose daily total return is the rate.
 */
export type RateSource = { kind: 'constant'; rate: number } | { kind: 'series'; name: string } | { kind: 'symbol'; symbol: string };

/** A benchmark: one symbol (`{ name: 'SPY', weights: { SPY: 1 } }`) or a blend rebalanced on each month's first bar. */
export interface BenchmarkSpec {
  name: string;
  weights: Readonly<Record<string, number>>;
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
  kind: 'scaled' | 'unfilled' | 'data' | 'info' | 'margin-call' | 'delisted';
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
  /** Symbols of `positions`, in column order. */
  symbols: string[];
  /**
   * Every position's market value at every close: the symbols held on each bar (any other was worth 0). No bars
   * when the run did not keep them (`record.positions` false); `positionSums` then holds what exposure metrics need.
   * `densePositions` gives the bar × symbol matrix.
   */
  positions: PositionValues;
  positionSums?: PositionSums;
  /** Borrow fees charged on shorts so far (cumulative, in `grossEquity`'s add-back); absent on runs without. */
  borrowPaid?: Float64Array;
  /** Interest credited on cash so far (cumulative, negative when debit interest exceeded it); absent without a cash rate. */
  interest?: Float64Array;
}

/**
 * Position values by bar, held symbols only: bar r's entries are rowStart[r] … rowStart[r + 1] − 1, each the value of
 * symbols[column[e]] (ascending within a bar) at that close. rowStart has one element per bar and one more, or none.
 */
export interface PositionValues {
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly value: Float64Array;
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

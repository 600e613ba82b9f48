import { FieldError, LookAheadError, RotorError } from '../errors.ts';
import type { PriceView } from '../market/price-view.ts';
import type { MacroObservation } from '../macro/macro-series.ts';
import type { MacroReading, MacroTransform } from '../macro/as-of.ts';
import type { BarField, StrategyContext, WeightVector, Weights } from '../strategy/context.ts';
import type { Portfolio } from '../broker/portfolio.ts';
import type { DecisionRecord } from '../types.ts';
import type { MacroBook } from './macro-book.ts';
import { Indicators } from '../indicators/indicators.ts';
import { notWeights } from '../strategy/guard.ts';
import { copyRange } from '../market/copy-range.ts';
import { isMonthEnd, isQuarterEnd, tradingDayOfMonth, type TradingDayOfMonth } from '../calendar/schedule.ts';

/** An order a strategy placed, waiting for the run's fill time. */
export type PendingOrder =
  | { kind: 'target'; weights: Float64Array; reason: string; /** Indices with a non-zero weight (the fill sorts what it prices). */ named: Int32Array }
  | { kind: 'quantity'; symbol: number; quantity: number; reason: string };

/**
 * The strategy's window on the run. One instance lives for the whole replay; the loop moves `bar` forward, so the
 * hot path allocates nothing per bar.
 */
export class BarContext implements StrategyContext {
  bar = 0;
  /** False while events before today's close run (open fills, releases): today's close is not known yet. */
  closeKnown = true;
  /** False in `init`, before the first bar's open: nothing of that bar is known. */
  openKnown = true;
  /** False when the run keeps no decisions: `explain` does nothing. */
  recordsDecisions = true;
  firstBar = false;
  newMonth = false;
  newYear = false;
  newWeek = false;
  newQuarter = false;
  equity = 0;
  pending: PendingOrder[] = [];
  readonly decisions: DecisionRecord[] = [];

  constructor(
    private readonly strategy: string,
    private readonly dates: readonly string[],
    private readonly view: PriceView,
    /** Declared symbol → column in the price view. */
    private readonly readable: ReadonlyMap<string, number>,
    /** Tradable symbol → index in the portfolio. */
    private readonly tradable: ReadonlyMap<string, number>,
    private readonly portfolio: Portfolio,
    private readonly macroBook: MacroBook,
    private readonly maxLeverage: number,
  ) {
    this.readNames = [...readable.keys()];
    this.readColumns = Int32Array.from(readable.values());
    this.readPlace = new Map(this.readNames.map((s, p) => [s, p]));
    this.universeNames = Object.freeze([...tradable.keys()]);
  }

  get date(): string {
    return this.dates[this.bar];
  }

  get monthEnd(): boolean {
    return isMonthEnd(this.date);
  }

  get quarterEnd(): boolean {
    return isQuarterEnd(this.date);
  }

  tradingDayOfMonth(): TradingDayOfMonth {
    return tradingDayOfMonth(this.date);
  }

  private indicatorBook?: Indicators;
  get indicators(): Indicators {
    this.indicatorBook ??= new Indicators((s) => this.column(s, 'close'), this.dates, () => {
      if (this.ended) throw new RotorError(`strategy ${this.strategy}: ctx.indicators was used after its run ended`);
      return this.closeKnown ? this.bar : this.bar - 1;
    });
    return this.indicatorBook;
  }

  private ended = false;
  /** The run is over: what the strategy kept of its context answers nothing more. */
  end(): void {
    this.ended = true;
  }

  /** The tradable symbols in portfolio order, frozen: what ctx.universe hands out. */
  private readonly universeNames: readonly string[];
  get universe(): readonly string[] {
    return this.universeNames;
  }

  get strategyName(): string {
    return this.strategy;
  }

  get cash(): number {
    return this.portfolio.cash;
  }

  /** The declared symbols in order, their columns, and the place after the last one read. */
  private readonly readNames: string[];
  private readonly readColumns: Int32Array;
  private readonly readPlace: ReadonlyMap<string, number>;
  private nextRead = 0;

  private column(symbol: string, field: BarField): Float64Array {
    // A ranking reads its symbols in the order it declared them, and a rule reads one symbol bar after bar: the one
    // after the last read is compared first, then the last read itself (the same string, mostly, so one pointer
    // comparison each), and only a miss hashes the name (5% of a rule strategy's sweep trial, when it did each bar).
    // The errors are built in functions of their own: these two run on every read, and kept this small the
    // optimizing compiler inlines them, and the reads that call them, into the strategy's code (a rule's chain of
    // calls ends in ctx.ret, which with them inlined was over V8's inlining budget).
    const names = this.readNames;
    let p = this.nextRead;
    if (p >= names.length || names[p] !== symbol) {
      p--;
      if (p < 0 || names[p] !== symbol) p = this.readPlace.get(symbol) ?? this.notReadable(symbol);
    }
    this.nextRead = p + 1;
    return this.view[field][this.readColumns[p]];
  }

  private notReadable(symbol: string): never {
    throw new RotorError(
      `strategy ${this.strategy} reads ${symbol}, which is not in its universe or signals (declared: ${[...this.readable.keys()].join(', ')})`,
    );
  }

  /** The bar index `lag` bars back, refusing anything not yet known at this moment. */
  private index(symbol: string, field: BarField, lag: number): number {
    // The common read (a whole number of bars back, or today's close at the close) skips the checks; `lag | 0`
    // equals `lag` only for an int32, so anything else still goes through Number.isInteger.
    if ((lag | 0) === lag && (lag > 0 || (lag === 0 && this.closeKnown))) return this.bar - lag;
    return this.checkedIndex(symbol, field, lag);
  }

  private checkedIndex(symbol: string, field: BarField, lag: number): number {
    if (!Number.isInteger(lag)) throw new RotorError(`strategy ${this.strategy}: lag must be an integer, got ${lag}`);
    if (lag < 0 || (lag === 0 && !this.knows(field))) {
      // A later bar is named by its distance, never its date: the calendar ahead is future data too.
      const when = lag < 0 ? `${-lag} bar${lag === -1 ? '' : 's'} after ${this.date}` : this.date;
      throw new LookAheadError(symbol, field, when, this.moment());
    }
    return this.bar - lag;
  }

  /** Whether today's `field` is known at this moment: the open once the bar has opened, the rest at the close. */
  private knows(field: BarField): boolean {
    return this.closeKnown || (this.openKnown && field === 'open');
  }

  private moment(): string {
    return this.closeKnown ? this.date : this.openKnown ? `${this.date} (open)` : `${this.date} (before the open)`;
  }

  value(symbol: string, field: BarField, lag = 0): number {
    const column = this.column(symbol, field);
    const i = this.index(symbol, field, lag);
    return i >= 0 ? column[i] : NaN;
  }

  close(symbol: string, lag = 0): number {
    return this.value(symbol, 'close', lag);
  }

  open(symbol: string, lag = 0): number {
    return this.value(symbol, 'open', lag);
  }

  ret(symbol: string, n = 1, lag = 0): number {
    // value(symbol, 'close', lag) / value(symbol, 'close', lag + n) - 1, with the symbol looked up once (a ranking
    // calls this for every symbol of its universe); the checks and errors come in the same order.
    const column = this.column(symbol, 'close');
    const i = this.index(symbol, 'close', lag);
    const j = this.index(symbol, 'close', lag + n);
    return (i >= 0 ? column[i] : NaN) / (j >= 0 ? column[j] : NaN) - 1;
  }

  /** The symbols `rets` read last and their close columns: a ranking passes the same list on every call. */
  private retsNames: string[] = [];
  private retsColumns: Float64Array[] = [];

  rets(symbols: readonly string[], n = 1, lag = 0): Float64Array {
    // Each symbol's ret(symbol, n, lag), bit for bit, in one tight loop: a ranking over hundreds of symbols is
    // bound by the reads, which lie in as many columns far apart in memory, and a loop this short keeps many of
    // them in flight where a call per symbol kept two or three. The list is compared name by name (the same
    // strings, so pointer comparisons), so a list the strategy changed in place is looked up again.
    const m = symbols.length;
    let same = this.retsNames.length === m;
    for (let p = 0; same && p < m; p++) same = this.retsNames[p] === symbols[p];
    if (!same) {
      const columns: Float64Array[] = [];
      for (let p = 0; p < m; p++) columns.push(this.column(symbols[p], 'close'));
      this.retsNames = [...symbols];
      this.retsColumns = columns;
    }
    const out = new Float64Array(m);
    if (m === 0) return out;
    const i = this.index(symbols[0], 'close', lag);
    const j = this.index(symbols[0], 'close', lag + n);
    const columns = this.retsColumns;
    // j ≤ i, so j ≥ 0 means both closes are in the data; otherwise ret's NaN / NaN − 1 is NaN for every symbol.
    if (j >= 0) for (let p = 0; p < m; p++) out[p] = columns[p][i] / columns[p][j] - 1;
    else out.fill(NaN);
    return out;
  }

  history(symbol: string, n: number, field: BarField = 'close'): Float64Array {
    const column = this.column(symbol, field);
    const end = this.index(symbol, field, 0) + 1;
    // A copy, by hand: a view would hand out the run's whole price buffer, future included, and a typed-array method
    // (which a strategy could have replaced) would be handed the column.
    return copyRange(column, Math.max(0, end - n), end);
  }

  streak(symbol: string, minReturn = 0): number {
    const close = this.column(symbol, 'close');
    let i = this.index(symbol, 'close', 0);
    let count = 0;
    while (i > 0 && close[i] / close[i - 1] - 1 > minReturn) {
      count++;
      i--;
    }
    return count;
  }

  at(symbol: string, date: string, field: BarField = 'close'): number {
    if (date > this.date || (date === this.date && !this.knows(field))) throw new LookAheadError(symbol, field, date, this.moment());
    const column = this.column(symbol, field);
    let lo = 0;
    let hi = this.bar;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.dates[mid] <= date) lo = mid;
      else hi = mid - 1;
    }
    return this.dates[lo] === date ? column[lo] : NaN;
  }

  /** At the close: whether today has a close. At the open (fills, releases): whether today opened; the close is unknown. */
  has(symbol: string): boolean {
    if (this.closeKnown) return this.column(symbol, 'close')[this.bar] > 0;
    if (!this.openKnown) throw new LookAheadError(symbol, 'open', this.date, this.moment());
    return this.column(symbol, 'open')[this.bar] > 0;
  }

  macro(series: string): MacroObservation | undefined {
    return this.macroBook.latest(series);
  }

  macroHistory(series: string, n: number): MacroObservation[] {
    return this.macroBook.history(series, n, this.date);
  }

  macroValue(series: string, transform: MacroTransform = 'level'): MacroReading {
    return this.macroBook.reading(series, this.date, transform);
  }

  position(symbol: string): number {
    return this.portfolio.quantity[this.tradableIndex(symbol)];
  }

  weight(symbol: string): number {
    const k = this.tradableIndex(symbol);
    const q = this.portfolio.quantity[k];
    if (q === 0 || !(this.equity > 0)) return 0;
    const close = this.view.close[this.readable.get(symbol)!];
    let i = this.closeKnown ? this.bar : this.bar - 1;
    while (i > 0 && !(close[i] === close[i])) i--;
    return (q * close[i]) / this.equity;
  }

  explain(summary: string, detail?: Readonly<Record<string, unknown>>): void {
    if (!this.recordsDecisions) return;
    this.decisions.push(detail ? { date: this.date, bar: this.bar, summary, detail } : { date: this.date, bar: this.bar, summary });
  }

  rebalance(weights: Weights | WeightVector, reason = 'rebalance'): void {
    if (weights instanceof Float64Array) this.setTargetVector(weights, reason);
    // Object.entries' order, without its pair per weight: a many-key object is a hash table, where that costs most.
    else this.setTarget(weights, Object.keys(weights), reason);
  }

  /**
   * The weights onBar returned, a WeightVector or a plain object (the guard saw to that): first every value of the
   * object must be a number, or the strategy hears what the guard says of anything else it returns; then they are a
   * rebalance.
   */
  rebalanceReturned(weights: Weights | WeightVector): void {
    if (weights instanceof Float64Array) return this.setTargetVector(weights, 'rebalance');
    const symbols = Object.keys(weights);
    for (let i = 0; i < symbols.length; i++) if (typeof weights[symbols[i]] !== 'number') throw notWeights(this.strategy, this.date, weights);
    this.setTarget(weights, symbols, 'rebalance');
  }

  private setTarget(weights: Weights, symbols: string[], reason: string): void {
    // Named weights become the vector over the universe (the others 0), checked in the order the object names them:
    // an unknown symbol or a non-finite weight is reported as it lists them.
    const n = this.tradable.size;
    const vector = this.namedWeights.length === n ? this.namedWeights.fill(0) : (this.namedWeights = new Float64Array(n));
    for (let i = 0; i < symbols.length; i++) {
      const symbol = symbols[i];
      const w = weights[symbol];
      const k = this.tradableIndex(symbol);
      if (!Number.isFinite(w)) throw this.notFinite(symbol, w);
      vector[k] = w;
    }
    this.setTargetVector(vector, reason);
  }

  /** Scratch for setTarget: read into a target by setTargetVector before the next rebalance can reuse it. */
  private namedWeights = new Float64Array(0);

  private notFinite(symbol: string, w: number): RotorError {
    return new RotorError(`strategy ${this.strategy} on ${this.date}: weight of ${symbol} must be a finite number, got ${w}`);
  }

  /**
   * The weights one per universe symbol, in its order, checked and queued as the target (replacing any earlier one
   * of this decision).
   */
  private setTargetVector(weights: WeightVector, reason: string): void {
    const n = this.tradable.size;
    if (weights.length !== n) {
      throw new RotorError(
        `strategy ${this.strategy} on ${this.date}: a Float64Array of weights needs one per ctx.universe symbol (${n}), got ${weights.length}`,
      );
    }
    const target = this.spareTargets.pop() ?? new Float64Array(n);
    if (this.namedScratch.length < n) this.namedScratch = new Int32Array(n);
    // Negative weights are shorts; the limit is on gross exposure, Σ |w|.
    let sum = 0;
    let short = false;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const w = weights[k];
      if (!Number.isFinite(w)) throw this.notFinite(this.universeNames[k], w);
      if (w !== 0) this.namedScratch[count++] = k;
      target[k] = w;
      sum += Math.abs(w);
      if (w < 0) short = true;
    }
    if (sum > this.maxLeverage + 1e-9) {
      throw new FieldError(
        'settings.maxLeverage',
        `strategy ${this.strategy} on ${this.date}: ${short ? 'gross weights (Σ |w|) sum' : 'weights sum'} to ${sum.toFixed(6)}, above the allowed ` +
          `${this.maxLeverage} (raise settings.maxLeverage to allow leverage)`,
      );
    }
    // A later rebalance in the same decision replaces an earlier one; share orders are kept.
    this.pending = this.pending.filter((o) => o.kind !== 'target');
    // The fill prices and visits these (with the held ones) instead of scanning the whole target.
    const named = this.namedScratch.slice(0, count);
    this.pending.push({ kind: 'target', weights: target, reason, named });
  }

  private namedScratch = new Int32Array(0);

  /** Target arrays of filled orders, which nothing holds any more: the next rebalance reuses one. */
  private readonly spareTargets: Float64Array[] = [];

  /** The run has filled a target order and dropped it: its weights array may be reused. */
  recycleTarget(weights: Float64Array): void {
    if (this.spareTargets.length < 4) this.spareTargets.push(weights);
  }

  order(symbol: string, quantity: number, reason = 'order'): void {
    if (!Number.isFinite(quantity)) {
      throw new RotorError(`strategy ${this.strategy} on ${this.date}: order quantity for ${symbol} must be finite, got ${quantity}`);
    }
    if (quantity !== 0) this.pending.push({ kind: 'quantity', symbol: this.tradableIndex(symbol), quantity, reason });
  }

  private tradableIndex(symbol: string): number {
    const k = this.tradable.get(symbol);
    if (k === undefined) {
      throw new RotorError(
        `strategy ${this.strategy} on ${this.date}: ${symbol} is not in its universe ` +
          `(tradable: ${[...this.tradable.keys()].join(', ')})`,
      );
    }
    return k;
  }
}

import type { Indicators } from '../indicators/indicators.ts';
import type { TradingDayOfMonth } from '../calendar/schedule.ts';
import type { MacroObservation } from '../macro/macro-series.ts';
import type { MacroReading, MacroTransform } from '../macro/as-of.ts';
import type { BarField, StrategyContext, WeightVector, Weights } from '../strategy/context.ts';
import type { BarContext } from './bar-context.ts';
import { RotorError } from '../errors.ts';

/** Only this module constructs a SealedContext: `new ctx.constructor(fake)` from a strategy is refused. */
const TOKEN = Symbol('sealed');
let endContext: (ctx: SealedContext, strategy: string) => void;

/**
 * What a strategy holds as `ctx`: getters and methods over the run's context, kept in a true private field. Nothing
 * on it can be reassigned, and nothing reachable from it (own properties, prototype, returned values) leads to the
 * price buffer, the calendar ahead, the portfolio or the macro book. The instance and the prototype are frozen, so a
 * strategy cannot patch the methods of this run or of any other in the process either. When the run ends, the
 * context is cut from it: a reference kept from `init` (in a timer, or in module state a later run of a sweep
 * finds) answers nothing but an error, never the last bar's view of the whole run.
 */
class SealedContext implements StrategyContext {
  #c: BarContext;

  static {
    endContext = (ctx, strategy) => {
      ctx.#c = ended(strategy);
    };
  }

  constructor(token: symbol, core: BarContext) {
    if (token !== TOKEN) throw new TypeError('a strategy context is made by the run, not by a strategy');
    this.#c = core;
    Object.freeze(this);
  }

  get universe(): readonly string[] {
    return this.#c.universe;
  }
  get date(): string {
    return this.#c.date;
  }
  get bar(): number {
    return this.#c.bar;
  }
  get firstBar(): boolean {
    return this.#c.firstBar;
  }
  get newMonth(): boolean {
    return this.#c.newMonth;
  }
  get newYear(): boolean {
    return this.#c.newYear;
  }
  get newWeek(): boolean {
    return this.#c.newWeek;
  }
  get newQuarter(): boolean {
    return this.#c.newQuarter;
  }
  get monthEnd(): boolean {
    return this.#c.monthEnd;
  }
  get quarterEnd(): boolean {
    return this.#c.quarterEnd;
  }
  get indicators(): Indicators {
    return this.#c.indicators;
  }
  tradingDayOfMonth(): TradingDayOfMonth {
    return this.#c.tradingDayOfMonth();
  }
  get cash(): number {
    return this.#c.cash;
  }
  get equity(): number {
    return this.#c.equity;
  }
  get recordsDecisions(): boolean {
    return this.#c.recordsDecisions;
  }

  close(symbol: string, lag?: number): number {
    return this.#c.close(symbol, lag);
  }
  open(symbol: string, lag?: number): number {
    return this.#c.open(symbol, lag);
  }
  value(symbol: string, field: BarField, lag?: number): number {
    return this.#c.value(symbol, field, lag);
  }
  ret(symbol: string, n?: number, lag?: number): number {
    return this.#c.ret(symbol, n, lag);
  }
  rets(symbols: readonly string[], n?: number, lag?: number): Float64Array {
    return this.#c.rets(symbols, n, lag);
  }
  history(symbol: string, n: number, field?: BarField): Float64Array {
    return this.#c.history(symbol, n, field);
  }
  streak(symbol: string, minReturn?: number): number {
    return this.#c.streak(symbol, minReturn);
  }
  at(symbol: string, date: string, field?: BarField): number {
    return this.#c.at(symbol, date, field);
  }
  has(symbol: string): boolean {
    return this.#c.has(symbol);
  }
  macro(series: string): MacroObservation | undefined {
    return this.#c.macro(series);
  }
  macroHistory(series: string, n: number): MacroObservation[] {
    return this.#c.macroHistory(series, n);
  }
  macroValue(series: string, transform?: MacroTransform): MacroReading {
    return this.#c.macroValue(series, transform);
  }
  position(symbol: string): number {
    return this.#c.position(symbol);
  }
  weight(symbol: string): number {
    return this.#c.weight(symbol);
  }
  explain(summary: string, detail?: Readonly<Record<string, unknown>>): void {
    this.#c.explain(summary, detail);
  }
  rebalance(weights: Weights | WeightVector, reason?: string): void {
    this.#c.rebalance(weights, reason);
  }
  order(symbol: string, quantity: number, reason?: string): void {
    this.#c.order(symbol, quantity, reason);
  }

  get [Symbol.toStringTag](): string {
    return 'StrategyContext';
  }
}
Object.freeze(SealedContext.prototype);
Object.freeze(SealedContext);

/** Stands in for the run once it is over: every read or call is the strategy's error. */
function ended(strategy: string): BarContext {
  const fail = (): never => {
    throw new RotorError(`strategy ${strategy}: ctx was used after its run ended (a reference kept past the run's hooks sees nothing)`);
  };
  return new Proxy(Object.create(null) as BarContext, { get: fail, set: fail, has: fail, ownKeys: fail, getPrototypeOf: fail });
}

/** The strategy's `ctx` for a run's context, and how the run cuts it off at its end. */
export function sealContext(core: BarContext): { ctx: StrategyContext; end(): void } {
  const ctx = new SealedContext(TOKEN, core);
  return {
    ctx,
    end() {
      core.end();
      endContext(ctx, core.strategyName);
    },
  };
}

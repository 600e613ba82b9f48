import { copyRange } from '../market/copy-range.ts';
import { Ema, FromHigh, MonthlySma, PairStats, Rsi, Sma, Volatility, type Stepper } from './steppers.ts';

/** NaN-filled, by hand (no typed-array method while strategy code may have run: see copyRange). */
function nanArray(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = NaN;
  return out;
}

export type IndicatorKind = 'sma' | 'ema' | 'volatility' | 'rsi' | 'fromHigh' | 'smaMonthly' | 'correlation' | 'beta';
const KIND: Record<IndicatorKind, number> = { sma: 0, ema: 1, volatility: 2, rsi: 3, fromHigh: 4, smaMonthly: 5, correlation: 6, beta: 7 };

interface Entry {
  readonly out: Float64Array;
  upTo: number;
  advance(to: number): void;
}

/**
 * Indicators of a run's closes, each computed once bar by bar and kept for the whole run, so that reading one on every
 * bar costs O(1) and allocates nothing after its first read (which fills it from the start of the data). Reads see
 * only bars up to `now()`: the current bar once its close is known.
 */
export class Indicators {
  // True private fields and a frozen instance: the strategy holds this object, and its internals are the run's whole
  // close columns and calendar.
  readonly #single = new Map<Float64Array, Map<number, Entry>>();
  readonly #pairs = new Map<Float64Array, Map<Float64Array, Map<number, Entry>>>();
  /** A symbol's close column; throws when the strategy did not declare it. */
  readonly #closes: (symbol: string) => Float64Array;
  readonly #dates: readonly string[];
  readonly #now: () => number;

  constructor(closes: (symbol: string) => Float64Array, dates: readonly string[], now: () => number) {
    this.#closes = closes;
    this.#dates = dates;
    this.#now = now;
    Object.freeze(this);
  }

  /** Simple moving average of the last n closes; `'month'`: of the last n month-end closes (today's standing for this month's). */
  sma(symbol: string, n: number, every: 'day' | 'month' = 'day'): number {
    return this.#read(every === 'month' ? 'smaMonthly' : 'sma', symbol, n);
  }
  /** Exponential moving average, α = 2/(n + 1), seeded with the first n closes' mean. */
  ema(symbol: string, n: number): number {
    return this.#read('ema', symbol, n);
  }
  /** Annualised volatility: sample stdev of the last n daily returns × √252. */
  volatility(symbol: string, n: number): number {
    return this.#read('volatility', symbol, n);
  }
  /** Wilder's n-day RSI, 0…100. */
  rsi(symbol: string, n: number): number {
    return this.#read('rsi', symbol, n);
  }
  /** Close / highest close of the last n bars − 1 (≤ 0). */
  fromHigh(symbol: string, n: number): number {
    return this.#read('fromHigh', symbol, n);
  }
  /** Correlation of the last n daily returns of two symbols. */
  correlation(a: string, b: string, n: number): number {
    return this.#readPair('correlation', a, b, n);
  }
  /** Beta of `symbol`'s last n daily returns on `market`'s: cov / var(market). */
  beta(symbol: string, market: string, n: number): number {
    return this.#readPair('beta', symbol, market, n);
  }

  /**
   * The indicator on the last `count` bars up to now, oldest first (NaN where unknown): a copy, whose length says
   * nothing of the bars still to come.
   */
  values(kind: IndicatorKind, symbol: string, n: number, count: number, other?: string): Float64Array {
    const e = other === undefined ? this.#entry(kind, symbol, n) : this.#pairEntry(kind, symbol, other, n);
    const t = this.#now();
    if (e.upTo < t) e.advance(t);
    return copyRange(e.out, Math.max(0, t + 1 - Math.max(0, Math.floor(count))), t + 1);
  }

  #read(kind: IndicatorKind, symbol: string, n: number): number {
    const t = this.#now();
    if (t < 0) return NaN;
    const e = this.#entry(kind, symbol, n);
    if (e.upTo < t) e.advance(t);
    return e.out[t];
  }

  #readPair(kind: IndicatorKind, a: string, b: string, n: number): number {
    const t = this.#now();
    if (t < 0) return NaN;
    const e = this.#pairEntry(kind, a, b, n);
    if (e.upTo < t) e.advance(t);
    return e.out[t];
  }

  #entry(kind: IndicatorKind, symbol: string, n: number): Entry {
    if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new RangeError(`${kind}(${symbol}, ${n}): the window must be an integer in [1, 100000]`);
    const col = this.#closes(symbol);
    let byKey = this.#single.get(col);
    if (!byKey) this.#single.set(col, (byKey = new Map()));
    const key = KIND[kind] * 1_000_000 + n;
    let e = byKey.get(key);
    if (!e) {
      const out = nanArray(col.length);
      const dates = this.#dates;
      if (kind === 'smaMonthly') {
        const m = new MonthlySma(n);
        e = { out, upTo: -1, advance(to) {
          for (let i = this.upTo + 1; i <= to; i++) out[i] = m.step(col[i], i > 0 && dates[i].slice(0, 7) !== dates[i - 1].slice(0, 7));
          this.upTo = to;
        } };
      } else {
        const s: Stepper = kind === 'sma' ? new Sma(n) : kind === 'ema' ? new Ema(n) : kind === 'volatility' ? new Volatility(n) : kind === 'rsi' ? new Rsi(n) : new FromHigh(n);
        e = { out, upTo: -1, advance(to) {
          for (let i = this.upTo + 1; i <= to; i++) out[i] = s.step(col[i]);
          this.upTo = to;
        } };
      }
      byKey.set(key, e);
    }
    return e;
  }

  #pairEntry(kind: IndicatorKind, a: string, b: string, n: number): Entry {
    if (!Number.isInteger(n) || n < 2 || n > 100_000) throw new RangeError(`${kind}(${a}, ${b}, ${n}): the window must be an integer in [2, 100000]`);
    const ca = this.#closes(a);
    const cb = this.#closes(b);
    let byB = this.#pairs.get(ca);
    if (!byB) this.#pairs.set(ca, (byB = new Map()));
    let byKey = byB.get(cb);
    if (!byKey) byB.set(cb, (byKey = new Map()));
    const key = KIND[kind] * 1_000_000 + n;
    let e = byKey.get(key);
    if (!e) {
      const out = nanArray(ca.length);
      const p = new PairStats(n);
      const corr = kind === 'correlation';
      // PairStats takes (x = market, y = symbol): beta of a on b regresses a's returns on b's.
      e = { out, upTo: -1, advance(to) {
        for (let i = this.upTo + 1; i <= to; i++) {
          p.step(cb[i], ca[i]);
          out[i] = ca[i] === ca[i] && cb[i] === cb[i] ? (corr ? p.correlation() : p.beta()) : NaN;
        }
        this.upTo = to;
      } };
      byKey.set(key, e);
    }
    return e;
  }
}
Object.freeze(Indicators.prototype);

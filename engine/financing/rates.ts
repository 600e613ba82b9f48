import { RotorError } from '../errors.ts';
import { firstOnOrAfter, type MacroSeries } from '../macro/macro-series.ts';
import type { PriceView } from '../market/price-view.ts';
import type { RateSource } from '../types.ts';

/** Trading days a year, as in METRICS.md: an annual rate R is (1 + R)^(1/252) − 1 a bar. */
const BARS_PER_YEAR = 252;

export interface PerBarRates {
  /** rates[i]: the rate earned from the close of bar i − 1 to the close of bar i (rates[0] = 0); NaN while unknown. */
  rates: Float64Array;
  /** What the rates are, for notes and reports: `DTB3 (macro, % a year)`, `BIL total return`, `2.00% a year`. */
  label: string;
}

export interface RateInputs {
  dates: readonly string[];
  view: PriceView;
  /** Column of a symbol in the price view, or undefined when it is not loaded. */
  column(symbol: string): number | undefined;
  macro: readonly MacroSeries[];
}

const perBar = (annual: number) => Math.pow(1 + annual, 1 / BARS_PER_YEAR) - 1;

/**
 * The rate of each bar, point in time: a macro series counts from the bar after its release (the rate of the period
 * i − 1 → i is the latest observation public at the close of i − 1, as a percent a year); a fund's rate is its own
 * close-to-close total return over the period; a constant is the same every bar.
 */
export function perBarRates(field: string, source: RateSource, inputs: RateInputs): PerBarRates {
  const n = inputs.dates.length;
  const rates = new Float64Array(n);
  if (source.kind === 'constant') {
    const r = perBar(source.rate);
    for (let i = 1; i < n; i++) rates[i] = r;
    return { rates, label: `${(source.rate * 100).toFixed(2)}% a year` };
  }
  if (source.kind === 'symbol') {
    const c = inputs.column(source.symbol);
    if (c === undefined) throw new RotorError(`settings.${field}: ${source.symbol} is not in the data`);
    const close = inputs.view.close[c];
    rates[0] = NaN;
    for (let i = 1; i < n; i++) rates[i] = close[i] / close[i - 1] - 1; // NaN where either close is unknown
    return { rates, label: `${source.symbol} total return` };
  }
  const s = inputs.macro.find((m) => m.name === source.name);
  if (!s) throw new RotorError(`settings.${field}: macro series ${source.name} is not in the data`);
  // Latest period public by each bar: an observation counts from the first trading day on or after its release.
  const best = new Int32Array(n).fill(-1);
  for (let j = 0; j < s.periods.length; j++) {
    if (!Number.isFinite(s.values[j])) continue;
    const bar = firstOnOrAfter(inputs.dates, s.released[j]);
    if (bar < n && best[bar] < j) best[bar] = j;
  }
  let latest = -1;
  rates[0] = NaN;
  for (let i = 0; i < n - 1; i++) {
    if (best[i] > latest) latest = best[i];
    rates[i + 1] = latest < 0 ? NaN : perBar(s.values[latest] / 100);
  }
  return { rates, label: `${source.name} (macro series, % a year)` };
}

/** The annual rate equivalent to the mean per-bar rate of the known bars of a window (for reports). */
export function annualised(rates: Float64Array, from: number, to: number): number {
  let sum = 0;
  let count = 0;
  for (let i = from; i <= to; i++) {
    if (rates[i] === rates[i]) {
      sum += rates[i];
      count++;
    }
  }
  return count ? Math.pow(1 + sum / count, BARS_PER_YEAR) - 1 : NaN;
}

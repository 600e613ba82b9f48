/** Daily simple returns and the return/risk statistics built on them. Formulas: METRICS.md. */
import { TRADING_DAYS_PER_YEAR, ZERO_STDEV, finiteOrNull, finiteValues, meanOf, sampleSdOf } from './util.ts';

/**
 * Daily simple returns: out[i − 1] = equity[i] / equity[i − 1] − 1 for i = 1 … n − 1 (length n − 1, so out[j] is
 * the return earned on bar j + 1). NaN where the previous value is not a positive finite number or the current
 * value is not finite.
 */
export function dailyReturns(equity: Float64Array): Float64Array {
  const n = equity.length;
  const out = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) {
    const prev = equity[i - 1];
    const cur = equity[i];
    out[i - 1] = prev > 0 && Number.isFinite(prev) && Number.isFinite(cur) ? cur / prev - 1 : NaN;
  }
  return out;
}

/** Daily risk-free rate equivalent to an annual rate: (1 + annual)^(1/252) − 1. */
export function dailyRiskFree(annual: number): number {
  return Math.pow(1 + annual, 1 / TRADING_DAYS_PER_YEAR) - 1;
}

/** last / first − 1; null when there is no bar or the first value is not positive. */
export function totalReturn(equity: Float64Array): number | null {
  if (equity.length === 0) return null;
  const first = equity[0];
  if (!(first > 0)) return null;
  return finiteOrNull(equity[equity.length - 1] / first - 1);
}

/** (last / first)^(1 / years) − 1; null when years ≤ 0, first ≤ 0 or last < 0. */
export function cagr(first: number, last: number, years: number): number | null {
  if (!(years > 0) || !(first > 0) || !(last >= 0)) return null;
  return finiteOrNull(Math.pow(last / first, 1 / years) - 1);
}

/** r − rf_d for every return; the returns themselves when rf_d is 0 (r − 0 is r, bit for bit). */
function excessOf(returns: ArrayLike<number>, rfDaily: number): ArrayLike<number> {
  if (rfDaily === 0) return returns;
  const out = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) out[i] = returns[i] - rfDaily;
  return out;
}

/** The mean and sample standard deviation of returns (n ≥ 2 for the deviation), as the ratios take them. */
export interface Moments {
  count: number;
  mean: number;
  sd: number;
}

export function momentsOf(returns: ArrayLike<number>): Moments {
  const count = returns.length;
  const mean = count > 0 ? meanOf(returns) : NaN;
  return { count, mean, sd: count > 1 ? sampleSdOf(returns, mean) : NaN };
}

/** Sample standard deviation of daily returns × √252 (from their moments); null with fewer than two returns. */
export function volatilityOf(m: Moments): number | null {
  if (m.count < 2) return null;
  return finiteOrNull(m.sd * Math.sqrt(TRADING_DAYS_PER_YEAR));
}

/** sharpeRatio from the moments of the excess returns. */
export function sharpeOf(m: Moments): number | null {
  if (m.count < 2) return null;
  if (!(m.sd > ZERO_STDEV)) return null;
  return finiteOrNull((m.mean / m.sd) * Math.sqrt(TRADING_DAYS_PER_YEAR));
}

/** mean(r − rf_d) / sampleStdev(r − rf_d) × √252; null with fewer than two returns or zero stdev. */
export function sharpeRatio(returns: ArrayLike<number>, rfDaily: number): number | null {
  if (returns.length < 2) return null;
  return sharpeOf(momentsOf(excessOf(returns, rfDaily)));
}

const downsideTerm = (x: number) => (x < 0 ? x * x : 0);

/**
 * mean(r − rf_d) / DD × √252 with DD = sqrt(mean over ALL days of min(0, r − rf_d)²); null with no return or when
 * DD is zero (no day below the risk-free rate).
 */
export function sortinoRatio(returns: ArrayLike<number>, rfDaily: number, excessMean?: number): number | null {
  if (returns.length < 1) return null;
  const excess = excessOf(returns, rfDaily);
  const downside = Math.sqrt(meanOf(excess, downsideTerm));
  if (!(downside > ZERO_STDEV)) return null;
  return finiteOrNull(((excessMean ?? meanOf(excess)) / downside) * Math.sqrt(TRADING_DAYS_PER_YEAR));
}

/** The finite daily returns of an equity series as number[]. */
export function finiteDailyReturns(equity: Float64Array): number[] {
  return finiteValues(dailyReturns(equity));
}

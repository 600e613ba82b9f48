/** Trailing-window statistics of daily returns, one value per bar. Formulas: METRICS.md. */
import { TRADING_DAYS_PER_YEAR, ZERO_STDEV } from './util.ts';

/** Half a year of trading days: the reports' rolling window. */
export const ROLLING_WINDOW = 126;

export interface RollingStats {
  /** Trailing annualised Sharpe ratio on bar i, NaN until the window is full or when it holds an undefined return. */
  sharpe: Float64Array;
  /** Trailing annualised volatility. */
  volatility: Float64Array;
  /** Trailing beta to the benchmark; absent without a benchmark. */
  beta?: Float64Array;
}

/**
 * `returns[j]` is the return earned on bar j + 1 (as from dailyReturns); the window ending on bar i holds the
 * `window` returns earned on bars i − window + 1 … i, so output index i is bar i (length returns.length + 1).
 */
export function rollingStats(returns: Float64Array, window: number, rfDaily: number, benchmark?: Float64Array): RollingStats {
  const bars = returns.length + 1;
  const sharpe = new Float64Array(bars).fill(NaN);
  const volatility = new Float64Array(bars).fill(NaN);
  const beta = benchmark ? new Float64Array(bars).fill(NaN) : undefined;
  const ann = Math.sqrt(TRADING_DAYS_PER_YEAR);
  for (let end = window - 1; end < returns.length; end++) {
    let s = 0;
    let ok = true;
    for (let j = end - window + 1; j <= end; j++) {
      if (!Number.isFinite(returns[j])) {
        ok = false;
        break;
      }
      s += returns[j];
    }
    if (!ok) continue;
    const m = s / window;
    let ss = 0;
    for (let j = end - window + 1; j <= end; j++) ss += (returns[j] - m) ** 2;
    const sd = Math.sqrt(ss / (window - 1));
    volatility[end + 1] = sd * ann;
    // Subtracting a constant rate leaves the spread unchanged: sd(r − rf_d) = sd(r).
    if (sd > ZERO_STDEV) sharpe[end + 1] = ((m - rfDaily) / sd) * ann;
    if (benchmark && beta) {
      let sb = 0;
      let okB = true;
      for (let j = end - window + 1; j <= end; j++) {
        if (!Number.isFinite(benchmark[j])) {
          okB = false;
          break;
        }
        sb += benchmark[j];
      }
      if (!okB) continue;
      const mb = sb / window;
      let cov = 0;
      let varB = 0;
      for (let j = end - window + 1; j <= end; j++) {
        cov += (returns[j] - m) * (benchmark[j] - mb);
        varB += (benchmark[j] - mb) ** 2;
      }
      if (Math.sqrt(varB / (window - 1)) > ZERO_STDEV) beta[end + 1] = cov / varB;
    }
  }
  return beta ? { sharpe, volatility, beta } : { sharpe, volatility };
}

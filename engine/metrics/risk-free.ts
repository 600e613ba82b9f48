/** A risk-free rate that changes from day to day (a T-bill series, a cash fund's returns). Formulas: METRICS.md. */
import { TRADING_DAYS_PER_YEAR } from './util.ts';

/**
 * Daily excess returns over a per-bar risk-free series: element j is `E_{j+1}/E_j − 1 − rf_{j+1}` (the rate of the
 * bar the return was earned on), for the defined returns only; an unknown rate counts as 0.
 */
export function excessReturns(equity: Float64Array, rfDaily: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 1; i < equity.length; i++) {
    const prev = equity[i - 1];
    const cur = equity[i];
    if (!(prev > 0 && Number.isFinite(prev) && Number.isFinite(cur))) continue;
    const rf = rfDaily[i];
    out.push(cur / prev - 1 - (rf === rf && rf !== undefined ? rf : 0));
  }
  return out;
}

/** The annual rate of the mean known daily rate, (1 + mean)^252 − 1, for the record; 0 when none is known. */
export function annualRiskFree(rfDaily: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 1; i < rfDaily.length; i++) {
    if (Number.isFinite(rfDaily[i])) {
      sum += rfDaily[i];
      n++;
    }
  }
  return n ? Math.pow(1 + sum / n, TRADING_DAYS_PER_YEAR) - 1 : 0;
}

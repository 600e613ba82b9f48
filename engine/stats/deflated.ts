/** Selection bias of the best of N trials (Bailey & López de Prado 2014). Formulas: METRICS.md. */
import { normalQuantile } from './normal.ts';
import { probabilisticSharpe, type SharpeSample } from './sharpe-inference.ts';

/** The Euler–Mascheroni constant γ. */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * Expected maximum of N Sharpe ratios whose true value is 0, given the variance of the trials' estimated Sharpes:
 * √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))). In the units of the Sharpes the variance was taken over.
 * 0 for N = 1 (nothing was selected); NaN for N < 1 or a negative variance.
 */
export function expectedMaxSharpe(trials: number, variance: number): number {
  if (!(trials >= 1) || !(variance >= 0)) return NaN;
  if (trials === 1) return 0;
  const g = EULER_MASCHERONI;
  return Math.sqrt(variance) * ((1 - g) * normalQuantile(1 - 1 / trials) + g * normalQuantile(1 - 1 / (trials * Math.E)));
}

/**
 * Deflated Sharpe ratio: the PSR of the selected trial against the expected maximum Sharpe of `trials` trials under
 * the null. `variance` is of the trials' per-period Sharpes, on the same basis as `best.sharpe`.
 */
export function deflatedSharpe(best: SharpeSample, trials: number, variance: number): number {
  return probabilisticSharpe(best, expectedMaxSharpe(trials, variance));
}

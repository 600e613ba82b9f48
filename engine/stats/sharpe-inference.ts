/**
 * Inference on one Sharpe ratio, on the per-period basis (a daily Sharpe from daily returns; never an annualised one,
 * whose standard error this is not). Formulas and references: METRICS.md.
 */
import { normalCdf, normalQuantile } from './normal.ts';

/** What the estimators need of a return sample. */
export interface SharpeSample {
  /** Per-period Sharpe ratio, mean(excess) / sampleStdev. */
  sharpe: number;
  /** Number of returns T. */
  observations: number;
  /** Skewness γ₃ of the returns (0 for a normal sample). */
  skew: number;
  /** Pearson kurtosis γ₄ of the returns (3 for a normal sample; excess kurtosis + 3). */
  kurtosis: number;
}

/** 1 − γ₃·SR + (γ₄ − 1)/4·SR²: the variance factor of Mertens (2002), Lo (2002), used by every formula below. */
function varianceFactor(s: SharpeSample): number {
  return 1 - s.skew * s.sharpe + ((s.kurtosis - 1) / 4) * s.sharpe * s.sharpe;
}

function valid(s: SharpeSample): boolean {
  return Number.isFinite(s.sharpe) && Number.isFinite(s.skew) && Number.isFinite(s.kurtosis) && s.observations >= 2 && varianceFactor(s) > 0;
}

/** Standard error of the estimated Sharpe: √(factor / (T − 1)); NaN when undefined (T < 2, non-finite moments). */
export function sharpeStandardError(s: SharpeSample): number {
  return valid(s) ? Math.sqrt(varianceFactor(s) / (s.observations - 1)) : NaN;
}

/**
 * Probabilistic Sharpe ratio (Bailey & López de Prado 2012): P[true SR > benchmark] = Φ((SR − SR*)·√(T − 1) / √factor).
 * `benchmark` is a per-period Sharpe too.
 */
export function probabilisticSharpe(s: SharpeSample, benchmark = 0): number {
  if (!valid(s) || !Number.isFinite(benchmark)) return NaN;
  return normalCdf(((s.sharpe - benchmark) * Math.sqrt(s.observations - 1)) / Math.sqrt(varianceFactor(s)));
}

/**
 * Minimum track record length (Bailey & López de Prado 2012): the number of returns after which PSR(benchmark) reaches
 * `confidence`, 1 + factor·(z_confidence / (SR − SR*))². Infinity when SR ≤ SR* (no length is enough).
 * `observations` of the sample is not used.
 */
export function minTrackRecordLength(s: Omit<SharpeSample, 'observations'>, benchmark = 0, confidence = 0.95): number {
  const f = 1 - s.skew * s.sharpe + ((s.kurtosis - 1) / 4) * s.sharpe * s.sharpe;
  if (![s.sharpe, s.skew, s.kurtosis, benchmark].every(Number.isFinite) || !(f > 0) || !(confidence > 0 && confidence < 1)) return NaN;
  if (s.sharpe <= benchmark) return Infinity;
  const z = normalQuantile(confidence);
  return 1 + f * (z / (s.sharpe - benchmark)) ** 2;
}

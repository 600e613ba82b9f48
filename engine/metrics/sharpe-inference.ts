/** How far a run's Sharpe ratio can be trusted: its standard error, PSR and minimum track record. Formulas: METRICS.md. */
import { minTrackRecordLength, probabilisticSharpe, sharpeStandardError, type SharpeSample } from '../stats/index.ts';
import { TRADING_DAYS_PER_YEAR, finiteOrNull } from './util.ts';

export interface SharpeInference {
  /** The per-period basis and annualisation of the figures below, in words. */
  basis: string;
  /** T: the daily returns the Sharpe ratio rests on. */
  observations: number;
  /** The daily Sharpe ratio every figure here uses: `sharpe` / √252. */
  dailySharpe: number | null;
  /** Standard error of the daily Sharpe (Mertens 2002, with the returns' skew and kurtosis). */
  standardError: number | null;
  /** The same, for the annualised Sharpe (× √252). */
  standardErrorAnnualised: number | null;
  /** Probabilistic Sharpe ratio against 0: P[true Sharpe > 0] (Bailey & López de Prado 2012). */
  psr: number | null;
  /** The first benchmark's annualised Sharpe ratio (over its own dates); null without a benchmark. */
  benchmarkSharpe: number | null;
  /** P[true Sharpe > the benchmark's]. */
  psrBenchmark: number | null;
  /** Daily returns needed for PSR(0) to reach 95% at this Sharpe, skew and kurtosis; null when the Sharpe is ≤ 0. */
  minTrackRecord: number | null;
  /** minTrackRecord / 252. */
  minTrackRecordYears: number | null;
}

const ROOT = Math.sqrt(TRADING_DAYS_PER_YEAR);

export const SHARPE_INFERENCE_BASIS =
  `daily returns; Sharpe annualised × √${TRADING_DAYS_PER_YEAR}; the standard error, PSR and minimum track record use the daily Sharpe ` +
  `(annualised ÷ √${TRADING_DAYS_PER_YEAR}) with the daily returns' skew and kurtosis; the track record is counted in daily returns and in years of ${TRADING_DAYS_PER_YEAR} of them; 95% confidence`;

/**
 * The inference figures of an annualised Sharpe ratio, given the number of daily returns, their skew and excess
 * kurtosis (metrics.json's `skew`, `kurtosis`), and optionally a benchmark's annualised Sharpe.
 */
export function sharpeInference(sharpe: number | null, observations: number, skew: number | null, excessKurtosis: number | null, benchmarkSharpe: number | null): SharpeInference {
  const empty: SharpeInference = {
    basis: SHARPE_INFERENCE_BASIS,
    observations,
    dailySharpe: sharpe === null ? null : sharpe / ROOT,
    standardError: null,
    standardErrorAnnualised: null,
    psr: null,
    benchmarkSharpe,
    psrBenchmark: null,
    minTrackRecord: null,
    minTrackRecordYears: null,
  };
  if (sharpe === null || skew === null || excessKurtosis === null) return empty;
  const s: SharpeSample = { sharpe: sharpe / ROOT, observations, skew, kurtosis: excessKurtosis + 3 };
  const se = finiteOrNull(sharpeStandardError(s));
  const trl = finiteOrNull(minTrackRecordLength(s));
  return {
    ...empty,
    standardError: se,
    standardErrorAnnualised: se === null ? null : se * ROOT,
    psr: finiteOrNull(probabilisticSharpe(s)),
    psrBenchmark: benchmarkSharpe === null ? null : finiteOrNull(probabilisticSharpe(s, benchmarkSharpe / ROOT)),
    minTrackRecord: trl,
    minTrackRecordYears: trl === null ? null : trl / TRADING_DAYS_PER_YEAR,
  };
}

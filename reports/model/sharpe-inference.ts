import type { Metrics } from '../../engine/metrics/index.ts';
import { benchmarksOf, type Cell, type CellFormat } from './metrics-table.ts';

export interface InferenceRow {
  label: string;
  format: CellFormat;
  cell: Cell;
  /** What the figure says, in a sentence. */
  meaning: string;
}

/** "Is the Sharpe ratio luck?": the Sharpe's standard error, PSR and minimum track record, read off metrics.json. */
export interface InferenceSection {
  /** Per-period basis and annualisation of the figures. */
  basis: string;
  rows: InferenceRow[];
}

/** The section, or null for a metrics.json written before rotor computed these figures. */
export function inferenceSection(m: Metrics): InferenceSection | null {
  const s = (m as Partial<Metrics>).sharpeInference;
  if (!s) return null;
  const bench = benchmarksOf(m)[0];
  const row = (label: string, format: CellFormat, value: number | null, meaning: string): InferenceRow => ({ label, format, cell: { value }, meaning });
  const rows = [
    row('Sharpe (annualised)', 'ratio', m.sharpe, 'as in the performance table'),
    row('Sharpe (daily)', 'ratio4', s.dailySharpe, 'the per-period Sharpe every figure below uses'),
    row('Standard error of the Sharpe (annualised)', 'ratio', s.standardErrorAnnualised, 'a 95% band is about ± 2 of these'),
    row('Standard error of the Sharpe (daily)', 'ratio4', s.standardError, 'with the daily returns’ skew and kurtosis (Mertens 2002)'),
    row('PSR against 0', 'pct', s.psr, 'probability that the true Sharpe is above 0 (Bailey & López de Prado 2012)'),
  ];
  if (bench) rows.push(row(`PSR against ${bench.symbol}`, 'pct', s.psrBenchmark, `probability that the true Sharpe is above the benchmark's (${s.benchmarkSharpe === null ? '—' : s.benchmarkSharpe.toFixed(2)} annualised)`));
  rows.push(
    row('Track record', 'count', s.observations, 'daily returns the Sharpe rests on'),
    row('Minimum track record at 95%', 'count', s.minTrackRecord === null ? null : Math.ceil(s.minTrackRecord), s.minTrackRecord === null ? 'none: with a Sharpe at or below 0 no length of record is enough' : 'daily returns needed for PSR against 0 to reach 95%'),
    row('Minimum track record at 95% (years)', 'ratio', s.minTrackRecordYears, `${s.observations >= (s.minTrackRecord ?? Infinity) ? 'reached' : 'not reached'} by this run`),
  );
  return { basis: s.basis, rows };
}

import type { BacktestResult, MarketData } from '../engine/index.ts';
import type { Metrics } from '../engine/metrics/index.ts';
import { usedRanges, warningsForRun, type Dataset } from '../datasets/index.ts';
import { decisionsCsv, equityCsv, tradesCsv } from '../reports/csv-writers.ts';
import { runReportFiles, type ReportOptions } from '../reports/run-files/run-report-files.ts';
import type { RunRecord } from '../reports/run-record.ts';
import type { RunPlan } from './plan.ts';
import { ROTOR_VERSION } from './version.ts';

/** What metrics.json says about a run: what was run, on what data, with which engine, under which key. */
export function runRecord(plan: RunPlan, result: BacktestResult, metrics: Metrics, dataset: Dataset, extra: Pick<RunRecord, 'sweep'> = {}): RunRecord {
  const dates = result.curve.dates;
  const used = usedRanges(dataset.identity, dataset.market, dataset.macro, dates[0], dates[dates.length - 1]);
  // The record lists the warnings about what this run used; `rotor data check` lists every one.
  const warnings = warningsForRun(dataset.identity.warnings, used);
  const { ref, sha256 } = plan.spec.strategy;
  return {
    rotor: ROTOR_VERSION,
    runKey: plan.key,
    strategy: { ...result.strategy, ref, sha256 },
    settings: result.settings,
    data: { ...dataset.identity, warnings: warnings.kept, warningsOutsideRun: warnings.outside, from: dates[0], to: dates[dates.length - 1], bars: dates.length, used },
    metrics,
    notes: result.notes,
    ...(result.rates ? { rates: result.rates } : {}),
    ...(result.listings?.length ? { listings: result.listings } : {}),
    ...extra,
  };
}

/**
 * The files of a run's folder, contents built in memory so that nothing is written unless all of them could be: the
 * run's CSVs and metrics.json, and its reports from one report model (report.md, report.html, their images).
 */
export function runFiles(record: RunRecord, result: BacktestResult, options: ReportOptions & { market?: MarketData } = {}): Record<string, string> {
  const reports = runReportFiles(record, result, { ...options, ...(record.sweep ? { trials: record.sweep.trials } : {}) });
  return {
    'equity.csv': equityCsv(result.curve),
    'trades.csv': tradesCsv(result.trades),
    'decisions.csv': decisionsCsv(result.decisions),
    'metrics.json': JSON.stringify(record, null, 2) + '\n',
    ...reports,
  };
}

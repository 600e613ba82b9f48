import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RotorError, resolveParams, resolveSymbols, resolveSettings, runBacktest, type BacktestResult, type RunSettings } from '../engine/index.ts';
import { computeMetrics, type Metrics } from '../engine/metrics/index.ts';
import { listSymbols, loadDataset, SAMPLE_DIR, usedRanges, warningsForRun, type DatasetIdentity, type MacroVintage } from '../datasets/index.ts';
import { loadStrategy } from '../strategies/index.ts';
import { decisionsCsv, equityCsv, runReportFiles, tradesCsv, writeFilesAtomic, type RunRecord } from '../reports/index.ts';

export const ROTOR_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface JobOptions {
  strategy: string;
  data?: string;
  params?: Readonly<Record<string, unknown>>;
  settings?: Partial<RunSettings>;
  out: string;
  /** Macro publication lags in days after period end, per series (--macro-lag); see datasets/release-lags.ts. */
  macroLags?: Readonly<Record<string, number>>;
  /** 'first' (default): revised series as first published; 'latest': revised values (look-ahead in revisions). */
  vintage?: MacroVintage;
  /** Write report.html beside report.md (default true; --no-html). */
  html?: boolean;
}

export interface JobResult {
  result: BacktestResult;
  metrics: Metrics;
  dataset: DatasetIdentity;
  files: string[];
}

/** Parse repeated `--param key=value` flags; the strategy validates the values. */
export function parseParamFlags(flags: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new RotorError(`--param ${flag}: expected key=value`);
    out[flag.slice(0, eq).trim()] = flag.slice(eq + 1).trim();
  }
  return out;
}

/** Load, run, measure and write one backtest. Nothing is written unless every step before it succeeded. */
export async function runJob(options: JobOptions): Promise<JobResult> {
  const strategy = await loadStrategy(options.strategy);
  const settings = resolveSettings(options.settings);
  const params = resolveParams(strategy.name, strategy.params ?? {}, options.params);
  const symbols = [
    ...resolveSymbols(strategy.universe, params),
    ...resolveSymbols(strategy.signals, params),
    ...(settings.benchmark ? [settings.benchmark] : []),
  ];
  const dataDir = options.data ?? SAMPLE_DIR;
  const inData = new Set(listSymbols(dataDir).macro);
  const optionalMacro = resolveSymbols(strategy.optionalMacro, params).filter((m) => inData.has(m.split('.')[0]));
  const dataset = loadDataset(dataDir, symbols, [...resolveSymbols(strategy.macro, params), ...optionalMacro], { vintage: options.vintage, macroLags: options.macroLags });
  const result = runBacktest({ market: dataset.market, macro: dataset.macro, strategy, params, settings });
  const metrics = computeMetrics({
    curve: result.curve,
    trades: result.trades,
    riskFree: settings.riskFree,
    benchmark: result.benchmark,
  });
  const dates = result.curve.dates;
  const used = usedRanges(dataset.identity, dataset.market, dataset.macro, dates[0], dates[dates.length - 1]);
  // The record lists the warnings about what this run used; `rotor data check` lists every one.
  const warnings = warningsForRun(dataset.identity.warnings, used);
  const record: RunRecord = {
    rotor: ROTOR_VERSION,
    strategy: result.strategy,
    settings: result.settings,
    data: { ...dataset.identity, warnings: warnings.kept, warningsOutsideRun: warnings.outside, from: dates[0], to: dates[dates.length - 1], bars: dates.length, used },
    metrics,
    notes: result.notes,
  };
  const files = writeFilesAtomic(resolve(options.out), {
    'equity.csv': equityCsv(result.curve),
    'trades.csv': tradesCsv(result.trades),
    'decisions.csv': decisionsCsv(result.decisions),
    'metrics.json': JSON.stringify(record, null, 2) + '\n',
    ...runReportFiles(record, result, { html: options.html !== false, market: dataset.market }),
  });
  return { result, metrics, dataset: dataset.identity, files };
}

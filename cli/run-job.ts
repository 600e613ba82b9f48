import { resolve } from 'node:path';
import { RotorError, resolveRun, type BacktestResult, type RunSettings } from '../engine/index.ts';
import type { Metrics } from '../engine/metrics/index.ts';
import type { DatasetIdentity, MacroVintage } from '../datasets/index.ts';
// Not the reports/index.ts barrel: that would load every report's code (sweeps, batches, events) for one run.
import { checkOutputFolder, writeOutputFolder } from '../reports/atomic-write.ts';
import type { NullModelRecord } from '../reports/run-record.ts';
import { execute, loadRunData, loadStrategyRef, nullModel, planRun, runFiles, runRecord, type NullSpec } from '../runs/index.ts';
import { asFlagError, inFlagTerms } from './field-flags.ts';

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
  /** `--null random-timing:N`: the run's percentile among N random-timing paths, in metrics.json and the reports. */
  null?: NullSpec;
}

export interface JobResult {
  result: BacktestResult;
  metrics: Metrics;
  dataset: DatasetIdentity;
  runKey: string;
  files: string[];
  nullModel?: NullModelRecord;
}

/** Parse repeated `--param key=value` flags; the strategy validates the values. */
export function parseParamFlags(flags: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new RotorError(`--param ${flag}: expected key=value`);
    const key = flag.slice(0, eq).trim();
    if (key in out) throw new RotorError(`--param ${key} is given twice (${out[key]}, ${flag.slice(eq + 1).trim()}); give it once`);
    out[key] = flag.slice(eq + 1).trim();
  }
  return out;
}

/** `rotor run`: plan, load, execute and write one backtest. Nothing is written unless every step before it succeeded. */
export async function runJob(options: JobOptions): Promise<JobResult> {
  checkOutputFolder(options.out); // before any work: a --out rotor may not write is refused at once
  const { strategy, ref } = await loadStrategyRef(options.strategy);
  let resolved;
  try {
    resolved = resolveRun(strategy, options.params, options.settings);
  } catch (e) {
    throw asFlagError(e);
  }
  const { dataset, data } = loadRunData({ dir: options.data, vintage: options.vintage, macroLags: options.macroLags }, [resolved]);
  const plan = planRun(resolved, ref, data);
  const { outcome, result } = execute(plan, dataset, { full: true });
  if (outcome.status === 'failed' || !result || !outcome.metrics) {
    const error = outcome.error!;
    if (error.internal) throw Object.assign(new Error(error.message), { stack: error.stack });
    // The strategy's own stack stays with the one-line error, for --debug.
    throw Object.assign(new RotorError(inFlagTerms(error)), error.stack ? { debugStack: error.stack } : {});
  }
  const record = runRecord(plan, result, outcome.metrics, dataset);
  if (options.null) record.nullModel = nullModel(result, outcome.metrics, dataset.market, options.null);
  const files = writeOutputFolder(resolve(options.out), runFiles(record, result, { html: options.html !== false, market: dataset.market }));
  return { result, metrics: outcome.metrics, dataset: dataset.identity, runKey: plan.key, files, ...(record.nullModel ? { nullModel: record.nullModel } : {}) };
}

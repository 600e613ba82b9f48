import type { BacktestResult, RunSettings } from '../engine/index.ts';
import type { Metrics } from '../engine/metrics/index.ts';
import type { DatasetIdentity, UsedRange } from '../datasets/index.ts';

/** What metrics.json holds: enough to know exactly what was run, on what data, with which engine. */
export interface RunRecord {
  rotor: string;
  /** sha256 over dataset, strategy source, params, settings and rotor version (runs/key.ts). */
  runKey: string;
  strategy: BacktestResult['strategy'] & { ref: string; sha256: string };
  settings: RunSettings;
  /** The dataset's identity (files, hashes, warnings) and what of it the run replayed (`used`, per file). */
  data: DatasetIdentity & {
    from: string;
    to: string;
    bars: number;
    used?: UsedRange[];
    /** Warnings about the files read but dated outside what the run used (left out of `warnings`). */
    warningsOutsideRun?: number;
  };
  metrics: Metrics;
  notes: BacktestResult['notes'];
  /** Where the cash and risk-free rates came from (labels), when the run had either. */
  rates?: BacktestResult['rates'];
  /** Symbols that started or stopped trading inside the run. */
  listings?: BacktestResult['listings'];
  /** Set when the run is a sweep's trial: which one, of how many trials in all (failed ones counted). */
  sweep?: { trial: number; trials: number; objective: string };
}

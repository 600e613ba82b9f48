import type { BacktestResult, RunSettings } from '../engine/index.ts';
import type { Metrics } from '../engine/metrics/index.ts';
import type { DatasetIdentity, UsedRange } from '../datasets/index.ts';

/** What metrics.json holds: enough to know exactly what was run, on what data, with which engine. */
export interface RunRecord {
  rotor: string;
  strategy: BacktestResult['strategy'];
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
}

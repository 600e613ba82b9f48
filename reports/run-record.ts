import type { BacktestResult, RunSettings } from '../engine/index.ts';
import type { Metrics } from '../engine/metrics/index.ts';
import type { DatasetIdentity } from '../datasets/index.ts';

/** What metrics.json holds: enough to know exactly what was run, on what data, with which engine. */
export interface RunRecord {
  rotor: string;
  strategy: BacktestResult['strategy'];
  settings: RunSettings;
  data: DatasetIdentity & { from: string; to: string; bars: number };
  metrics: Metrics;
  notes: BacktestResult['notes'];
}

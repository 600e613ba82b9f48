import type { Metrics } from '../../engine/metrics/index.ts';

/** One run of a batch: its name, its metrics (as in metrics.json, benchmarks included) and its equity curve. */
export interface BatchRun {
  name: string;
  metrics: Metrics;
  dates: readonly string[];
  equity: ArrayLike<number>;
  /** The run's own report, linked from the table when given (a path relative to the batch report). */
  report?: string;
}

/** What `rotor batch` (and the demo) hands the batch renderers. */
export interface BatchReportInput {
  name: string;
  runs: BatchRun[];
  synthetic: boolean;
  dataset?: { dir: string; hash: string };
  /** Sentences for the Method section (time model, costs, the common period …). */
  method?: string[];
}

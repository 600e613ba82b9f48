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
  /** `--null random-timing:N`: where the run falls among N runs that hold the same assets at random dates. */
  nullModel?: NullModelRecord;
  /** Set when the run is a sweep's trial: which one, of how many trials in all (failed ones counted). */
  sweep?: { trial: number; trials: number; objective: string };
}

/** One figure of the run against its null paths. */
export interface NullFigure {
  /** The run's own value (as in `metrics`). */
  strategy: number | null;
  /** Percent of null paths below it, plus half of those equal (mid-rank); null when undefined. */
  percentile: number | null;
  mean: number | null;
  p5: number | null;
  median: number | null;
  p95: number | null;
  /** Every null path's value, in path order (6 significant digits), for the histogram; null where undefined. */
  values: (number | null)[];
}

/** The random-timing null model of a run (see engine/nulls and METRICS.md). */
export interface NullModelRecord {
  model: 'random-timing';
  n: number;
  seed: number;
  /** The run's (and every path's) number of switches, average gross exposure and distinct holdings. */
  switches: number;
  exposure: number;
  states: number;
  totalReturn: NullFigure;
  sharpe: NullFigure;
  /** What the paths are, in words. */
  basis: string;
}

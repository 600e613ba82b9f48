/** A parameter value as a sweep's trial rows give it (weights already written as text). */
export type SweepValue = number | string | boolean;

export interface SweepTrial {
  trial: number;
  /** 'ok' trials have metrics; failed ones are counted (they are part of N) and listed. */
  status: string;
  params: Readonly<Record<string, SweepValue>>;
  /** Figures of the trial by their path in metrics.json (sharpe, cagr, maxDrawdown.depth …); the objective is one. */
  metrics: Readonly<Record<string, number | null>>;
  /** Why a failed trial failed. */
  error?: string | null;
}

/**
 * The overfitting block of the statistics (engine/stats), as sweep.json's `overfitting` holds it. Every figure is
 * optional: a sweep written before them, or one too small for them, has only some.
 */
export interface OverfittingBlock {
  /** Trials the selection was made from, failed ones included. */
  n: number;
  /** Variance of the trials' Sharpe ratios (the deflation's input). */
  sharpeVariance?: number | null;
  /** Expected maximum Sharpe ratio of N unskilled trials with that variance. */
  expectedMaxSharpe?: number | null;
  /** Deflated Sharpe ratio of the selected trial (a probability, 0…1). */
  dsr?: number | null;
  /** Probability of backtest overfitting (0…1). */
  pbo?: number | null;
  /** Probability that the in-sample best loses out of sample. */
  probOosLoss?: number | null;
  /** Slope of out-of-sample on in-sample performance over the splits. */
  slope?: number | null;
  /** Logits of the out-of-sample relative rank of the in-sample best, one per combinatorial split. */
  logits?: readonly number[];
  /** In-sample against out-of-sample performance of the in-sample best, one pair per split. */
  isOos?: readonly (readonly [number, number])[];
  /** Combinatorial splits behind PBO. */
  splits?: number | null;
  note?: string;
}

/** A top trial's daily net equity, as curves.csv keeps it. */
export interface TrialCurve {
  trial: number;
  dates: readonly string[];
  equity: ArrayLike<number>;
}

/** Everything a sweep's report is built from: what `rotor sweep` wrote in its folder (see readSweepFolder). */
export interface SweepReportInput {
  name: string;
  /** The metric trials are ranked by; a key of every ok trial's metrics. */
  objective: string;
  /** 'max' (default): higher is better. */
  direction?: 'max' | 'min';
  /** Trials in the sweep, failed ones included. */
  n: number;
  counts: Readonly<Record<string, number>>;
  /** The params the sweep varied, in grid order. */
  paramNames: readonly string[];
  trials: readonly SweepTrial[];
  /** Two varied params for the heatmap (--heatmap a,b); default the first two. */
  heatmap?: readonly [string, string];
  /** Daily equity of the top trials (the top 5), best first. */
  top?: readonly TrialCurve[];
  overfitting?: OverfittingBlock;
  synthetic: boolean;
  dataset?: { dir: string; hash: string };
  /** Sentences about the trials (the grid, fixed params), Markdown code spans in backticks. */
  method?: readonly string[];
}

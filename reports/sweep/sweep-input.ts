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
 * The overfitting block of a sweep or batch (batch/overfitting.ts builds it from the ledger rows alone, so a resumed
 * sweep gives the same numbers). Sharpe ratios are annualised (× √252 of daily ones) unless a field says otherwise;
 * `basis` says it in words. Fields are null where the trials do not allow the figure (e.g. PBO with fewer than 2 ok
 * trials); `note` says why.
 */
export interface OverfittingBlock {
  /** Trials the selection was made from: every one, failed ones included. */
  n: number;
  /** Of `n`, the trials that failed (no returns: they count in N but not in the variance or PBO). */
  failed?: number;
  /** Variance of the ok trials' annualised Sharpe ratios. */
  sharpeVariance?: number | null;
  /** Expected maximum annualised Sharpe of N trials whose true Sharpe is 0 (Bailey & López de Prado 2014). */
  expectedMaxSharpe?: number | null;
  /** The selected (best by the objective) trial: its index and annualised Sharpe. */
  bestTrial?: number | null;
  bestSharpe?: number | null;
  /** Deflated Sharpe ratio of the selected trial (a probability, 0…1). */
  dsr?: number | null;
  /** Probability of backtest overfitting by CSCV (0…1): the share of splits whose in-sample best ranks at or below
   * the out-of-sample median. */
  pbo?: number | null;
  /** Share of splits in which the in-sample best lost money out of sample (Sharpe < 0). */
  probOosLoss?: number | null;
  /** Least squares of out-of-sample on in-sample Sharpe of the in-sample best, over the splits. */
  slope?: number | null;
  intercept?: number | null;
  /** S: blocks the calendar was cut into for PBO. */
  blocks?: number;
  /** C(S, S/2): the half-splits PBO went through. */
  splits?: number;
  /** Trials PBO ranked (the ok ones). */
  pboTrials?: number;
  /** Logits of the out-of-sample rank of the in-sample best, one per combinatorial split. */
  logits?: readonly number[];
  /** In-sample against out-of-sample annualised Sharpe of the in-sample best, one pair per split. */
  isOos?: readonly (readonly [number, number])[];
  /** What the figures are computed on (returns, annualisation, which trials). */
  basis?: string;
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

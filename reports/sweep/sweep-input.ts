/** A parameter value as a sweep's grid gives it. */
export type SweepValue = number | string | boolean;

export interface SweepTrial {
  trial: number;
  /** 'ok' trials have metrics; others (failed, skipped, timeout …) are counted. */
  status: string;
  params: Readonly<Record<string, SweepValue>>;
  /** Figures of the trial, by name (e.g. sharpe, cagr, maxDrawdown); the objective is one of them. */
  metrics: Readonly<Record<string, number | null>>;
}

/** The overfitting block of the statistics issue: filled in when those figures exist. */
export interface OverfittingBlock {
  /** Trials the selection was made from. */
  n: number;
  /** Deflated Sharpe ratio of the selected trial (a probability, 0…1). */
  dsr?: number | null;
  /** Probability of backtest overfitting (0…1). */
  pbo?: number | null;
  /** Logits of the out-of-sample rank of the in-sample best, one per combinatorial split. */
  logits?: readonly number[];
  /** In-sample against out-of-sample objective, one pair per trial or split. */
  isOos?: readonly (readonly [number, number])[];
  note?: string;
}

/** What `rotor sweep` hands the sweep renderers. */
export interface SweepReportInput {
  name: string;
  /** The metric trials are ranked by; a key of every trial's metrics. */
  objective: string;
  /** 'max' (default): higher is better. */
  direction?: 'max' | 'min';
  /** Trials in the grid. */
  n: number;
  counts: Readonly<Record<string, number>>;
  paramNames: readonly string[];
  trials: readonly SweepTrial[];
  /** Two params for the heatmap (--heatmap a,b); default the first two. */
  heatmap?: readonly [string, string];
  /** Equity curves of the best trials (the top 5). */
  top?: readonly { trial: number; dates: readonly string[]; equity: ArrayLike<number> }[];
  overfitting?: OverfittingBlock;
  synthetic: boolean;
  dataset?: { dir: string; hash: string };
  method?: readonly string[];
}

/** One run of a batch: its name, its figures by their path in metrics.json, and its daily equity when kept. */
export interface BatchRun {
  name: string;
  /** The batch's trial index, when the run came from `rotor batch`. */
  trial?: number;
  strategy?: string;
  /** 'ok' (default) or 'failed'. */
  status?: string;
  error?: string | null;
  /** Window and costs as the batch file set them. */
  window?: string;
  costs?: string;
  /** Figures by path (totalReturn, sharpe, maxDrawdown.depth, benchmark.beta …), as trial rows hold them. */
  metrics: Readonly<Record<string, number | null>>;
  dates?: readonly string[];
  equity?: ArrayLike<number>;
  /** The run's own report, linked from the table when given (a path relative to the batch report). */
  report?: string;
}

/** Everything a batch's report is built from: what `rotor batch` wrote in its folder, or the demo's runs. */
export interface BatchReportInput {
  name: string;
  runs: BatchRun[];
  synthetic: boolean;
  dataset?: { dir: string; hash: string };
  /** Sentences for the Method section (where the runs came from, the common period …), code spans in backticks. */
  method?: string[];
  /** Runs whose curves the report overlays, when not every run's (a big batch keeps the best by the objective). */
  curvesNote?: string;
}

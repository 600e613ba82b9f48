import type { Metrics } from '../engine/metrics/index.ts';
import type { RunNote } from '../engine/index.ts';

/** Why a run failed, as plain data. `internal` marks a bug in rotor rather than a problem with the inputs. */
export interface RunError {
  message: string;
  /** The input field at fault (`params.days`, `settings.initialCash`), when one is. */
  field?: string;
  /** The bar date the strategy was deciding when it failed, when known. */
  date?: string;
  internal: boolean;
  /** Kept for bugs only, so a report can show where. */
  stack?: string;
}

/** What a run comes to, compact enough to stream thousands of them: no curve, no trade list. */
export interface RunOutcome {
  key: string;
  status: 'ok' | 'failed';
  error?: RunError;
  metrics?: Metrics;
  /** Instead of `metrics`, for a sweep trial: the figures it asked for by path (ExecuteOptions.figures). */
  figures?: Readonly<Record<string, number | null>>;
  /** Market-calendar index of the curve's first bar; returns[i] is earned on bar firstBar + 1 + i. */
  firstBar: number;
  /** Daily simple returns of net equity (empty when failed). */
  returns: Float64Array;
  counts: { bars: number; trades: number; decisions: number; notes: number };
  notes: RunNote[];
}

import type { ParamValue } from '../engine/index.ts';
import { METRIC_COLUMNS } from './metric-columns.ts';
import type { TrialRow } from './trial.ts';

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A param value as one would type it: weights as SYMBOL:w,SYMBOL:w. */
export function paramText(v: ParamValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'object') return Object.entries(v).map(([k, w]) => `${k}:${w}`).join(',');
  return String(v);
}

/** The metric columns of a plan's rows: the standard set, then the objective if it is another metric. */
export function metricColumns(objective: string): string[] {
  return (METRIC_COLUMNS as readonly string[]).includes(objective) ? [...METRIC_COLUMNS] : [...METRIC_COLUMNS, objective];
}

/** trials.csv: `trial,status,error,[label,strategy,]<params>,<metrics>,run_key`, one row per trial in trial order. */
export function trialsCsvHeader(params: readonly string[], objective: string, batch: boolean): string {
  return ['trial', 'status', 'error', ...(batch ? ['label', 'strategy'] : []), ...params, ...metricColumns(objective), 'run_key'].map(cell).join(',');
}

export function trialsCsvLine(row: TrialRow, params: readonly string[], objective: string, batch: boolean): string {
  const error = row.error === null ? null : row.errorDate ? `${row.errorDate}: ${row.error}` : row.error;
  return [
    cell(row.trial),
    cell(row.status),
    cell(error),
    ...(batch ? [cell(row.label), cell(row.strategy)] : []),
    ...params.map((p) => cell(paramText(row.params[p]))),
    ...metricColumns(objective).map((m) => cell(row.metrics[m])),
    cell(row.runKey),
  ].join(',');
}

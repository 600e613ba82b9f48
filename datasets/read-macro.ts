import { RotorError } from '../engine/errors.ts';
import type { MacroSeries } from '../engine/macro/macro-series.ts';
import { checkAscending, parseCsv, parseDate, parseNumber, requireColumns } from './csv-lines.ts';

/**
 * Conservative publication lag, in days after the end of the observation period, for rows without a release_date.
 * A guess that is too long only delays a signal; one too short would leak the future, so these err long.
 */
export const DEFAULT_RELEASE_LAG_DAYS = { daily: 1, monthly: 45, quarterly: 60 } as const;

function addDays(date: string, days: number): string {
  const t = Date.parse(date + 'T00:00:00Z') + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function periodEnd(start: string, months: number): string {
  const d = new Date(start + 'T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Monthly, quarterly or daily, from the median spacing of the periods. */
function frequency(periods: readonly string[]): keyof typeof DEFAULT_RELEASE_LAG_DAYS {
  if (periods.length < 2) return 'monthly';
  const gaps = periods.slice(1).map((p, i) => (Date.parse(p) - Date.parse(periods[i])) / 86_400_000).sort((a, b) => a - b);
  const median = gaps[gaps.length >> 1];
  return median < 20 ? 'daily' : median < 60 ? 'monthly' : 'quarterly';
}

/** Which value of a revised series a run sees: as first published (point in time) or the latest revision. */
export type MacroVintage = 'first' | 'latest';

export interface MacroReadOptions {
  /** Read this column instead of `value` (e.g. `first_release_qoq_saar_pct` of GDPC1.csv). */
  column?: string;
  /** Default 'first': where the file has `first_release_value`, that is what was known at the release date. */
  vintage?: MacroVintage;
}

/** Read a macro series `date,value[,release_date,...]`; `date` is the first day of the observation period. */
export function readMacro(file: string, name: string, text: string, options: MacroReadOptions = {}): MacroSeries {
  const table = parseCsv(file, text);
  const at = requireColumns(table, ['date', 'value', ...(options.column ? [options.column] : [])]);
  const first = table.header.indexOf('first_release_value');
  const valueAt = options.column ? at[options.column] : (options.vintage ?? 'first') === 'first' && first >= 0 ? first : at.value;
  const valueName = table.header[valueAt];
  const rel = table.header.indexOf('release_date');
  const periods: string[] = [];
  const values: number[] = [];
  const given: (string | undefined)[] = [];
  const lines: number[] = [];
  for (const { line, cells } of table.rows) {
    let v = parseNumber(table, line, cells[valueAt], valueName);
    // A quarter without a first print in the file (e.g. before ALFRED's vintages) falls back to its value.
    if (Number.isNaN(v) && valueAt === first) v = parseNumber(table, line, cells[at.value], 'value');
    if (Number.isNaN(v)) continue; // an empty value is an unpublished period, not a zero
    periods.push(parseDate(table, line, cells[at.date]));
    values.push(v);
    lines.push(line);
    const r = rel >= 0 ? cells[rel].trim() : '';
    given.push(r === '' ? undefined : parseDate(table, line, r, 'release_date'));
  }
  if (periods.length === 0) throw new RotorError(`${file}: no observations in column ${valueName}`);
  checkAscending(file, periods, lines);
  const freq = frequency(periods);
  const months = freq === 'quarterly' ? 3 : 1;
  const released = periods.map((p, i) => {
    const end = freq === 'daily' ? p : periodEnd(p, months);
    return given[i] ?? addDays(end, DEFAULT_RELEASE_LAG_DAYS[freq]);
  });
  return { name, periods, values: Float64Array.from(values), released };
}

import { RotorError } from '../engine/errors.ts';
import type { MacroSeries } from '../engine/macro/macro-series.ts';
import { inferFrequency, periodOrdinal, periodStartOf, type MacroFrequency } from '../engine/macro/periods.ts';
import { checkAscending, parseCell, parseCsv } from './csv-lines.ts';
import { detectMacroLayout, parsePeriodDate, type MacroFormat } from './formats.ts';
import { IssueLog, issueText, type DataIssue } from './issues.ts';
import { defaultRelease, dueLagDays, seriesKind, type SeriesKind } from './release-lags.ts';

/** A macro file as read: its period dates, numeric columns and date columns, and what was found wrong. */
export interface MacroTable {
  file: string;
  format: MacroFormat;
  header: string[];
  dates: string[];
  lines: Int32Array;
  /** Numeric columns by name (`value` for FRED's series column); NaN = no observation on that row. */
  numeric: Record<string, Float64Array>;
  /** Date columns (`release_date`, `*_date`) by name; '' = none given. */
  text: Record<string, string[]>;
  frequency: MacroFrequency;
  issues: DataIssue[];
}

/**
 * Read a macro file (`date,value[,release_date,...]`, a FRED export, or a wider table), collecting every problem:
 * bad dates and numbers, unsorted or duplicate periods, a release before its period began (errors); periods not on
 * the first day of the month and missing periods, such as the October 2025 CPI that was never published (warnings).
 */
export function parseMacroTable(file: string, text: string): MacroTable {
  const log = new IssueLog(file);
  const result = (format: MacroFormat, header: string[], dates: string[] = [], lines = new Int32Array(0), numeric: MacroTable['numeric'] = {}, textCols: MacroTable['text'] = {}): MacroTable => ({
    file,
    format,
    header,
    dates,
    lines,
    numeric,
    text: textCols,
    frequency: inferFrequency(dates),
    issues: log.issues,
  });
  const table = parseCsv(log, text);
  if (!table) return result('rotor', []);
  const layout = detectMacroLayout(table.header);
  if ('missingColumn' in layout) {
    log.error(1, 'missing-column', `missing column ${layout.missingColumn}; expected ${layout.expected}, found ${table.header.join(',')}`, layout.missingColumn);
    return result('rotor', table.header);
  }
  const n = table.rows.length;
  if (n === 0) {
    if (table.dropped === 0) log.error(undefined, 'empty-file', 'no rows after the header');
    return result(layout.format, table.header);
  }
  const dates: string[] = new Array(n);
  const lines = new Int32Array(n);
  const numeric: MacroTable['numeric'] = {};
  const textCols: MacroTable['text'] = {};
  for (const name of layout.numeric.values()) numeric[name] = new Float64Array(n).fill(NaN);
  for (const name of layout.text.values()) textCols[name] = new Array<string>(n).fill('');
  const dateName = table.header[layout.dateColumn];
  for (let r = 0; r < n; r++) {
    const { line, cells } = table.rows[r];
    lines[r] = line;
    const d = parsePeriodDate(cells[layout.dateColumn]);
    if (d === undefined) log.error(line, 'bad-date', `${dateName} must be a date YYYY-MM-DD, found "${cells[layout.dateColumn]}"`, cells[layout.dateColumn]);
    dates[r] = d ?? '';
    for (const [i, name] of layout.numeric) {
      const v = parseCell(cells[i], layout.missing);
      if (v === undefined) log.error(line, 'bad-number', `${table.header[i]} must be a number, found "${cells[i]}"`, cells[i]);
      else numeric[name][r] = v;
    }
    for (const [i, name] of layout.text) {
      const raw = cells[i].trim();
      if (raw === '') continue;
      const t = parsePeriodDate(raw);
      if (t === undefined) log.error(line, 'bad-date', `${name} must be a date YYYY-MM-DD, found "${cells[i]}"`, cells[i]);
      else textCols[name][r] = t;
    }
    const rel = textCols.release_date?.[r];
    if (rel && d && rel < d) log.error(line, 'release-before-period', `release_date ${rel} is before the period it reports starts (${d})`, rel);
  }
  const out = result(layout.format, table.header, dates, lines, numeric, textCols);
  if (dates.every((d) => d !== '') && checkAscending(log, dates, lines)) checkPeriods(log, out);
  return out;
}

/** FRED convention and completeness: each period on its first day, and no period skipped. */
function checkPeriods(log: IssueLog, t: MacroTable): void {
  const freq = t.frequency;
  if (freq === 'daily' || freq === 'weekly') return; // holidays are not gaps
  let misplaced = 0;
  for (let i = 0; i < t.dates.length; i++) {
    const d = t.dates[i];
    const month = +d.slice(5, 7);
    const aligned = d.endsWith('-01') && (freq !== 'quarterly' || month % 3 === 1) && (freq !== 'annual' || month === 1);
    if (!aligned && misplaced++ < 3) log.warn(t.lines[i], 'period-start', `${d} is not the first day of a ${freq.replace('ly', '')} (FRED convention: date = start of the period)`, d, d);
    if (i === 0) continue;
    const step = periodOrdinal(d, freq) - periodOrdinal(t.dates[i - 1], freq);
    if (step > 1) {
      const first = periodStartOf(periodOrdinal(t.dates[i - 1], freq) + 1, freq);
      const what = step === 2 ? `no row for ${first}` : `no rows for ${step - 1} periods from ${first}`;
      log.warn(t.lines[i], 'missing-period', `${what} (between ${t.dates[i - 1]} on line ${t.lines[i - 1]} and ${d}): unknown to strategies, never zero`, first, first);
    }
  }
  if (misplaced > 3) log.warn(undefined, 'period-start', `${misplaced} periods in all are not on the first day of their period`);
}

/** Which value of a revised series a run sees: as first published (point in time) or the latest revision. */
export type MacroVintage = 'first' | 'latest';

export interface MacroReadOptions {
  /** Read this column instead of `value` (e.g. `first_release_qoq_saar_pct` of GDPC1.csv). */
  column?: string;
  /**
   * Default 'first': where the file has `first_release_value`, that is what was known at the release date.
   * 'latest' reads the revised `value` as if known at the first release: look-ahead in the revisions, by request.
   */
  vintage?: MacroVintage;
  /** Days after a period's end at which rows without a release_date become known (replaces the kind's default). */
  lagDays?: number;
}

/** What `macroSeriesFrom` decided, for `rotor data list` and the run's notes. */
export interface MacroSeriesInfo {
  column: string;
  kind: SeriesKind;
  frequency: MacroFrequency;
  /** Rows whose release date came from the default lag (not from the file). */
  defaultReleases: number;
}

/** One series of a parsed macro table, with the release date of every observation. */
export function macroSeriesFrom(table: MacroTable, name: string, options: MacroReadOptions = {}): MacroSeries & { info: MacroSeriesInfo } {
  const columns = Object.keys(table.numeric);
  const pick = (): [string, Float64Array | undefined] => {
    if (options.column) return [options.column, table.numeric[options.column]];
    if ((options.vintage ?? 'first') === 'first' && table.numeric.first_release_value) return ['first_release_value', table.numeric.first_release_value];
    return ['value', table.numeric.value];
  };
  const [valueName, values] = pick();
  if (!values) {
    const stem = name.includes('.') ? name.slice(0, name.indexOf('.')) : name;
    const choices = columns.length ? columns.map((c) => `${stem}.${c}`).join(', ') : 'none: it has no numeric column';
    throw new RotorError(`${table.file}:1: no column ${valueName} for macro series ${name}; name one of its columns: ${choices}`);
  }
  // A quarter without a first print in the file (e.g. before ALFRED's vintages) falls back to its value.
  const fallback = valueName === 'first_release_value' ? table.numeric.value : undefined;
  const given = table.text.release_date;
  const periods: string[] = [];
  const kept: number[] = [];
  const rows: number[] = [];
  for (let r = 0; r < table.dates.length; r++) {
    let v = values[r];
    if (Number.isNaN(v) && fallback) v = fallback[r];
    if (Number.isNaN(v)) continue; // an empty value is an unpublished period, not a zero
    periods.push(table.dates[r]);
    kept.push(v);
    rows.push(r);
  }
  if (periods.length === 0) throw new RotorError(`${table.file}: no observations in column ${valueName}`);
  const frequency = inferFrequency(periods);
  const kind = seriesKind(options.column ? name : name.split('.')[0], frequency);
  let defaults = 0;
  const released = rows.map((r, i) => {
    const g = given?.[r];
    if (g) return g;
    defaults++;
    return defaultRelease(kind, frequency, periods[i], options.lagDays);
  });
  const due = dueLagDays(kind, frequency, options.lagDays);
  return {
    name,
    periods,
    values: Float64Array.from(kept),
    released,
    frequency,
    ...(due === undefined ? {} : { dueLagDays: due }),
    info: { column: valueName, kind, frequency, defaultReleases: defaults },
  };
}

/** Read one macro series, throwing the first error as one line. */
export function readMacro(file: string, name: string, text: string, options: MacroReadOptions = {}): MacroSeries {
  const table = parseMacroTable(file, text);
  const error = table.issues.find((i) => i.severity === 'error');
  if (error) throw new RotorError(issueText(error));
  const { info: _info, ...series } = macroSeriesFrom(table, name, options);
  return series;
}

import { RotorError } from '../../engine/errors.ts';
import { inferFrequency, periodOrdinal, periodStartOf } from '../../engine/macro/periods.ts';
import { parseCsv } from '../csv-lines.ts';
import { parsePeriodDate } from '../formats.ts';
import { IssueLog, throwIfErrors } from '../issues.ts';

/**
 * ALFRED's wide vintage table, `observation_date,SERIES_YYYYMMDD,SERIES_YYYYMMDD,…`: one column per vintage holding
 * the series as published that day, empty where the observation did not exist yet.
 */
export interface VintageTable {
  /** Vintage dates, oldest first. */
  vintages: string[];
  /** Observation dates, oldest first. */
  dates: string[];
  /** `cells[row][vintage]`: the number as written, '' where that vintage has no value for that observation. */
  cells: string[][];
}

const MISSING = new Set(['', '.', '#N/A']);

/** Read the table, with `file` (the CSV's name inside the ZIP) and line in every error. */
export function parseVintageTable(series: string, file: string, text: string): VintageTable {
  const log = new IssueLog(file);
  const csv = parseCsv(log, text);
  throwIfErrors(log.issues);
  const header = csv!.header;
  const dateAt = header.findIndex((h) => /^(observation_date|date)$/i.test(h));
  const pattern = new RegExp(`^${series.replace(/[^A-Za-z0-9]/g, '\\$&')}_(\\d{4})(\\d{2})(\\d{2})$`, 'i');
  const columns = header
    .map((h, i) => ({ i, m: pattern.exec(h) }))
    .filter((c): c is { i: number; m: RegExpExecArray } => c.m !== null)
    .map(({ i, m }) => ({ i, vintage: `${m[1]}-${m[2]}-${m[3]}` }))
    .sort((a, b) => a.vintage.localeCompare(b.vintage));
  if (dateAt < 0 || columns.length === 0) {
    throw new RotorError(`${file}:1: expected a header observation_date,${series}_YYYYMMDD,… (one column per vintage), found ${header.join(',').slice(0, 120)}`);
  }
  const rows = csv!.rows.map(({ line, cells }) => {
    const date = parsePeriodDate(cells[dateAt]);
    if (!date) throw new RotorError(`${file}:${line}: ${header[dateAt]} must be a date YYYY-MM-DD, found "${cells[dateAt]}"`);
    const values = columns.map(({ i }) => {
      const t = cells[i].trim();
      if (MISSING.has(t)) return '';
      if (!Number.isFinite(Number(t))) throw new RotorError(`${file}:${line}: ${header[i]} must be a number, found "${t}"`);
      return t;
    });
    return { line, date, values };
  });
  rows.sort((a, b) => a.date.localeCompare(b.date));
  for (let r = 1; r < rows.length; r++) {
    if (rows[r].date === rows[r - 1].date) throw new RotorError(`${file}:${rows[r].line}: duplicate observation ${rows[r].date} (also on line ${rows[r - 1].line})`);
  }
  return { vintages: columns.map((c) => c.vintage), dates: rows.map((r) => r.date), cells: rows.map((r) => r.values) };
}

/** One observation's history: its latest value and its first print, as fetch writes them. */
export interface ObservationHistory {
  date: string;
  /** The value in the newest vintage that has one. */
  value: string;
  latestVintage: string;
  /** The value in the oldest vintage that has one, and that vintage's date: when it became known. */
  firstValue: string;
  released: string;
  /**
   * First-release q/q growth, annualised, in %: the first print against the previous quarter as known in the same
   * vintage, 100 × ((cur / prev)^4 − 1). A level from one vintage is never compared with another's: base years change
   * between vintages (GDPC1 has been in 1987, 1992, …, 2017 dollars), so only same-vintage ratios mean growth.
   */
  qoqSaarPct?: number;
}

/**
 * Whether first-release q/q SAAR growth means something for this table: a quarterly series of positive levels (GDPC1).
 * A rate or a percent change (negative values, or not quarterly) gets no growth column.
 */
export function isQuarterlyLevel(table: VintageTable): boolean {
  if (table.dates.length < 2 || inferFrequency(table.dates) !== 'quarterly') return false;
  return table.cells.every((row) => row.every((c) => c === '' || Number(c) > 0));
}

/** Every observation that some vintage holds, with its first print, latest value and (optionally) q/q SAAR growth. */
export function observationHistories(table: VintageTable, options: { qoqSaar: boolean }): ObservationHistory[] {
  const rowOf = new Map(table.dates.map((d, r) => [d, r]));
  const out: ObservationHistory[] = [];
  table.dates.forEach((date, r) => {
    const row = table.cells[r];
    const first = row.findIndex((c) => c !== '');
    if (first < 0) return; // listed, but in no vintage: not an observation
    let last = row.length - 1;
    while (row[last] === '') last--;
    const h: ObservationHistory = { date, value: row[last], latestVintage: table.vintages[last], firstValue: row[first], released: table.vintages[first] };
    if (options.qoqSaar) {
      const prevRow = rowOf.get(periodStartOf(periodOrdinal(date, 'quarterly') - 1, 'quarterly'));
      const prev = prevRow === undefined ? '' : table.cells[prevRow][first];
      if (prev !== '') h.qoqSaarPct = Number((100 * ((Number(row[first]) / Number(prev)) ** 4 - 1)).toFixed(6));
    }
    out.push(h);
  });
  return out;
}

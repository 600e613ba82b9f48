import { RotorError } from '../engine/errors.ts';

/** A CSV file split into header and rows, keeping 1-based line numbers for error messages. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Split a simple CSV (no quoted commas: every layout rotor reads is numeric). Blank lines are skipped; a row with the
 * wrong number of cells is an error naming the file and line.
 */
export function parseCsv(file: string, text: string): CsvTable {
  const lines = text.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first === lines.length) throw new RotorError(`${file}: empty file, expected a header line`);
  const header = lines[first].replace(/^\uFEFF/, '').split(',').map((h) => h.trim());
  const rows: CsvTable['rows'] = [];
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw new RotorError(`${file}:${i + 1}: expected ${header.length} fields (${header.join(',')}), found ${cells.length}`);
    }
    rows.push({ line: i + 1, cells });
  }
  return { file, header, rows };
}

export function requireColumns(table: CsvTable, required: readonly string[]): Record<string, number> {
  const at: Record<string, number> = {};
  for (const name of required) {
    const i = table.header.indexOf(name);
    if (i < 0) {
      throw new RotorError(`${table.file}:1: missing column ${name}; expected ${required.join(',')}, found ${table.header.join(',')}`);
    }
    at[name] = i;
  }
  return at;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseDate(table: CsvTable, line: number, text: string, column = 'date'): string {
  const d = text.trim();
  if (!ISO_DATE.test(d) || Number.isNaN(Date.parse(d + 'T00:00:00Z')) || new Date(d + 'T00:00:00Z').toISOString().slice(0, 10) !== d) {
    throw new RotorError(`${table.file}:${line}: ${column} must be a date YYYY-MM-DD, found "${text}"`);
  }
  return d;
}

/** An empty cell is unknown (NaN); anything else must be a finite number. */
export function parseNumber(table: CsvTable, line: number, text: string, column: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  const v = Number(t);
  if (!Number.isFinite(v)) throw new RotorError(`${table.file}:${line}: ${column} must be a number, found "${text}"`);
  return v;
}

/** Dates must be strictly increasing; name both lines when they are not. */
export function checkAscending(file: string, dates: readonly string[], lines: readonly number[]): void {
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] <= dates[i - 1]) {
      const what = dates[i] === dates[i - 1] ? 'duplicate date' : 'dates out of order';
      throw new RotorError(`${file}:${lines[i]}: ${what}: ${dates[i]} follows ${dates[i - 1]} (line ${lines[i - 1]})`);
    }
  }
}

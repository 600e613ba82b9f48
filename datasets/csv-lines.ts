import type { IssueLog } from './issues.ts';

/** A CSV file split into header and rows, keeping 1-based line numbers for messages. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** Rows left out because their field count was wrong (already logged). */
  dropped: number;
}

/** Split one line, honouring double quotes only when the line has any (exports from spreadsheets quote cells). */
function splitLine(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/**
 * Split a CSV into header and rows. Blank lines are skipped; a row with the wrong number of cells is an error naming
 * the file and line and is left out. Returns undefined (with an error logged) for a file with no header.
 */
export function parseCsv(log: IssueLog, text: string): CsvTable | undefined {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first === lines.length) {
    log.error(undefined, 'empty-file', 'empty file, expected a header line');
    return undefined;
  }
  const header = splitLine(lines[first].replace(/^\uFEFF/, '').replace(/\r$/, '')).map((h) => h.trim());
  // Two columns of one name: whichever a reader took, the other's numbers would be silently dropped.
  const seen = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const key = normaliseHeader(header[c]);
    const before = seen.get(key);
    if (before !== undefined) {
      log.error(first + 1, 'duplicate-column', `columns ${before + 1} and ${c + 1} are both ${header[c]}; a file names each column once`, header[c]);
      return undefined;
    }
    seen.set(key, c);
  }
  const rows: CsvTable['rows'] = [];
  let dropped = 0;
  for (let i = first + 1; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' || line.trim() === '') continue;
    const cells = splitLine(line);
    if (cells.length !== header.length) {
      log.error(i + 1, 'field-count', `expected ${header.length} fields (${header.join(',')}), found ${cells.length}`, line.length > 60 ? line.slice(0, 60) + '…' : line);
      dropped++;
      continue;
    }
    rows.push({ line: i + 1, cells });
  }
  return { file: log.file, header, rows, dropped };
}

/** `Adj Close`, `adj_close`, `<CLOSE>`, `observation_date` → comparable keys. */
export function normaliseHeader(name: string): string {
  return name.trim().replace(/^<|>$/g, '').toLowerCase().replace(/[\s-]+/g, '_');
}

/** Re-exported from the engine's calendar, where settings check dates too. */
export { isIsoDate } from '../engine/calendar/iso-date.ts';

/** 10^0 … 10^22: every one exactly a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A plain decimal (/^-?(\d+(\.\d*)?|\.\d+)$/) as a number, or undefined for anything else; read character by
 * character, since a cold load reads millions of cells. Digits d with f of them after the point are the integer
 * d / 10^f: when d < 2^53 and f ≤ 22 both are exact doubles, so one division rounds correctly, as Number() does
 * (Clinger's fast path); longer numbers go to Number().
 */
export function parseDecimal(text: string): number | undefined {
  const n = text.length;
  const negative = text.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  let whole = 0;
  let value = 0;
  for (; i < n; i++, whole++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    value = 10 * value + c;
  }
  let digits = whole;
  let fraction = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return undefined;
    for (i++; i < n; i++, fraction++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      value = 10 * value + c;
    }
    digits += fraction;
  }
  if (digits === 0) return undefined;
  // Up to 15 digits the integer is below 2^53 and every step above was exact.
  if (digits > 15 || fraction > 22) return Number(text);
  const v = fraction === 0 ? value : value / POWERS_OF_TEN[fraction];
  return negative ? -v : v;
}

/**
 * An empty cell (or one of the format's missing markers) is unknown: NaN. Anything else must be a plain decimal
 * number as written, with nothing around it: `1e3`, `1,234`, ` 12`, `0x10`, `+5`, `Infinity` are not read as numbers
 * (undefined, an error at the caller), since JavaScript's Number() would take several of them silently.
 */
export function parseCell(text: string, missing: readonly string[] = []): number | undefined {
  if (text === '' || (missing.length > 0 && missing.includes(text.trim()))) return NaN;
  return parseDecimal(text);
}

/** Shortest faithful text of a number for messages and tables (NaN shown as empty). */
export function showNumber(v: number): string {
  return Number.isNaN(v) ? '' : String(v);
}

/**
 * Dates must be strictly increasing; each violation names both lines. Returns whether the dates are in order (a
 * caller that sorts by date cannot trust a file that is not).
 */
export function checkAscending(log: IssueLog, dates: readonly string[], lines: ArrayLike<number>): boolean {
  let ok = true;
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] <= dates[i - 1]) {
      ok = false;
      const dup = dates[i] === dates[i - 1];
      log.error(lines[i], dup ? 'duplicate-date' : 'unsorted-dates', `${dup ? 'duplicate date' : 'dates out of order'}: ${dates[i]} follows ${dates[i - 1]} (line ${lines[i - 1]})`, dates[i]);
    }
  }
  return ok;
}

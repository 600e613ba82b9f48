import { RotorError } from '../engine/errors.ts';
import type { SymbolBars } from '../engine/market/align.ts';
import { PRICE_FIELDS, type PriceField } from '../engine/market/market-data.ts';
import { checkAscending, parseCsv, parseCell } from './csv-lines.ts';
import { detectPriceLayout, ROTOR_PRICE_COLUMNS, type PriceFormat } from './formats.ts';
import { IssueLog, issueText, type DataIssue } from './issues.ts';

/** rotor's price layout; the same as ../shared/data/prices. */
export const PRICE_COLUMNS = ROTOR_PRICE_COLUMNS;

const COLUMN_NAME: Record<PriceField, string> = { open: 'open', high: 'high', low: 'low', close: 'close', adjClose: 'adj_close', volume: 'volume' };

/** A price file as read: its bars in rotor's fields, the source line of each, and what was found wrong. */
export interface PriceTable {
  file: string;
  format: PriceFormat;
  header: string[];
  dates: string[];
  /** Source line of each row, for messages about it. */
  lines: Int32Array;
  columns: Record<PriceField, Float64Array>;
  /** Row-level findings (errors and warnings); series checks (gaps, moves) come from `checkPriceSeries`. */
  issues: DataIssue[];
}

/**
 * Read a price file in rotor's layout or a Yahoo, Stooq or FRED export, collecting every problem that would corrupt a
 * backtest (with file and line) instead of stopping at the first, so `rotor data check` can list them all.
 */
export function parsePrices(file: string, text: string): PriceTable {
  const log = new IssueLog(file);
  const empty = (format: PriceFormat, header: string[]): PriceTable => ({
    file,
    format,
    header,
    dates: [],
    lines: new Int32Array(0),
    columns: Object.fromEntries(PRICE_FIELDS.map((f) => [f, new Float64Array(0)])) as Record<PriceField, Float64Array>,
    issues: log.issues,
  });
  const table = parseCsv(log, text);
  if (!table) return empty('rotor', []);
  const layout = detectPriceLayout(table.header);
  if ('missingColumn' in layout) {
    log.error(1, 'missing-column', `missing column ${layout.missingColumn}; expected ${layout.expected}, found ${table.header.join(',')}`, layout.missingColumn);
    return empty('rotor', table.header);
  }
  const n = table.rows.length;
  if (n === 0) {
    if (table.dropped === 0) log.error(undefined, 'empty-file', 'no rows after the header');
    return empty(layout.format, table.header);
  }
  const columns = Object.fromEntries(PRICE_FIELDS.map((f) => [f, new Float64Array(n).fill(NaN)])) as Record<PriceField, Float64Array>;
  const dates: string[] = new Array(n);
  const lines = new Int32Array(n);
  const present = (Object.entries(layout.columns) as [PriceField, number][]).filter(([, i]) => i !== undefined);
  const aliases = Object.entries(layout.aliases) as [PriceField, PriceField][];
  let k = 0;
  for (let r = 0; r < n; r++) {
    const { line, cells } = table.rows[r];
    lines[k] = line;
    const date = layout.parseDate(cells[layout.dateColumn]);
    if (date === undefined) log.error(line, 'bad-date', `date must be a date ${layout.format === 'stooq-ascii' ? 'YYYYMMDD' : 'YYYY-MM-DD'}, found "${cells[layout.dateColumn]}"`, cells[layout.dateColumn]);
    dates[k] = date ?? '';
    let any = false;
    for (const [field, i] of present) {
      const v = parseCell(cells[i], layout.missing);
      if (v === undefined) log.error(line, 'bad-number', `${COLUMN_NAME[field]} must be a number, found "${cells[i]}"`, cells[i]);
      else {
        columns[field][k] = v;
        if (field !== 'volume' && !Number.isNaN(v)) any = true;
      }
    }
    // Yahoo and Stooq exports carry all-null rows on days without trading: nothing to load, nothing wrong.
    if (!any && layout.format !== 'rotor' && date !== undefined) {
      log.warn(line, 'empty-row', 'no price on this row; skipped', date, date);
      for (const f of PRICE_FIELDS) columns[f][k] = NaN;
      continue;
    }
    for (const [field, from] of aliases) columns[field][k] = columns[from][k];
    checkRow(log, line, columns, k);
    k++;
  }
  if (k < n) {
    dates.length = k;
    for (const f of PRICE_FIELDS) columns[f] = columns[f].slice(0, k);
  }
  const kept = k < n ? lines.slice(0, k) : lines;
  checkPartialAdjClose(log, columns, kept);
  if (dates.every((d) => d !== '')) checkAscending(log, dates, kept);
  return { file, format: layout.format, header: table.header, dates, lines: kept, columns, issues: log.issues };
}

/**
 * A file with adj_close on some rows must have it on every row with a close: an empty one would make that day's
 * total-return price the raw close, a fake jump in equity. (A file with no adj_close at all is read as raw prices.)
 */
function checkPartialAdjClose(log: IssueLog, c: Record<PriceField, Float64Array>, lines: ArrayLike<number>): void {
  const adj = c.adjClose;
  let withAdj = -1;
  for (let r = 0; r < adj.length && withAdj < 0; r++) if (!Number.isNaN(adj[r])) withAdj = r;
  if (withAdj < 0) return;
  for (let r = 0; r < adj.length; r++) {
    if (Number.isNaN(adj[r]) && !Number.isNaN(c.close[r])) {
      log.error(lines[r], 'missing-adj-close', `adj_close is empty, but close is ${c.close[r]} and other rows (line ${lines[withAdj]}) have adj_close: fill it, or the total-return price would jump to the raw close here`, '');
    }
  }
}

function checkRow(log: IssueLog, line: number, c: Record<PriceField, Float64Array>, r: number): void {
  const o = c.open[r];
  const h = c.high[r];
  const l = c.low[r];
  const close = c.close[r];
  const a = c.adjClose[r];
  // One call per price, not a list of them per row: a cold load checks every row of every file.
  positive(log, line, 'open', o);
  positive(log, line, 'high', h);
  positive(log, line, 'low', l);
  positive(log, line, 'close', close);
  positive(log, line, 'adj_close', a);
  if (c.volume[r] < 0) log.error(line, 'negative-volume', `volume must be ≥ 0, found ${c.volume[r]}`, String(c.volume[r]));
  if (Number.isNaN(close) && Number.isNaN(a)) log.error(line, 'no-price', 'neither close nor adj_close is given');
  if (h < l) log.error(line, 'high-below-low', `high ${h} is below low ${l}`, `${h} < ${l}`);
  else if (close > h || close < l) log.error(line, 'close-outside-range', `close ${close} is outside [low ${l}, high ${h}]`, String(close));
}

function positive(log: IssueLog, line: number, name: string, v: number): void {
  if (v <= 0) log.error(line, 'non-positive-price', `${name} must be > 0, found ${v}`, String(v));
}

/** The bars of one symbol from a parsed table (the table must have no errors). */
export function symbolBars(table: PriceTable, symbol: string): SymbolBars {
  return { symbol, dates: table.dates, columns: table.columns };
}

/** Read one price file, throwing the first error as one line (for callers that want the bars or nothing). */
export function readPrices(file: string, symbol: string, text: string): SymbolBars {
  const table = parsePrices(file, text);
  const error = table.issues.find((i) => i.severity === 'error');
  if (error) throw new RotorError(issueText(error));
  return symbolBars(table, symbol);
}

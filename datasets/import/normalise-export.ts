import { readFileSync } from 'node:fs';
import { RotorError } from '../../engine/errors.ts';
import { parseCsv } from '../csv-lines.ts';
import { IssueLog, issueText, throwIfErrors } from '../issues.ts';
import { PRICE_COLUMNS } from '../read-prices.ts';
import type { DanfoModule, DataFrame, Series } from './danfo.ts';
import { cleanNumber, EXPORT_DATE_STYLES, parseExportDate } from './export-values.ts';
import { detectImportLayout, type ImportField, type ImportFormat, type ImportLayout } from './import-layout.ts';

/** An export brought into rotor's layout: sorted by date, one row per date, each row with its source line. */
export interface NormalisedExport {
  layout: ImportLayout;
  /** Output header: rotor's price columns, or `date,value` for a macro series. */
  columns: readonly string[];
  /** Rows in that layout, oldest first. */
  rows: string[];
  /** Source line of each row, for messages about it. */
  lines: number[];
  /** FRED: the name of its series column. */
  series?: string;
  /** Data rows in the file (blank lines not counted). */
  rowsIn: number;
  /** Rows without a single value (Yahoo's all-null rows, FRED's `.` days), dropped. */
  empty: number;
  /** Rows identical to an earlier row once normalised, dropped. */
  duplicates: number;
  /** The export has no adjusted close: adj_close was filled from close (no dividends in it). */
  adjFilled: boolean;
}

const stripHeader = (h: string) => h.replace(/^\uFEFF/, '').replace(/^"(.*)"$/, '$1').trim();

/** Source line of each row papaparse keeps with `skipEmptyLines: 'greedy'`, and how many it skipped as separators only. */
function dataLines(text: string): { lines: number[]; separatorsOnly: number } {
  const all = text.split('\n');
  let i = 0;
  while (i < all.length && all[i].trim() === '') i++; // the header is the first non-blank line
  const lines: number[] = [];
  let separatorsOnly = 0;
  for (let k = i + 1; k < all.length; k++) {
    const t = all[k].trim();
    if (t === '') continue;
    if (/^[\s",]*$/.test(t)) separatorsOnly++; // `,,,,`: a row with no value at all
    else lines.push(k + 1);
  }
  return { lines, separatorsOnly };
}

/**
 * papaparse's options as danfo passes them on: every cell as text (rotor cleans numbers itself: `5,667.20`, `1.2M`),
 * blank and separator-only lines skipped. Typed through unknown: danfo's type names papaparse's, whose types are not
 * installed.
 */
const CSV_OPTIONS = { header: true, dynamicTyping: false, skipEmptyLines: 'greedy', transformHeader: stripHeader } as unknown as Parameters<DanfoModule['readCSV']>[1];

/** danfo reads the file; where it cannot, rotor's CSV reader names the line (danfo's messages do not). */
async function readFrame(danfo: DanfoModule, path: string, text: string): Promise<DataFrame> {
  try {
    return await danfo.readCSV(path, CSV_OPTIONS);
  } catch (e) {
    const log = new IssueLog(path);
    const table = parseCsv(log, text);
    throwIfErrors(log.issues);
    if (table && table.rows.length === 0) throw new RotorError(`${path}: no rows after the header`);
    throw new RotorError(`${path}: cannot read as CSV (${(e as Error).message})`);
  }
}

/** The first error of an export, as one line, with how many more there are (rotor data check cannot read exports). */
function throwFirst(log: IssueLog): void {
  const errors = log.issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return;
  const more = errors.length - 1;
  throw new RotorError(issueText(errors[0]) + (more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''} in this file)` : ''));
}

/**
 * A file whose dates are written day first (`16/07/2024`) is refused as a whole, at its first such line: its other
 * slashed dates (`03/07/2024`) would otherwise be read month first, silently wrong. So is a file that writes slashed
 * dates in more than one order or with two-digit years: no date of it can be trusted.
 */
function refuseAmbiguousDates(path: string, column: string, cells: readonly string[], lines: readonly number[]): void {
  for (let r = 0; r < cells.length; r++) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(cells[r]);
    if (!m) continue;
    const dayFirst = Number(m[1]) > 12;
    const otherSeparator = !cells[r].includes('/');
    if (!dayFirst && !otherSeparator && m[3].length === 4) continue;
    const why = m[3].length === 2 ? 'has a two-digit year' : dayFirst ? 'is written day first (DD/MM/YYYY)' : 'does not say whether the day or the month comes first';
    throw new RotorError(
      `${path}:${lines[r]}: ${column} "${cells[r]}" ${why}; rotor reads slashed dates as MM/DD/YYYY only, so the file's other dates ` +
        `could be misread: convert its dates to YYYY-MM-DD (or export them month first) and import again`,
    );
  }
}

/**
 * Read an export with danfo and bring it into rotor's layout: recognise the layout (or check the one asked for),
 * parse the dates in whichever style the export uses, clean the numbers, drop rows without a value, sort by date,
 * drop exact duplicate rows, and report a date given twice with different values as an error naming both lines.
 * Validation proper (prices > 0, high ≥ low, …) is left to rotor's readers, on the rows this returns.
 */
export async function normaliseExport(danfo: DanfoModule, path: string, format: ImportFormat | 'auto' = 'auto'): Promise<NormalisedExport> {
  const text = readFileSync(path, 'utf8');
  const df = await readFrame(danfo, path, text);
  const layout = detectImportLayout(df.columns, format);
  if ('reason' in layout) throw new RotorError(`${path}:1: ${layout.reason}`);
  const { lines: sourceLines, separatorsOnly } = dataLines(text);
  const n = df.shape[0];
  if (sourceLines.length !== n) throw new RotorError(`${path}: read ${n} rows but the file has ${sourceLines.length} non-blank lines after the header (a quoted cell across lines?)`);

  const log = new IssueLog(path);
  const strings = (name: string, map: (cell: string) => string): string[] => df.column(name).map((v: unknown) => map(v === null || v === undefined ? '' : String(v))).values as string[];
  const dates = strings(layout.date, (c) => parseExportDate(c) ?? '');
  const field = (f: ImportField): string[] => {
    const name = layout.fields[f];
    return name === undefined ? new Array<string>(n).fill('') : strings(name, (c) => cleanNumber(c, { suffixes: f === 'volume' && layout.volumeSuffixes }));
  };
  const macro = layout.kind === 'macro';
  const values: Record<string, string[]> = macro ? { value: field('close') } : { open: field('open'), high: field('high'), low: field('low'), close: field('close'), adj_close: field('adj_close'), volume: field('volume') };
  const adjFilled = !macro && layout.fields.adj_close === undefined;
  if (adjFilled) values.adj_close = values.close;
  const valueColumns = Object.keys(values);
  const columns = ['date', ...valueColumns];

  // A row is kept when it has a value; a row with values but no readable date is an error, not a drop.
  const hasValue = Array.from({ length: n }, (_, r) => valueColumns.some((c) => values[c][r] !== ''));
  const rawDates = (df.column(layout.date).values as unknown[]).map((v) => String(v ?? '').trim());
  refuseAmbiguousDates(path, layout.date, rawDates, sourceLines);
  for (let r = 0; r < n; r++) {
    if (hasValue[r] && dates[r] === '') log.error(sourceLines[r], 'bad-date', `${layout.date} must be a date (${EXPORT_DATE_STYLES}), found "${rawDates[r]}"`, rawDates[r]);
  }
  // Before any frame work: the rows left would be a wrong subset, and danfo fails on an empty frame without a line.
  throwFirst(log);
  const empty = hasValue.filter((v) => !v).length + separatorsOnly;
  if (empty === n + separatorsOnly) throw new RotorError(`${path}: no row has a value (${empty} empty rows)`);

  const frame = new danfo.DataFrame({
    ...Object.fromEntries(columns.map((c) => [c, c === 'date' ? dates : values[c]])),
    line: sourceLines,
    // Date, then source line: rows of one date stay in file order, whatever the sort's stability.
    key: dates.map((d, r) => `${d}#${String(sourceLines[r]).padStart(10, '0')}`),
  });
  // danfo 1.2's query takes index labels for row positions, so a filtered frame is re-indexed before the next query,
  // and sorting comes last. In file order, "first" of a set of identical rows is the earliest line.
  const kept = frame.query(hasValue.map((v, r) => v && dates[r] !== '')).resetIndex();
  kept.addColumn('row', kept.loc({ columns }).apply((row: unknown[]) => row.join(','), { axis: 1 }) as Series, { inplace: true });
  const firsts = new Set(kept.column('row').dropDuplicates({ keep: 'first' }).index);
  const unique = kept.query(kept.index.map((i) => firsts.has(i))).resetIndex().sortValues('key');

  const outDates = unique.column('date').values as string[];
  const outLines = unique.column('line').values as number[];
  const outRows = unique.column('row').values as string[];
  for (let i = 1; i < outDates.length; i++) {
    if (outDates[i] !== outDates[i - 1]) continue;
    const a = outRows[i - 1].split(',');
    const b = outRows[i].split(',');
    const diff = columns.flatMap((name, c) => (a[c] === b[c] ? [] : [`${name} ${a[c] || '(empty)'} there, ${b[c] || '(empty)'} here`]));
    log.error(outLines[i], 'duplicate-date', `date ${outDates[i]} is also on line ${outLines[i - 1]} with other values (${diff.join('; ')}); keep one of the two`, outDates[i]);
  }
  throwFirst(log);
  return {
    layout,
    columns,
    rows: outRows,
    lines: outLines,
    ...(macro ? { series: layout.fields.close } : {}),
    rowsIn: n + separatorsOnly,
    empty,
    duplicates: kept.shape[0] - unique.shape[0],
    adjFilled,
  };
}

import type { PriceField } from '../engine/market/market-data.ts';
import { isIsoDate, normaliseHeader } from './csv-lines.ts';

/**
 * Which layout a price file is in, recognised from its header, so that a folder of exports users already have loads
 * as it is:
 * - `rotor`: `date,open,high,low,close,adj_close,volume` (../shared/data's layout);
 * - `yahoo`: `Date,Open,High,Low,Close,Adj Close,Volume`, `null` for missing;
 * - `stooq`: `Date,Open,High,Low,Close[,Volume]`: no adjusted column, so its Close stands for both close and
 *   adj_close (total-return and raw runs coincide for such a file);
 * - `stooq-ascii`: Stooq's bulk `<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,…` with `YYYYMMDD` dates;
 * - `fred`: `observation_date,SERIES` or `DATE,SERIES`, `.` for missing: a close-only series.
 */
export type PriceFormat = 'rotor' | 'yahoo' | 'stooq' | 'stooq-ascii' | 'fred';

export interface PriceLayout {
  format: PriceFormat;
  dateColumn: number;
  /** Column of each field the file has. */
  columns: Partial<Record<PriceField, number>>;
  /** A field the format has no column for, filled from another (stooq, fred: adjClose from close). */
  aliases: Partial<Record<PriceField, PriceField>>;
  /** Cell texts that mean "unknown", besides the empty cell. */
  missing: readonly string[];
  parseDate(text: string): string | undefined;
}

export const ROTOR_PRICE_COLUMNS = ['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume'] as const;

export { normaliseHeader };

/** ISO dates, also with a time suffix (`2024-01-02 00:00:00-05:00` as pandas writes them). */
export function parseIsoLike(text: string): string | undefined {
  const t = text.trim();
  const d = t.length > 10 && (t[10] === ' ' || t[10] === 'T') ? t.slice(0, 10) : t;
  return isIsoDate(d) ? d : undefined;
}

function parseCompactDate(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d{8}$/.test(t)) return undefined;
  const d = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  return isIsoDate(d) ? d : undefined;
}

/** `2024-07` (a month, as in release calendars) → `2024-07-01`; otherwise as parseIsoLike. */
export function parsePeriodDate(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}$/.test(t)) return parseIsoLike(t + '-01');
  return parseIsoLike(t);
}

const FRED_DATE = new Set(['observation_date', 'date']);

/** The layout of a price file, or the reason it is none (a missing column, named as the user would look for it). */
export function detectPriceLayout(header: readonly string[]): PriceLayout | { missingColumn: string; expected: string } {
  const keys = header.map(normaliseHeader);
  const at = (k: string) => keys.indexOf(k);
  const isExact = header.every((h, i) => h === keys[i]);
  if (at('ticker') >= 0 && at('per') >= 0 && at('date') >= 0 && at('close') >= 0 && header.some((h) => h.startsWith('<'))) {
    return {
      format: 'stooq-ascii',
      dateColumn: at('date'),
      columns: pick({ open: at('open'), high: at('high'), low: at('low'), close: at('close'), volume: at('vol') }),
      aliases: { adjClose: 'close' },
      missing: [],
      parseDate: parseCompactDate,
    };
  }
  if (at('adj_close') >= 0 || at('adjclose') >= 0) {
    const adj = at('adj_close') >= 0 ? 'adj_close' : 'adjclose';
    for (const c of ROTOR_PRICE_COLUMNS) {
      const k = c === 'adj_close' ? adj : c;
      if (at(k) < 0) return { missingColumn: c, expected: ROTOR_PRICE_COLUMNS.join(',') };
    }
    return {
      format: isExact && adj === 'adj_close' ? 'rotor' : 'yahoo',
      dateColumn: at('date'),
      columns: { open: at('open'), high: at('high'), low: at('low'), close: at('close'), adjClose: at(adj), volume: at('volume') },
      aliases: {},
      missing: isExact ? [] : ['null', 'NaN'],
      parseDate: parseIsoLike,
    };
  }
  if (at('date') >= 0 && at('open') >= 0 && at('high') >= 0 && at('low') >= 0 && at('close') >= 0) {
    return {
      format: 'stooq',
      dateColumn: at('date'),
      columns: pick({ open: at('open'), high: at('high'), low: at('low'), close: at('close'), volume: at('volume') }),
      aliases: { adjClose: 'close' },
      missing: [],
      parseDate: parseIsoLike,
    };
  }
  if (keys.length === 2 && FRED_DATE.has(keys[0])) {
    return { format: 'fred', dateColumn: 0, columns: { close: 1 }, aliases: { adjClose: 'close' }, missing: ['.'], parseDate: parseIsoLike };
  }
  const missing = ROTOR_PRICE_COLUMNS.find((c) => at(c) < 0) ?? 'adj_close';
  return { missingColumn: missing, expected: `${ROTOR_PRICE_COLUMNS.join(',')} (or a Yahoo, Stooq or FRED export)` };
}

function pick(columns: Partial<Record<PriceField, number>>): Partial<Record<PriceField, number>> {
  const out: Partial<Record<PriceField, number>> = {};
  for (const [k, v] of Object.entries(columns) as [PriceField, number][]) if (v >= 0) out[k] = v;
  return out;
}

/**
 * Macro layouts: rotor's `date,value[,release_date,...]`, FRED's `observation_date,SERIES` / `DATE,SERIES` (its one
 * value column read as `value`), and wider tables (`date` plus named columns, e.g. Shiller's) whose columns are
 * read as `FILE.column`. Columns named `release_date`, `*_date` or `latest_vintage` hold dates, the rest numbers.
 */
export type MacroFormat = 'rotor' | 'fred' | 'table';

export interface MacroLayout {
  format: MacroFormat;
  dateColumn: number;
  /** Source column index → canonical name (`value` for FRED's series column). */
  numeric: Map<number, string>;
  text: Map<number, string>;
  missing: readonly string[];
}

const MACRO_DATE = ['date', 'observation_date', 'reference_month'];

export function isDateColumn(name: string): boolean {
  const k = normaliseHeader(name);
  return k === 'release_date' || k.endsWith('_date') || k === 'latest_vintage' || k === 'vintage_date';
}

export function detectMacroLayout(header: readonly string[]): MacroLayout | { missingColumn: string; expected: string } {
  const keys = header.map(normaliseHeader);
  const dateColumn = keys.findIndex((k) => MACRO_DATE.includes(k));
  if (dateColumn < 0) return { missingColumn: 'date', expected: 'date,value[,release_date,...] (or a FRED export: observation_date,SERIES)' };
  const numeric = new Map<number, string>();
  const text = new Map<number, string>();
  header.forEach((h, i) => {
    if (i === dateColumn) return;
    if (isDateColumn(h)) text.set(i, h === 'release_date' || keys[i] !== 'release_date' ? h : 'release_date');
    else numeric.set(i, h);
  });
  const hasValue = [...numeric.values()].includes('value');
  const fredLike = !hasValue && numeric.size === 1 && (keys[dateColumn] === 'observation_date' || header[dateColumn] === 'DATE');
  if (fredLike) {
    const [i] = [...numeric.keys()];
    numeric.set(i, 'value');
  }
  return {
    format: hasValue ? 'rotor' : fredLike ? 'fred' : 'table',
    dateColumn,
    numeric,
    text,
    missing: ['.'],
  };
}

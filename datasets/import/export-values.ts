import { isIsoDate } from '../csv-lines.ts';
import { parseIsoLike } from '../formats.ts';

/** The date styles exports come in, for messages. */
export const EXPORT_DATE_STYLES = 'YYYY-MM-DD, MM/DD/YYYY, "Jul 16, 2024" or YYYYMMDD';

const MONTHS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const iso = (y: string, m: number | string, d: number | string) => {
  const out = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(out) ? out : undefined;
};

/**
 * A date as exports write them → `YYYY-MM-DD`, or undefined. ISO (also with a time, as pandas writes it), US
 * `MM/DD/YYYY` (Investing.com's US site, spreadsheets), Investing.com's `Jul 16, 2024`, Stooq's `YYYYMMDD`. Slashed
 * dates are read month first only: `16/07/2024` is refused rather than guessed, since `03/07/2024` would be ambiguous.
 */
export function parseExportDate(text: string): string | undefined {
  const t = text.trim();
  const isoLike = parseIsoLike(t);
  if (isoLike) return isoLike;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return iso(m[3], m[1], m[2]);
  m = /^([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}), (\d{4})$/.exec(t);
  if (m) return MONTHS[m[1].toLowerCase()] ? iso(m[3], MONTHS[m[1].toLowerCase()], m[2]) : undefined;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? iso(m[1], m[2], m[3]) : undefined;
}

/** Cell texts exports use for "no value": Yahoo's null, Investing.com's -, FRED's . */
const MISSING = new Set(['', 'null', 'nan', 'n/a', '#n/a', '-', '.']);

const SUFFIX: Readonly<Record<string, number>> = { K: 1e3, M: 1e6, B: 1e9 };

/**
 * A number cell as exports write it → plain decimal text; '' for no value. Thousands separators go (`5,667.20`);
 * with `suffixes`, Investing.com's volumes `456K`, `1.23M`, `2.1B` become whole numbers. Anything else is returned
 * as found, so that rotor's reader reports it (file, line, column) instead of a guess being written.
 */
export function cleanNumber(text: string, options: { suffixes?: boolean } = {}): string {
  const t = text.trim();
  if (MISSING.has(t.toLowerCase())) return '';
  const plain = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t) ? t.replace(/,/g, '') : t;
  const s = options.suffixes ? /^([-+]?\d+(?:\.\d+)?)([KMB])$/i.exec(plain.replace(/,/g, '')) : null;
  if (s) return String(Math.round(Number(s[1]) * SUFFIX[s[2].toUpperCase()]));
  return plain;
}

/** Whether a cleaned cell holds nothing. */
export const isBlank = (cell: string) => cell === '';

import { RotorError } from '../../engine/errors.ts';
import { parsePeriodDate } from '../formats.ts';

/** FRED's public CSV download (no API key): `observation_date,SERIES` (older files: `DATE,SERIES`). */
export const fredUrl = (series: string) => `https://fred.stlouisfed.org/graph/fredgraph.csv?id=${encodeURIComponent(series)}`;
/** ALFRED's vintage table: one column per vintage, `SERIES_YYYYMMDD`, holding the series as published that day. */
export const alfredUrl = (series: string) => `https://alfred.stlouisfed.org/graph/alfredgraph.csv?id=${encodeURIComponent(series)}`;

function lines(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

/** `date,value` rows from a FRED CSV; `.` and empty cells (no observation) are left out. */
export function fredObservations(series: string, text: string): Map<string, string> {
  const [header, ...rows] = lines(text);
  const dateAt = header?.findIndex((h) => /^(observation_date|DATE)$/i.test(h.trim())) ?? -1;
  const valueAt = header?.findIndex((h) => h.trim().toUpperCase() === series.toUpperCase()) ?? -1;
  if (dateAt < 0 || valueAt < 0) throw new RotorError(`FRED ${series}: expected a header observation_date,${series}, found ${header?.join(',') ?? 'nothing'}`);
  const out = new Map<string, string>();
  rows.forEach((cells, i) => {
    const d = parsePeriodDate(cells[dateAt] ?? '');
    const v = (cells[valueAt] ?? '').trim();
    if (!d) throw new RotorError(`FRED ${series}: line ${i + 2}: expected a date, found "${cells[dateAt]}"`);
    if (v === '' || v === '.') return;
    if (!Number.isFinite(Number(v))) throw new RotorError(`FRED ${series}: line ${i + 2}: expected a number, found "${v}"`);
    out.set(d, v);
  });
  return out;
}

/**
 * First prints from an ALFRED vintage table: for each period, the value in the earliest vintage that has one, and
 * that vintage's date as its release date.
 */
export function alfredFirstReleases(series: string, text: string): Map<string, { value: string; released: string }> {
  const [header, ...rows] = lines(text);
  const dateAt = header?.findIndex((h) => /^(observation_date|DATE)$/i.test(h.trim())) ?? -1;
  const pattern = new RegExp(`^${series.replace(/[^A-Za-z0-9]/g, '\\$&')}_(\\d{4})(\\d{2})(\\d{2})$`, 'i');
  const vintages = (header ?? [])
    .map((h, i) => ({ i, m: pattern.exec(h.trim()) }))
    .filter((v): v is { i: number; m: RegExpExecArray } => v.m !== null)
    .map(({ i, m }) => ({ i, date: `${m[1]}-${m[2]}-${m[3]}` }))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (dateAt < 0 || vintages.length === 0) throw new RotorError(`ALFRED ${series}: expected a header observation_date,${series}_YYYYMMDD,…, found ${header?.join(',') ?? 'nothing'}`);
  const out = new Map<string, { value: string; released: string }>();
  for (const cells of rows) {
    const d = parsePeriodDate(cells[dateAt] ?? '');
    if (!d) continue;
    const first = vintages.find((v) => {
      const c = (cells[v.i] ?? '').trim();
      return c !== '' && c !== '.';
    });
    if (first) out.set(d, { value: cells[first.i].trim(), released: first.date });
  }
  return out;
}

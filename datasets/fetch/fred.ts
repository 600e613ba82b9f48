import { RotorError } from '../../engine/errors.ts';
import { parsePeriodDate } from '../formats.ts';
import { alfredDownloadUrl, alfredFormFields, parseAlfredForm } from './alfred-form.ts';
import { isQuarterlyLevel, observationHistories, parseVintageTable, type ObservationHistory } from './alfred-vintages.ts';
import type { HttpGet, HttpPostForm } from './http.ts';
import { unzipOneCsv } from './unzip-csv.ts';

/** FRED's public CSV download (no API key): `observation_date,SERIES` (older files: `DATE,SERIES`). */
export const fredUrl = (series: string) => `https://fred.stlouisfed.org/graph/fredgraph.csv?id=${encodeURIComponent(series)}`;

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

/** What `--first-release` gets from ALFRED: every observation's history, and how it was read. */
export interface AlfredHistory {
  histories: ObservationHistory[];
  vintages: number;
  /** Whether first-release q/q SAAR growth was derived (quarterly level series only). */
  qoqSaar: boolean;
}

/** ALFRED's every vintage of a series: GET the download form, POST it back for all its vintages, read the ZIP. */
export async function fetchAlfred(series: string, get: HttpGet, post: HttpPostForm): Promise<AlfredHistory> {
  const url = alfredDownloadUrl(series);
  const form = parseAlfredForm(series, await get(url));
  const { name, text } = unzipOneCsv(`ALFRED ${series}: POST ${url}`, await post(url, alfredFormFields(form)));
  const table = parseVintageTable(series, `alfred:${series}/${name}`, text);
  const qoqSaar = isQuarterlyLevel(table);
  return { histories: observationHistories(table, { qoqSaar }), vintages: table.vintages.length, qoqSaar };
}

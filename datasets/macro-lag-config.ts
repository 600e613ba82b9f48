import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RotorError } from '../engine/errors.ts';

/**
 * Per-series publication lags, in days after the end of the observation period, for rows without a release_date:
 * `{ "UNRATE": 35, "SHILLER_SP500_MONTHLY.earnings_ttm": 120 }` in the data folder, or `--macro-lag SERIES=DAYS`
 * flags (which win). A key names a series exactly or its whole file.
 */
export const MACRO_LAGS_FILE = 'macro-lags.json';

function checkDays(where: string, days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 3660) {
    throw new RotorError(`${where}: expected a whole number of days between 0 and 3660, found ${JSON.stringify(days)}`);
  }
  return days;
}

/** The folder's macro-lags.json, or {} when it has none. */
export function readMacroLagConfig(dir: string): Record<string, number> {
  const path = join(dir, MACRO_LAGS_FILE);
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RotorError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RotorError(`${path}: expected an object of series name → days, e.g. {"UNRATE": 35}`);
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(parsed)) out[k] = checkDays(`${path}: ${k}`, v);
  return out;
}

/** Repeated `--macro-lag SERIES=DAYS` flags. */
export function parseMacroLagFlags(flags: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new RotorError(`--macro-lag ${flag}: expected SERIES=DAYS, e.g. UNRATE=35`);
    const days = flag.slice(eq + 1).trim();
    const series = flag.slice(0, eq).trim();
    if (series in out) throw new RotorError(`--macro-lag ${series} is given twice; give it once`);
    out[series] = checkDays(`--macro-lag ${flag}`, /^\d+$/.test(days) ? Number(days) : days);
  }
  return out;
}

/** Text output: fixed-point formatting from integers, CSV assembly, and atomic file writes. */

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bar } from './bars.ts';
import { isoDate } from './calendar.ts';

/** An integer count of 10^-decimals units as a fixed-point string (non-negative only: prices are positive). */
export function fixed(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units) || units < 0) throw new Error(`fixed: expected a non-negative integer, got ${units}`);
  const scale = 10 ** decimals;
  const whole = Math.floor(units / scale);
  const frac = String(units - whole * scale).padStart(decimals, '0');
  return `${whole}.${frac}`;
}

export const PRICE_HEADER = ['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume'];

export function priceRows(bars: readonly Bar[]): string[][] {
  return bars.map((b) => [
    isoDate(b.day),
    fixed(b.open, 2),
    fixed(b.high, 2),
    fixed(b.low, 2),
    fixed(b.close, 2),
    fixed(b.adjClose, 4),
    b.volume === undefined ? '' : String(b.volume),
  ]);
}

/** Header line, LF line endings, trailing newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.join(',')];
  for (const r of rows) lines.push(r.join(','));
  return lines.join('\n') + '\n';
}

/**
 * Write through a temporary file in the same folder and rename it into place, so that a reader (or a crashed run)
 * never sees a half-written file; rename within one folder is atomic on POSIX file systems.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

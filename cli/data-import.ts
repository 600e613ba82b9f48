import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { RotorError } from '../engine/errors.ts';
import { checkImport } from '../datasets/import/check-import.ts';
import { loadDanfo, type DanfoModule } from '../datasets/import/danfo.ts';
import type { ImportFormat } from '../datasets/import/import-layout.ts';
import { normaliseExport, type NormalisedExport } from '../datasets/import/normalise-export.ts';
import { issueText } from '../datasets/issues.ts';
import { symbolFile } from '../datasets/load.ts';
import { PRICE_COLUMNS } from '../datasets/read-prices.ts';
import { StagedFiles } from '../datasets/staged-files.ts';
import { writeFilesAtomic } from '../reports/atomic-write.ts';

export interface ImportOptions {
  out: string;
  format?: ImportFormat | 'auto';
  /** The symbol (or FRED series) of a single input, when its file name or header does not say it. */
  symbol?: string;
}

export interface ImportDeps {
  /** danfojs-node, loaded lazily by default (~2 s). */
  danfo?: () => Promise<DanfoModule>;
}

const SYMBOL = /^\^?[A-Za-z0-9][A-Za-z0-9_.=-]*$/;
const SERIES = /^[A-Za-z0-9][A-Za-z0-9_-]*$/; // no '.': GDPC1.column names a column of GDPC1.csv
const MAX_WARNINGS = 5;

/** Where an import goes: `prices/SYMBOL.csv` (the file name's symbol, or --symbol) or, for FRED, `macro/SERIES.csv`. */
function target(file: string, n: NormalisedExport, symbol: string | undefined): string {
  if (n.layout.kind === 'macro') {
    const series = symbol ?? n.series ?? '';
    if (!SERIES.test(series)) throw new RotorError(`${file}: "${series}" cannot name a macro series (letters, digits, _ and -); name it with --symbol`);
    return join('macro', `${series}.csv`);
  }
  const name = symbol ?? basename(file, extname(file));
  if (!SYMBOL.test(name)) throw new RotorError(`${file}: cannot tell the symbol from the file name "${name}"; name it with --symbol`);
  return join('prices', symbolFile(name));
}

/**
 * `rotor data import FILE... --out DIR [--format auto|yahoo|stooq|fred|investing] [--symbol SYM]`: exports as users
 * download them, normalised with danfo (normaliseExport), checked by rotor's readers, merged into DIR like a fetch.
 * Every file is read and checked before the first one is written. Returns one summary line per file (plus its
 * warnings) and the files written.
 */
export async function importFiles(files: readonly string[], options: ImportOptions, deps: ImportDeps = {}): Promise<{ lines: string[]; written: string[] }> {
  if (options.symbol !== undefined && files.length > 1) throw new RotorError(`--symbol ${options.symbol}: names the symbol of one file; ${files.length} files given`);
  for (const f of files) if (!existsSync(f)) throw new RotorError(`${f}: no such file`);
  const danfo = await (deps.danfo ?? loadDanfo)();
  const out = resolve(options.out);
  const staged = new StagedFiles(out);
  const lines: string[] = [];
  for (const file of files) {
    const n = await normaliseExport(danfo, file, options.format ?? 'auto');
    const name = target(file, n, options.symbol);
    const warnings = checkImport(file, n);
    const merged = staged.merge(n.layout.kind, name, n.columns.join(','), n.rows, n.layout.kind === 'prices' ? PRICE_COLUMNS.indexOf('adj_close') : undefined);
    const dropped = n.empty + n.duplicates;
    const notes = [
      `${n.rowsIn} rows in, ${n.rows.length} written, ${dropped} dropped (${n.empty} empty, ${n.duplicates} exact duplicate${n.duplicates === 1 ? '' : 's'})`,
      `${n.rows[0].slice(0, 10)} → ${n.rows[n.rows.length - 1].slice(0, 10)}`,
      `${merged.added} new, ${merged.replaced} replaced in ${merged.rows} rows`,
      ...(n.adjFilled ? ['adj_close filled from close (no adjusted column: dividends not reinvested)'] : []),
      ...(warnings.length ? [`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`] : []),
    ];
    lines.push(`${file} (${n.layout.format}) → ${name}: ${notes.join('; ')}`);
    for (const w of warnings.slice(0, MAX_WARNINGS)) lines.push(`  warning ${issueText(w)}`);
    if (warnings.length > MAX_WARNINGS) lines.push(`  … and ${warnings.length - MAX_WARNINGS} more (rotor data check ${options.out} lists them)`);
  }
  return { lines, written: writeFilesAtomic(out, staged.files) };
}

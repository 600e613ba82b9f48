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
  /**
   * `SYM`: the symbol (or FRED series) of the one file whose name (or header) does not say it, or of the only file;
   * `FILE=SYM` names a given file's (repeatable).
   */
  symbol?: string | readonly string[];
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

/** Whether a file names itself: FRED by its series column, a price file by its file name. */
const namesItself = (file: string, n: NormalisedExport) =>
  n.layout.kind === 'macro' ? SERIES.test(n.series ?? '') : SYMBOL.test(basename(file, extname(file)));

/**
 * Each file's --symbol, if any. `FILE=SYM` names that file; a plain `SYM` names the only file, or else the one file
 * that does not name itself (README: `rotor data import SPY.csv "S&P 500 Historical Data.csv" --symbol ^SPX`).
 */
function symbolsOf(exports: readonly { file: string; n: NormalisedExport }[], flag: string | readonly string[] | undefined): (string | undefined)[] {
  const out: (string | undefined)[] = exports.map(() => undefined);
  const values = flag === undefined ? [] : typeof flag === 'string' ? [flag] : flag;
  for (const v of values) {
    // `FILE=` only when it names an imported file or a CSV: `EURUSD=X` is a symbol.
    const eq = v.lastIndexOf('=');
    const file = eq > 0 ? v.slice(0, eq) : '';
    let i = file ? exports.findIndex((e) => e.file === file || resolve(e.file) === resolve(file)) : -1;
    const symbol = i >= 0 || /\.csv$/i.test(file) ? v.slice(eq + 1) : v;
    if (i < 0 && symbol !== v) throw new RotorError(`--symbol ${v}: ${file} is not one of the files imported (${exports.map((e) => e.file).join(', ')})`);
    if (i < 0 && exports.length === 1) i = 0;
    if (i < 0) {
      const unnamed = exports.flatMap((e, k) => (namesItself(e.file, e.n) || out[k] !== undefined ? [] : [k]));
      if (unnamed.length !== 1) {
        const which = unnamed.length === 0 ? 'every file is named by its own name' : `${unnamed.map((k) => exports[k].file).join(' and ')} need one each`;
        throw new RotorError(`--symbol ${v}: ${exports.length} files given and ${which}; say which file it names: --symbol FILE=${symbol}`);
      }
      i = unnamed[0];
    }
    if (out[i] !== undefined) throw new RotorError(`--symbol ${v}: ${exports[i].file} is already named ${out[i]}`);
    out[i] = symbol;
  }
  return out;
}

/**
 * `rotor data import FILE... --out DIR [--format auto|yahoo|stooq|fred|investing] [--symbol SYM]`: exports as users
 * download them, normalised with danfo (normaliseExport), checked by rotor's readers, merged into DIR like a fetch.
 * Every file is read and checked before the first one is written. Returns one summary line per file (plus its
 * warnings) and the files written.
 */
export async function importFiles(files: readonly string[], options: ImportOptions, deps: ImportDeps = {}): Promise<{ lines: string[]; written: string[] }> {
  for (const f of files) if (!existsSync(f)) throw new RotorError(`${f}: no such file`);
  const danfo = await (deps.danfo ?? loadDanfo)();
  const out = resolve(options.out);
  const staged = new StagedFiles(out);
  const lines: string[] = [];
  const exports = [];
  for (const file of files) exports.push({ file, n: await normaliseExport(danfo, file, options.format ?? 'auto') });
  const symbols = symbolsOf(exports, options.symbol);
  for (const [i, { file, n }] of exports.entries()) {
    const name = target(file, n, symbols[i]);
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

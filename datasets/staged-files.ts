import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RotorError } from '../engine/errors.ts';
import { mergeRows } from './fetch/merge.ts';
import { issueText } from './issues.ts';
import { parseMacroTable } from './read-macro.ts';
import { parsePrices } from './read-prices.ts';

/**
 * Files a fetch or an import is about to write into a data folder, held in memory until every one is ready, so that a
 * failure anywhere writes nothing. Each is merged by date into the file already there (or already staged by this
 * command: two inputs for one symbol) and checked by rotor's own readers before it is accepted.
 */
export class StagedFiles {
  /** Path inside the folder → full text, for `writeFilesAtomic`. */
  readonly files: Record<string, string> = {};

  constructor(readonly out: string) {}

  /**
   * Merge rows (first cell the date, in `header`'s layout) into `name` (e.g. `prices/SPY.csv`); see mergeRows for how
   * dates both have and the adjusted close are treated. An existing file in another layout is refused, naming it.
   */
  merge(kind: 'prices' | 'macro', name: string, header: string, rows: readonly string[], adjColumn?: number): { added: number; replaced: number; rows: number } {
    const path = join(this.out, name);
    const merged = mergeRows(header, this.files[name] ?? existing(path, header), rows, adjColumn);
    const issues = kind === 'prices' ? parsePrices(path, merged.text).issues : parseMacroTable(path, merged.text).issues;
    const error = issues.find((i) => i.severity === 'error');
    if (error) throw new RotorError(`not written: ${issueText(error)}`);
    this.files[name] = merged.text;
    return { added: merged.added, replaced: merged.replaced, rows: merged.text.split('\n').length - 2 };
  }
}

function existing(path: string, header: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const found = text.split(/\r?\n/, 1)[0].trim();
  if (found !== header) throw new RotorError(`${path}:1: has columns ${found}; this command writes ${header} (use another --out, or the same options as before)`);
  return text;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ResolvedRun, Strategy } from '../engine/index.ts';
import { listSymbols, loadDataset, SAMPLE_DIR, type Dataset, type MacroVintage } from '../datasets/index.ts';
import { BUILT_IN, builtInPath, loadStrategy, localImports } from '../strategies/index.ts';
import { dirname, relative, resolve } from 'node:path';
import type { DataRef, StrategyRef } from './spec.ts';

/** A strategy module with its reference: built-in name or file, and the sha256 of the source it was loaded from. */
export async function loadStrategyRef(ref: string): Promise<{ strategy: Strategy; ref: StrategyRef }> {
  const builtIn = (BUILT_IN as readonly string[]).includes(ref);
  const strategy = await loadStrategy(ref);
  const path = builtIn ? builtInPath(ref) : resolve(ref);
  const imports = builtIn ? [] : [...(localImports(path) ?? [])];
  return { strategy, ref: { ref, builtIn, path, sha256: strategySourceHash(path, imports), ...(imports.length ? { imports } : {}) } };
}

/**
 * StrategyRef.sha256: of the file's bytes alone, or with local imports of each file's path (relative to the
 * strategy's folder) and bytes.
 */
export function strategySourceHash(path: string, imports: readonly string[]): string {
  if (!imports.length) return createHash('sha256').update(readFileSync(path)).digest('hex');
  const h = createHash('sha256');
  for (const f of [path, ...imports]) h.update(relative(dirname(path), f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

export interface DataRequest {
  /** Default: the embedded synthetic sample. */
  dir?: string;
  vintage?: MacroVintage;
  macroLags?: Readonly<Record<string, number>>;
}

/**
 * Load, once, everything a set of runs reads: the union of their symbols and macro series (a sweep's params may
 * choose different ones). Optional macro series are read when the folder has them.
 */
export function loadRunData(request: DataRequest, runs: readonly ResolvedRun[]): { dataset: Dataset; data: DataRef } {
  const dir = request.dir ?? SAMPLE_DIR;
  const inData = new Set(listSymbols(dir).macro);
  const symbols = [...new Set(runs.flatMap((r) => r.symbols))];
  const macro = [...new Set(runs.flatMap((r) => [...r.macro, ...r.optionalMacro.filter((m) => inData.has(m.split('.')[0]))]))];
  const vintage = request.vintage ?? 'first';
  const macroLags = request.macroLags ?? {};
  const dataset = loadDataset(dir, symbols, macro, { vintage, macroLags });
  const files = dataset.identity.files.map((f) => ({ file: f.file, sha256: f.sha256, ...(f.symbol ? { symbol: f.symbol } : {}) }));
  return { dataset, data: { dir: dataset.identity.dir, hash: dataset.identity.hash, files, vintage, macroLags } };
}

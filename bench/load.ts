/**
 * Load time of a whole data folder (default ../shared/data: every price file and every macro series): cold (no cache
 * entry: read, hash, parse, check, build the cache) and warm (cache entries valid). Each load is timed in a fresh
 * process, as a `rotor run` would see it, plus warm loads repeated in one process (JIT warm).
 *
 *   npx tsx bench/load.ts [DIR]
 */
import { SHARED_DATA } from '../test/helpers/shared-data.ts';
import { ROTOR_ROOT } from '../datasets/package-root.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listSymbols, loadDataset, parseMacroTable } from '../datasets/index.ts';

export const WARM_TARGET_MS = 150;
const DEFAULT_DIR = SHARED_DATA;

/** Every series a folder offers: a file's `value`, or each column of a wide table. */
function allSeries(dir: string): string[] {
  const out: string[] = [];
  for (const m of listSymbols(dir).macro) {
    const t = parseMacroTable(m, readFileSync(join(dir, 'macro', `${m}.csv`), 'utf8'));
    if (t.numeric.value) out.push(m);
    else for (const c of Object.keys(t.numeric)) out.push(`${m}.${c}`);
  }
  return out;
}

function loadAll(dir: string, cacheDir: string, series: string[]): { ms: number; bars: number; symbols: number; series: number; statuses: string } {
  const t0 = performance.now();
  const d = loadDataset(dir, listSymbols(dir).prices, series, { cacheDir });
  const ms = performance.now() - t0;
  return { ms, bars: d.market.nBars, symbols: d.market.symbols.length, series: d.macro.length, statuses: [...new Set(d.cache.map((c) => c.status))].join('/') };
}

/** Child mode: one timed load, its result as JSON on stdout. */
function child(dir: string, cacheDir: string, series: string[]): void {
  process.stdout.write(JSON.stringify(loadAll(dir, cacheDir, series)) + '\n');
}

function inChild(dir: string, cacheDir: string): ReturnType<typeof loadAll> {
  // The source file itself, through tsx: this module may run bundled into dist/bench/run.js, which would rerun it all.
  const self = join(ROTOR_ROOT, 'bench', 'load.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', dir, cacheDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`load bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ReturnType<typeof loadAll>;
}

/** Print the load benchmark; returns the warm (fresh process) time. */
export function benchLoad(dirIn = DEFAULT_DIR): number {
  const dir = resolve(dirIn);
  const cacheDir = mkdtempSync(join(tmpdir(), 'rotor-bench-cache-'));
  try {
    const cold = inChild(dir, cacheDir);
    const warm = [inChild(dir, cacheDir), inChild(dir, cacheDir), inChild(dir, cacheDir)];
    const series = allSeries(dir);
    const repeated: number[] = [];
    for (let i = 0; i < 5; i++) repeated.push(loadAll(dir, cacheDir, series).ms);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const warmMs = med(warm.map((w) => w.ms));
    console.log(`rotor bench — data load of ${dir}: ${cold.symbols} symbols on ${cold.bars} dates, ${cold.series} macro series`);
    console.log(`  cold (no cache; read, hash, parse, check, write cache), fresh process: ${cold.ms.toFixed(0)} ms [${cold.statuses}]`);
    console.log(`  warm (cache valid), fresh process, median of 3: ${warmMs.toFixed(0)} ms [${warm[0].statuses}]`);
    console.log(`  warm, repeated in one process, median of 5: ${med(repeated).toFixed(0)} ms`);
    console.log(`  target: warm < ${WARM_TARGET_MS} ms: ${warmMs < WARM_TARGET_MS ? 'MET' : 'NOT MET'}`);
    return warmMs;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

// Bundled into dist/bench/run.js this module's URL is the bench's own, so it recognises itself by its source name.
const args = process.argv.slice(2);
const isMain = process.argv[1] !== undefined && /bench[\\/]load\.ts$/.test(process.argv[1]);
if (isMain && args[0] === '--child') child(args[1], args[2], allSeries(args[1]));
else if (isMain) benchLoad(args[0]);

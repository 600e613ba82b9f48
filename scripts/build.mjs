#!/usr/bin/env node
/**
 * Builds rotor's own TypeScript once into dist/ with esbuild: the `rotor` command runs that JavaScript, and tsx is
 * loaded only to import users' strategy files. `npm install` (prepare), `npm test` (pretest, and vitest's global
 * setup) and `npm run bench` build first, so what runs and what is tested is the current source.
 *
 *   node scripts/build.mjs
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Every file that is started or imported from outside the bundle, as dist/<name>.js. Shared code lands in chunks that
 * all of them import, so the CLI, a worker and a user's strategy see one copy of the engine. Add new entries here.
 */
export const ENTRY_POINTS = {
  'cli/main': 'cli/main.ts',
  // What a user's strategy file gets when it imports rotor's engine (by relative path or as 'rotor').
  'engine/index': 'engine/index.ts',
  'bench/run': 'bench/run.ts',
  // A sweep trial or a replay in a loop, for node --cpu-prof.
  'bench/profile-trial': 'bench/profile-trial.ts',
  // The piscina worker of sweeps and batches (batch/pool.ts starts it by this path).
  'batch/worker': 'batch/worker.ts',
  // Run by the build itself, below: it writes the ECharts bundle reports inline into dist/echarts.
  'reports/echarts-bundle': 'reports/html/echarts-bundle.ts',
};

/**
 * Dependencies left in node_modules, loaded as they are: the big ones that a single command loads lazily, those that
 * start worker threads from their own files, and the TypeScript loader. Everything else (yargs, fflate,
 * simple-statistics) is bundled: one file loads several times faster than the dozens a package is made of.
 */
export const EXTERNAL = ['danfojs-node', 'yahoo-finance2', '@tensorflow/*', 'tsx', 'tsx/*', 'piscina', 'esbuild', 'typescript', 'bullmq', 'ioredis', 'cli-progress'];

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export async function buildRotor({ quiet = false } = {}) {
  const started = performance.now();
  rmSync(OUT_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: quiet ? 'error' : 'warning',
  });
  const { writeEchartsBundle } = await import(pathToFileURL(join(OUT_DIR, 'reports', 'echarts-bundle.js')).href);
  writeEchartsBundle();
  if (!quiet) console.log(`rotor: built ${Object.keys(ENTRY_POINTS).length} entry points into dist/ in ${(performance.now() - started).toFixed(0)} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildRotor();

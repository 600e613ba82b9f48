import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Esbuild from 'esbuild';
import { ROTOR_ROOT } from '../../datasets/index.ts';

/** The ECharts build a report inlines: its code, its version and the CSP hash that lets the page run it. */
export interface EchartsBundle {
  code: string;
  version: string;
  /** `'sha256-…'` of the code, as the page's Content-Security-Policy names it. */
  cspHash: string;
}

// Only what the reports draw: tree-shaking keeps the inlined bundle at about a third of the full build.
const ENTRY = `
import { use, init, format } from 'echarts/core';
import { LineChart, BarChart, HeatmapChart, ScatterChart, CustomChart } from 'echarts/charts';
import { TitleComponent, TooltipComponent, LegendComponent, GridComponent, DataZoomComponent, VisualMapComponent, DatasetComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([LineChart, BarChart, HeatmapChart, ScatterChart, CustomChart, TitleComponent, TooltipComponent, LegendComponent, GridComponent, DataZoomComponent, VisualMapComponent, DatasetComponent, MarkLineComponent, CanvasRenderer]);
globalThis.echarts = { init, format };
`;

// Written by the build (scripts/build.mjs) beside rotor's JavaScript: a run reads two files instead of resolving
// ECharts through node's CommonJS resolver and hashing 700 KB, a twentieth of `rotor run`'s start-up.
const PREBUILT = { code: join(ROTOR_ROOT, 'dist', 'echarts', 'bundle.js'), meta: join(ROTOR_ROOT, 'dist', 'echarts', 'bundle.json') };

export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function licenceNotice(dir: string, version: string): string {
  const notice = readFileSync(join(dir, 'NOTICE'), 'utf8').trim();
  return `/*!\n * Apache ECharts ${version}, licensed under the Apache License, Version 2.0\n * (http://www.apache.org/licenses/LICENSE-2.0); it includes zrender (BSD-3-Clause) and parts of d3 (BSD-3-Clause).\n * ${notice.replace(/\*\//g, '* /').replace(/\n/g, '\n * ')}\n */\n`;
}

/**
 * Built with esbuild once per ECharts version and kept in node_modules/.cache/rotor, so that a build (or a run from
 * source before one) costs a file read, not an esbuild run.
 */
function cachedBuild(): EchartsBundle {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('echarts/package.json'));
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(ENTRY).update(version).digest('hex').slice(0, 12);
  const cacheDir = join(dir, '..', '.cache', 'rotor');
  const file = join(cacheDir, `echarts-${version}-${key}.js`);
  let code: string;
  if (existsSync(file)) code = readFileSync(file, 'utf8');
  else {
    // esbuild loads only when the cache is cold: its module costs a sixth of `rotor run`'s start-up otherwise.
    const { buildSync } = require('esbuild') as typeof Esbuild;
    const out = buildSync({
      stdin: { contents: ENTRY, resolveDir: dir, sourcefile: 'rotor-echarts-entry.js' },
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2019',
      legalComments: 'none',
      write: false,
    });
    code = licenceNotice(dir, version) + out.outputFiles[0].text;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    } catch {
      // A read-only install still gets its bundle, built anew per process.
    }
  }
  return { code, version, cspHash: cspHash(code) };
}

let memo: EchartsBundle | undefined;

/** The tree-shaken ECharts build every HTML report inlines, with its licence notice. */
export function echartsBundle(): EchartsBundle {
  if (memo) return memo;
  if (existsSync(PREBUILT.code) && existsSync(PREBUILT.meta)) {
    const meta = JSON.parse(readFileSync(PREBUILT.meta, 'utf8')) as Omit<EchartsBundle, 'code'>;
    return (memo = { code: readFileSync(PREBUILT.code, 'utf8'), ...meta });
  }
  return (memo = cachedBuild());
}

/** The build's step: the bundle and its version and hash into dist/echarts, where `echartsBundle` reads them. */
export function writeEchartsBundle(): void {
  const { code, version, cspHash: hash } = cachedBuild();
  mkdirSync(dirname(PREBUILT.code), { recursive: true });
  writeFileSync(PREBUILT.code, code);
  writeFileSync(PREBUILT.meta, JSON.stringify({ version, cspHash: hash }) + '\n');
}

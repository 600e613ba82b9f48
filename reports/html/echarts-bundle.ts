import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const ECHARTS_DIR = dirname(require.resolve('echarts/package.json'));
export const ECHARTS_VERSION: string = (JSON.parse(readFileSync(join(ECHARTS_DIR, 'package.json'), 'utf8')) as { version: string }).version;

// Only what the reports draw: tree-shaking keeps the inlined bundle at about a third of the full build.
const ENTRY = `
import { use, init, format } from 'echarts/core';
import { LineChart, BarChart, HeatmapChart, ScatterChart, CustomChart } from 'echarts/charts';
import { TitleComponent, TooltipComponent, LegendComponent, GridComponent, DataZoomComponent, VisualMapComponent, DatasetComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([LineChart, BarChart, HeatmapChart, ScatterChart, CustomChart, TitleComponent, TooltipComponent, LegendComponent, GridComponent, DataZoomComponent, VisualMapComponent, DatasetComponent, MarkLineComponent, CanvasRenderer]);
globalThis.echarts = { init, format };
`;

function licenceNotice(): string {
  const notice = readFileSync(join(ECHARTS_DIR, 'NOTICE'), 'utf8').trim();
  return `/*!\n * Apache ECharts ${ECHARTS_VERSION}, licensed under the Apache License, Version 2.0\n * (http://www.apache.org/licenses/LICENSE-2.0); it includes zrender (BSD-3-Clause) and parts of d3 (BSD-3-Clause).\n * ${notice.replace(/\*\//g, '* /').replace(/\n/g, '\n * ')}\n */\n`;
}

let memo: string | undefined;

/**
 * The tree-shaken ECharts build every HTML report inlines, with its licence notice. Built with esbuild once per
 * ECharts version and kept in node_modules/.cache/rotor, so a report costs a file read, not a build.
 */
export function echartsBundle(): string {
  if (memo) return memo;
  const key = createHash('sha256').update(ENTRY).update(ECHARTS_VERSION).digest('hex').slice(0, 12);
  const cacheDir = join(ECHARTS_DIR, '..', '.cache', 'rotor');
  const file = join(cacheDir, `echarts-${ECHARTS_VERSION}-${key}.js`);
  if (existsSync(file)) return (memo = readFileSync(file, 'utf8'));
  // esbuild loads only when the cache is cold: its module costs a sixth of `rotor run`'s start-up otherwise.
  const { buildSync } = require('esbuild') as typeof Esbuild;
  const out = buildSync({
    stdin: { contents: ENTRY, resolveDir: ECHARTS_DIR, sourcefile: 'rotor-echarts-entry.js' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    legalComments: 'none',
    write: false,
  });
  const code = licenceNotice() + out.outputFiles[0].text;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  } catch {
    // A read-only install still gets its bundle, built anew per process.
  }
  return (memo = code);
}

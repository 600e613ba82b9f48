/**
 * Report generation for a 30-year daily run (7,560 bars, 10 assets, monthly momentum rotation on a synthetic
 * market): the model, the HTML tear sheet (the budget: under 1 s and under 2 MB) and the two SVG images
 * of report.md, each timed as the best of a few runs after a warm-up.
 */
import { performance } from 'node:perf_hooks';
import { runBacktest } from '../engine/index.ts';
import { computeMetrics } from '../engine/metrics/index.ts';
import { buildRunModel, inputsFromResult, loadSvgCharts, renderRunReports, runCharts, runHtml, type RunRecord } from '../reports/index.ts';
import { echartsBundle } from '../reports/html/echarts-bundle.ts';
import { momentumRotation } from './momentum-rotation.ts';
import { syntheticMarket } from './synthetic-market.ts';

const BARS = 7_560;
const ASSETS = 10;

function best(runs: number, f: () => void): number {
  f();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export async function benchReports(runs = 3): Promise<void> {
  await loadSvgCharts();
  const market = syntheticMarket(ASSETS, BARS, 7);
  const result = runBacktest({ market, strategy: momentumRotation(market.symbols, 0.3, 126), settings: { benchmark: market.symbols[0] } });
  const metrics = computeMetrics({ curve: result.curve, trades: result.trades, riskFree: result.settings.riskFree, benchmark: result.benchmark });
  const d = result.curve.dates;
  const record: RunRecord = {
    rotor: 'bench', runKey: 'k',
    strategy: { ...result.strategy, ref: 'bench-momentum-rotation', sha256: '0'.repeat(64) },
    settings: result.settings,
    data: { dir: 'synthetic', synthetic: true, hash: '0'.repeat(64), files: [], macro: [], vintage: 'first', warnings: [], from: d[0], to: d[d.length - 1], bars: d.length },
    metrics,
    notes: [],
  };
  let t = performance.now();
  echartsBundle();
  const bundleMs = performance.now() - t;
  const inputs = inputsFromResult(record, result, market);
  let html = '';
  const modelMs = best(runs, () => void buildRunModel(inputs));
  const htmlMs = best(runs, () => {
    const model = buildRunModel(inputs);
    html = runHtml(model, runCharts(model));
  });
  const model = buildRunModel(inputs);
  t = performance.now();
  renderRunReports(model, { html: false });
  const svgMs = performance.now() - t;
  console.log(`report generation, ${BARS} daily bars (30 years) × ${ASSETS} assets, ${result.trades.length} trades:`);
  console.log(`  ECharts bundle: ${bundleMs.toFixed(0)} ms (read from dist/echarts, which the build writes)`);
  console.log(`  report model: ${modelMs.toFixed(0)} ms; model + charts + report.html: ${htmlMs.toFixed(0)} ms (budget 1000 ms), ${(html.length / 2 ** 20).toFixed(2)} MB (budget 2 MB)`);
  console.log(`  report.md with its 2 SVG line charts (reports/charts/line-svg.ts): ${svgMs.toFixed(0)} ms`);
}

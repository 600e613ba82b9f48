/**
 * `npm run bench`: single-thread throughput of the replay loop (runBacktest with full accounting, default
 * settings: next-open fills, costs on, total-return prices) on synthetic markets of 10, 100 and 500 assets.
 *
 *   npx tsx bench/run.ts            full run: 1 warm-up, then timed runs until ≥ 7 runs and ≥ 2 s (max 60) per case
 *   npx tsx bench/run.ts --quick    smoke run: 1 warm-up + 2 timed runs per case
 *   npx tsx bench/run.ts --runs 9   exactly this many timed runs per case
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { priceView, runBacktest, type MarketData } from '../engine/index.ts';
import { syntheticMarket } from './synthetic-market.ts';
import { momentumRotation } from './momentum-rotation.ts';
import { benchLoad } from './load.ts';
import { benchReports } from './reports.ts';
import { benchPbo } from './pbo.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../test/helpers/shared-data.ts';

const TARGET_MASSET_BARS = 20;
const TARGET_ASSETS = 500;
const BARS = 5_000;
const CASES = [10, 100, 500];

interface CaseResult {
  assets: number;
  bars: number;
  marketBytes: number;
  viewBytes: number;
  buildMs: number;
  viewMs: number;
  warmupMs: number;
  runs: number;
  medianMs: number;
  bestMs: number;
  trades: number;
  rss: number;
  heap: number;
}

interface Plan {
  quick: boolean;
  minRuns: number;
  maxRuns: number;
  /** Keep timing until this much run time has accumulated (or maxRuns). */
  minTotalMs: number;
}

function parseArgs(argv: string[]): Plan {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--runs');
  if (i >= 0) {
    const runs = Number(argv[i + 1]);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be an integer ≥ 1, got ${argv[i + 1]}`);
    return { quick, minRuns: runs, maxRuns: runs, minTotalMs: 0 };
  }
  return quick ? { quick, minRuns: 2, maxRuns: 2, minTotalMs: 0 } : { quick, minRuns: 7, maxRuns: 60, minTotalMs: 2_000 };
}

function describePlan(p: Plan): string {
  if (p.minRuns === p.maxRuns) return `1 warm-up + ${p.minRuns} timed runs per case`;
  return `1 warm-up, then timed runs until ≥ ${p.minRuns} runs and ≥ ${p.minTotalMs / 1e3} s (at most ${p.maxRuns}) per case`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function viewBytes(market: MarketData): number {
  // priceView('total-return') allocates open/high/low/close for every symbol in one buffer.
  return 4 * market.symbols.length * market.nBars * Float64Array.BYTES_PER_ELEMENT;
}

function runCase(assets: number, plan: Plan, peak: { rss: number; heap: number; arrayBuffers: number }): CaseResult {
  let t0 = performance.now();
  const market = syntheticMarket(assets, BARS, 1_000 + assets);
  const buildMs = performance.now() - t0;

  t0 = performance.now();
  const view = priceView(market, 'total-return');
  const viewMs = performance.now() - t0;

  const strategy = momentumRotation(market.symbols);
  let rss = 0;
  let heap = 0;
  let trades = -1;
  let finalEquity = NaN;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };

  const once = (): number => {
    const start = performance.now();
    const result = runBacktest({ market, strategy, view });
    const ms = performance.now() - start;
    sample(); // the result is still alive here: this is the run's footprint
    const equity = result.curve.equity[result.curve.equity.length - 1];
    if (trades >= 0 && (result.trades.length !== trades || !Object.is(equity, finalEquity))) {
      throw new Error(
        `non-deterministic: ${result.trades.length} trades, final equity ${equity} vs ${trades}, ${finalEquity} on an earlier run`,
      );
    }
    trades = result.trades.length;
    finalEquity = equity;
    return ms;
  };

  const warmupMs = once(); // warm-up: JIT, inline caches, first touch of the view's pages
  const times: number[] = [];
  let total = 0;
  while (times.length < plan.maxRuns && (times.length < plan.minRuns || total < plan.minTotalMs)) {
    const ms = once();
    times.push(ms);
    total += ms;
  }

  return {
    assets,
    bars: BARS,
    marketBytes: market.buffer.byteLength,
    viewBytes: viewBytes(market),
    buildMs,
    viewMs,
    warmupMs,
    runs: times.length,
    medianMs: median(times),
    bestMs: Math.min(...times),
    trades,
    rss,
    heap,
  };
}

const mAssetBars = (r: CaseResult, ms: number) => (r.assets * r.bars) / (ms / 1e3) / 1e6;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => cell.padStart(widths[c])).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function main(): void {
  const plan = parseArgs(process.argv.slice(2));
  const { quick } = plan;
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  console.log(`rotor bench — replay throughput, single thread${quick ? ' (--quick)' : ''}`);
  console.log(`node ${process.version}, ${cpu}, ${cpus().length} cores`);
  console.log(
    `strategy: momentum rotation (top 10% by 126-bar return, equal weight, monthly); default settings ` +
      `(next-open fills, costs on, total-return); ${BARS} bars; ${describePlan(plan)}`,
  );
  console.log(`the price view (priceView(market, 'total-return')) is built once per case, timed separately, and passed in`);
  console.log('');

  const load = loadavg()[0];
  if (load > 0.5) {
    console.log(`note: 1-minute load average is ${load.toFixed(2)} on ${cpus().length} cores: other processes compete for`);
    console.log(`      the CPU, so medians run slow and noisy; the best-run column is the steadier figure`);
    console.log('');
  }

  const peak = { rss: 0, heap: 0, arrayBuffers: 0 };
  const results: CaseResult[] = [];
  for (const assets of CASES) {
    process.stdout.write(`  ${assets} assets × ${BARS} bars ...`);
    const r = runCase(assets, plan, peak);
    process.stdout.write(` market built in ${r.buildMs.toFixed(0)} ms (untimed), ${r.runs} run${r.runs === 1 ? '' : 's'}, median ${r.medianMs.toFixed(1)} ms\n`);
    results.push(r);
  }
  console.log('');

  const header = ['assets', 'bars', 'view ms', 'warm-up ms', 'runs', 'median ms', 'best ms', 'median M/s', 'best M/s', 'trades', 'market MB', 'view MB', 'peak rss MB', 'peak heap MB'];
  const rows = results.map((r) => [
    String(r.assets),
    String(r.bars),
    r.viewMs.toFixed(1),
    r.warmupMs.toFixed(1),
    String(r.runs),
    r.medianMs.toFixed(1),
    r.bestMs.toFixed(1),
    mAssetBars(r, r.medianMs).toFixed(2),
    mAssetBars(r, r.bestMs).toFixed(2),
    String(r.trades),
    mb(r.marketBytes),
    mb(r.viewBytes),
    mb(r.rss),
    mb(r.heap),
  ]);
  console.log(table([header, ...rows]));
  console.log('');
  console.log(`M/s = million asset-bars per second (assets × bars / run time). view ms (building the price view) and`);
  console.log(`warm-up ms (the first, untimed run: JIT still compiling; the 10-asset case runs first, so it warms the engine`);
  console.log(`code for the larger ones) are not in the median/best figures.`);
  if (quick) console.log(`--quick: only ${plan.minRuns} timed runs, the JIT has not settled; expect lower, noisier figures than a full run`);
  console.log(
    `peak memory over all runs (sampled after each run, result still alive): rss ${mb(peak.rss)} MB, ` +
      `heapUsed ${mb(peak.heap)} MB, arrayBuffers ${mb(peak.arrayBuffers)} MB (typed arrays live outside the JS heap)`,
  );

  const big = results.find((r) => r.assets === TARGET_ASSETS);
  if (big) {
    const got = mAssetBars(big, big.medianMs);
    const verdict =
      got >= TARGET_MASSET_BARS
        ? 'MET'
        : `NOT MET (${(TARGET_MASSET_BARS / got).toFixed(1)}× short)`;
    console.log('');
    console.log(
      `${TARGET_ASSETS}-asset case: ${got.toFixed(2)} M asset-bars/s (median; best ${mAssetBars(big, big.bestMs).toFixed(2)}) ` +
        `vs target ≥ ${TARGET_MASSET_BARS} M asset-bars/s on the ${TARGET_ASSETS}-asset case: ${verdict}`,
    );
  }
}

main();
// Data load (cold and warm) of the real data set, when it is there.
console.log('');
if (HAVE_SHARED_DATA) benchLoad(SHARED_DATA);
else console.log(`data load bench skipped: no real data at ${SHARED_DATA}`);
console.log('');
benchReports();
console.log('');
benchPbo();

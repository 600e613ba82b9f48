/**
 * `npm run bench`: single-thread throughput of the replay loop (runBacktest with full accounting, default
 * settings: next-open fills, costs on, total-return prices) on synthetic markets of 10, 100 and 500 assets, each
 * beside a bare typed-array loop of the same strategy and costs timed in the same run (bench/bare-loops.ts), then
 * sweep trials on real data (bench/streak-trials.ts), start-up, data load and report generation.
 *
 *   npx tsx bench/run.ts            full run: warm-up runs (the first timed apart, then up to 20 or 0.3 s), then timed runs until ≥ 7 runs and ≥ 2 s (max 60) per case
 *   npx tsx bench/run.ts --quick    smoke run: warm-up runs + 2 timed runs per case
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
import { bareMomentum } from './bare-loops.ts';
import { printStreakTrials } from './streak-trials.ts';
import { benchStartup } from './startup.ts';
import { cpuMs } from './timing.ts';

/** Million asset-bars per second the replay should reach, by number of assets (issue 8). */
const TARGETS: Record<number, number> = { 10: 20, 500: 100 };
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
  /** The bare loop of the same strategy (bench/bare-loops.ts), timed interleaved with rotor's runs. */
  bareMedianMs: number;
  /** Process CPU time of the same runs: what other processes' load changes least (a shared machine's steadier figure). */
  cpuMedianMs: number;
  bareCpuMedianMs: number;
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
  if (p.minRuns === p.maxRuns) return `warm-up runs + ${p.minRuns} timed runs per case`;
  return `warm-up runs, then timed runs until ≥ ${p.minRuns} runs and ≥ ${p.minTotalMs / 1e3} s (at most ${p.maxRuns}) per case`;
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

  const cpuTimes: number[] = [];
  const once = (): number => {
    const cpu0 = cpuMs();
    const start = performance.now();
    const result = runBacktest({ market, strategy, view });
    const ms = performance.now() - start;
    cpuTimes.push(cpuMs() - cpu0);
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

  const bare = bareMomentum(market, view);
  const bareCpu: number[] = [];
  const bareOnce = () => {
    const cpu0 = cpuMs();
    const start = performance.now();
    bare();
    const ms = performance.now() - start;
    bareCpu.push(cpuMs() - cpu0);
    return ms;
  };

  const warmupMs = once(); // warm-up: JIT, inline caches, first touch of the view's pages
  bareOnce();
  // A small case runs in a few ms: a few more untimed runs let the optimising compiler finish first.
  for (let spent = 0, i = 0; i < 20 && spent < 300; i++) spent += once() + bareOnce();
  cpuTimes.length = 0;
  bareCpu.length = 0;
  const times: number[] = [];
  const bareTimes: number[] = [];
  let total = 0;
  // Each rotor run is followed by a bare one, so that load from other processes slows both alike.
  while (times.length < plan.maxRuns && (times.length < plan.minRuns || total < plan.minTotalMs)) {
    const ms = once();
    times.push(ms);
    bareTimes.push(bareOnce());
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
    bareMedianMs: median(bareTimes),
    cpuMedianMs: median(cpuTimes),
    bareCpuMedianMs: median(bareCpu),
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

  const header = ['assets', 'bars', 'view ms', 'warm-up ms', 'runs', 'median ms', 'best ms', 'median M/s', 'best M/s', 'bare M/s', 'bare/rotor', 'cpu M/s', 'bare cpu M/s', 'cpu bare/rotor', 'trades', 'market MB', 'view MB', 'peak rss MB', 'peak heap MB'];
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
    mAssetBars(r, r.bareMedianMs).toFixed(2),
    `${(r.medianMs / r.bareMedianMs).toFixed(1)}×`,
    mAssetBars(r, r.cpuMedianMs).toFixed(2),
    mAssetBars(r, r.bareCpuMedianMs).toFixed(2),
    `${(r.cpuMedianMs / r.bareCpuMedianMs).toFixed(1)}×`,
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

  console.log(`bare M/s: the same momentum rotation and costs as a bare loop over typed arrays (bench/bare-loops.ts), one`);
  console.log(`bare run after each rotor run; bare/rotor = rotor's median time / the bare loop's (1.0× = the ceiling).`);
  console.log(`cpu columns: the same runs timed by the process's CPU time (user + system) instead of the clock, which`);
  console.log(`waiting for a core on a loaded machine does not inflate; load average now ${loadavg()[0].toFixed(2)}.`);
  console.log('');
  for (const r of results) {
    const target = TARGETS[r.assets];
    if (target === undefined) continue;
    const got = mAssetBars(r, r.medianMs);
    const cpu = mAssetBars(r, r.cpuMedianMs);
    const verdict = (x: number) => (x >= target ? 'MET' : `NOT MET (${(target / x).toFixed(1)}× short)`);
    console.log(
      `${r.assets}-asset case: ${got.toFixed(2)} M asset-bars/s (median; best ${mAssetBars(r, r.bestMs).toFixed(2)}; ` +
        `bare loop ${mAssetBars(r, r.bareMedianMs).toFixed(2)}) vs target ≥ ${target}: ${verdict(got)}; ` +
        `by CPU time ${cpu.toFixed(2)}: ${verdict(cpu)}`,
    );
  }
}

main();
console.log('');
if (HAVE_SHARED_DATA) printStreakTrials(SHARED_DATA);
else console.log(`sweep-trial bench skipped: no real data at ${SHARED_DATA}`);
console.log('');
benchStartup();
// Data load (cold and warm) of the real data set, when it is there.
console.log('');
if (HAVE_SHARED_DATA) benchLoad(SHARED_DATA);
else console.log(`data load bench skipped: no real data at ${SHARED_DATA}`);
console.log('');
await benchReports();
console.log('');
benchPbo();

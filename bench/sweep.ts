// Sweep throughput, as `rotor sweep` runs it (a child process per sweep, figures from its sweep.json), beside a bare
// typed-array loop doing the same trials in this process: the ceiling.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../datasets/index.ts';
import { priceView } from '../engine/index.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../test/helpers/shared-data.ts';
import { syntheticMarket } from './synthetic-market.ts';

const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../strategies/examples/streak-rotation.ts', import.meta.url));
const MOMENTUM = fileURLToPath(new URL('./strategies/momentum-top-k.ts', import.meta.url));
// Every folder this bench writes, removed when it ends.
const ROOT = mkdtempSync(join(tmpdir(), 'rotor-bench-sweep-'));
process.on('exit', () => rmSync(ROOT, { recursive: true, force: true }));

interface Timings {
  seconds: number;
  trialsRun: number;
  trialsPerSecond: number;
  maxRssMb: number;
}

function sweep(args: string[]): { wall: number; timings: Timings; n: number } {
  const out = mkdtempSync(join(ROOT, 'sweep-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'sweep', ...args, '--out', out, '--quiet', '--keep', 'none'], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`rotor sweep failed: ${r.stderr}`);
  const meta = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { n: number; timings: Timings };
  return { wall, timings: meta.timings, n: meta.n };
}

/** The same streak rotation as a bare loop over typed arrays (costs on, next-open fills): trials per second. */
function bareStreakLoop(daysList: number[], holdList: number[]): number {
  const ds = loadDataset(SHARED_DATA, ['IWM', 'SPY', 'RUT']);
  const view = priceView(ds.market, 'total-return');
  const col = (s: string) => ds.market.symbolIndex(s);
  const [iwmO, spyO, iwmC, spyC, rut] = [view.open[col('IWM')], view.open[col('SPY')], view.close[col('IWM')], view.close[col('SPY')], view.close[col('RUT')]];
  const first = Math.max(view.first[col('IWM')], view.first[col('SPY')]);
  const last = Math.min(view.last[col('IWM')], view.last[col('SPY')], view.last[col('RUT')]);
  const cost = (1 + 2) / 1e4; // commission + slippage, bps
  const t0 = performance.now();
  let sink = 0;
  for (const days of daysList) {
    for (const hold of holdList) {
      let cash = 100_000;
      let qI = 0;
      let qS = 0;
      let holdUntil = -1;
      let streak = 0;
      let want = -1; // 0 = SPY, 1 = IWM, decided at t, filled at t + 1's open
      for (let t = first; t <= last; t++) {
        if (want >= 0) {
          const value = cash + qI * iwmO[t] + qS * spyO[t];
          const net = value * (1 - cost);
          if (want === 1) [qI, qS] = [net / iwmO[t], 0];
          else [qI, qS] = [0, net / spyO[t]];
          cash = 0;
          want = -1;
        }
        streak = rut[t] / rut[t - 1] - 1 > 0.01 ? streak + 1 : 0;
        if (streak >= days) holdUntil = t + hold;
        const target = t < holdUntil ? 1 : 0;
        const equity = cash + qI * iwmC[t] + qS * spyC[t];
        const inIwm = qI * iwmC[t] > 0.9 * equity;
        const inSpy = qS * spyC[t] > 0.9 * equity;
        if ((target === 1 && !inIwm) || (target === 0 && !inSpy)) want = target;
        sink += equity;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (sink === 42) console.log('');
  return (daysList.length * holdList.length) / seconds;
}

/** A folder of 100 synthetic assets × 5,000 bars in rotor's CSV layout, marked synthetic. */
function momentumFolder(): string {
  const dir = mkdtempSync(join(ROOT, 'momentum-'));
  mkdirSync(join(dir, 'prices'));
  const market = syntheticMarket(100, 5000, 7);
  market.symbols.forEach((s, k) => {
    const c = (f: 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume') => market.column(k, f);
    const [o, h, l, cl, a, v] = [c('open'), c('high'), c('low'), c('close'), c('adjClose'), c('volume')];
    const lines = ['date,open,high,low,close,adj_close,volume'];
    for (let t = 0; t < market.nBars; t++) lines.push(`${market.dates[t]},${o[t].toFixed(4)},${h[t].toFixed(4)},${l[t].toFixed(4)},${cl[t].toFixed(4)},${a[t].toFixed(4)},${v[t]}`);
    writeFileSync(join(dir, "prices", `${s}.csv`), lines.join('\n') + '\n');
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ synthetic: true, note: 'bench: 100 synthetic assets' }));
  return dir;
}

console.log('rotor bench — sweeps (each `rotor sweep` in its own process; rates from its sweep.json: trials run / seconds running them)');
if (loadavg()[0] > 0.5) console.log(`note: 1-minute load average ${loadavg()[0].toFixed(2)}: other processes share the CPU, figures run low`);
if (!HAVE_SHARED_DATA) {
  console.log(`sweep bench on real data skipped: no data at ${SHARED_DATA}`);
} else {
  const days = [2, 3, 4, 5, 6];
  const holds = Array.from({ length: 100 }, (_, k) => 5 + k);
  const ceiling = bareStreakLoop(days, holds);
  const rows: string[][] = [['strategy', 'trials', 'workers', 'backtests/s', 'per worker', 'speed-up', 'peak RSS MB', 'bare loop /s', 'ratio']];
  for (const [name, ref, hold] of [['small-cap-streak (rules)', 'small-cap-streak', 'holdDays'], ['examples/streak-rotation.ts', EXAMPLE, 'hold']] as const) {
    const base = [ref, '--data', SHARED_DATA, '--grid', 'days=2..6', '--grid', `${hold}=5..104`];
    const one = sweep([...base, '--workers', '1']);
    const two = sweep([...base, '--workers', '2']);
    for (const [w, r] of [[1, one], [2, two]] as const) {
      rows.push([name, String(r.n), String(w), r.timings.trialsPerSecond.toFixed(0), (r.timings.trialsPerSecond / w).toFixed(0), w === 1 ? '1.00' : (two.timings.trialsPerSecond / one.timings.trialsPerSecond).toFixed(2), String(r.timings.maxRssMb), ceiling.toFixed(0), (ceiling / r.timings.trialsPerSecond).toFixed(1) + '×']);
    }
    console.log(`  ${name}: RSS with 2 workers / 1 worker = ${(two.timings.maxRssMb / one.timings.maxRssMb).toFixed(2)} (target ≤ 1.3); 2 workers / 1 = ${(two.timings.trialsPerSecond / one.timings.trialsPerSecond).toFixed(2)}× (target ≥ 1.8)`);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log('  targets: ≥ 2,000 backtests/s per worker for both; the bare loop (same rules and costs, one thread, no engine) is the ceiling');
}

const folder = momentumFolder();
const grid = ['--grid', 'lookback=63,126,189,252', '--grid', 'topK=5,10,15,20'];
const m = sweep([MOMENTUM, '--data', folder, ...grid, '--workers', '2']);
console.log(`momentum grid (100 synthetic assets × 5,000 bars, top K by L-bar return every 21 bars, ${m.n} combinations, 2 workers): ` +
  `whole \`rotor sweep\` ${m.wall.toFixed(2)} s wall (start-up and data load included; trials alone ${m.timings.seconds.toFixed(2)} s); target < 2 s`);

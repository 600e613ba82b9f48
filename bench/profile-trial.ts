/**
 * A sweep trial in a loop, for `node --cpu-prof`: the built-in small-cap-streak on IWM/SPY/RUT of the real data,
 * run as a sweep runs it (execute without `full`), or with `--replay N` the bench's momentum rotation over N
 * synthetic assets; `--hand` runs the hand-written streak rotation (strategies/examples/streak-rotation.ts) instead.
 *
 *   npm run build && node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/profile-trial.js [--replay 500 | --hand] [--seconds 10]
 */
import { performance } from 'node:perf_hooks';
import { priceView, resolveRun, runBacktest, type Strategy } from '../engine/index.ts';
import { loadDataset } from '../datasets/index.ts';
import { execute, planRun } from '../runs/index.ts';
import { METRIC_COLUMNS } from '../batch/metric-columns.ts';
import smallCapStreak from '../strategies/small-cap-streak.ts';
import streakRotation from '../strategies/examples/streak-rotation.ts';
import { SHARED_DATA } from '../test/helpers/shared-data.ts';
import { momentumRotation } from './momentum-rotation.ts';
import { syntheticMarket } from './synthetic-market.ts';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const seconds = opt('--seconds', 10);
const assets = opt('--replay', 0);

let step: () => void;
if (assets > 0) {
  const market = syntheticMarket(assets, 5_000, 1_000 + assets);
  const view = priceView(market, 'total-return');
  const strategy = momentumRotation(market.symbols);
  step = () => void runBacktest({ market, strategy, view });
} else {
  const ds = loadDataset(SHARED_DATA, ['IWM', 'SPY', 'RUT']);
  const view = priceView(ds.market, 'total-return');
  const strategy = (argv.includes('--hand') ? streakRotation : smallCapStreak) as unknown as Strategy;
  const ref = { ref: 'small-cap-streak', builtIn: true, path: '', sha256: '' };
  const plan = planRun(resolveRun(strategy, {}, {}), ref, { dir: SHARED_DATA, hash: '', files: [] } as unknown as Parameters<typeof planRun>[2]);
  step = () => {
    const e = execute(plan, { market: ds.market, macro: [], view }, { figures: [...METRIC_COLUMNS, 'sharpe'] });
    if (e.outcome.status !== 'ok') throw new Error(e.outcome.error?.message);
  };
}
const t0 = performance.now();
let calls = 0;
while (performance.now() - t0 < seconds * 1e3) {
  step();
  calls++;
}
console.log(`${calls} calls in ${seconds} s: ${((calls / (performance.now() - t0)) * 1e3).toFixed(1)}/s`);

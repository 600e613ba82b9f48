/**
 * Sweep-trial throughput on real data: one trial = runBacktest (record: positions and decisions off, as a sweep
 * runs it) + the figures of a trial row (metricFigures of METRIC_COLUMNS), for the streak rotation written in the rule language (built-in `small-cap-streak`) and
 * by hand (`strategies/examples/streak-rotation.ts`), beside a bare typed-array loop of the same rules with the same
 * costs and the core metrics, timed in the same process so the ratios survive a noisy machine.
 */
import { priceView, runBacktest, type BacktestInput, type MarketData, type PriceView, type Strategy } from '../engine/index.ts';
import { computeMetrics, metricFigures } from '../engine/metrics/index.ts';
import { METRIC_COLUMNS } from '../batch/metric-columns.ts';
import { loadDataset } from '../datasets/index.ts';
import smallCapStreakFile from '../strategies/small-cap-streak.ts';
import streakRotationFile from '../strategies/examples/streak-rotation.ts';

const smallCapStreak = smallCapStreakFile as unknown as Strategy;
const streakRotation = streakRotationFile as unknown as Strategy;
import { bareStreakTrial } from './bare-loops.ts';
import { bestRate, formatRatio } from './timing.ts';

export const TRIAL_TARGET_PER_S = 2_000;

export interface TrialFigures {
  bars: number;
  rules: number;
  rulesFull: number;
  hand: number;
  bare: number;
}

/** A sweep trial (record off, a row's figures) or, with everything recorded, a run's whole metrics. */
function trial(market: MarketData, view: PriceView, strategy: Strategy, record: BacktestInput['record']): () => number {
  return () => {
    const r = runBacktest({ market, strategy, view, record });
    const input = { curve: r.curve, trades: r.trades, riskFree: r.settings.riskFree, benchmark: r.benchmark };
    if (record) return metricFigures(input, METRIC_COLUMNS).figures.sharpe ?? 0;
    return computeMetrics(input).sharpe ?? 0;
  };
}

export function benchStreakTrials(dataDir: string, seconds = 1.5): TrialFigures {
  const ds = loadDataset(dataDir, ['IWM', 'SPY', 'RUT']);
  const view = priceView(ds.market, 'total-return');
  const sweep = { positions: false, decisions: false };
  const probe = runBacktest({ market: ds.market, strategy: streakRotation, view });
  const bars = probe.curve.dates.length;
  const start = ds.market.dates.indexOf(probe.curve.dates[0]);
  const bare = bareStreakTrial(ds.market, view, start, start + bars - 1);
  // The figures interleave (one batch of each in turn) so that load from other processes hits them alike.
  const cases = [
    trial(ds.market, view, smallCapStreak, sweep),
    trial(ds.market, view, smallCapStreak, undefined),
    trial(ds.market, view, streakRotation, sweep),
    bare,
  ];
  const [rules, rulesFull, hand, bareRate] = bestRate(cases, seconds);
  return { bars, rules, rulesFull, hand, bare: bareRate };
}

export function printStreakTrials(dataDir: string): void {
  const f = benchStreakTrials(dataDir);
  console.log(`sweep trials on ${dataDir}: IWM/SPY/RUT, ${f.bars} bars, default settings, backtest + a trial row's figures per trial`);
  console.log(`  (per CPU second, best of interleaved batches; the bare loop is the same rules and costs on typed arrays, core metrics only)`);
  const line = (label: string, rate: number) =>
    console.log(`  ${label.padEnd(58)} ${rate.toFixed(0).padStart(7)} trials/s   ${formatRatio(f.bare, rate)} the bare loop`);
  line('small-cap-streak (rules), record positions/decisions off', f.rules);
  line('small-cap-streak (rules), everything recorded, all metrics', f.rulesFull);
  line('streak-rotation.ts (hand-written onBar), record off', f.hand);
  console.log(`  ${'bare typed-array loop'.padEnd(58)} ${f.bare.toFixed(0).padStart(7)} trials/s`);
  console.log(`  rules / hand-written: ${(f.hand / f.rules).toFixed(2)}× the time (goal ≤ 1.5×): ${f.hand / f.rules <= 1.5 ? 'MET' : 'NOT MET'}`);
  const worst = Math.min(f.rules, f.hand);
  console.log(`  target ≥ ${TRIAL_TARGET_PER_S} trials/s per worker for both: ${worst >= TRIAL_TARGET_PER_S ? 'MET' : 'NOT MET'} (slower of the two: ${worst.toFixed(0)})`);
}

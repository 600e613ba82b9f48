import { fixed, pct, walkForwardHtml, walkForwardMarkdown, type WalkForwardReportInput } from '../../reports/index.ts';
import { metricAt } from '../metric-columns.ts';
import { paramText } from '../trial-files.ts';
import { durationText } from './duration.ts';
import type { WalkForwardResult, WalkForwardSetup } from './run-walk-forward.ts';

/** report.md and report.html of a complete walk-forward; `overfitting` lines come from the statistics, when known. */
export function walkForwardReports(result: WalkForwardResult, setup: WalkForwardSetup, params: readonly string[], overfitting: string[]): Record<string, string> {
  const s = result.stitched!;
  const m = s.metrics;
  const b = m.benchmark;
  const spec = setup.folds;
  const figures: [string, string, string][] = [
    ['Total return', pct(m.totalReturn), pct(b?.totalReturn)],
    ['CAGR', pct(m.cagr), pct(b?.cagr)],
    ['Volatility', pct(m.volatility), pct(b?.volatility)],
    ['Sharpe', fixed(m.sharpe), fixed(b?.sharpe)],
    ['Max drawdown', pct(m.maxDrawdown.depth), pct(b?.maxDrawdown)],
    ['Trades', fixed(m.trading.trades, 0), ''],
  ];
  const input: WalkForwardReportInput = {
    name: setup.strategy.name,
    synthetic: setup.dataset.identity.synthetic,
    objective: setup.objective,
    minimize: setup.minimize,
    scheme: `${durationText(spec.train)} train, ${durationText(spec.test)} test, stepping ${durationText(spec.step ?? spec.test)}, ${spec.anchored ? 'anchored (train windows all start at the first bar)' : 'rolling'}`,
    trials: result.trials,
    folds: result.folds.map((f) => ({
      index: f.index,
      train: f.train,
      test: f.test,
      trials: f.trials,
      chosen: params.map((p) => `${p}=${paramText(f.chosen.params[p])}`).join(', ') || 'defaults',
      isObjective: f.inSample[setup.objective] ?? null,
      oosObjective: f.outOfSample[setup.objective] ?? null,
      oosTotalReturn: f.outOfSample.totalReturn ?? null,
      oosMaxDrawdown: f.outOfSample['maxDrawdown.depth'] ?? null,
      dsr: f.overfitting.dsr ?? null,
      pbo: f.overfitting.pbo ?? null,
    })),
    oos: { dates: s.result.curve.dates, equity: s.result.curve.equity, ...(s.result.benchmark ? { benchmark: s.result.benchmark } : {}) },
    figures,
    oosObjective: result.folds.length ? metricAt(m, setup.objective) : null,
    overfitting,
    method: [
      `Each fold sweeps its train window (folds/NN/: sweep.json, trials.csv, trials.jsonl, summary.md) and keeps the trial with the ${setup.minimize ? 'lowest' : 'highest'} ${setup.objective} (lowest trial number on a tie); the test window's bars never enter that choice: the train runs end on the bar before it.`,
      'A test window\'s first day is spent in cash (its first decision fills at the next bar); the benchmark is chained the same way, flat on that day.',
      ...(result.unusedTail > 0 ? [`The last ${result.unusedTail} trading day(s) of the data come after the last whole test window and are in no fold.`] : []),
    ],
    dataset: { dir: setup.data.dir, hash: setup.data.hash },
  };
  return { 'report.md': walkForwardMarkdown(input), 'report.html': walkForwardHtml(input) };
}

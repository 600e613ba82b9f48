import { densePositions, percentileOf, priceView, randomTiming, RotorError, type BacktestResult, type MarketData } from '../engine/index.ts';
import { quantileSorted, type Metrics } from '../engine/metrics/index.ts';
import type { NullFigure, NullModelRecord } from '../reports/index.ts';

/** `--null` as data: which null model, how many paths, from which seed. */
export interface NullSpec {
  model: 'random-timing';
  n: number;
  seed: number;
}

export const MAX_NULL_PATHS = 100_000;

/** `random-timing:N`; anything else is one line naming --null and what it takes. */
export function parseNullSpec(text: string, seed: number): NullSpec {
  const m = /^random-timing:(\d+)$/.exec(text.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!m || !(n >= 1 && n <= MAX_NULL_PATHS)) throw new RotorError(`--null ${text}: expected random-timing:N with N a whole number from 1 to ${MAX_NULL_PATHS}, e.g. random-timing:1000`);
  if (!Number.isInteger(seed)) throw new RotorError(`--null-seed must be a whole number, got ${seed}`);
  return { model: 'random-timing', n, seed };
}

const sig = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : null);

function figure(values: Float64Array, strategy: number | null): NullFigure {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  const q = (p: number) => (sorted.length ? quantileSorted(sorted, p) : null);
  return {
    strategy,
    percentile: percentileOf(values, strategy),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
    p5: q(0.05),
    median: q(0.5),
    p95: q(0.95),
    values: Array.from(values, sig),
  };
}

/**
 * The null model of a finished run (kept positions needed): its holdings per bar from the curve, the closes of its
 * symbols on its bars in its price basis, its costs and risk-free rate, then N paths in this thread (a path is a
 * few passes over the bars: 1,000 paths over 30 years take well under a second).
 */
export function nullModel(result: BacktestResult, metrics: Metrics, market: MarketData, spec: NullSpec): NullModelRecord {
  const { curve, settings } = result;
  const bars = curve.dates.length;
  const k = curve.symbols.length;
  const values = densePositions(curve.positions, k);
  const weights = new Float64Array(bars * k);
  for (let t = 0; t < bars; t++) for (let j = 0; j < k; j++) {
    const e = curve.equity[t];
    weights[t * k + j] = e > 0 ? (values[t * k + j] ?? 0) / e : 0;
  }
  const view = priceView(market, settings.prices);
  const first = market.dates.indexOf(curve.dates[0]);
  const closes = curve.symbols.map((s) => view.close[market.symbolIndex(s)].slice(first, first + bars));
  const costRate = (settings.costs.commissionBps + settings.costs.slippageBps) / 10_000;
  const r = randomTiming({ weights, symbols: k, closes, equity: curve.equity, costRate, riskFree: result.riskFreeDaily ? { daily: result.riskFreeDaily } : { annual: settings.riskFree } }, spec.n, spec.seed);
  return {
    model: 'random-timing',
    n: r.n,
    seed: r.seed,
    switches: r.switches,
    exposure: r.exposure,
    states: r.states,
    totalReturn: figure(r.totalReturn, metrics.totalReturn),
    sharpe: figure(r.sharpe, metrics.sharpe),
    basis:
      `Each path keeps the run's sequence of holdings (the symbols it held at each close, each at its mean weight while held), the time spent in each and the number of switches, with the lengths of the holding periods drawn at random (seed ${spec.seed}; path i depends only on the seed and i). ` +
      `Where a path holds and moves as the run did it earns the run's own return; elsewhere its weights times the symbols' close-to-close returns in the run's price basis, cash earning nothing, less ${fixed2(costRate * 10_000)} bps (commission + slippage) on the weight it trades at each switch. Percentile: the share of paths below the run plus half of those equal.`,
  };
}

const fixed2 = (v: number) => String(Number(v.toFixed(2)));

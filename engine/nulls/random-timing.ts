import { dailyRiskFree, sharpeRatio, totalReturn } from '../metrics/returns.ts';
import { excessReturns } from '../metrics/risk-free.ts';
import { uniformAt } from '../stats/random.ts';
import { timingStates, type TimingStates } from './timing-states.ts';

/** A finished run as the random-timing null reads it: what it held each bar and what that earned. */
export interface TimingInput {
  /** Row-major bars × symbols: position value / equity at each close. */
  weights: Float64Array;
  symbols: number;
  /** Per symbol, its closes on the run's bars in the run's price basis (NaN where unknown). */
  closes: readonly Float64Array[];
  /** The run's net equity on its bars. */
  equity: Float64Array;
  /** Cost of trading one unit of equity at a switch the run did not make: commission + slippage (bps / 10⁴). */
  costRate: number;
  /** As the run's Sharpe takes it: a constant annual rate, or one per bar (element r: bar r − 1 → r). */
  riskFree: { annual: number } | { daily: Float64Array };
}

export interface RandomTimingResult {
  n: number;
  seed: number;
  switches: number;
  exposure: number;
  states: number;
  /** Per null path. */
  totalReturn: Float64Array;
  /** Per null path; NaN where undefined (no variation). */
  sharpe: Float64Array;
}

/**
 * Null path i: the run's segments in their order, each state keeping its total time and its number of segments, the
 * segments' lengths drawn at random (a uniform composition of the state's bars into that many parts). So the path
 * holds the same assets for as long, has the same number of switches and the same average exposure, at random dates.
 */
export function nullPath(states: TimingStates, seed: number, i: number): Int32Array {
  const bars = states.stateOf.length;
  const bySegment = new Int32Array(states.segments.length);
  const perState = new Map<number, number[]>();
  states.segments.forEach((g, j) => {
    if (!perState.has(g.state)) perState.set(g.state, []);
    perState.get(g.state)!.push(j);
  });
  let draw = 0;
  for (const [, segs] of [...perState].sort((a, b) => a[0] - b[0])) {
    const total = segs.reduce((a, j) => a + states.segments[j].bars, 0);
    // m − 1 distinct cut points among 1 … total − 1 (Floyd's sampling), sorted: the parts are their gaps.
    const m = segs.length;
    const cuts = new Set<number>();
    for (let j = total - m + 1; j <= total - 1; j++) {
      const t = 1 + Math.floor(uniformAt(seed, i, draw++) * j);
      cuts.add(cuts.has(t) ? j : t);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    let prev = 0;
    segs.forEach((j, k) => {
      const next = k < m - 1 ? sorted[k] : total;
      bySegment[j] = next - prev;
      prev = next;
    });
  }
  const path = new Int32Array(bars);
  let t = 0;
  states.segments.forEach((g, j) => {
    path.fill(g.state, t, t + bySegment[j]);
    t += bySegment[j];
  });
  return path;
}

/**
 * The random-timing null model (bt's `benchmark_random`, on timing): `n` seeded paths of the run's own holdings at
 * random dates (see nullPath), each measured as the run is. On a bar where a path holds what the run held, and moves
 * as the run moved, it earns what the run earned; elsewhere it earns its state's weights on the close-to-close
 * returns of those symbols (cash earning nothing), less `costRate` on the weight it trades at each of its switches.
 * Path i depends only on the seed and i.
 */
export function randomTiming(input: TimingInput, n: number, seed: number): RandomTimingResult {
  const bars = input.equity.length;
  const states = timingStates(input.weights, input.symbols, bars);
  const S = states.weights.length;
  // Each state's return on every bar: its weights on the symbols' close-to-close returns.
  const rho = Array.from({ length: S }, () => new Float64Array(Math.max(0, bars - 1)));
  for (let k = 0; k < input.symbols; k++) {
    const c = input.closes[k];
    for (let j = 0; j + 1 < bars; j++) {
      const r = c[j] > 0 && c[j + 1] > 0 ? c[j + 1] / c[j] - 1 : 0;
      if (r === 0) continue;
      for (let s = 0; s < S; s++) {
        const w = states.weights[s][k];
        if (w !== 0) rho[s][j] += w * r;
      }
    }
  }
  const turnover = (a: number, b: number) => {
    let sum = 0;
    for (let k = 0; k < input.symbols; k++) sum += Math.abs(states.weights[a][k] - states.weights[b][k]);
    return sum;
  };
  const own = states.stateOf;
  const eq = input.equity;
  const rf = 'annual' in input.riskFree ? dailyRiskFree(input.riskFree.annual) : null;
  const series = 'daily' in input.riskFree ? input.riskFree.daily : null;
  const out = { totalReturn: new Float64Array(n), sharpe: new Float64Array(n) };
  const equity = new Float64Array(bars);
  const returns = new Float64Array(Math.max(0, bars - 1));
  for (let i = 0; i < n; i++) {
    const path = nullPath(states, seed, i);
    equity[0] = eq[0];
    for (let j = 0; j + 1 < bars; j++) {
      const a = path[j];
      const b = path[j + 1];
      let r: number;
      if (a === own[j] && b === own[j + 1]) r = eq[j + 1] / eq[j] - 1;
      else r = rho[a][j] - (a !== b ? input.costRate * turnover(a, b) : 0);
      returns[j] = r;
      equity[j + 1] = equity[j] * (1 + r);
    }
    out.totalReturn[i] = totalReturn(equity) ?? NaN;
    const sharpe = series ? sharpeRatio(excessReturns(equity, series), 0) : sharpeRatio(returns, rf!);
    out.sharpe[i] = sharpe ?? NaN;
  }
  return { n, seed, switches: states.switches, exposure: states.exposure, states: S, ...out };
}

/**
 * Where `x` falls among `values`, in percent: the share below it plus half the share equal to it (mid-rank), so a
 * run equal to every null path sits at 50. Values within 1e-9 (relative) count as equal; NaN values are left out.
 * Null when x is not a number or no value is.
 */
export function percentileOf(values: ArrayLike<number>, x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  let below = 0;
  let equal = 0;
  let count = 0;
  const tol = 1e-9 * Math.max(1, Math.abs(x));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    count++;
    if (Math.abs(v - x) <= tol) equal++;
    else if (v < x) below++;
  }
  return count ? (100 * (below + equal / 2)) / count : null;
}

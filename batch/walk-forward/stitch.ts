import { densePositions, sparsePositions, type BacktestResult, type EquityCurve, type ParamValue, type RunNote } from '../../engine/index.ts';

export interface FoldRun {
  index: number;
  result: BacktestResult;
}

/**
 * A fold's out-of-sample daily returns: the first is its first close against the cash it started with (0 unless
 * the first fill is at that close), then close to close. The stitched curve's returns are these, fold after fold.
 */
export function foldReturns(result: BacktestResult): Float64Array {
  const eq = result.curve.equity;
  const out = new Float64Array(eq.length);
  for (let i = 0; i < eq.length; i++) out[i] = eq[i] / (i === 0 ? result.settings.initialCash : eq[i - 1]) - 1;
  return out;
}

/** Cumulative columns restart in each fold: carry the earlier folds' totals on top. */
function chained(parts: readonly (Float64Array | undefined)[], lengths: readonly number[]): Float64Array {
  const out = new Float64Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  let carry = 0;
  parts.forEach((p, k) => {
    for (let i = 0; i < lengths[k]; i++) out[at + i] = carry + (p ? p[i] : 0);
    if (p && lengths[k]) carry += p[lengths[k] - 1];
    at += lengths[k];
  });
  return out;
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A benchmark chained like the strategy: each test window continues from where the last one ended. */
function chainedPrices(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  let level = NaN;
  for (const p of parts) {
    const first = p.find((v) => v > 0) ?? NaN;
    const scale = Number.isFinite(level) && first > 0 ? level / first : 1;
    for (let i = 0; i < p.length; i++) out[at + i] = p[i] * scale;
    for (let i = p.length - 1; i >= 0; i--) if (out[at + i] > 0) {
      level = out[at + i];
      break;
    }
    at += p.length;
  }
  return out;
}

/**
 * The folds' test runs as one run: each fold started with the cash the previous one ended with (closeOut), so equity and cash
 * join as they are; costs, borrow and interest are carried across; positions are laid on the union of the folds'
 * symbols. `params` says what each fold chose.
 */
export function stitchRuns(folds: readonly FoldRun[], params: Readonly<Record<string, ParamValue>>): BacktestResult {
  if (folds.length === 0) throw new Error('stitchRuns needs at least one fold');
  const results = folds.map((f) => f.result);
  const curves = results.map((r) => r.curve);
  const lengths = curves.map((c) => c.dates.length);
  const symbols = [...new Set(curves.flatMap((c) => c.symbols))];
  const n = lengths.reduce((a, b) => a + b, 0);
  const pv = new Float64Array(n * symbols.length);
  let row = 0;
  for (const c of curves) {
    const cols = c.symbols.map((s) => symbols.indexOf(s));
    const k = c.symbols.length;
    const values = densePositions(c.positions, k);
    for (let i = 0; i < c.dates.length; i++, row++) for (let j = 0; j < k; j++) pv[row * symbols.length + cols[j]] = values[i * k + j] ?? 0;
  }
  const costs = curves.map((c) => {
    const out = new Float64Array(c.dates.length);
    for (let i = 0; i < out.length; i++) out[i] = c.grossEquity[i] - c.equity[i];
    return out;
  });
  const equity = concat(curves.map((c) => c.equity));
  const carriedCosts = chained(costs, lengths);
  const curve: EquityCurve = {
    dates: curves.flatMap((c) => c.dates),
    equity,
    grossEquity: equity.map((v, i) => v + carriedCosts[i]),
    cash: concat(curves.map((c) => c.cash)),
    symbols,
    positions: sparsePositions(pv, n, symbols.length),
    ...(curves.some((c) => c.borrowPaid) ? { borrowPaid: chained(curves.map((c) => c.borrowPaid), lengths) } : {}),
    ...(curves.some((c) => c.interest) ? { interest: chained(curves.map((c) => c.interest), lengths) } : {}),
  };
  const first = results[0];
  const last = results[results.length - 1];
  const benchOf = (pick: (r: BacktestResult) => { symbol: string; prices: Float64Array } | undefined) =>
    results.every((r) => pick(r)) ? { symbol: pick(first)!.symbol, prices: chainedPrices(results.map((r) => pick(r)!.prices)) } : undefined;
  const benchmark = benchOf((r) => r.benchmark);
  const benchmarks = first.benchmarks?.map((_, j) => benchOf((r) => r.benchmarks?.[j])).filter((b): b is { symbol: string; prices: Float64Array } => b !== undefined);
  const notes: RunNote[] = folds.flatMap((f) => f.result.notes.map((note) => ({ ...note, message: `fold ${f.index}: ${note.message}` })));
  const listings = results.flatMap((r) => r.listings ?? []);
  return {
    strategy: { name: first.strategy.name, description: first.strategy.description, params },
    settings: { ...first.settings, from: curve.dates[0], to: curve.dates[n - 1] },
    universe: [...new Set(results.flatMap((r) => r.universe))],
    signals: [...new Set(results.flatMap((r) => r.signals))],
    curve,
    trades: results.flatMap((r) => r.trades),
    notes,
    decisions: results.flatMap((r) => r.decisions),
    ...(benchmark ? { benchmark } : {}),
    ...(benchmarks?.length && benchmarks.length > 1 ? { benchmarks } : {}),
    ...(listings.length ? { listings } : {}),
    ...(results.every((r) => r.riskFreeDaily) ? { riskFreeDaily: concat(results.map((r) => r.riskFreeDaily!)) } : {}),
    ...(last.rates ? { rates: last.rates } : {}),
  };
}

import type { RuleContext } from './evaluation.ts';
import type { Unit } from './format.ts';
import { byKey, readable, toSeries, type CompareOp, type Series, type Source } from './series.ts';
import { formatThreshold } from './format.ts';

/**
 * A series computed point by point from another, looking back `extra` steps: each output point at key k is
 * `compute(k, base)` and is unknown (NaN) whenever an input it needs is missing.
 */
function derived(
  base: Series,
  label: string,
  unit: Unit,
  extra: number | ((perYear: number) => number),
  compute: (k: number, at: (key: number) => number, perYear: number) => number,
  phrase?: Series['phrase'],
): Series {
  const series: Series = {
    label,
    unit,
    step: base.step,
    phrase,
    window(ctx: RuleContext, n: number) {
      // A year-long look-back depends on the frequency, known only from the data: read once to learn it.
      const back = typeof extra === 'number' ? extra : extra(base.window(ctx, 1).perYear);
      const w = base.window(ctx, n + back);
      const at = byKey(w.points);
      const read = (k: number) => at.get(k)?.value ?? NaN;
      const last = w.points.length ? w.points[w.points.length - 1].key : 0;
      const points = w.points
        .filter((p) => p.key > last - n)
        .map((p) => ({ key: p.key, at: p.at, value: compute(p.key, read, w.perYear) }));
      return { points, perYear: w.perYear };
    },
  };
  const perYear = base.stepsPerYear;
  if (!readable(base) || perYear === undefined) return series;
  // Direct reads: every key of the base is a point (a price bar), so the value at k is computed from the base's
  // values at k and before, exactly as the window does. No window, map or point is built.
  let readCtx: RuleContext | undefined;
  const read = (k: number) => base.valueAt(readCtx!, k);
  return {
    ...series,
    stepsPerYear: perYear,
    fixed: base.fixed,
    lastKey: (ctx) => base.lastKey(ctx),
    valueAt(ctx, key) {
      if (!(key <= base.lastKey(ctx))) return NaN;
      readCtx = ctx;
      return compute(key, read, perYear);
    },
  };
}


function steps(n: number, step: string): string {
  return step === 'day' ? `${n}-day` : step === 'period' ? `${n}-period` : `${n}-${step}`;
}

/** A one-day price return reads as what the close did: `RUT closed up more than 1%`. */
function closePhrase(symbol: string): Series['phrase'] {
  return (op: CompareOp, x: number) => {
    const by = (v: number) => formatThreshold(Math.abs(v), 'ratio');
    if (op === 'above' && x >= 0) return x === 0 ? `${symbol} closed up` : `${symbol} closed up more than ${by(x)}`;
    if (op === 'below' && x <= 0) return x === 0 ? `${symbol} closed down` : `${symbol} closed down more than ${by(x)}`;
    return undefined;
  };
}

/** Simple return over `n` steps: value(k) / value(k − n) − 1. */
export function ret(source: Source, n = 1): Series {
  const base = toSeries(source);
  const label = n === 1 && base.step === 'day' ? `${base.label} daily return` : `${base.label} ${steps(n, base.step)} return`;
  const phrase = n === 1 && base.symbol ? closePhrase(base.symbol) : undefined;
  const series = derived(base, label, 'ratio', n, (k, at) => at(k) / at(k - n) - 1, phrase);
  const symbol = base.symbol;
  if (symbol === undefined || !readable(series)) return series;
  // A symbol's own closes: the strategy context divides the two closes itself (the same division, one call instead
  // of two reads), which the streak rules do on every bar.
  const direct = series.valueAt;
  return {
    ...series,
    valueAt(ctx, key) {
      const bar = ctx.bar;
      if (!ctx.ret || !(key >= 0 && key <= bar)) return direct(ctx, key);
      return ctx.ret(symbol, n, bar - key);
    },
  };
}

/** Year-over-year growth by period: this period against the same period a year earlier (never a shifted one). */
export function yoy(source: Source): Series {
  const base = toSeries(source);
  return derived(base, `${base.label} year-over-year`, 'ratio', (py) => py, (k, at, py) => at(k) / at(k - py) - 1);
}

/** Difference over `n` steps, in the series' own units (percentage points for a rate). */
export function change(source: Source, n = 1): Series {
  const base = toSeries(source);
  return derived(base, `${base.label} ${steps(n, base.step)} change`, base.unit, n, (k, at) => at(k) - at(k - n));
}

/** Mean of the last `n` steps; unknown unless all of them are known. */
export function average(source: Source, n: number): Series {
  const base = toSeries(source);
  return derived(base, `${base.label} ${steps(n, base.step)} average`, base.unit, n - 1, (k, at) => {
    let sum = 0;
    for (let j = k - n + 1; j <= k; j++) sum += at(j);
    return sum / n;
  });
}

/** Distance from the extreme of the last `n` steps (this one included). */
function fromExtreme(which: 'high' | 'low', source: Source, n: number, mode: 'ratio' | 'difference'): Series {
  const base = toSeries(source);
  const label =
    mode === 'ratio' ? `${base.label} distance from its ${steps(n, base.step)} ${which}` : `${base.label} minus its ${steps(n, base.step)} ${which}`;
  return derived(base, label, mode === 'ratio' ? 'ratio' : base.unit, n - 1, (k, at) => {
    let extreme = which === 'high' ? -Infinity : Infinity;
    for (let j = k - n + 1; j <= k; j++) {
      const v = at(j);
      if (!Number.isFinite(v)) return NaN;
      extreme = which === 'high' ? Math.max(extreme, v) : Math.min(extreme, v);
    }
    const v = at(k);
    return mode === 'ratio' ? v / extreme - 1 : v - extreme;
  });
}

/** value / n-step high − 1 (≤ 0), or value − high in the series' units with mode `difference`. */
export function fromHigh(source: Source, n: number, mode: 'ratio' | 'difference' = 'ratio'): Series {
  return fromExtreme('high', source, n, mode);
}

/** value / n-step low − 1 (≥ 0), or value − low in the series' units with mode `difference`. */
export function fromLow(source: Source, n: number, mode: 'ratio' | 'difference' = 'ratio'): Series {
  return fromExtreme('low', source, n, mode);
}

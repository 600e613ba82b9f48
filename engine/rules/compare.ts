import type { Evaluation, Rule, RuleContext } from './evaluation.ts';
import { formatThreshold, formatValue } from './format.ts';
import { latest, readable, toSeries, type CompareOp, type Series, type SeriesPoint, type Source } from './series.ts';
import { truth, type Truth } from './truth.ts';

/** A comparison of a series with a fixed level: it can also judge any single point, which `streak` needs. */
export interface PointRule extends Rule {
  readonly series: Series;
  test(value: number): boolean;
}

/**
 * Decimal data is not exact in binary: a close going from 1 to 1.3 is a 30% return on paper and 0.30000000000000004 in
 * doubles; 4.1 − 3.8 is 0.2999999999999998. Values this close to a threshold count as equal to it, so that a rule
 * decided at a threshold (the Sahm rule's 0.5, a 0.25-point cut) reads as it does on paper.
 */
const TOLERANCE = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));

const TESTS: Record<CompareOp, (a: number, b: number) => boolean> = {
  above: (a, b) => a > b && !near(a, b),
  below: (a, b) => a < b && !near(a, b),
  'at or above': (a, b) => a >= b || near(a, b),
  'at or below': (a, b) => a <= b || near(a, b),
};

/** `+2.97% in 2024-06`: a value, with its period when it is a macro observation. */
export function shown(series: Series, p: SeriesPoint | undefined): string {
  if (!p) return `${series.label} not yet published`;
  return p.at ? `${formatValue(p.value, series.unit)} in ${p.at}` : formatValue(p.value, series.unit);
}

function unknownBecause(series: Series, p: SeriesPoint | undefined): string {
  if (!p) return `no ${series.label} known yet`;
  return `${series.label} unknown${p.at ? ` for ${p.at}` : ''}`;
}

/** A rule that judges the latest point of one series with `test`: the shape of every comparison with levels. */
function pointRule(series: Series, description: string, test: (v: number) => boolean): PointRule {
  return {
    description,
    series,
    test,
    ...(readable(series) && {
      check(ctx: RuleContext): Truth {
        const v = series.valueAt(ctx, series.lastKey(ctx));
        return Number.isFinite(v) ? truth(test(v)) : 'unknown';
      },
    }),
    evaluate(ctx: RuleContext): Evaluation {
      const p = latest(series.window(ctx, 1));
      const known = p !== undefined && Number.isFinite(p.value);
      return {
        rule: description,
        state: known ? truth(test(p.value)) : 'unknown',
        because: known ? shown(series, p) : unknownBecause(series, p),
        values: { [series.label]: known ? p.value : null },
      };
    },
  };
}

function againstLevel(op: CompareOp, source: Source, level: number): PointRule {
  const series = toSeries(source);
  const description = series.phrase?.(op, level) ?? `${series.label} ${op} ${formatThreshold(level, series.unit)}`;
  return pointRule(series, description, (v) => TESTS[op](v, level));
}

function againstSeries(op: CompareOp, source: Source, other: Source): Rule {
  const a = toSeries(source);
  const b = toSeries(other);
  const description = `${a.label} ${op} ${b.label}`;
  const test = TESTS[op];
  return {
    description,
    ...(readable(a) &&
      readable(b) && {
        check(ctx: RuleContext): Truth {
          const va = a.valueAt(ctx, a.lastKey(ctx));
          const vb = b.valueAt(ctx, b.lastKey(ctx));
          return Number.isFinite(va) && Number.isFinite(vb) ? truth(test(va, vb)) : 'unknown';
        },
      }),
    evaluate(ctx) {
      const pa = latest(a.window(ctx, 1));
      const pb = latest(b.window(ctx, 1));
      const ka = pa !== undefined && Number.isFinite(pa.value);
      const kb = pb !== undefined && Number.isFinite(pb.value);
      return {
        rule: description,
        state: ka && kb ? truth(TESTS[op](pa.value, pb.value)) : 'unknown',
        because: `${ka ? shown(a, pa) : unknownBecause(a, pa)} vs ${kb ? shown(b, pb) : unknownBecause(b, pb)}`,
        values: { [a.label]: ka ? pa.value : null, [b.label]: kb ? pb.value : null },
      };
    },
  };
}

function comparison(op: CompareOp) {
  function compare(source: Source, than: number): PointRule;
  function compare(source: Source, than: Source): Rule;
  function compare(source: Source, than: number | Source): Rule {
    return typeof than === 'number' ? againstLevel(op, source, than) : againstSeries(op, source, than);
  }
  return compare;
}

/** Strictly greater than a level or another series. */
export const above = comparison('above');
/** Strictly less than a level or another series. */
export const below = comparison('below');
/** Greater than or equal to. */
export const atLeast = comparison('at or above');
/** Less than or equal to. */
export const atMost = comparison('at or below');

/** Within [low, high], both ends included. */
export function between(source: Source, low: number, high: number): PointRule {
  const series = toSeries(source);
  const description = `${series.label} between ${formatThreshold(low, series.unit)} and ${formatThreshold(high, series.unit)}`;
  return pointRule(series, description, (v) => TESTS['at or above'](v, low) && TESTS['at or below'](v, high));
}

import type { Evaluation, Rule } from './evaluation.ts';
import { formatThreshold } from './format.ts';
import { byKey, latest, readable, toSeries, type ReadableSeries, type Source } from './series.ts';
import { shown } from './compare.ts';
import { truth, type Truth } from './truth.ts';

function steps(n: number, step: string): string {
  return `${n} ${step === 'period' ? 'period' : step}${n === 1 ? '' : 's'}`;
}

function direction(which: 'rising' | 'falling', source: Source, n: number): Rule {
  const series = toSeries(source);
  const description = `${series.label} ${which} over ${steps(n, series.step)}`;
  return {
    description,
    ...(readable(series) && {
      check(ctx): Truth {
        const last = series.lastKey(ctx);
        const now = series.valueAt(ctx, last);
        const then = series.valueAt(ctx, last - n);
        if (!Number.isFinite(now) || !Number.isFinite(then)) return 'unknown';
        return truth(which === 'rising' ? now > then : now < then);
      },
    }),
    evaluate(ctx): Evaluation {
      const w = series.window(ctx, n + 1);
      const now = latest(w);
      const then = now ? byKey(w.points).get(now.key - n) : undefined;
      const known = now !== undefined && then !== undefined && Number.isFinite(now.value) && Number.isFinite(then.value);
      const because = now
        ? then
          ? `${shown(series, now)} vs ${shown(series, then)}`
          : `${shown(series, now)}; the value ${steps(n, series.step)} earlier is not known`
        : `no ${series.label} known yet`;
      return {
        rule: description,
        state: known ? truth(which === 'rising' ? now.value > then.value : now.value < then.value) : 'unknown',
        because,
        values: { [series.label]: known ? now.value : null, [`${series.label}, ${steps(n, series.step)} earlier`]: known ? then.value : null },
      };
    },
  };
}

/** Higher now than `n` steps earlier (by period for macro series). */
export function rising(source: Source, n = 1): Rule {
  return direction('rising', source, n);
}

/** Lower now than `n` steps earlier. */
export function falling(source: Source, n = 1): Rule {
  return direction('falling', source, n);
}

/**
 * True on the step where the series moves from at-or-below to above a level or another series (or the reverse for
 * `below`): the day of the crossing, not every day after it.
 */
export function crosses(source: Source, level: number | Source, way: 'above' | 'below' = 'above'): Rule {
  const a = toSeries(source);
  const b = typeof level === 'number' ? undefined : toSeries(level);
  const other = b ? b.label : formatThreshold(level as number, a.unit);
  const description = `${a.label} crosses ${way} ${other}`;
  const fast = readable(a) && (b === undefined || readable(b));
  return {
    description,
    ...(fast && {
      check(ctx): Truth {
        const ra = a as ReadableSeries;
        const last = ra.lastKey(ctx);
        const x1 = ra.valueAt(ctx, last);
        const x0 = ra.valueAt(ctx, last - 1);
        let r1 = level as number;
        let r0 = level as number;
        if (b) {
          // The other series is read on the same keys, within its own two-step window.
          const rb = b as ReadableSeries;
          const lastB = rb.lastKey(ctx);
          const inB = (k: number) => k <= lastB && k > lastB - 2;
          r1 = inB(last) ? rb.valueAt(ctx, last) : NaN;
          r0 = inB(last - 1) ? rb.valueAt(ctx, last - 1) : NaN;
        }
        if (!(Number.isFinite(x1) && Number.isFinite(x0) && Number.isFinite(r1) && Number.isFinite(r0))) return 'unknown';
        return truth(way === 'above' ? x0 <= r0 && x1 > r1 : x0 >= r0 && x1 < r1);
      },
    }),
    evaluate(ctx): Evaluation {
      const wa = a.window(ctx, 2);
      const now = latest(wa);
      const prev = now ? byKey(wa.points).get(now.key - 1) : undefined;
      const ref = (k: number | undefined): number => {
        if (k === undefined) return NaN;
        if (!b) return level as number;
        return byKey(b.window(ctx, 2).points).get(k)?.value ?? NaN;
      };
      const [x1, x0, r1, r0] = [now?.value ?? NaN, prev?.value ?? NaN, ref(now?.key), ref(prev?.key)];
      const known = [x1, x0, r1, r0].every(Number.isFinite);
      const crossed = way === 'above' ? x0 <= r0 && x1 > r1 : x0 >= r0 && x1 < r1;
      return {
        rule: description,
        state: known ? truth(crossed) : 'unknown',
        because: known ? `${shown(a, prev)} then ${shown(a, now)}${b ? ` against ${shown(b, { key: 0, at: '', value: r0 })} then ${shown(b, { key: 0, at: '', value: r1 })}` : ''}` : `${a.label} over the last two steps not known`,
        values: { [a.label]: known ? x1 : null, [`${a.label}, previous`]: known ? x0 : null },
      };
    },
  };
}

import type { Evaluation, Rule } from './evaluation.ts';
import { formatValue } from './format.ts';
import type { PointRule } from './compare.ts';
import { byKey, latest } from './series.ts';

/**
 * `n` consecutive steps, ending now, on each of which a comparison held: `streak(above(ret('RUT'), 0.01), 5)` is
 * "RUT closed up more than 1% for 5 days". A known failing step makes it false; otherwise any unknown step leaves it
 * unknown.
 */
export function streak(condition: PointRule, n: number): Rule {
  const { series } = condition;
  const unit = series.step === 'day' ? 'days' : series.step === 'period' ? 'periods' : `${series.step}s`;
  const description = `${condition.description} for ${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
  return {
    description,
    evaluate(ctx): Evaluation {
      const w = series.window(ctx, n);
      const last = latest(w);
      const at = byKey(w.points);
      const values: (number | null)[] = [];
      let failed = false;
      let unknown = !last;
      for (let k = (last?.key ?? 0) - n + 1; last && k <= last.key; k++) {
        const v = at.get(k)?.value ?? NaN;
        values.push(Number.isFinite(v) ? v : null);
        if (!Number.isFinite(v)) unknown = true;
        else if (!condition.test(v)) failed = true;
      }
      return {
        rule: description,
        state: failed ? 'false' : unknown ? 'unknown' : 'true',
        because: values.map((v) => (v === null ? 'unknown' : formatValue(v, series.unit))).join(', '),
        values: { [`${series.label}, last ${n}`]: values },
      };
    },
  };
}

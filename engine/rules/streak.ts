import type { Evaluation, Rule, RuleContext } from './evaluation.ts';
import { formatValue } from './format.ts';
import type { PointRule } from './compare.ts';
import { byKey, latest, readable } from './series.ts';
import type { Truth } from './truth.ts';

/**
 * `n` consecutive steps, ending now, on each of which a comparison held: `streak(above(ret('RUT'), 0.01), 5)` is
 * "RUT closed up more than 1% for 5 days". A known failing step makes it false; otherwise any unknown step leaves it
 * unknown.
 */
export function streak(condition: PointRule, n: number): Rule {
  const { series } = condition;
  const unit = series.step === 'day' ? 'days' : series.step === 'period' ? 'periods' : `${series.step}s`;
  const description = `${condition.description} for ${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
  const rule: Rule = {
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
  if (!readable(series)) return rule;

  // The state is decided by the latest known failing step and the latest unknown step among the last n. On a series
  // whose values never change once known (prices), both are kept as running marks: each bar reads one new value.
  let seen: RuleContext | undefined;
  let upTo = NaN;
  let lastFail = -Infinity;
  let lastUnknown = -Infinity;
  const visit = (ctx: RuleContext, k: number) => {
    const v = k >= 0 ? series.valueAt(ctx, k) : NaN;
    if (!Number.isFinite(v)) lastUnknown = k;
    else if (!condition.test(v)) lastFail = k;
  };
  rule.check = (ctx): Truth => {
    const last = series.lastKey(ctx);
    if (!Number.isFinite(last)) return 'unknown';
    const from = last - n + 1;
    if (!series.fixed || ctx !== seen || !(last >= upTo)) {
      seen = ctx;
      lastFail = -Infinity;
      lastUnknown = -Infinity;
      for (let k = from; k <= last; k++) visit(ctx, k);
    } else {
      for (let k = Math.max(upTo + 1, from); k <= last; k++) visit(ctx, k);
    }
    upTo = last;
    if (lastFail >= from) return 'false';
    return lastUnknown >= from ? 'unknown' : 'true';
  };
  return rule;
}

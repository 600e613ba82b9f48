/** Calendar-period (month / year) returns. Formulas: METRICS.md. */

export type PeriodKind = 'month' | 'year';

export interface PeriodReturn {
  /** 'YYYY-MM' for months, 'YYYY' for years. */
  period: string;
  ret: number;
}

/** Calendar period of an ISO date: 'YYYY-MM' or 'YYYY'. */
export function periodKey(date: string, kind: PeriodKind): string {
  return kind === 'month' ? date.slice(0, 7) : date.slice(0, 4);
}

const startsCache = new WeakMap<readonly string[], Partial<Record<PeriodKind, Int32Array>>>();

/**
 * Indices where a new period starts (after index 0). A frozen dates array (a run's window, shared by the trials of a
 * sweep) cannot change, so its boundaries are found once and kept.
 */
function periodStarts(dates: readonly string[], kind: PeriodKind): Int32Array {
  const frozen = Object.isFrozen(dates);
  const kept = frozen ? startsCache.get(dates)?.[kind] : undefined;
  if (kept) return kept;
  const starts: number[] = [];
  let key = dates.length ? periodKey(dates[0], kind) : '';
  for (let i = 1; i < dates.length; i++) {
    const k = periodKey(dates[i], kind);
    if (k !== key) {
      starts.push(i);
      key = k;
    }
  }
  const out = Int32Array.from(starts);
  if (frozen) {
    const entry = startsCache.get(dates) ?? {};
    entry[kind] = out;
    startsCache.set(dates, entry);
  }
  return out;
}

/**
 * Return of each calendar period present in `dates` (ascending ISO dates aligned with `equity`):
 * ret = last equity of the period / last equity of the previous period − 1, the first period measured from the
 * first equity. NaN when the base is not positive.
 */
export function periodReturns(dates: readonly string[], equity: Float64Array, kind: PeriodKind): PeriodReturn[] {
  const rets = periodReturnValues(dates, equity, kind);
  const starts = periodStarts(dates, kind);
  const out: PeriodReturn[] = [];
  for (let j = 0; j < rets.length; j++) out.push({ period: periodKey(dates[j === 0 ? 0 : starts[j - 1]], kind), ret: rets[j] });
  return out;
}

/** The returns of periodReturns alone, without their period names. */
export function periodReturnValues(dates: readonly string[], equity: Float64Array, kind: PeriodKind): Float64Array {
  const n = Math.min(dates.length, equity.length);
  if (n === 0) return new Float64Array(0);
  const starts = periodStarts(dates, kind);
  let count = 1;
  while (count - 1 < starts.length && starts[count - 1] < n) count++;
  const out = new Float64Array(count);
  let base = equity[0];
  for (let j = 0; j < count; j++) {
    const next = j < starts.length && starts[j] < n ? starts[j] : n;
    const last = equity[next - 1];
    out[j] = base > 0 ? last / base - 1 : NaN;
    base = last;
  }
  return out;
}

/** Highest-return period (earliest on ties) among finite returns, or null. */
export function bestPeriod(periods: readonly PeriodReturn[]): PeriodReturn | null {
  let best: PeriodReturn | null = null;
  for (const p of periods) if (Number.isFinite(p.ret) && (!best || p.ret > best.ret)) best = p;
  return best ? { period: best.period, ret: best.ret } : null;
}

/** Lowest-return period (earliest on ties) among finite returns, or null. */
export function worstPeriod(periods: readonly PeriodReturn[]): PeriodReturn | null {
  let worst: PeriodReturn | null = null;
  for (const p of periods) if (Number.isFinite(p.ret) && (!worst || p.ret < worst.ret)) worst = p;
  return worst ? { period: worst.period, ret: worst.ret } : null;
}

/** Fraction (0…1) of periods with a finite return > 0; null when there is none. */
export function positiveFraction(periods: readonly PeriodReturn[] | Float64Array): number | null {
  let finite = 0;
  let positive = 0;
  for (let j = 0; j < periods.length; j++) {
    const p = periods[j];
    const ret = typeof p === 'number' ? p : p.ret;
    if (!Number.isFinite(ret)) continue;
    finite++;
    if (ret > 0) positive++;
  }
  return finite === 0 ? null : positive / finite;
}

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

function samePrefix(a: string, b: string, width: number): boolean {
  if (a.length < width || b.length < width) return a.slice(0, width) === b.slice(0, width);
  for (let j = width - 1; j >= 0; j--) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * Return of each calendar period present in `dates` (ascending ISO dates aligned with `equity`):
 * ret = last equity of the period / last equity of the previous period − 1, the first period measured from the
 * first equity. NaN when the base is not positive.
 */
export function periodReturns(dates: readonly string[], equity: Float64Array, kind: PeriodKind): PeriodReturn[] {
  const n = Math.min(dates.length, equity.length);
  const out: PeriodReturn[] = [];
  if (n === 0) return out;
  // Dates are compared in place, character by character; a key is cut only where a period ends.
  const width = kind === 'month' ? 7 : 4;
  let start = dates[0];
  let base = equity[0];
  let last = equity[0];
  const close = () => out.push({ period: periodKey(start, kind), ret: base > 0 ? last / base - 1 : NaN });
  for (let i = 1; i < n; i++) {
    const d = dates[i];
    if (!samePrefix(d, start, width)) {
      close();
      base = last;
      start = d;
    }
    last = equity[i];
  }
  close();
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
export function positiveFraction(periods: readonly PeriodReturn[]): number | null {
  const finite = periods.filter((p) => Number.isFinite(p.ret));
  if (finite.length === 0) return null;
  return finite.filter((p) => p.ret > 0).length / finite.length;
}

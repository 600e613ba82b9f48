/** Conventions shared by every metric module. See METRICS.md at the repo root. */

/** Trading days per year used to annualise daily statistics. */
export const TRADING_DAYS_PER_YEAR = 252;
/** Calendar days per year used to turn a date span into years (CAGR, turnover). */
export const CALENDAR_DAYS_PER_YEAR = 365.25;
/**
 * A standard deviation (of daily returns) at or below this is treated as zero, so that float noise on a flat
 * or constant-return curve yields null ratios instead of astronomically large ones.
 */
export const ZERO_STDEV = 1e-12;

const MS_PER_DAY = 86_400_000;

export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** Calendar days from `from` to `to` (ISO strings). NaN when either does not parse. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / MS_PER_DAY;
}

/** (to − from in calendar days) / 365.25. NaN when either date does not parse. */
export function yearsBetween(from: string, to: string): number {
  return daysBetween(from, to) / CALENDAR_DAYS_PER_YEAR;
}

/** Finite values of an array, as a plain number[] (the form simple-statistics takes). */
export function finiteValues(xs: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) out.push(xs[i]);
  return out;
}

/**
 * The finite values of an array, as a Float64Array: the array itself when it is one and every value is finite (the
 * usual case: read it, never write it), else a view on a fresh buffer.
 */
export function finiteArray(xs: ArrayLike<number>): Float64Array {
  const n = xs.length;
  let first = 0;
  while (first < n && Number.isFinite(xs[first])) first++;
  if (first === n && xs instanceof Float64Array) return xs;
  const out = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(xs[i])) out[m++] = xs[i];
  return out.subarray(0, m);
}

/*
 * The statistics below are simple-statistics' own (7.x: `sum` with its Neumaier compensation, `mean`,
 * `sampleVariance` / `sampleStandardDeviation` by `sumNthPowerDeviations`), step for step, so results are the same to
 * the last bit; written over typed arrays and a term function so that no intermediate array is built.
 */

/** simple-statistics `sum` of f(xs[0]) … f(xs[n − 1]). */
export function compensatedSum(xs: ArrayLike<number>, f?: (x: number) => number): number {
  const n = xs.length;
  if (n === 0) return 0;
  let sum = f ? f(xs[0]) : xs[0];
  let correction = 0;
  for (let i = 1; i < n; i++) {
    const x = f ? f(xs[i]) : xs[i];
    const transition = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) correction += sum - transition + x;
    else correction += x - transition + sum;
    sum = transition;
  }
  return sum + correction;
}

/** simple-statistics `mean` (n ≥ 1). */
export function meanOf(xs: ArrayLike<number>, f?: (x: number) => number): number {
  return compensatedSum(xs, f) / xs.length;
}

/** simple-statistics `sampleStandardDeviation` (n ≥ 2), given the mean. */
export function sampleSdOf(xs: ArrayLike<number>, mean: number): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - mean;
    sum += d * d;
  }
  return Math.sqrt(sum / (xs.length - 1));
}

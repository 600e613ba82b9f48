import type { MacroSeries } from './macro-series.ts';
import { addDays, inferFrequency, periodEnd, periodOrdinal, periodStartOf, periodsPerYear, toDay, type MacroFrequency } from './periods.ts';

/**
 * What to compute from a macro series as of a decision date:
 * - `'level'`: the latest observation;
 * - `'yoy'`: its change in percent-as-fraction against the same period a year earlier (12 months, 4 quarters;
 *   for a daily series the last observation on or before the same date a year earlier, at most 7 days before it);
 * - `{ change: n }`: latest minus the value n periods earlier (n observations for a daily series);
 * - `{ pctChange: n }`: latest / value n periods earlier − 1;
 * - `{ average: n }`: mean of the latest n periods.
 */
export type MacroTransform = 'level' | 'yoy' | { change: number } | { pctChange: number } | { average: number };

/**
 * A macro read as of a decision date. `unknown` is a state, never a zero: no observation known yet, the latest
 * expected period missing (not published by the time it was due), or a period the transform needs missing.
 */
export interface MacroReading {
  series: string;
  /** `level`, `yoy`, `change(3)`, `pctChange(1)`, `average(3)`. */
  transform: string;
  state: 'known' | 'unknown';
  /** NaN when unknown. */
  value: number;
  /** Known: the latest period the value uses. Unknown: the period that is missing, when that is why. */
  period?: string;
  /** Known: release date of the latest observation used. */
  released?: string;
  /** Unknown: why, in words (which period is missing, and since when it was due). */
  reason?: string;
}

/** Grace after a period's end, beyond the usual publication lag, before a period counts as missing. */
export const DUE_GRACE_DAYS: Record<MacroFrequency, number> = { daily: 0, weekly: 7, monthly: 14, quarterly: 30, annual: 60 };

/** When a series says nothing: days after period end by which an observation is due (lag + grace). */
export function defaultDueLagDays(freq: MacroFrequency): number {
  return { daily: Infinity, weekly: 14, monthly: 45 + 14, quarterly: 90 + 30, annual: 180 + 60 }[freq];
}

export function transformName(t: MacroTransform): string {
  if (t === 'level' || t === 'yoy') return t;
  if ('change' in t) return `change(${t.change})`;
  if ('pctChange' in t) return `pctChange(${t.pctChange})`;
  return `average(${t.average})`;
}

interface SeriesIndex {
  freq: MacroFrequency;
  ordinals: Float64Array;
  dueLag: number;
}

const indexes = new WeakMap<MacroSeries, SeriesIndex>();

function indexOf(s: MacroSeries): SeriesIndex {
  let ix = indexes.get(s);
  if (!ix) {
    const freq = s.frequency ?? inferFrequency(s.periods);
    ix = {
      freq,
      ordinals: Float64Array.from(s.periods, (p) => periodOrdinal(p, freq)),
      dueLag: s.dueLagDays ?? defaultDueLagDays(freq),
    };
    indexes.set(s, ix);
  }
  return ix;
}

/** Index of the observation for the period with this ordinal, or -1 when the series has no such row. */
function findOrdinal(ix: SeriesIndex, ordinal: number): number {
  let lo = 0;
  let hi = ix.ordinals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const o = ix.ordinals[mid];
    if (o === ordinal) return mid;
    if (o < ordinal) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The latest-period observation released on or before `today` (scanning down from `upTo`), or -1. */
export function latestKnown(s: MacroSeries, today: string, upTo = s.periods.length - 1): number {
  for (let j = Math.min(upTo, s.periods.length - 1); j >= 0; j--) if (s.released[j] <= today) return j;
  return -1;
}

/**
 * Read a series as of `today`, from observations released on or before it only. A later revision is never used:
 * each observation is the value the series holds (first print by default, see the loader's vintage option).
 * `upTo` bounds the search (the replay passes the latest index it has published).
 */
export function readAsOf(s: MacroSeries, today: string, transform: MacroTransform = 'level', upTo?: number): MacroReading {
  const name = transformName(transform);
  const unknown = (reason: string, period?: string): MacroReading =>
    period ? { series: s.name, transform: name, state: 'unknown', value: NaN, period, reason } : { series: s.name, transform: name, state: 'unknown', value: NaN, reason };
  const ix = indexOf(s);
  const j = latestKnown(s, today, upTo);
  if (j < 0) {
    const first = s.released.length ? s.released.reduce((a, b) => (b < a ? b : a)) : undefined;
    return unknown(`no observation of ${s.name} known by ${today}${first ? ` (first release ${first})` : ''}`);
  }
  const o = ix.ordinals[j];
  const known = (k: number) => k >= 0 && s.released[k] <= today && Number.isFinite(s.values[k]);
  const periodName = (ordinal: number) => periodStartFromOrdinal(s, ix, ordinal);

  if (ix.freq !== 'daily') {
    // The period after the latest known one: once it is overdue, the latest value is stale and reads are unknown.
    const next = periodName(o + 1);
    const due = addDays(periodEnd(next, ix.freq), ix.dueLag);
    if (today >= due) return unknown(`no observation of ${s.name} for ${next} known by ${today} (due by ${due}); the latest known is ${s.periods[j]}`, next);
  }
  const done = (value: number): MacroReading =>
    Number.isFinite(value)
      ? { series: s.name, transform: name, state: 'known', value, period: s.periods[j], released: s.released[j] }
      : unknown(`${name} of ${s.name} at ${s.periods[j]} is not a finite number`);
  const needPeriod = (ordinal: number): number | MacroReading => {
    const k = findOrdinal(ix, ordinal);
    if (known(k)) return k;
    const p = periodName(ordinal);
    return unknown(`${name} of ${s.name} at ${s.periods[j]} needs ${p}, for which no observation is known by ${today}`, p);
  };

  if (transform === 'level') return done(s.values[j]);
  if (transform === 'yoy') {
    if (ix.freq === 'daily') {
      const target = toDay(s.periods[j]) - 365;
      let k = j - 1;
      while (k >= 0 && ix.ordinals[k] > target) k--;
      if (k < 0 || target - ix.ordinals[k] > 7 || !known(k)) return unknown(`yoy of ${s.name} at ${s.periods[j]} needs an observation within 7 days before ${addDays(s.periods[j], -365)}`);
      return done(s.values[j] / s.values[k] - 1);
    }
    const k = needPeriod(o - periodsPerYear(ix.freq));
    return typeof k === 'number' ? done(s.values[j] / s.values[k] - 1) : k;
  }
  const n = 'change' in transform ? transform.change : 'pctChange' in transform ? transform.pctChange : transform.average;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`macro ${name} of ${s.name}: n must be an integer ≥ 1, got ${n}`);
  if (ix.freq === 'daily') {
    // A daily series has no calendar of expected days (holidays are not gaps): count observations back.
    const first = 'average' in transform ? j - n + 1 : j - n;
    if (first < 0 || !known(first)) return unknown(`${name} of ${s.name} at ${s.periods[j]} needs ${n} earlier observations`);
    if ('average' in transform) {
      let sum = 0;
      for (let k = first; k <= j; k++) sum += s.values[k];
      return done(sum / n);
    }
    return done('change' in transform ? s.values[j] - s.values[first] : s.values[j] / s.values[first] - 1);
  }
  if ('average' in transform) {
    let sum = 0;
    for (let back = n - 1; back >= 0; back--) {
      const k = back === 0 ? j : needPeriod(o - back);
      if (typeof k !== 'number') return k;
      sum += s.values[k];
    }
    return done(sum / n);
  }
  const k = needPeriod(o - n);
  if (typeof k !== 'number') return k;
  return done('change' in transform ? s.values[j] - s.values[k] : s.values[j] / s.values[k] - 1);
}

function periodStartFromOrdinal(s: MacroSeries, ix: SeriesIndex, ordinal: number): string {
  // Name periods the way the series does (its own day of month) when it has a row for them.
  const k = findOrdinal(ix, ordinal);
  return k >= 0 ? s.periods[k] : periodStartOf(ordinal, ix.freq);
}

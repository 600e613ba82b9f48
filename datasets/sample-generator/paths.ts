/** Building blocks for random paths: interpolation of anchors, stress multipliers, GARCH noise, anchored bridges. */

import { parseIso } from './calendar.ts';
import type { Rng } from './prng.ts';

export const TRADING_DAYS_PER_YEAR = 252;

/** Linear interpolation between (x, y) points; flat beyond the ends. Points must be sorted by x. */
export function interpolate(points: readonly { x: number; y: number }[], x: number): number {
  if (points.length === 0) throw new Error('interpolate: no points');
  if (x <= points[0].x) return points[0].y;
  for (let i = 1; i < points.length; i++) {
    const b = points[i];
    if (x <= b.x) {
      const a = points[i - 1];
      return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    }
  }
  return points[points.length - 1].y;
}

/** Interpolate in log space: right for quantities that grow multiplicatively (volumes). */
export function interpolateLog(points: readonly { x: number; y: number }[], x: number): number {
  return Math.exp(interpolate(points.map((p) => ({ x: p.x, y: Math.log(p.y) })), x));
}

export function dayPoints(anchors: readonly { date: string; value: number }[]): { x: number; y: number }[] {
  return anchors.map((a) => ({ x: parseIso(a.date), y: a.value }));
}

/** 'YYYY-MM' → months since year 0, so month anchors interpolate on an even grid. */
export function monthNumber(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

/** Index of the last trading day on or before `date`; anchors may name a holiday or weekend. */
export function indexOnOrBefore(days: readonly number[], date: string): number {
  const target = parseIso(date);
  let lo = 0;
  let hi = days.length - 1;
  if (days[0] > target) throw new Error(`${date} is before the first trading day`);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid] <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Stress multiplier on daily volatility: a short ramp into each window and an exponential fade afterwards, so that
 * crises start fast and calm down slowly as they do in real markets. Overlapping windows take the larger value.
 */
export function stressMultiplier(
  days: readonly number[],
  windows: readonly { from: string; to: string; volMultiplier: number }[],
  decayDays: number,
): Float64Array {
  const out = new Float64Array(days.length).fill(1);
  const rampDays = 3;
  for (const w of windows) {
    const from = parseIso(w.from);
    const to = parseIso(w.to);
    let enteredAt = -1;
    let leftAt = -1;
    for (let i = 0; i < days.length; i++) {
      let m = 1;
      if (days[i] >= from && days[i] <= to) {
        if (enteredAt < 0) enteredAt = i;
        const ramp = Math.min(1, (i - enteredAt + 1) / rampDays);
        m = 1 + (w.volMultiplier - 1) * ramp;
      } else if (days[i] > to) {
        if (leftAt < 0) leftAt = i;
        const fade = Math.exp(-(i - leftAt + 1) / decayDays);
        if (fade < 1e-3) break;
        m = 1 + (w.volMultiplier - 1) * fade;
      }
      if (m > out[i]) out[i] = m;
    }
  }
  return out;
}

export interface GarchPath {
  /** Zero-mean daily log-return shocks. */
  shocks: Float64Array;
  /** Conditional daily standard deviation of each shock (after the stress multiplier). */
  sd: Float64Array;
}

/**
 * GARCH(1,1) with unit-variance Student-t innovations. The recursion sees only its own shocks, not the stress
 * multiplier: feeding a 4× stress shock into the recursion would make the variance explode, and the multiplier
 * already carries its own decay.
 */
export function garchPath(
  rng: Rng,
  n: number,
  annualVol: number,
  params: { alpha: number; beta: number; dof: number; clip: number },
  multiplier: Float64Array,
): GarchPath {
  const longRun = (annualVol * annualVol) / TRADING_DAYS_PER_YEAR;
  const omega = longRun * (1 - params.alpha - params.beta);
  const shocks = new Float64Array(n);
  const sd = new Float64Array(n);
  let h = longRun;
  for (let i = 0; i < n; i++) {
    const z = rng.studentT(params.dof, params.clip);
    const base = Math.sqrt(h) * z;
    sd[i] = Math.sqrt(h) * multiplier[i];
    shocks[i] = base * multiplier[i];
    h = omega + params.alpha * base * base + params.beta * h;
  }
  return { shocks, sd };
}

/**
 * Pin a path of log increments to anchors: for each segment between consecutive anchors, add one constant to every
 * free increment so that the segment sums to the anchored change. Within a segment the path keeps all of its
 * randomness; only its mean changes, which is how a crash or a boom "happens" at the scripted time. Pinned
 * increments (planted events) are left untouched. increments[0] is ignored: the path starts at anchors[0].
 */
export function bridge(
  increments: Float64Array,
  anchors: readonly { index: number; cum: number }[],
  pinned?: Uint8Array,
): Float64Array {
  const out = Float64Array.from(increments);
  out[0] = 0;
  if (anchors.length === 0 || anchors[0].index !== 0) throw new Error('bridge: first anchor must be at index 0');
  for (let a = 1; a < anchors.length; a++) {
    const from = anchors[a - 1];
    const to = anchors[a];
    if (to.index <= from.index) throw new Error('bridge: anchors must be strictly increasing');
    let sum = 0;
    let free = 0;
    for (let i = from.index + 1; i <= to.index; i++) {
      sum += out[i];
      if (!pinned || pinned[i] === 0) free++;
    }
    if (free === 0) throw new Error(`bridge: segment ending at ${to.index} has no free increments`);
    const shift = (to.cum - from.cum - sum) / free;
    for (let i = from.index + 1; i <= to.index; i++) if (!pinned || pinned[i] === 0) out[i] += shift;
  }
  return out;
}

/** Running sum of increments, starting from `start`. */
export function cumulate(start: number, increments: Float64Array): Float64Array {
  const out = new Float64Array(increments.length);
  let level = start;
  for (let i = 0; i < increments.length; i++) {
    if (i > 0) level += increments[i];
    out[i] = level;
  }
  return out;
}

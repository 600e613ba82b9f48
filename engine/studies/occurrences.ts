import type { Truth } from '../rules/truth.ts';

/** Bars where a state turns true (it was false or unknown the bar before): one occurrence per episode. */
export function onsets(states: readonly Truth[]): number[] {
  const out: number[] = [];
  for (let t = 0; t < states.length; t++) if (states[t] === 'true' && states[t - 1] !== 'true') out.push(t);
  return out;
}

/** Keep the first occurrence, then only those more than `gap` bars after the previous one kept. */
export function declutter(bars: readonly number[], gap: number): number[] {
  const kept: number[] = [];
  for (const b of bars) if (kept.length === 0 || b - kept[kept.length - 1] > gap) kept.push(b);
  return kept;
}

/**
 * For each occurrence, the horizons at which its forward window overlaps the previous occurrence's: two windows of
 * h bars starting d bars apart share bars when d < h, so their returns are not independent draws.
 */
export function overlaps(bars: readonly number[], horizons: readonly number[]): number[][] {
  return bars.map((b, i) => (i === 0 ? [] : horizons.filter((h) => b - bars[i - 1] < h)));
}

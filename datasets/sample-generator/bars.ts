/**
 * Daily bars from a close path: open, high, low and volume are drawn around the closes, then everything is rounded
 * to integer cents (adjusted closes to ten-thousandths). Working in integers makes the OHLC ordering exact after
 * rounding and makes the text output independent of how a platform prints floating-point numbers.
 */

import type { Rng } from './prng.ts';

export interface Bar {
  day: number;
  /** Prices in cents. */
  open: number;
  high: number;
  low: number;
  close: number;
  /** Adjusted close in ten-thousandths. */
  adjClose: number;
  volume: number | undefined;
}

export interface BarInput {
  days: readonly number[];
  close: Float64Array;
  /** Conditional daily standard deviation of returns, per row. */
  sd: Float64Array;
  /** Row → cash dividend in ten-thousandths, paid to holders of record before that row's open. */
  dividends: Map<number, number>;
  /** Typical volume per row, or undefined when the series has no volume. */
  volume: Float64Array | undefined;
  /** Volumes are reported rounded to this many shares. */
  volumeLot: number;
}

/** Share of a day's close-to-close move that has already happened at the open. */
const GAP_SHARE = 0.3;
/** Overnight noise and intraday excursions, in units of the day's standard deviation. */
const GAP_NOISE = 0.15;
const RANGE = 0.55;

export function makeBars(rng: Rng, input: BarInput): Bar[] {
  const n = input.close.length;
  const closes = Array.from(input.close, (c) => Math.round(c * 100));
  for (let i = 0; i < n; i++) if (!(closes[i] >= 1)) throw new Error(`close rounds to ${closes[i]} cents at row ${i}`);

  // Backward (Yahoo-style) adjustment: every close before an ex-date is scaled by 1 − dividend / previous close.
  const factor = new Float64Array(n);
  factor[n - 1] = 1;
  for (let i = n - 1; i > 0; i--) {
    const div = input.dividends.get(i) ?? 0;
    factor[i - 1] = factor[i] * (1 - div / (closes[i - 1] * 100));
  }

  const bars: Bar[] = [];
  let activity = 0;
  for (let i = 0; i < n; i++) {
    const close = closes[i];
    const sd = input.sd[i];
    // The reference for the open is the previous close minus any dividend going ex today.
    const reference = i === 0 ? close : closes[i - 1] - (input.dividends.get(i) ?? 0) / 100;
    const move = i === 0 ? 0 : Math.log(close / reference);
    const gap = GAP_SHARE * move + GAP_NOISE * sd * rng.normal();
    const open = Math.max(1, Math.round(reference * Math.exp(gap)));
    const top = Math.max(open, close);
    const bottom = Math.min(open, close);
    const high = top + Math.round(top * RANGE * sd * Math.abs(rng.normal()));
    const low = Math.max(1, bottom - Math.round(bottom * RANGE * sd * Math.abs(rng.normal())));

    let volume: number | undefined;
    if (input.volume) {
      // Volume is persistent (activity) and rises on big moves.
      activity = 0.6 * activity + 0.8 * 0.22 * rng.normal();
      const surprise = Math.min(4, Math.abs(move) / Math.max(sd, 1e-6));
      const raw = input.volume[i] * Math.exp(activity) * (0.7 + 0.3 * surprise);
      volume = Math.max(input.volumeLot, Math.round(raw / input.volumeLot) * input.volumeLot);
    }
    bars.push({ day: input.days[i], open, high, low, close, adjClose: Math.round(close * 100 * factor[i]), volume });
  }
  return bars;
}

/** Maximal runs of at least `minLength` consecutive close-to-close gains each above `threshold`. */
export function gainStreaks(bars: readonly Bar[], threshold: number, minLength: number): { from: number; to: number; length: number }[] {
  const runs: { from: number; to: number; length: number }[] = [];
  let length = 0;
  for (let i = 1; i <= bars.length; i++) {
    const up = i < bars.length && bars[i].close / bars[i - 1].close - 1 > threshold;
    if (up) length++;
    else {
      if (length >= minLength) runs.push({ from: bars[i - length].day, to: bars[i - 1].day, length });
      length = 0;
    }
  }
  return runs;
}

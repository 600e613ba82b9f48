import { expect } from 'vitest';
import type { EquityCurve, Trade } from '../../engine/types.ts';
import { sparsePositions } from '../../engine/index.ts';

/** A curve with no positions unless given; grossEquity defaults to a copy of equity. */
export function makeCurve(
  dates: string[],
  equity: number[],
  opts: { gross?: number[]; symbols?: string[]; positionValues?: number[] } = {},
): EquityCurve {
  const symbols = opts.symbols ?? [];
  return {
    dates,
    equity: Float64Array.from(equity),
    grossEquity: Float64Array.from(opts.gross ?? equity),
    cash: Float64Array.from(equity),
    symbols,
    positions: sparsePositions(Float64Array.from(opts.positionValues ?? new Array(equity.length * symbols.length).fill(0)), equity.length, symbols.length),
  };
}

export function trade(
  date: string,
  bar: number,
  symbol: string,
  side: 'buy' | 'sell',
  quantity: number,
  price: number,
  commission = 0,
  slippage = 0,
): Trade {
  return { date, bar, symbol, side, quantity, price, commission, slippage, reason: 'test' };
}

/**
 * The metrics must be plain JSON: only finite numbers, strings, booleans, null, arrays and plain objects, and a
 * JSON round trip must give back exactly the same value (NaN/Infinity would turn into null, undefined would vanish,
 * typed arrays would turn into objects).
 */
export function expectPlainJson(value: unknown): void {
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      expect(Number.isFinite(v), `${path} = ${v}`).toBe(true);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
      return;
    }
    expect(typeof v, `${path} has type ${typeof v}`).toBe('object');
    expect(Object.getPrototypeOf(v), `${path} is not a plain object`).toBe(Object.prototype);
    for (const [k, x] of Object.entries(v as object)) walk(x, `${path}.${k}`);
  };
  walk(value, 'metrics');
  const text = JSON.stringify(value);
  expect(text).not.toMatch(/NaN|Infinity/);
  expect(JSON.parse(text)).toStrictEqual(value);
}

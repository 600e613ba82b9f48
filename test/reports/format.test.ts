import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../reports/format.ts';

// What money() stands in for (reports/format.ts): the formatter is not made at start-up any more, only here.
const INTL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('money', () => {
  it('writes what Intl.NumberFormat en-US with two decimals writes', () => {
    const fixed = [0, -0, 0.005, -0.005, 0.004999, 1.005, 2.675, 999.995, -999.995, 1e21, -1e21, 1.5e300, Number.MAX_VALUE, Number.MIN_VALUE,
      -Number.MIN_VALUE, 1e-7, -1e-7, 123456789.125, 0.1 + 0.2, 100_000, 1234.5, -1234.5, 99.99499999999999, 5e-3, 0.015, 0.025, 1e15 + 0.3, 2 ** 53, 12.345];
    for (const v of fixed) expect(money(v), String(v)).toBe(INTL.format(v));
  });

  it('agrees with it on random amounts', () => {
    const amount = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 1000),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 200),
    );
    fc.assert(fc.property(amount, (v) => money(v) === INTL.format(v)), { numRuns: 100_000, seed: 8 });
  });

  it('reads a missing amount as a dash', () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) expect(money(v)).toBe('—');
  });
});

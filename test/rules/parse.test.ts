import { describe, expect, it } from 'vitest';
import { parseRule } from '../../engine/index.ts';
import { days } from '../helpers/tiny-market.ts';
import { fakeContext, months } from './fake-context.ts';

describe('parseRule', () => {
  it('reads the builders with comparison operators and reports what it reads', () => {
    const p = parseRule('streak(ret(RUT) > 1%, 5)');
    expect(p.build().description).toBe('RUT closed up more than 1% for 5 days');
    expect(p.symbols).toEqual(['RUT']);
    expect(p.macro).toEqual([]);

    const q = parseRule('yoy(macro(CPIAUCNS, month)) <= 3% and not rising(yoy(macro(CPIAUCNS)), 3) or ret(IWM, 126) > ret(SPY, 126)');
    expect(q.build().description).toBe(
      '(CPIAUCNS year-over-year at or below 3% and not (CPIAUCNS year-over-year rising over 3 periods)) or IWM 126-day return above SPY 126-day return',
    );
    expect(q.symbols).toEqual(['IWM', 'SPY']);
    expect(q.macro).toEqual(['CPIAUCNS']);
    expect(parseRule('fromHigh(macro(FEDFUNDS), 12, difference) <= -0.25').build().description).toBe('FEDFUNDS minus its 12-period high at or below −0.25');
    expect(parseRule('crosses(SPY, average(SPY, 200), below)').build().description).toBe('SPY crosses below SPY 200-day average');
    expect(parseRule('between(ret(SPY, 5), -2%, 2%)').build().description).toBe('SPY 5-day return between −2% and 2%');
  });

  it('evaluates what it read', () => {
    const m = { dates: days(3), prices: { A: [100, 103, 101] }, macro: { X: months('2023-10-01', 3).map((period) => ({ period, value: 2, released: `${months(period, 2)[1].slice(0, 8)}01` })) } };
    const r = parseRule('ret(A) > 2% and macro(X) >= 2').build();
    expect(r.evaluate(fakeContext(m, 1)).state).toBe('true');
    expect(r.evaluate(fakeContext(m, 2)).state).toBe('false');
  });

  it('says where a rule is malformed', () => {
    expect(() => parseRule('streak(ret(RUT) > 1%)')).toThrow('rule "streak(ret(RUT) > 1%)": expected ",", found ")" at column 21');
    expect(() => parseRule('ret(RUT) 1%')).toThrow('expected a comparison (>, <, >=, <=) after RUT daily return, found "1%" at column 10');
    expect(() => parseRule('streak(ret(RUT) > ret(SPY), 5)')).toThrow('streak needs a comparison with a number');
    expect(() => parseRule('momentum(RUT) > 0')).toThrow('unknown series function momentum (known: price, macro, ret, yoy, change, average, fromHigh, fromLow) at column 1');
    expect(() => parseRule('ret(RUT, 0) > 0')).toThrow('the number of steps must be a whole number ≥ 1, found 0 at column 10');
  });
});

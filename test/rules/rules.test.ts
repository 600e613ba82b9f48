import { describe, expect, it } from 'vitest';
import { above, and, atLeast, atMost, below, between, change, crosses, falling, gate, macro, named, not, or, ret, rising, sentence, streak, unavailable, yoy } from '../../engine/rules/index.ts';
import { days } from '../helpers/tiny-market.ts';
import { fakeContext, statesOver } from './fake-context.ts';

// Closes chosen so that the daily returns are exact: +2%, +1.5%, +1.2%, +0.5%, −1%, +3%.
const closes = [100, 102, 103.53, 104.77236, 105.2962218, 104.243259582, 107.37055736946];
const m = { dates: days(closes.length), prices: { RUT: closes, SPY: [50, 50, 50, 50, 50, 60, 40] } };
const at = (bar: number) => fakeContext(m, bar);

describe('comparisons', () => {
  it('describe themselves from their parts and report the deciding value', () => {
    const r = above(ret('RUT'), 0.01);
    expect(r.description).toBe('RUT closed up more than 1%');
    const e = r.evaluate(at(3));
    expect(e.state).toBe('true');
    expect(e.because).toBe('+1.20%');
    expect(e.values['RUT daily return']).toBeCloseTo(0.012, 12);
    expect(sentence(r.evaluate(at(4)))).toBe('not RUT closed up more than 1% (+0.50%)');
    expect(below(ret('RUT'), 0).description).toBe('RUT closed down');
    expect(between(ret('RUT'), -0.02, 0).evaluate(at(5)).state).toBe('true');
    expect(atMost(ret('RUT', 2), 0.005).description).toBe('RUT 2-day return at or below 0.5%');
  });

  it('are unknown where the data is not yet known', () => {
    const e = above(ret('RUT'), 0.01).evaluate(at(0));
    expect(e.state).toBe('unknown');
    expect(e.values['RUT daily return']).toBeNull();
  });

  it('compare two series', () => {
    // bar 6: RUT daily +3%, SPY daily 40/60 − 1 = −33.33%
    const e = above(ret('RUT'), ret('SPY')).evaluate(at(6));
    expect(e.rule).toBe('RUT daily return above SPY daily return');
    expect(e.state).toBe('true');
    expect(e.because).toBe('+3.00% vs −33.33%');
  });
});

describe('streak', () => {
  const r = streak(above(ret('RUT'), 0.01), 3);

  it('holds when each of the last n steps passed, listing their values', () => {
    expect(r.description).toBe('RUT closed up more than 1% for 3 days');
    // bar 3: +2%, +1.5%, +1.2% → true; bar 4 ends in +0.5% → false; bar 2 has only two known returns → unknown.
    const states = statesOver(m, (ctx) => r.evaluate(ctx).state);
    expect(states).toEqual(['unknown', 'unknown', 'unknown', 'true', 'false', 'false', 'false']);
    expect(sentence(r.evaluate(at(3)))).toBe('RUT closed up more than 1% for 3 days (+2.00%, +1.50%, +1.20%)');
  });

  it('a known failure decides even when an earlier step is unknown', () => {
    // bar 1: returns (unknown, unknown, +2%) → unknown; a 3-streak of "closed down" at bar 2 sees +2%, +1.5% → false
    expect(streak(below(ret('RUT'), 0), 3).evaluate(at(2)).state).toBe('false');
  });
});

describe('direction and crossings', () => {
  it('rising/falling compare with the value n steps earlier', () => {
    expect(rising('RUT', 2).evaluate(at(5)).state).toBe('false'); // 104.24 vs 104.77
    expect(falling('RUT', 1).evaluate(at(5)).state).toBe('true');
    expect(rising('RUT', 2).evaluate(at(1)).state).toBe('unknown');
    expect(rising(yoy(macro('X')), 3).description).toBe('X year-over-year rising over 3 periods');
  });

  it('crosses is true on the crossing step only', () => {
    const c = crosses('RUT', 104.5, 'above');
    // 103.53 → 104.77 crosses up (bar 3); 104.24 → 107.37 again (bar 6)
    expect(statesOver(m, (ctx) => c.evaluate(ctx).state)).toEqual(['unknown', 'false', 'false', 'true', 'false', 'false', 'true']);
    const d = crosses('RUT', 104.5, 'below');
    expect(d.evaluate(at(5)).state).toBe('true');
  });
});

describe('three-valued logic', () => {
  const T = above(ret('RUT'), 0); // bar 3: true
  const F = below(ret('RUT'), 0); // bar 3: false
  const U = unavailable('earnings growing', 'no series');

  it('and/or/not follow Kleene logic', () => {
    const s = (r: { evaluate: typeof T.evaluate }) => r.evaluate(at(3)).state;
    expect([s(and(T, T)), s(and(T, F)), s(and(T, U)), s(and(F, U))]).toEqual(['true', 'false', 'unknown', 'false']);
    expect([s(or(F, F)), s(or(F, T)), s(or(F, U)), s(or(T, U))]).toEqual(['false', 'true', 'unknown', 'true']);
    expect([s(not(T)), s(not(U))]).toEqual(['false', 'unknown']);
    expect(and(T, or(F, U)).description).toBe('RUT closed up and (RUT closed down or earnings growing)');
  });

  it('a gate decides unknown conditions by its policy and says which were unknown', () => {
    const conditions = [named('rally', T), U];
    expect(gate(conditions, 'ignore').evaluate(at(3)).state).toBe('true');
    expect(gate(conditions, 'false').evaluate(at(3)).state).toBe('false');
    expect(gate(conditions, 'unknown').evaluate(at(3)).state).toBe('unknown');
    expect(gate([U], 'ignore').evaluate(at(3)).state).toBe('unknown'); // nothing known: no decision
    const e = gate(conditions, 'ignore').evaluate(at(3));
    expect(e.says).toBe('gate open: rally ✓ (RUT closed up: +1.20%); earnings growing ? (no series); unknown: earnings growing (ignored)');
    expect(gate([named('rally', F), U]).evaluate(at(3)).state).toBe('false');
  });
});

describe('comparisons at a threshold', () => {
  it('count a value equal to the threshold on paper as equal, whatever binary rounding did', () => {
    // 1 → 1.3 is +30% on paper, 0.30000000000000004 in doubles; 4.1 − 3.8 is 0.3 on paper, 0.2999999999999998.
    const m = { dates: days(2), prices: { X: [1, 1.3] } };
    expect(1.3 / 1 - 1).toBeGreaterThan(0.3);
    expect(above(ret('X'), 0.3).evaluate(fakeContext(m, 1)).state).toBe('false');
    expect(atMost(ret('X'), 0.3).evaluate(fakeContext(m, 1)).state).toBe('true');
    expect(between(ret('X'), 0.3, 1).evaluate(fakeContext(m, 1)).state).toBe('true');
    const d = { dates: days(2), prices: { X: [3.8, 4.1] } };
    expect(4.1 - 3.8).toBeLessThan(0.3);
    expect(atLeast(change('X', 1), 0.3).evaluate(fakeContext(d, 1)).state).toBe('true');
    expect(below(change('X', 1), 0.3).evaluate(fakeContext(d, 1)).state).toBe('false');
    expect(above('X', 3.8).evaluate(fakeContext(d, 1)).state).toBe('true'); // plainly above
  });
});

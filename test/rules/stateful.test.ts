import { describe, expect, it } from 'vitest';
import { above, below, follow, holdFor, latch, minHold, onset, ret, ruleDecision, streak, type RuleContext } from '../../engine/index.ts';
import { days } from '../helpers/tiny-market.ts';
import { fakeContext, statesOver } from './fake-context.ts';

// Daily returns by bar (bar 0 has none): two +2% days, a −1% day, three +2% days, then small moves.
const returns = [NaN, 0.02, 0.02, -0.01, 0.02, 0.02, 0.02, 0.005, -0.005, 0.005, 0.005, 0.005];
const closes = returns.reduce<number[]>((c, r, i) => [...c, i === 0 ? 100 : c[i - 1] * (1 + r)], []);
const m = { dates: days(closes.length), prices: { RUT: closes } };
const states = (evaluate: (ctx: RuleContext) => { state: string }) => statesOver(m, (ctx) => evaluate(ctx).state);
const two = () => streak(above(ret('RUT'), 0.01), 2); // true on bars 2, 5 and 6

describe('rules with memory', () => {
  it('onset is true once per episode', () => {
    const r = onset(two());
    expect(states((c) => r.evaluate(c))).toEqual(['unknown', 'unknown', 'true', 'false', 'false', 'true', 'false', 'false', 'false', 'false', 'false', 'false']);
  });

  it('holdFor holds n bars from the trigger; a new trigger extends or is ignored', () => {
    const extend = holdFor(two(), 4);
    // bar 2 fires → bars 2..5; bar 5 fires again while holding → bars 5..8
    expect(states((c) => extend.evaluate(c))).toEqual(['unknown', 'unknown', 'true', 'true', 'true', 'true', 'true', 'true', 'true', 'false', 'false', 'false']);
    const ignore = holdFor(two(), 4, { retrigger: 'ignore' });
    expect(states((c) => ignore.evaluate(c))).toEqual(['unknown', 'unknown', 'true', 'true', 'true', 'true', 'false', 'false', 'false', 'false', 'false', 'false']);
  });

  it('holdFor ends early on its exit rule, never on the entry bar', () => {
    const r = holdFor(two(), 4, { exitWhen: below(ret('RUT'), 0) });
    // bar 3 is down: out; bar 5 fires: in until the down day of bar 8
    expect(states((c) => r.evaluate(c))).toEqual(['unknown', 'unknown', 'true', 'false', 'false', 'true', 'true', 'true', 'false', 'false', 'false', 'false']);
  });

  it('minHold keeps each state for at least n bars', () => {
    const r = minHold(above(ret('RUT'), 0), 3);
    // raw: u T T F T T T T F T T T. The first T is where it starts (no change); the F of bar 3 is a change; the Ts
    // of bars 4–5 are 1–2 bars after it (held F), bar 6's is 3 after (T); the F of bar 8 is 2 after that (held T).
    expect(states((c) => r.evaluate(c))).toEqual(['unknown', 'true', 'true', 'false', 'false', 'false', 'true', 'true', 'true', 'true', 'true', 'true']);
  });

  it('latch turns on with its entry rule and off with its exit rule (hysteresis)', () => {
    const r = latch(above(ret('RUT'), 0.015), below(ret('RUT'), 0));
    expect(states((c) => r.evaluate(c))).toEqual(['unknown', 'true', 'true', 'false', 'true', 'true', 'true', 'true', 'false', 'false', 'false', 'false']);
  });

  it('evaluating twice on one bar does not advance a rule', () => {
    const r = holdFor(two(), 1);
    const ctx = fakeContext(m, 2);
    expect(r.evaluate(ctx).state).toBe('true');
    expect(r.evaluate(ctx).state).toBe('true');
  });
});

describe('follow: weights from a rule, trading and explaining only on changes', () => {
  it('logs start, entry, signal and exit with the rule sentence', () => {
    const log: { date: string; summary: string; detail?: Readonly<Record<string, unknown>> }[] = [];
    const f = follow(holdFor(two(), 4), { whenTrue: { IWM: 1 }, whenFalse: { SPY: 1 } });
    const orders = m.dates.map((date, bar) => f.next({ ...fakeContext(m, bar), explain: (summary, detail) => log.push({ date, summary, detail }) }));
    expect(orders.map((o) => (o ? Object.keys(o)[0] : '-'))).toEqual(['SPY', '-', 'IWM', '-', '-', '-', '-', '-', '-', 'SPY', '-', '-']);
    expect(log.map((l) => [l.date, ruleDecision(l.detail)?.trigger])).toEqual([
      [m.dates[0], 'start'],
      [m.dates[2], 'entry'],
      [m.dates[5], 'signal'],
      [m.dates[9], 'exit'],
    ]);
    expect(log[1].summary).toBe('RUT closed up more than 1% for 2 days (+2.00%, +2.00%) → rotate into IWM');
    expect(log[2].summary).toBe('RUT closed up more than 1% for 2 days (+2.00%, +2.00%); hold extended to 4 days from today → hold extended; keep IWM');
    expect(log[3].summary).toBe(`the 4-day hold from ${m.dates[5]} is over → rotate into SPY`);
    const rules = ruleDecision(log[1].detail)!.rules;
    expect(rules.map((r) => [r.depth, r.state])).toEqual([[0, 'true'], [1, 'true']]);
  });
});

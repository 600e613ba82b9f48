import type { MarketData } from '../market/market-data.ts';
import type { MacroSeries } from '../macro/macro-series.ts';
import { defineStrategy } from '../strategy/define.ts';
import { runBacktest } from '../replay/backtest.ts';
import { checkRule, headline, type Rule } from '../rules/evaluation.ts';
import type { Truth } from '../rules/truth.ts';
import type { Trigger } from './event-study.ts';
import { onsets } from './occurrences.ts';

export interface RuleSignalInput {
  market: MarketData;
  macro?: readonly MacroSeries[];
  /** Builds the rule; called once per replay, so rules with memory start fresh. */
  rule: () => Rule;
  /** The symbol whose trading days the rule is evaluated on. */
  anchor: string;
  /** Every other symbol the rule reads. */
  reads?: readonly string[];
  macroNames?: readonly string[];
  from?: string;
  to?: string;
}

export interface RuleSignal {
  description: string;
  /** State on every calendar bar (unknown outside the replay). */
  states: Truth[];
  /** One trigger per onset: the bar where the rule turns true, with its account of why. */
  triggers: Trigger[];
  /** First and last bar with a known state: the sample an event study compares with. */
  window: [number, number];
}

/**
 * Evaluate a rule on every bar through the replay engine itself, so the study sees exactly what a strategy would:
 * prices up to the bar's close, macro data as published by then.
 */
export function ruleSignal(input: RuleSignalInput): RuleSignal {
  const states: Truth[] = input.market.dates.map(() => 'unknown');
  const accounts = new Map<number, Pick<Trigger, 'because' | 'values'>>();
  let description = '';
  const probe = defineStrategy({
    name: 'event-study',
    description: 'evaluates a rule on every bar; never trades',
    universe: [input.anchor],
    signals: (input.reads ?? []).filter((s) => s !== input.anchor),
    macro: [...(input.macroNames ?? [])],
    init: () => {
      const rule = input.rule();
      description = rule.description;
      return rule;
    },
    onBar(ctx, _p, rule) {
      const state = checkRule(rule, ctx);
      states[ctx.bar] = state;
      if (state === 'true' && states[ctx.bar - 1] !== 'true') {
        const e = rule.evaluate(ctx);
        accounts.set(ctx.bar, { because: headline(e), values: e.values });
      }
    },
  });
  runBacktest({ market: input.market, macro: input.macro, strategy: probe, settings: { fill: 'close', from: input.from, to: input.to } });
  const triggers = onsets(states).map((bar) => ({ bar, ...accounts.get(bar)! }));
  const known = states.flatMap((s, t) => (s === 'unknown' ? [] : [t]));
  const window: [number, number] = known.length ? [known[0], known[known.length - 1]] : [0, -1];
  return { description, states, triggers, window };
}

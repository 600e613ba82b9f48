import type { StrategyContext, Weights } from '../strategy/context.ts';
import type { Rule, RuleContext } from './evaluation.ts';
import { describeWeights, explainDecision } from './decision.ts';

export interface Legs {
  /** Weights while the rule holds. */
  whenTrue: Weights;
  /** Weights while it does not. */
  whenFalse: Weights;
  /** What an unknown state means: the false leg (default), or keep the current position. */
  unknownAs?: 'false' | 'keep';
}

export interface Follower {
  readonly rule: Rule;
  /** Evaluate the rule on this bar; returns the new weights when its state changed, and logs why. */
  next(ctx: RuleContext & Pick<StrategyContext, 'explain'>): Weights | undefined;
}

/**
 * Hold one set of weights while a rule holds and another while it does not, trading only when the state changes.
 * Every change is logged with the rule's account of it; so is a bar where a rule with memory reports an event.
 */
export function follow(rule: Rule, legs: Legs): Follower {
  let current: 'true' | 'false' | undefined;
  return {
    rule,
    next(ctx) {
      const e = rule.evaluate(ctx);
      const state = e.state !== 'unknown' ? e.state : legs.unknownAs === 'keep' && current ? current : 'false';
      if (state === current) {
        if (e.event) explainDecision(ctx, 'signal', e, `${e.event}; keep ${describeWeights(state === 'true' ? legs.whenTrue : legs.whenFalse)}`);
        return undefined;
      }
      const weights = state === 'true' ? legs.whenTrue : legs.whenFalse;
      const trigger = current === undefined ? 'start' : state === 'true' ? 'entry' : 'exit';
      current = state;
      explainDecision(ctx, trigger, e, `${trigger === 'start' ? 'hold' : 'rotate into'} ${describeWeights(weights)}`, weights);
      return weights;
    },
  };
}

import type { StrategyContext, Weights } from '../strategy/context.ts';
import { Part, type Rule, type RuleContext } from './evaluation.ts';
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
  next(ctx: RuleContext & Pick<StrategyContext, 'explain'> & Partial<Pick<StrategyContext, 'recordsDecisions'>>): Weights | undefined;
}

/**
 * Hold one set of weights while a rule holds and another while it does not, trading only when the state changes.
 * Every change is logged with the rule's account of it; so is a bar where a rule with memory reports an event.
 */
export function follow(rule: Rule, legs: Legs): Follower {
  let current: 'true' | 'false' | undefined;
  const part = new Part(rule);
  return {
    rule,
    next(ctx) {
      // States only on the bars that change nothing; the rule's full account is built for the decisions logged.
      const s = part.state(ctx);
      const state = s !== 'unknown' ? s : legs.unknownAs === 'keep' && current ? current : 'false';
      if (state === current) {
        // An event is only ever logged: a run that logs no decisions (a sweep trial) does not ask for it.
        const event = ctx.recordsDecisions !== false ? part.event(ctx) : undefined;
        if (event) explainDecision(ctx, 'signal', part.evaluation(ctx), `${event}; keep ${describeWeights(state === 'true' ? legs.whenTrue : legs.whenFalse)}`);
        return undefined;
      }
      const weights = state === 'true' ? legs.whenTrue : legs.whenFalse;
      const trigger = current === undefined ? 'start' : state === 'true' ? 'entry' : 'exit';
      current = state;
      if (ctx.recordsDecisions !== false) {
        explainDecision(ctx, trigger, part.evaluation(ctx), `${trigger === 'start' ? 'hold' : 'rotate into'} ${describeWeights(weights)}`, weights);
      }
      return weights;
    },
  };
}

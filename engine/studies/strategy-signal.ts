import type { BacktestResult } from '../replay/backtest.ts';
import { ruleDecision, type DecisionTrigger } from '../rules/decision.ts';
import type { Trigger } from './event-study.ts';

/** By default a strategy's signal is its entry rule firing: entries, and firings that changed nothing. */
export const SIGNAL_TRIGGERS: readonly DecisionTrigger[] = ['entry', 'signal'];

/**
 * The bars where a strategy's rules fired, read back from its decision log (`explainDecision` / `follow` record the
 * trigger of each decision). The window is the run.
 */
export function strategySignal(
  result: BacktestResult,
  dates: readonly string[],
  on: readonly DecisionTrigger[] = SIGNAL_TRIGGERS,
): { triggers: Trigger[]; window: [number, number]; logged: number } {
  const logged = result.decisions.filter((d) => ruleDecision(d.detail)).length;
  const triggers = result.decisions
    .filter((d) => {
      const r = ruleDecision(d.detail);
      return r !== undefined && on.includes(r.trigger);
    })
    .map((d) => ({ bar: d.bar, because: d.summary, values: { trigger: ruleDecision(d.detail)!.trigger } }));
  const first = dates.indexOf(result.curve.dates[0]);
  return { triggers, window: [first, first + result.curve.dates.length - 1], logged };
}

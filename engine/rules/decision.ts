import type { StrategyContext, Weights } from '../strategy/context.ts';
import { flatten, headline, type Evaluation, type RuleRecord } from './evaluation.ts';

/**
 * Why a decision was taken: `start` (the first position), `entry` / `exit` (the deciding rule turned true / false),
 * `signal` (the entry rule fired again without a change of position, e.g. a new streak while holding), `rebalance`.
 */
export type DecisionTrigger = 'start' | 'entry' | 'exit' | 'signal' | 'rebalance';

/** The `detail` of a rule-driven decision record: what a report or an event study reads back. */
export interface RuleDecision {
  trigger: DecisionTrigger;
  action: string;
  weights?: Weights;
  rules: RuleRecord[];
}

/** `IWM`, `IWM 70% / SPY 30%`, or `cash`. */
export function describeWeights(w: Weights): string {
  const legs = Object.entries(w).filter(([, v]) => v > 0);
  if (legs.length === 0) return 'cash';
  if (legs.length === 1 && Math.abs(legs[0][1] - 1) < 1e-12) return legs[0][0];
  return legs.map(([s, v]) => `${s} ${Number((v * 100).toFixed(1))}%`).join(' / ');
}

/**
 * Record a decision as a sentence a reader can check — `RUT closed up more than 1% for 5 days (+1.10%, …) → rotate
 * into IWM` — with every rule evaluated and its state in the detail.
 */
export function explainDecision(
  ctx: Pick<StrategyContext, 'explain'> & Partial<Pick<StrategyContext, 'recordsDecisions'>>,
  trigger: DecisionTrigger,
  evaluations: Evaluation | readonly Evaluation[],
  action: string,
  weights?: Weights,
): void {
  if (ctx.recordsDecisions === false) return;
  const list = Array.isArray(evaluations) ? (evaluations as readonly Evaluation[]) : [evaluations as Evaluation];
  const detail: RuleDecision = { trigger, action, ...(weights ? { weights } : {}), rules: list.flatMap((e) => flatten(e)) };
  ctx.explain(`${list.map(headline).join('; ')} → ${action}`, detail as unknown as Readonly<Record<string, unknown>>);
}

/** Read a decision's detail back as a rule decision, if it is one. */
export function ruleDecision(detail: Readonly<Record<string, unknown>> | undefined): RuleDecision | undefined {
  if (!detail || typeof detail.trigger !== 'string' || !Array.isArray(detail.rules)) return undefined;
  return detail as unknown as RuleDecision;
}

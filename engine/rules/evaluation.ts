import type { StrategyContext } from '../strategy/context.ts';
import type { Truth } from './truth.ts';

/**
 * The reads a rule may make. Rules take the strategy's own context, so they see exactly what the strategy sees and
 * cannot look ahead either.
 */
export type RuleContext = Pick<StrategyContext, 'bar' | 'date' | 'history' | 'macroHistory' | 'macroValue'> &
  Partial<Pick<StrategyContext, 'close' | 'ret' | 'indicators'>>;

/** Values recorded with an evaluation, for files and tests; null is unknown. */
export type RuleValue = number | string | null | readonly (number | null)[];

/** One rule's state on one bar, with what decided it. */
export interface Evaluation {
  /** The rule's description, generated from its parts. */
  readonly rule: string;
  readonly state: Truth;
  /** The deciding values as a reader checks them, e.g. `+1.10%, +3.57%` or `2.97% (2024-06)`. */
  readonly because: string;
  readonly values: Readonly<Record<string, RuleValue>>;
  /** Evaluations of the parts of a composite rule. */
  readonly parts?: readonly Evaluation[];
  /** A whole sentence a rule with memory prefers to `sentence()`: `the 20-day hold from 2024-07-16 is over`. */
  readonly says?: string;
  /** Set on a bar where a rule with memory did something worth a line in the log without changing state. */
  readonly event?: string;
}

/** A typed predicate over price and macro series that can say what it tests and why it holds. */
export interface Rule {
  readonly description: string;
  evaluate(ctx: RuleContext): Evaluation;
  /**
   * The state alone, as `evaluate(ctx).state`, without building the explanation: a run evaluates its rules on every
   * bar but logs a handful of decisions, so the sentences are built only when one is (by `evaluate`, on the same bar).
   */
  check?(ctx: RuleContext): Truth;
  /** What `evaluate(ctx).event` would be on this bar (rules with memory); call after `check`. */
  eventOn?(ctx: RuleContext): string | undefined;
}

/** A rule's state on this bar: its `check` when it has one, else its full evaluation's. */
export function checkRule(rule: Rule, ctx: RuleContext): Truth {
  return rule.check ? rule.check(ctx) : rule.evaluate(ctx).state;
}

const MARK: Record<Truth, string> = { true: '✓', false: '✗', unknown: '?' };

/** `RUT closed up more than 1% for 5 days (+1.10%, …)`; a false or unknown state says so. */
export function sentence(e: Evaluation): string {
  const head = e.state === 'true' ? e.rule : `${e.state === 'false' ? 'not' : 'unknown whether'} ${e.rule}`;
  return e.because ? `${head} (${e.because})` : head;
}

/** What a decision log says about an evaluation: the rule's own sentence if it has one. */
export function headline(e: Evaluation): string {
  return e.says ?? sentence(e);
}

/** `inflation contained ✓ (…)`: a part of a composite, marked with its state. */
export function marked(e: Evaluation): string {
  return `${e.rule} ${MARK[e.state]}${e.because ? ` (${e.because})` : ''}`;
}

/** A flat record of an evaluation tree, depth-first, for decision logs. */
export interface RuleRecord {
  rule: string;
  state: Truth;
  because: string;
  depth: number;
}

export function flatten(e: Evaluation, depth = 0, out: RuleRecord[] = []): RuleRecord[] {
  out.push({ rule: e.rule, state: e.state, because: e.because, depth });
  for (const p of e.parts ?? []) flatten(p, depth + 1, out);
  return out;
}

/**
 * A part of a rule with memory: checked on every bar, explained only when asked on the same bar. When the part has
 * no `check`, its evaluation is kept, so explaining never evaluates it a second time on a bar.
 */
export class Part {
  private kept: Evaluation | undefined;
  constructor(readonly rule: Rule) {}

  state(ctx: RuleContext): Truth {
    if (this.rule.check) {
      this.kept = undefined;
      return this.rule.check(ctx);
    }
    this.kept = this.rule.evaluate(ctx);
    return this.kept.state;
  }

  event(ctx: RuleContext): string | undefined {
    return this.kept ? this.kept.event : this.rule.eventOn?.(ctx);
  }

  evaluation(ctx: RuleContext): Evaluation {
    return this.kept ?? this.rule.evaluate(ctx);
  }
}

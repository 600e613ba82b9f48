import { createHash } from 'node:crypto';
import type { RunSettings } from '../engine/index.ts';
import { canonicalJson, type DataRef, type StrategyRef } from '../runs/index.ts';
import { pointAt, spaceSize, type TrialSpace } from './space.ts';

/** One trial before it is resolved: which strategy, with which params and settings. */
export interface TrialTemplate {
  /** Index into BatchPlan.strategies. */
  strategy: number;
  /** A batch entry's name; a sweep's trials have none. */
  label?: string;
  params: Readonly<Record<string, unknown>>;
  settings: Partial<RunSettings>;
}

/**
 * A sweep or a batch as plain data: everything a worker, on this machine or another, needs to expand and run any
 * trial by its index. Nothing in it depends on the worker count or the chunking.
 */
export interface BatchPlan {
  kind: 'sweep' | 'batch';
  strategies: StrategyRef[];
  data: DataRef;
  /** A metric path in metrics.json (`sharpe`, `maxDrawdown.depth`); the best trial has the highest (or lowest). */
  objective: string;
  minimize: boolean;
  /** Blocks for PBO: each trial's daily returns are summed per block of the market calendar's `window`. */
  pboBlocks: number;
  /** Market-calendar bars the blocks split (the sweep's --from/--to, else the whole calendar). */
  window: { first: number; last: number };
  trials: { kind: 'space'; template: TrialTemplate; space: TrialSpace } | { kind: 'list'; entries: TrialTemplate[] };
}

export function trialCount(plan: BatchPlan): number {
  return plan.trials.kind === 'space' ? spaceSize(plan.trials.space) : plan.trials.entries.length;
}

export function trialAt(plan: BatchPlan, i: number): TrialTemplate {
  if (plan.trials.kind === 'list') return plan.trials.entries[i];
  const { template, space } = plan.trials;
  return { ...template, params: { ...template.params, ...pointAt(space, i) } };
}

/** The names of the params a trial row lists, in the order they were declared or varied. */
export function paramColumns(plan: BatchPlan): string[] {
  if (plan.trials.kind === 'space') {
    const varied = plan.trials.space.axes.map((a) => a.name);
    return [...varied, ...Object.keys(plan.trials.template.params).filter((p) => !varied.includes(p))];
  }
  return [...new Set(plan.trials.entries.flatMap((e) => Object.keys(e.params)))];
}

/**
 * What identifies a sweep across a resume, on this machine or in a queue: the plan without where files live, and
 * rotor's version. The parts are kept apart so a refused resume can say which one changed.
 */
export function planIdentity(plan: BatchPlan, rotorVersion: string) {
  const parts = {
    spec: canonicalJson({ kind: plan.kind, objective: plan.objective, minimize: plan.minimize, pboBlocks: plan.pboBlocks, window: plan.window, trials: plan.trials, strategies: plan.strategies.map((s) => s.ref) }),
    dataset: canonicalJson({ hash: plan.data.hash, vintage: plan.data.vintage, macroLags: plan.data.macroLags }),
    strategy: plan.strategies.map((s) => s.sha256).join(','),
    rotor: rotorVersion,
  };
  return { id: createHash('sha256').update(canonicalJson(parts)).digest('hex').slice(0, 32), parts };
}

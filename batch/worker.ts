// A piscina worker: set up once from workerData (plan, shared market memory, macro series), then run chunks.
import { workerData } from 'piscina';
import { MarketData } from '../engine/index.ts';
import { loadPlanStrategies, runTrials, type TrialEquity, type WorkerInit } from './runners.ts';
import { TrialContext, type TrialRow } from './trial.ts';

const init = workerData as WorkerInit;
const ctx = new TrialContext(init.plan, await loadPlanStrategies(init.plan.strategies), MarketData.fromTransfer(init.market), init.macro, init.views);

export default function runChunk(task: { trials: number[]; curves?: boolean }): TrialRow[] | (TrialEquity | undefined)[] {
  if (task.curves) return task.trials.map((i) => ctx.curve(i));
  return runTrials(ctx, task.trials, init.keepAll);
}

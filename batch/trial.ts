import { DEFAULT_SETTINGS, priceView, resolveRun, runBacktest, type MacroSeries, type MarketData, type ParamValue, type PriceBasis, type PriceView, type Strategy } from '../engine/index.ts';
import { execute, failedOutcome, planRun, runError, runKey, ROTOR_VERSION, type Execution, type RunPlan } from '../runs/index.ts';
import { blockSums } from './blocks.ts';
import { METRIC_COLUMNS, metricAt } from './metric-columns.ts';
import { trialAt, type BatchPlan } from './plan.ts';
import type { TrialEquity } from './runners.ts';

/** One line of the ledger and of trials.jsonl: a trial's params, its figures and the key of the run behind them. */
export interface TrialRow {
  trial: number;
  status: 'ok' | 'failed';
  error: string | null;
  /** The bar date a failed trial stopped at, when known. */
  errorDate: string | null;
  /** The field at fault in a failed trial (`params.days`), so the command can name the flag. */
  errorField: string | null;
  label: string | null;
  strategy: string;
  params: Record<string, ParamValue>;
  metrics: Record<string, number | null>;
  objective: number | null;
  runKey: string;
  /** Per-block sums of daily returns for PBO (see blocks.ts); empty for a failed trial. */
  blocks: number[];
}

/** What a process needs to run trials: the plan, the loaded strategies and data, price views built once per basis. */
export class TrialContext {
  private readonly views = new Map<PriceBasis, PriceView>();

  constructor(
    readonly plan: BatchPlan,
    readonly strategies: readonly Strategy[],
    readonly market: MarketData,
    readonly macro: readonly MacroSeries[],
    /** Views built elsewhere over the same shared memory (a worker gets the main thread's). */
    views: readonly PriceView[] = [],
  ) {
    for (const v of views) this.views.set(v.basis, v);
  }

  /** The price views every trial of the plan needs, built now (so they can be handed to workers). */
  allViews(): PriceView[] {
    const bases = new Set<PriceBasis>();
    if (this.plan.trials.kind === 'list') for (const e of this.plan.trials.entries) bases.add(e.settings.prices ?? DEFAULT_SETTINGS.prices);
    else bases.add(this.plan.trials.template.settings.prices ?? DEFAULT_SETTINGS.prices);
    return [...bases].map((b) => this.view(b));
  }

  view(basis: PriceBasis): PriceView {
    let v = this.views.get(basis);
    if (!v) this.views.set(basis, (v = priceView(this.market, basis)));
    return v;
  }

  /** Resolve trial i into a run plan; a trial whose inputs do not resolve becomes a failed row, not an exception. */
  planTrial(i: number): { run?: RunPlan; failed?: TrialRow } {
    const t = trialAt(this.plan, i);
    const strategy = this.strategies[t.strategy];
    const ref = this.plan.strategies[t.strategy];
    try {
      return { run: planRun(resolveRun(strategy, t.params, t.settings), ref, this.plan.data) };
    } catch (e) {
      const spec = { strategy: ref, params: t.params as Record<string, ParamValue>, settings: { ...DEFAULT_SETTINGS, ...t.settings }, data: this.plan.data };
      // Unresolvable inputs still get a key, over what was asked for.
      const key = runKey(spec, ROTOR_VERSION);
      return { failed: rowOf(this.plan, i, t.label ?? null, strategy.name, t.params as Record<string, ParamValue>, { outcome: failedOutcome(key, runError(e)) }) };
    }
  }

  /** The row of a trial that could not run at all (its worker died): its params and key, the reason. */
  failedRow(i: number, message: string): TrialRow {
    const { run, failed } = this.planTrial(i);
    if (failed) return { ...failed, error: message };
    const t = trialAt(this.plan, i);
    const outcome = failedOutcome(run!.key, { message, internal: true });
    return rowOf(this.plan, i, t.label ?? null, run!.resolved.strategy.name, run!.spec.params as Record<string, ParamValue>, { outcome });
  }

  /**
   * Trial i's equity curve alone, for a report's top curves: its backtest with nothing else recorded and no metrics
   * (equity is the same whatever is recorded). Undefined when it does not run.
   */
  curve(i: number): TrialEquity | undefined {
    const { run } = this.planTrial(i);
    if (!run) return undefined;
    try {
      const { resolved, spec } = run;
      const record = { positions: false, decisions: false };
      const { curve } = runBacktest({ market: this.market, macro: this.macro, strategy: resolved.strategy, resolved, view: this.view(spec.settings.prices), record });
      return { dates: curve.dates, equity: curve.equity };
    } catch {
      return undefined;
    }
  }

  /** Run trial i; `full` keeps the result for writing its folder. */
  run(i: number, full = false): { row: TrialRow; execution?: Execution; run?: RunPlan } {
    const { run, failed } = this.planTrial(i);
    if (!run) return { row: failed! };
    const figures = [...METRIC_COLUMNS, this.plan.objective];
    const execution = execute(run, { market: this.market, macro: this.macro, view: this.view(run.spec.settings.prices) }, { full, figures });
    const t = trialAt(this.plan, i);
    return { row: rowOf(this.plan, i, t.label ?? null, run.resolved.strategy.name, run.spec.params as Record<string, ParamValue>, execution), execution, run };
  }
}

function rowOf(plan: BatchPlan, trial: number, label: string | null, strategy: string, params: Record<string, ParamValue>, { outcome }: Pick<Execution, 'outcome'>): TrialRow {
  const ok = outcome.status === 'ok';
  // A trial's outcome carries the figures of its row; a full run's, the whole metrics.
  const figure = (path: string) => (!ok ? null : outcome.figures ? (outcome.figures[path] ?? null) : metricAt(outcome.metrics, path));
  const metrics: Record<string, number | null> = {};
  for (const path of METRIC_COLUMNS) metrics[path] = figure(path);
  if (!(plan.objective in metrics)) metrics[plan.objective] = figure(plan.objective);
  return {
    trial,
    status: outcome.status,
    error: outcome.error?.message ?? null,
    errorDate: outcome.error?.date ?? null,
    errorField: outcome.error?.field ?? null,
    label,
    strategy,
    params,
    metrics,
    objective: figure(plan.objective),
    runKey: outcome.key,
    blocks: ok ? blockSums(outcome.returns, outcome.firstBar, plan.window, plan.pboBlocks) : [],
  };
}

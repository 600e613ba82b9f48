import type { ParamSpecs, ParamValues } from './params.ts';
import type { MacroObservation, StrategyContext, Trade, Weights } from './context.ts';

/** A symbol list, fixed or chosen by the params (e.g. the signal index is a param). */
export type SymbolList<P extends ParamSpecs> = readonly string[] | ((params: ParamValues<P>) => readonly string[]);

export interface StrategyDefinition<P extends ParamSpecs = ParamSpecs, S = unknown> {
  name: string;
  description: string;
  /** Symbols the strategy may trade. */
  universe: SymbolList<P>;
  /** Symbols it only reads (an index behind an ETF, say). */
  signals?: SymbolList<P>;
  /** Macro series it reads. */
  macro?: SymbolList<P>;
  /** Macro series it reads when the data has them; a missing one reads as unknown instead of stopping the run. */
  optionalMacro?: SymbolList<P>;
  params?: P;
  init?(ctx: StrategyContext, params: ParamValues<P>): S;
  /** Called at every close from the first trading bar on. Returning weights is `ctx.rebalance(weights)`. */
  onBar(ctx: StrategyContext, params: ParamValues<P>, state: S): Weights | void;
  onFill?(ctx: StrategyContext, fill: Trade, params: ParamValues<P>, state: S): void;
  onRelease?(ctx: StrategyContext, release: MacroObservation, params: ParamValues<P>, state: S): void;
}

const BRAND = Symbol.for('rotor.strategy');

export type Strategy<P extends ParamSpecs = ParamSpecs, S = unknown> = StrategyDefinition<P, S> & {
  readonly [BRAND]: true;
};

/** The one entry point of a strategy file: `export default defineStrategy({...})`. */
export function defineStrategy<const P extends ParamSpecs = {}, S = undefined>(
  definition: StrategyDefinition<P, S>,
): Strategy<P, S> {
  return Object.freeze({ ...definition, [BRAND]: true as const });
}

export function isStrategy(value: unknown): value is Strategy {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

export function resolveSymbols<P extends ParamSpecs>(list: SymbolList<P> | undefined, params: ParamValues<P>): string[] {
  if (!list) return [];
  return [...(typeof list === 'function' ? list(params) : list)];
}

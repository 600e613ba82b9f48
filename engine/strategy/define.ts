import { checkParamSpecs, type ParamSpecs, type ParamValues } from './params.ts';
import type { MacroObservation, StrategyContext, Trade, WeightVector, Weights } from './context.ts';

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
  onBar(ctx: StrategyContext, params: ParamValues<P>, state: S): Weights | WeightVector | void;
  onFill?(ctx: StrategyContext, fill: Trade, params: ParamValues<P>, state: S): void;
  onRelease?(ctx: StrategyContext, release: MacroObservation, params: ParamValues<P>, state: S): void;
}

const BRAND = Symbol.for('rotor.strategy');
const SOURCE = Symbol.for('rotor.strategy.source');

export type Strategy<P extends ParamSpecs = ParamSpecs, S = unknown> = StrategyDefinition<P, S> & {
  readonly [BRAND]: true;
};

/** The one entry point of a strategy file: `export default defineStrategy({...})`. */
export function defineStrategy<const P extends ParamSpecs = {}, S = undefined>(
  definition: StrategyDefinition<P, S>,
): Strategy<P, S> {
  const source = callerFile(new Error().stack);
  checkParamSpecs(typeof definition.name === 'string' ? definition.name : '(unnamed)', definition.params);
  return Object.freeze({ ...definition, [BRAND]: true as const, ...(source ? { [SOURCE]: source } : {}) });
}

/**
 * The file that called `defineStrategy` (the strategy file), read from the stack at definition time, so that an
 * error thrown in one of its hooks can name the file's own line.
 */
function callerFile(stack: string | undefined): string | undefined {
  const frames = (stack ?? '').split('\n').slice(1);
  const at = frames.findIndex((f) => /\bdefineStrategy\b/.test(f));
  const frame = frames[at + 1] ?? frames[1];
  return frame ? frameLocation(frame)?.file : undefined;
}

/** `file`, `line`, `column` of one V8 stack frame (`at f (file:///x.ts:3:9)` or `at file:///x.ts:3:9`). */
export function frameLocation(frame: string): { file: string; line: number; column: number } | undefined {
  const t = frame.trim();
  const m = /\((.+):(\d+):(\d+)\)$/.exec(t) ?? /^at (?:async )?(.+):(\d+):(\d+)$/.exec(t);
  if (!m) return undefined;
  let file = m[1];
  if (file.startsWith('file://')) {
    file = decodeURIComponent(file.slice('file://'.length));
    if (/^\/[A-Za-z]:\//.test(file)) file = file.slice(1);
  }
  return { file, line: Number(m[2]), column: Number(m[3]) };
}

/** The strategy's file, when it was defined in one (a built-in bundled into rotor names rotor's own file). */
export function strategySource(strategy: Strategy): string | undefined {
  const s = (strategy as unknown as Record<symbol, unknown>)[SOURCE];
  return typeof s === 'string' ? s : undefined;
}

export function isStrategy(value: unknown): value is Strategy {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

export function resolveSymbols<P extends ParamSpecs>(list: SymbolList<P> | undefined, params: ParamValues<P>): string[] {
  if (!list) return [];
  return [...(typeof list === 'function' ? list(params) : list)];
}

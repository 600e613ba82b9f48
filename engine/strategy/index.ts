export { defineStrategy, isStrategy, resolveSymbols, type Strategy, type StrategyDefinition, type SymbolList } from './define.ts';
export type { BarField, StrategyContext, Weights } from './context.ts';
export {
  coerceParam,
  describeParam,
  resolveParams,
  type ParamSpec,
  type ParamSpecs,
  type ParamValue,
  type ParamValues,
} from './params.ts';

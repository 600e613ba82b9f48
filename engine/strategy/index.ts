export { defineStrategy, frameLocation, isStrategy, resolveSymbols, strategySource, type Strategy, type StrategyDefinition, type SymbolList } from './define.ts';
export type { BarField, StrategyContext, WeightVector, Weights } from './context.ts';
export {
  coerceParam,
  describeParam,
  resolveParams,
  unknownParamMessage,
  type ParamSpec,
  type ParamSpecs,
  type ParamValue,
  type ParamValues,
} from './params.ts';
export { guardStrategy, strictParams, StrategyError } from './guard.ts';
export { checkSymbolName, symbolNameProblem } from './symbol-name.ts';
export { closest } from './closest-name.ts';

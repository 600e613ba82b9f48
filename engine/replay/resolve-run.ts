import { RotorError } from '../errors.ts';
import { resolveParams, type ParamSpecs, type ParamValues } from '../strategy/params.ts';
import { resolveSymbols, type Strategy } from '../strategy/define.ts';
import { resolveSettings } from '../settings.ts';
import type { RunSettings } from '../types.ts';

/**
 * A run's inputs checked and expanded once: params over their defaults, settings over theirs, and the symbols and
 * series the params select. The data loader needs the symbols before the replay, so whoever loads data resolves the
 * run first and hands the same value to `runBacktest`.
 */
export interface ResolvedRun {
  strategy: Strategy;
  params: ParamValues<ParamSpecs>;
  settings: RunSettings;
  universe: string[];
  signals: string[];
  /** Every price series the run reads: universe, signals, then the benchmark, without repeats. */
  symbols: string[];
  macro: string[];
  optionalMacro: string[];
}

export function resolveRun(strategy: Strategy, params?: Readonly<Record<string, unknown>>, settings?: Partial<RunSettings>): ResolvedRun {
  const s = resolveSettings(settings);
  const p = resolveParams(strategy.name, strategy.params ?? {}, params);
  const universe = resolveSymbols(strategy.universe, p);
  const signals = resolveSymbols(strategy.signals, p);
  if (universe.length === 0) throw new RotorError(`strategy ${strategy.name} has an empty universe`);
  return {
    strategy,
    params: p,
    settings: s,
    universe,
    signals,
    symbols: [...new Set([...universe, ...signals, ...(s.benchmark ? [s.benchmark] : [])])],
    macro: resolveSymbols(strategy.macro, p),
    optionalMacro: resolveSymbols(strategy.optionalMacro, p),
  };
}

import { RotorError } from '../errors.ts';
import { resolveParams, type ParamSpecs, type ParamValues } from '../strategy/params.ts';
import { resolveSymbols, type Strategy } from '../strategy/define.ts';
import { guardedCall, guardStrategy, strictParams } from '../strategy/guard.ts';
import { checkSymbolName } from '../strategy/symbol-name.ts';
import { resolveSettings } from '../settings.ts';
import type { RunSettings } from '../types.ts';
import { settingsMacro, settingsSymbols } from '../model-settings.ts';

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
  /** Every price series the run reads: universe, signals, then those the settings name (benchmarks, cash rate). */
  symbols: string[];
  macro: string[];
  optionalMacro: string[];
}

/**
 * The strategy comes back guarded (guardStrategy): its hooks read strict params, and whatever they throw names the
 * hook, bar and line. Every name it declares is checked, since names become file names under the data folder.
 */
export function resolveRun(strategy: Strategy, params?: Readonly<Record<string, unknown>>, settings?: Partial<RunSettings>): ResolvedRun {
  const s = resolveSettings(settings);
  const p = resolveParams(strategy.name, strategy.params ?? {}, params);
  const strict = strictParams(strategy.name, p);
  const list = (hook: 'universe' | 'signals' | 'macro' | 'optionalMacro') => {
    const names = guardedCall(strategy, hook, () => resolveSymbols(strategy[hook], strict));
    for (const n of names) checkSymbolName(n, `strategy ${strategy.name}'s ${hook}`);
    // A name listed twice would be one position holding two weights (a leg's object keeps only the last).
    const seen = new Set<string>();
    // By a Set, not indexOf: a sweep checks its universe on every trial, and a wide one is thousands of names.
    const twice = names.find((n) => {
      if (seen.has(n)) return true;
      seen.add(n);
      return false;
    });
    if (twice !== undefined) throw new RotorError(`strategy ${strategy.name}'s ${hook} lists ${twice} twice (${names.join(', ')}): name each once`);
    return names;
  };
  const universe = list('universe');
  const signals = list('signals');
  if (universe.length === 0) throw new RotorError(`strategy ${strategy.name} has an empty universe`);
  const symbols = [...new Set([...universe, ...signals, ...settingsSymbols(s)])];
  const macro = [...new Set([...list('macro'), ...settingsMacro(s)])];
  for (const n of [...symbols, ...macro]) checkSymbolName(n, 'settings');
  return {
    strategy: guardStrategy(strategy),
    params: p,
    settings: s,
    universe,
    signals,
    symbols,
    macro,
    optionalMacro: list('optionalMacro'),
  };
}

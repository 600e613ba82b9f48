import type { ParamValue, ResolvedRun } from '../engine/index.ts';
import { filesHash } from '../datasets/index.ts';
import { runKey } from './key.ts';
import type { DataRef, RunSpec, StrategyRef } from './spec.ts';
import { ROTOR_VERSION } from './version.ts';

/** A run ready to execute: its spec (plain data), its key, and the same inputs resolved for the engine. */
export interface RunPlan {
  spec: RunSpec;
  key: string;
  resolved: ResolvedRun;
}

/**
 * Freeze a resolved run (engine `resolveRun`: params and settings checked once, errors naming `params.days` or
 * `settings.initialCash`) and the data it reads into a spec and its key.
 */
export function planRun(resolved: ResolvedRun, ref: StrategyRef, data: DataRef): RunPlan {
  const symbols = new Set(resolved.symbols);
  const macro = new Set([...resolved.macro, ...resolved.optionalMacro].map((m) => `macro/${m.split('.')[0]}.csv`));
  const files = data.files.filter((f) => (f.symbol !== undefined ? symbols.has(f.symbol) : macro.has(f.file)));
  const spec: RunSpec = { strategy: ref, params: resolved.params as Readonly<Record<string, ParamValue>>, settings: resolved.settings, data: { ...data, hash: filesHash(files), files } };
  return { spec, key: runKey(spec, ROTOR_VERSION), resolved };
}

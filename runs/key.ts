import { createHash } from 'node:crypto';
import type { RunSpec } from './spec.ts';

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The run key: sha256 over what decides the numbers (dataset hash and macro timing, strategy source hash, params,
 * settings, rotor version). Where the files live does not enter it: the same data moved elsewhere is the same run.
 */
export function runKey(spec: RunSpec, rotorVersion: string): string {
  const { hash, vintage, macroLags } = spec.data;
  return createHash('sha256')
    .update(
      canonicalJson({
        data: { hash, vintage, macroLags },
        strategy: spec.strategy.sha256,
        params: spec.params,
        settings: spec.settings,
        rotor: rotorVersion,
      }),
    )
    .digest('hex');
}

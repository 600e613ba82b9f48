import { FieldError, RotorError } from '../engine/index.ts';
import type { RunError } from '../runs/index.ts';

/** The flag a user types for each engine field. */
const SETTING_FLAGS: Readonly<Record<string, string>> = {
  'settings.fill': '--fill',
  'settings.prices': '--prices',
  'settings.initialCash': '--cash',
  'settings.costs.commissionBps': '--commission-bps',
  'settings.costs.commissionPerShare': '--commission-per-share',
  'settings.costs.commissionMin': '--commission-min',
  'settings.costs.slippageBps': '--slippage-bps',
  'settings.integerShares': '--integer-shares',
  'settings.maxLeverage': '--max-leverage',
  'settings.driftBand': '--drift-band',
  'settings.minTradeValue': '--min-trade',
  'settings.riskFree': '--risk-free',
  'settings.benchmark': '--benchmark',
  'settings.benchmarks': '--benchmark',
  'settings.borrowBps': '--borrow-bps',
  'settings.maintenanceMargin': '--maintenance-margin',
  'settings.startWhen': '--start-when',
  'settings.cashRate': '--cash-rate',
  'settings.riskFreeFrom': '--risk-free',
  'settings.from': '--from',
  'settings.to': '--to',
};

/**
 * How a field's values reached the engine: `--param` unless a sweep varied it with `--grid` (or drew it with
 * `--random`). A worker reports fields; only the command that parsed the flags renames them.
 */
export interface FlagSources {
  grid?: ReadonlySet<string>;
  random?: boolean;
}

export function flagOf(field: string, sources: FlagSources = {}): string | undefined {
  if (SETTING_FLAGS[field]) return SETTING_FLAGS[field];
  const m = /^params\.(.+)$/.exec(field);
  if (!m) return undefined;
  if (sources.grid?.has(m[1])) return `--grid ${m[1]}`;
  if (sources.random) return `--random (param ${m[1]})`;
  return `--param ${m[1]}`;
}

/** The message with every mention of the field replaced by the flag the user typed. */
export function inFlagTerms(error: Pick<RunError, 'message' | 'field'>, sources: FlagSources = {}): string {
  if (!error.field) return error.message;
  const flag = flagOf(error.field, sources);
  if (!flag) return error.message;
  // A message can name several fields (`settings.from ... settings.to`, `settings.benchmark ... settings.benchmarks`):
  // rename every known one, longest first, so no name is cut inside a longer one.
  const renames = Object.entries({ ...SETTING_FLAGS, [error.field]: flag }).sort(([a], [b]) => b.length - a.length);
  let text = error.message;
  for (const [field, f] of renames) text = text.split(field).join(f);
  return text;
}

/** Rethrow an engine FieldError as the same one-line error in flag terms; anything else unchanged. */
export function asFlagError(e: unknown, sources: FlagSources = {}): unknown {
  return e instanceof FieldError ? new RotorError(inFlagTerms(e, sources)) : e;
}

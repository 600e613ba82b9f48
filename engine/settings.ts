import type { RunSettings } from './types.ts';
import { FieldError } from './errors.ts';
import { checkModelSettings } from './model-settings.ts';
import { dateProblem } from './calendar/iso-date.ts';

export const DEFAULT_SETTINGS: RunSettings = {
  fill: 'next-open',
  prices: 'total-return',
  initialCash: 100_000,
  costs: { commissionBps: 1, commissionPerShare: 0, commissionMin: 0, slippageBps: 2 },
  integerShares: false,
  maxLeverage: 1,
  driftBand: 0,
  minTradeValue: 0,
  riskFree: 0,
  borrowBps: 0,
  maintenanceMargin: 0,
  startWhen: 'all',
};

/** Defaults overlaid with what the caller set, each value checked so a bad value is named rather than propagated. */
export function resolveSettings(partial: Partial<RunSettings> = {}): RunSettings {
  const s: RunSettings = {
    ...DEFAULT_SETTINGS,
    ...partial,
    costs: { ...DEFAULT_SETTINGS.costs, ...partial.costs },
  };
  const bad = (field: string, expected: string, got: unknown): never => {
    throw new FieldError(`settings.${field}`, `settings.${field} must be ${expected}, got ${String(got)}`);
  };
  const nonNegative: [string, number][] = [
    ['costs.commissionBps', s.costs.commissionBps],
    ['costs.commissionPerShare', s.costs.commissionPerShare],
    ['costs.commissionMin', s.costs.commissionMin],
    ['costs.slippageBps', s.costs.slippageBps],
    ['driftBand', s.driftBand],
    ['minTradeValue', s.minTradeValue],
  ];
  for (const [name, v] of nonNegative) {
    if (!Number.isFinite(v) || v < 0) bad(name, 'a number ≥ 0', v);
  }
  if (!Number.isFinite(s.initialCash) || s.initialCash <= 0) bad('initialCash', 'a number > 0', s.initialCash);
  if (!Number.isFinite(s.maxLeverage) || s.maxLeverage < 1) bad('maxLeverage', 'a number ≥ 1', s.maxLeverage);
  if (!Number.isFinite(s.riskFree) || s.riskFree <= -1) bad('riskFree', 'a rate > -1', s.riskFree);
  if (!['next-open', 'next-close', 'close'].includes(s.fill)) bad('fill', 'next-open, next-close or close', s.fill);
  if (!['total-return', 'raw'].includes(s.prices)) bad('prices', 'total-return or raw', s.prices);
  for (const field of ['from', 'to'] as const) {
    const d = s[field];
    const problem = d === undefined ? undefined : typeof d === 'string' ? dateProblem(d) : 'expected a date YYYY-MM-DD';
    if (problem) throw new FieldError(`settings.${field}`, `settings.${field} ${String(d)}: ${problem}`);
  }
  checkModelSettings(s);
  if (s.from && s.to && s.from > s.to) {
    throw new FieldError('settings.from', `settings.from ${s.from} is after settings.to ${s.to}`);
  }
  return s;
}

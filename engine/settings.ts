import type { RunSettings } from './types.ts';
import { RotorError } from './errors.ts';
import { checkModelSettings } from './model-settings.ts';

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

/** Defaults overlaid with what the caller set, each value checked so a bad flag is named rather than propagated. */
export function resolveSettings(partial: Partial<RunSettings> = {}): RunSettings {
  const s: RunSettings = {
    ...DEFAULT_SETTINGS,
    ...partial,
    costs: { ...DEFAULT_SETTINGS.costs, ...partial.costs },
  };
  const nonNegative: [string, number][] = [
    ['commission-bps', s.costs.commissionBps],
    ['commission-per-share', s.costs.commissionPerShare],
    ['commission-min', s.costs.commissionMin],
    ['slippage-bps', s.costs.slippageBps],
    ['drift-band', s.driftBand],
    ['min-trade', s.minTradeValue],
  ];
  for (const [name, v] of nonNegative) {
    if (!Number.isFinite(v) || v < 0) throw new RotorError(`--${name} must be a number ≥ 0, got ${v}`);
  }
  if (!Number.isFinite(s.initialCash) || s.initialCash <= 0) {
    throw new RotorError(`--cash must be a number > 0, got ${s.initialCash}`);
  }
  if (!Number.isFinite(s.maxLeverage) || s.maxLeverage < 1) {
    throw new RotorError(`--max-leverage must be a number ≥ 1, got ${s.maxLeverage}`);
  }
  if (!Number.isFinite(s.riskFree) || s.riskFree <= -1) throw new RotorError(`--risk-free must be a rate > -1, got ${s.riskFree}`);
  if (!['next-open', 'next-close', 'close'].includes(s.fill)) {
    throw new RotorError(`--fill must be next-open, next-close or close, got ${s.fill}`);
  }
  if (!['total-return', 'raw'].includes(s.prices)) throw new RotorError(`--prices must be total-return or raw, got ${s.prices}`);
  for (const [flag, d] of [['from', s.from], ['to', s.to]] as const) {
    if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new RotorError(`--${flag} must be a date YYYY-MM-DD, got ${d}`);
  }
  checkModelSettings(s);
  if (s.from && s.to && s.from > s.to) throw new RotorError(`--from ${s.from} is after --to ${s.to}`);
  return s;
}

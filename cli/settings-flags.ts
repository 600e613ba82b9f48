import type { Argv } from 'yargs';
import type { RunSettings } from '../engine/index.ts';
import { SAMPLE_DIR } from '../datasets/index.ts';
import { parseBenchmarkFlag, parseRateFlag } from './model-flags.ts';

/**
 * Flags shared by every command that runs a backtest, as data: yargs declares them from this table (withRunFlags), and
 * `rotor run`'s fast argument reader (run-argv.ts) reads the same table, so the two cannot disagree on a name, a type
 * or a default.
 */
export const RUN_FLAGS = {
  data: { type: 'string', describe: 'folder of price CSVs (prices/SYMBOL.csv, macro/SERIES.csv); default: the embedded synthetic sample' },
  from: { type: 'string', describe: 'first trading date YYYY-MM-DD (earlier data stays readable as warm-up)' },
  to: { type: 'string', describe: 'last trading date YYYY-MM-DD' },
  param: { type: 'string', array: true, describe: 'strategy parameter key=value (repeatable)' },
  fill: { choices: ['next-open', 'next-close', 'close'] as const, default: 'next-open' as const, describe: 'when a decision at the close of t is filled' },
  prices: { choices: ['total-return', 'raw'] as const, default: 'total-return' as const, describe: 'trade adjusted (dividends reinvested) or raw prices' },
  cash: { type: 'number', default: 100_000, describe: 'starting cash' },
  'commission-bps': { type: 'number', default: 1, describe: 'commission, basis points of notional' },
  'commission-per-share': { type: 'number', default: 0, describe: 'commission per share' },
  'commission-min': { type: 'number', default: 0, describe: 'minimum commission per order' },
  'slippage-bps': { type: 'number', default: 2, describe: 'slippage, basis points against the trader' },
  'integer-shares': { type: 'boolean', default: false, describe: 'trade whole shares only' },
  'max-leverage': { type: 'number', default: 1, describe: 'maximum gross exposure / equity (1 = cash never negative)' },
  'drift-band': { type: 'number', default: 0, describe: 'skip trades whose weight change is below this' },
  'min-trade': { type: 'number', default: 0, describe: 'skip trades whose notional is below this' },
  'risk-free': { type: 'string', default: '0', describe: 'risk-free rate for Sharpe, Sortino and alpha: an annual rate, a macro series (DTB3) or a cash-like symbol (BIL)' },
  benchmark: { type: 'string', describe: 'benchmarks to compare against: SPY,IWM,60/40:SPY:0.6,SHY:0.4 (beta, alpha, report)' },
  'borrow-bps': { type: 'number', default: 0, describe: 'borrow fee on shorts, bps of their market value a year (charged daily)' },
  'maintenance-margin': { type: 'number', default: 0, describe: 'margin call when equity ≤ this × gross exposure (always when equity ≤ 0)' },
  'start-when': { choices: ['all', 'any'] as const, default: 'all' as const, describe: 'start on the first day all (or any) universe symbols have a price' },
  'cash-rate': { type: 'string', describe: 'what idle cash earns: an annual rate, a macro series (DTB3) or a cash-like symbol (BIL)' },
} as const satisfies Record<string, FlagSpec>;

/** One option as yargs declares it: the subset of yargs' Options that rotor's tables use. */
export interface FlagSpec {
  type?: 'string' | 'number' | 'boolean';
  choices?: readonly string[];
  default?: string | number | boolean;
  array?: boolean;
  describe: string;
}

/** Flags shared by every command that runs a backtest. */
export function withRunFlags<T>(y: Argv<T>) {
  return y.options(RUN_FLAGS);
}

export interface RunFlags {
  data?: string;
  from?: string;
  to?: string;
  param?: (string | number)[];
  fill: RunSettings['fill'];
  prices: RunSettings['prices'];
  cash: number;
  'commission-bps': number;
  'commission-per-share': number;
  'commission-min': number;
  'slippage-bps': number;
  'integer-shares': boolean;
  'max-leverage': number;
  'drift-band': number;
  'min-trade': number;
  'risk-free': string | number;
  benchmark?: string;
  'borrow-bps': number;
  'maintenance-margin': number;
  'start-when': RunSettings['startWhen'];
  'cash-rate'?: string;
}

export function settingsFromFlags(f: RunFlags): Partial<RunSettings> {
  const dataDir = f.data ?? SAMPLE_DIR;
  const rf = parseRateFlag('risk-free', String(f['risk-free'] ?? '0'), dataDir);
  const cash = f['cash-rate'] === undefined ? undefined : parseRateFlag('cash-rate', f['cash-rate'], dataDir);
  const benchmarks = parseBenchmarkFlag(f.benchmark);
  return {
    borrowBps: f['borrow-bps'] ?? 0,
    maintenanceMargin: f['maintenance-margin'] ?? 0,
    startWhen: f['start-when'] ?? 'all',
    ...(cash ? { cashRate: cash.source ?? { kind: 'constant', rate: cash.rate! } } : {}),
    ...(rf.source ? { riskFreeFrom: rf.source } : {}),
    ...(benchmarks.length > 1 || (benchmarks.length === 1 && benchmarks[0].weights[benchmarks[0].name] !== 1) ? { benchmarks } : {}),
    fill: f.fill,
    prices: f.prices,
    initialCash: f.cash,
    costs: {
      commissionBps: f['commission-bps'],
      commissionPerShare: f['commission-per-share'],
      commissionMin: f['commission-min'],
      slippageBps: f['slippage-bps'],
    },
    integerShares: f['integer-shares'],
    maxLeverage: f['max-leverage'],
    driftBand: f['drift-band'],
    minTradeValue: f['min-trade'],
    riskFree: rf.rate ?? 0,
    benchmark: benchmarks[0]?.name,
    from: f.from,
    to: f.to,
  };
}

/** How macro series are read: flags shared by every command that loads data for backtests. */
export function withMacroFlags<T>(y: Argv<T>) {
  return y
    .option('macro-lag', { type: 'string', array: true, describe: 'SERIES=DAYS: publication lag after period end for rows without release_date (repeatable)' })
    .option('macro-vintage', { choices: ['first', 'latest'] as const, default: 'first' as const, describe: 'revised macro series as first published, or latest values (look-ahead)' });
}

export interface MacroFlags {
  macroLag?: (string | number)[];
  macroVintage: 'first' | 'latest';
}

import type { Argv } from 'yargs';
import type { RunSettings } from '../engine/index.ts';

/** Flags shared by every command that runs a backtest. */
export function withRunFlags<T>(y: Argv<T>) {
  return y
    .option('data', { type: 'string', describe: 'folder of price CSVs (prices/SYMBOL.csv, macro/SERIES.csv); default: the embedded synthetic sample' })
    .option('from', { type: 'string', describe: 'first trading date YYYY-MM-DD (earlier data stays readable as warm-up)' })
    .option('to', { type: 'string', describe: 'last trading date YYYY-MM-DD' })
    .option('param', { type: 'string', array: true, describe: 'strategy parameter key=value (repeatable)' })
    .option('fill', { choices: ['next-open', 'next-close', 'close'] as const, default: 'next-open' as const, describe: 'when a decision at the close of t is filled' })
    .option('prices', { choices: ['total-return', 'raw'] as const, default: 'total-return' as const, describe: 'trade adjusted (dividends reinvested) or raw prices' })
    .option('cash', { type: 'number', default: 100_000, describe: 'starting cash' })
    .option('commission-bps', { type: 'number', default: 1, describe: 'commission, basis points of notional' })
    .option('commission-per-share', { type: 'number', default: 0, describe: 'commission per share' })
    .option('commission-min', { type: 'number', default: 0, describe: 'minimum commission per order' })
    .option('slippage-bps', { type: 'number', default: 2, describe: 'slippage, basis points against the trader' })
    .option('integer-shares', { type: 'boolean', default: false, describe: 'trade whole shares only' })
    .option('max-leverage', { type: 'number', default: 1, describe: 'maximum gross exposure / equity (1 = cash never negative)' })
    .option('drift-band', { type: 'number', default: 0, describe: 'skip trades whose weight change is below this' })
    .option('min-trade', { type: 'number', default: 0, describe: 'skip trades whose notional is below this' })
    .option('risk-free', { type: 'number', default: 0, describe: 'annual risk-free rate for Sharpe, Sortino and alpha' })
    .option('benchmark', { type: 'string', describe: 'symbol to compare against (beta, alpha, report)' });
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
  'risk-free': number;
  benchmark?: string;
}

export function settingsFromFlags(f: RunFlags): Partial<RunSettings> {
  return {
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
    riskFree: f['risk-free'],
    benchmark: f.benchmark,
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

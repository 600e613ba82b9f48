import { RotorError } from '../errors.ts';
import type { IndicatorKind } from '../indicators/indicators.ts';
import type { RuleContext } from './evaluation.ts';
import type { Unit } from './format.ts';
import type { Series } from './series.ts';

/** A price indicator as a series for rules, read from the run's incremental indicators (one value per bar). */
function indicator(kind: IndicatorKind, label: string, unit: Unit, symbol: string, n: number, other?: string): Series {
  return {
    label,
    unit,
    step: 'day',
    window(ctx: RuleContext, want: number) {
      if (!ctx.indicators) throw new RotorError(`rule on ${label} needs a run's context (ctx.indicators)`);
      const out = ctx.indicators.values(kind, symbol, n, want, other);
      const first = ctx.bar - out.length + 1;
      const points = [];
      for (let k = 0; k < out.length; k++) points.push({ key: first + k, at: '', value: out[k] });
      return { points, perYear: 252 };
    },
  };
}

/** `SPY 200-day average`; with `'month'`, `SPY 10-month average` of month-end closes (Faber's trend filter). */
export function sma(symbol: string, n: number, every: 'day' | 'month' = 'day'): Series {
  return indicator(every === 'month' ? 'smaMonthly' : 'sma', `${symbol} ${n}-${every} average`, 'level', symbol, n);
}

export function ema(symbol: string, n: number): Series {
  return indicator('ema', `${symbol} ${n}-day exponential average`, 'level', symbol, n);
}

/** Annualised volatility of the last n daily returns. */
export function volatility(symbol: string, n: number): Series {
  return indicator('volatility', `${symbol} ${n}-day volatility`, 'ratio', symbol, n);
}

export function rsi(symbol: string, n = 14): Series {
  return indicator('rsi', `${symbol} ${n}-day RSI`, 'level', symbol, n);
}

/** Close / n-day high − 1, from the incremental indicator (rules' `fromHigh` works on any series). */
export function drawdownFromHigh(symbol: string, n: number): Series {
  return indicator('fromHigh', `${symbol} distance from its ${n}-day high`, 'ratio', symbol, n);
}

export function correlation(a: string, b: string, n: number): Series {
  return indicator('correlation', `${n}-day correlation of ${a} with ${b}`, 'level', a, n, b);
}

/** Beta of `symbol` on `market` over the last n daily returns. */
export function beta(symbol: string, market: string, n: number): Series {
  return indicator('beta', `${symbol} ${n}-day beta on ${market}`, 'level', symbol, n, market);
}

import { computeMetrics } from '../engine/metrics/index.ts';
import { NO_POSITIONS } from '../engine/index.ts';

/** The metrics every trial row lists, by their path in metrics.json. */
export const METRIC_COLUMNS = [
  'totalReturn',
  'cagr',
  'volatility',
  'sharpe',
  'sortino',
  'calmar',
  'skew',
  'kurtosis',
  'maxDrawdown.depth',
  'maxDrawdown.duration',
  'positiveMonths',
  'exposure.timeInMarket',
  'trading.trades',
  'trading.turnover',
  'trading.winRate',
  'trading.totalCommission',
  'trading.totalSlippage',
  'gross.sharpe',
  'benchmark.totalReturn',
  'benchmark.beta',
  'benchmark.alpha',
  'benchmark.correlation',
] as const;

export { metricAt } from '../engine/metrics/index.ts';

/** Every path of a metrics object that holds a number (or null, as an absent number does), for --objective. */
export function numericPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number' || v === null) out.push(path);
    else out.push(...numericPaths(v, path));
  }
  return out;
}

/** The metric paths `--objective` accepts: every number metrics.json has for a run with a benchmark. */
export function objectivePaths(): string[] {
  const dates = ['2020-01-02', '2020-01-03', '2020-01-06'];
  const equity = new Float64Array([100, 101, 100.5]);
  const curve = { dates, equity, grossEquity: equity, cash: equity, symbols: ['A'], positions: NO_POSITIONS };
  const sample = computeMetrics({ curve, trades: [], riskFree: 0, benchmark: { symbol: 'B', prices: new Float64Array([1, 1.01, 1.02]) } });
  return numericPaths(sample).filter((p) => !p.startsWith('exposure.bySymbol.'));
}

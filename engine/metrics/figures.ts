/**
 * Single figures of metrics.json by their dotted path, derived from only what each needs: a sweep trial's row lists
 * about twenty of them, and the tail statistics, period tables and benchmark columns the others need would cost more
 * than the backtest. Every figure is computed by the same code computeMetrics uses, so it is the same number.
 */
import { computeMetrics, MetricsBasis, type MetricsInput } from './index.ts';

type Figure = (b: MetricsBasis) => number | null | undefined;

const FIGURES: Readonly<Record<string, Figure>> = {
  totalReturn: (b) => b.net.totalReturn(),
  cagr: (b) => b.net.cagr(),
  volatility: (b) => b.net.volatility(),
  sharpe: (b) => b.net.sharpe(),
  sortino: (b) => b.net.sortino(),
  calmar: (b) => b.net.calmar(),
  positiveMonths: (b) => b.net.positiveMonths(),
  skew: (b) => b.net.shape().skew,
  kurtosis: (b) => b.net.shape().kurtosis,
  finalEquity: (b) => (b.n > 0 ? b.equity[b.n - 1] : null),
  'maxDrawdown.depth': (b) => b.maxDrawdown().depth,
  'maxDrawdown.duration': (b) => b.maxDrawdown().duration,
  'exposure.timeInMarket': (b) => b.exposure().timeInMarket,
  'exposure.meanGross': (b) => b.exposure().meanGross,
  'trading.trades': (b) => b.trading.trades,
  'trading.notional': (b) => b.trading.notional,
  'trading.turnover': (b) => b.trading.turnover,
  'trading.roundTrips': (b) => b.trading.roundTrips,
  'trading.winRate': (b) => b.trading.winRate,
  'trading.totalCommission': (b) => b.trading.totalCommission,
  'trading.totalSlippage': (b) => b.trading.totalSlippage,
  'gross.totalReturn': (b) => b.gross.totalReturn(),
  'gross.sharpe': (b) => b.gross.sharpe(),
  'benchmark.totalReturn': (b) => b.benchmark?.column.totalReturn(),
  'benchmark.beta': (b) => b.benchmark?.pairs.beta,
  'benchmark.alpha': (b) => b.benchmark?.pairs.alpha,
  'benchmark.correlation': (b) => b.benchmark?.pairs.correlation,
  'benchmark.trackingError': (b) => b.benchmark?.pairs.trackingError,
  'benchmark.informationRatio': (b) => b.benchmark?.pairs.informationRatio,
};

/** The paths metricFigures derives on their own; any other path costs a whole computeMetrics. */
export const FIGURE_PATHS: readonly string[] = Object.keys(FIGURES);

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The number at a dotted path of a metrics object; null where the path holds null, NaN or nothing. */
export function metricAt(metrics: unknown, path: string): number | null {
  let v: unknown = metrics;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[part];
  }
  return finite(v);
}

/**
 * The figures at `paths` (null where metrics.json holds null, NaN or nothing there), and the daily returns of net
 * equity the figures were computed from.
 */
export function metricFigures(input: MetricsInput, paths: readonly string[]): { figures: Record<string, number | null>; dailyReturns: Float64Array } {
  const basis = new MetricsBasis(input);
  const figures: Record<string, number | null> = {};
  let full: unknown;
  for (const path of paths) {
    const f = Object.hasOwn(FIGURES, path) ? FIGURES[path] : undefined;
    figures[path] = f ? finite(f(basis)) : metricAt((full ??= computeMetrics(input)), path);
  }
  return { figures, dailyReturns: basis.net.daily };
}

/** How a figure of metrics.json reads: a fraction shown as a percentage, a ratio, or a count. */
export type FigureFormat = 'pct' | 'ratio' | 'count';

/** The format of a metric by its path (`cagr`, `maxDrawdown.depth`, `trading.trades`, `sharpe`). */
export function metricFormat(path: string): FigureFormat {
  if (/trades|duration|roundTrips|wins|losses/i.test(path)) return 'count';
  if (/return|cagr|volatility|depth|alpha|winRate|timeInMarket|positiveMonths|turnover|var|cvar|exposure|trackingError/i.test(path)) return 'pct';
  return 'ratio';
}

/** An axis title with its unit: `cagr (%)`, `sharpe (ratio)`. */
export function figureAxis(label: string, format: FigureFormat): string {
  return `${label} (${format === 'pct' ? '%' : format === 'count' ? 'count' : 'ratio'})`;
}

/** The factor a chart multiplies a figure by (fractions are drawn as percentages). */
export const chartScale = (format: FigureFormat): number => (format === 'pct' ? 100 : 1);

import type { BenchmarkMetrics, ColumnMetrics, Metrics } from '../../engine/metrics/index.ts';

/** How a renderer shows a cell; renderers format, they never compute. */
export type CellFormat = 'pct' | 'ratio' | 'ratio4' | 'money' | 'bars' | 'days' | 'count' | 'text';

export interface Cell {
  value: number | null;
  /** A date or period shown after the value, e.g. the day of the best day. */
  when?: string;
}

export interface MetricsRow {
  label: string;
  format: CellFormat;
  cells: Cell[];
  /** A short definition, shown on hover in HTML. */
  hint?: string;
  /** A gain or loss (coloured by sign in HTML), not a spread or a share. */
  signed: boolean;
}

export interface MetricsTable {
  columns: string[];
  rows: MetricsRow[];
}

/** The benchmarks a run's metrics carry: one today (`benchmark`), a list once several are allowed (`benchmarks`). */
export function benchmarksOf(m: Metrics): BenchmarkMetrics[] {
  const list = (m as Metrics & { benchmarks?: BenchmarkMetrics[] }).benchmarks;
  if (Array.isArray(list)) return list;
  return m.benchmark ? [m.benchmark] : [];
}

/** The strategy's net column, read off the top-level fields of Metrics. */
export function netColumn(m: Metrics): ColumnMetrics {
  return {
    totalReturn: m.totalReturn,
    cagr: m.cagr,
    volatility: m.volatility,
    sharpe: m.sharpe,
    sortino: m.sortino,
    calmar: m.calmar,
    maxDrawdown: m.maxDrawdown.depth,
    maxDrawdownDuration: m.maxDrawdown.duration,
    skew: m.skew ?? null,
    kurtosis: m.kurtosis ?? null,
    var95: m.var95 ?? null,
    cvar95: m.cvar95 ?? null,
    tailRatio: m.tailRatio ?? null,
    bestDay: m.bestDay,
    worstDay: m.worstDay,
    bestMonth: m.bestMonth,
    worstMonth: m.worstMonth,
    bestYear: m.bestYear,
    worstYear: m.worstYear,
    positiveMonths: m.positiveMonths,
  };
}

type Pick = (c: Partial<ColumnMetrics>) => Cell;
const v = (key: keyof ColumnMetrics): Pick => (c) => ({ value: typeof c[key] === 'number' ? (c[key] as number) : null });
const dated = (key: 'bestDay' | 'worstDay'): Pick => (c) => (c[key] ? { value: c[key]!.value, when: c[key]!.date } : { value: null });
const period = (key: 'bestMonth' | 'worstMonth' | 'bestYear' | 'worstYear'): Pick => (c) => (c[key] ? { value: c[key]!.ret, when: c[key]!.period } : { value: null });

const COLUMN_ROWS: [string, CellFormat, Pick, string][] = [
  ['Total return', 'pct', v('totalReturn'), 'last / first − 1'],
  ['CAGR', 'pct', v('cagr'), 'compound annual growth on calendar years'],
  ['Volatility (ann.)', 'pct', v('volatility'), 'sample stdev of daily returns × √252'],
  ['Sharpe', 'ratio', v('sharpe'), 'mean daily excess return / stdev × √252'],
  ['Sortino', 'ratio', v('sortino'), 'mean daily excess return / downside deviation × √252'],
  ['Calmar', 'ratio', v('calmar'), 'CAGR / |max drawdown|'],
  ['Max drawdown', 'pct', v('maxDrawdown'), 'deepest fall from a previous high'],
  ['Max drawdown length', 'bars', v('maxDrawdownDuration'), 'trading days from its peak to recovery (or the end)'],
  ['Skew', 'ratio', v('skew'), 'sample skewness of daily returns'],
  ['Excess kurtosis', 'ratio', v('kurtosis'), 'sample excess kurtosis of daily returns (0 for normal)'],
  ['Daily VaR 95%', 'pct', v('var95'), 'historical 5% quantile of daily returns'],
  ['Daily CVaR 95%', 'pct', v('cvar95'), 'mean of the daily returns at or below the VaR'],
  ['Tail ratio', 'ratio', v('tailRatio'), '|95% quantile| / |5% quantile| of daily returns'],
  ['Best day', 'pct', dated('bestDay'), ''],
  ['Worst day', 'pct', dated('worstDay'), ''],
  ['Best month', 'pct', period('bestMonth'), ''],
  ['Worst month', 'pct', period('worstMonth'), ''],
  ['Best year', 'pct', period('bestYear'), 'first and last years may be partial'],
  ['Worst year', 'pct', period('worstYear'), 'first and last years may be partial'],
  ['Positive months', 'pct', v('positiveMonths'), 'share of calendar months with a positive return'],
];

type BenchPick = (b: BenchmarkMetrics) => number | null;
const RELATIVE_ROWS: [string, CellFormat, BenchPick, string][] = [
  ['Beta', 'ratio', (b) => b.beta, 'cov(strategy, benchmark) / var(benchmark), daily'],
  ['Alpha (ann.)', 'pct', (b) => b.alpha, '(mean excess − beta × benchmark mean excess) × 252'],
  ['Correlation', 'ratio', (b) => b.correlation, 'of daily returns'],
  ['Tracking error', 'pct', (b) => b.trackingError ?? null, 'stdev of daily active returns × √252'],
  ['Information ratio', 'ratio', (b) => b.informationRatio ?? null, 'annualised active return / tracking error'],
];

/**
 * The metrics table: the strategy net of costs, gross of costs, then one column per benchmark, every figure on
 * every column; relative figures (beta …) read "strategy against this benchmark" and are blank for the strategy.
 */
export function metricsTable(m: Metrics): MetricsTable {
  const benches = benchmarksOf(m);
  const cols: Partial<ColumnMetrics>[] = [netColumn(m), m.gross, ...benches];
  const signed = (label: string, format: CellFormat) => format === 'pct' && !/Volatility|Positive months|Tracking error/.test(label);
  const rows: MetricsRow[] = COLUMN_ROWS.map(([label, format, pick, hint]) => ({ label, format, hint, signed: signed(label, format), cells: cols.map(pick) }));
  if (benches.length) {
    for (const [label, format, pick, hint] of RELATIVE_ROWS) {
      rows.push({ label: `${label} vs benchmark`, format, hint, signed: signed(label, format), cells: [{ value: null }, { value: null }, ...benches.map((b) => ({ value: pick(b) }))] });
    }
  }
  return { columns: ['Strategy (net)', 'Gross of costs', ...benches.map((b) => `Benchmark ${b.symbol}`)], rows };
}

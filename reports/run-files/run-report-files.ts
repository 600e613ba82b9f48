import { closeColumn, type BacktestResult, type MarketData } from '../../engine/index.ts';
import { roundTrips } from '../../engine/metrics/index.ts';
import { cumulativeChart, drawdownChart, runCharts } from '../charts/run-charts.ts';
import { chartSvg } from '../charts/svg.ts';
import { runHtml } from '../html/run-html.ts';
import { runMarkdown } from '../markdown/run-markdown.ts';
import type { PriceSeries, RunReportInputs } from '../model/run-inputs.ts';
import { buildRunModel, type RunReportModel } from '../model/run-model.ts';
import type { RunRecord } from '../run-record.ts';
import { pricesCsv, roundTripsCsv } from './extra-csv.ts';

export interface ReportOptions {
  /** Write report.html beside report.md (default true; `--no-html` turns it off). */
  html?: boolean;
  /** Write the SVG images report.md embeds (default true). */
  images?: boolean;
}

/** The closes of the benchmark and of every traded symbol on the run's dates, in the run's price basis. */
export function runPrices(result: BacktestResult, market?: MarketData): { benchmarks: PriceSeries[]; prices: PriceSeries[] } {
  // Every benchmark, as metrics.json lists them: prices.csv keeps them all, so `rotor report` finds the same ones.
  const benchmarks = (result.benchmarks ?? (result.benchmark ? [result.benchmark] : [])).map((b) => ({ symbol: b.symbol, prices: b.prices }));
  const traded = [...new Set(result.trades.map((t) => t.symbol))];
  if (!market || traded.length === 0) return { benchmarks, prices: [] };
  const dates = result.curve.dates;
  const start = market.dates.indexOf(dates[0]);
  if (start < 0) return { benchmarks, prices: [] };
  const prices = traded.filter((s) => market.has(s)).map((s) => ({ symbol: s, prices: closeColumn(market, market.symbolIndex(s), result.settings.prices).slice(start, start + dates.length) }));
  return { benchmarks, prices };
}

/** The report model of a run still in memory. */
export function inputsFromResult(record: RunRecord, result: BacktestResult, market?: MarketData, trials?: number): RunReportInputs {
  const { benchmarks, prices } = runPrices(result, market);
  const c = result.curve;
  return { record, dates: c.dates, equity: c.equity, symbols: c.symbols, positions: c.positions, trades: result.trades, decisions: result.decisions, benchmarks, prices, ...(trials ? { trials } : {}) };
}

// No image of the monthly heatmap: report.md has the same figures as a table, and drawing it was a quarter of
// `rotor run`'s time.
const IMAGES = { equity: 'report-equity.svg', drawdown: 'report-drawdown.svg' } as const;

/** report.md, report.html and the images of one model. */
export function renderRunReports(model: RunReportModel, opts: ReportOptions = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const images = opts.images !== false;
  if (images) {
    // An image 960 px wide needs no more than ~800 points a line.
    files[IMAGES.equity] = chartSvg(cumulativeChart(model, false, 800));
    files[IMAGES.drawdown] = chartSvg(drawdownChart(model, 800));
  }
  files['report.md'] = runMarkdown(model, images ? IMAGES : {});
  if (opts.html !== false) files['report.html'] = runHtml(model, runCharts(model));
  return files;
}

/**
 * Every report file of a run, keyed by file name, for the run writer to write with the CSVs and metrics.json:
 * round-trips.csv and prices.csv (what `rotor report` needs beyond them), report.md with its SVG images, and
 * report.html unless `html: false`.
 */
export function runReportFiles(record: RunRecord, result: BacktestResult, opts: ReportOptions & { market?: MarketData; trials?: number } = {}): Record<string, string> {
  const inputs = inputsFromResult(record, result, opts.market, opts.trials);
  const model = buildRunModel(inputs);
  const priced = [...inputs.benchmarks, ...inputs.prices.filter((p) => !inputs.benchmarks.some((b) => b.symbol === p.symbol))];
  return {
    'round-trips.csv': roundTripsCsv(roundTrips(result.trades)),
    'prices.csv': pricesCsv(result.curve.dates, priced),
    ...renderRunReports(model, opts),
  };
}

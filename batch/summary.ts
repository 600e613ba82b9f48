import { max, mean, median, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { fixed, pct, table } from '../reports/index.ts';
import type { ParamValue } from '../engine/index.ts';
import { paramText } from './trial-files.ts';
import type { TrialRow } from './trial.ts';

/** What a summary says about where the trials came from. */
export interface SummaryHeader {
  title: string;
  kind: 'sweep' | 'batch';
  objective: string;
  minimize: boolean;
  n: number;
  counts: { ok: number; failed: number };
  dataset: { dir: string; hash: string; synthetic: boolean };
  /** Lines (Markdown) that describe the trials: the grid or the batch file. */
  space: string[];
  /** Lines added after the tables (the overfitting block, when computed). */
  extra?: string[];
}

/** Objective values of ok trials, compared so that the best comes first; trial index breaks ties. */
export function better(minimize: boolean) {
  return (a: { objective: number | null; trial: number }, b: { objective: number | null; trial: number }): number => {
    const x = a.objective ?? NaN;
    const y = b.objective ?? NaN;
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    if (!Number.isNaN(x) && x !== y) return minimize ? x - y : y - x;
    return a.trial - b.trial;
  };
}

const metricText = (path: string, v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : /return|cagr|volatility|depth|alpha|winRate|timeInMarket|positiveMonths|turnover/i.test(path) && !/duration|trades/.test(path) ? pct(v) : fixed(v, path.includes('trades') || path.includes('duration') ? 0 : 3);

function spread(values: number[]): string[] {
  if (values.length === 0) return ['No trial has a value of the objective.'];
  const s = [...values].sort((a, b) => a - b);
  const sd = s.length > 1 ? sampleStandardDeviation(s) : 0;
  return [
    table(
      ['min', '25%', 'median', '75%', 'max', 'mean', 'std dev'],
      [[min(s), quantileSorted(s, 0.25), median(s), quantileSorted(s, 0.75), max(s), mean(s), sd].map((v) => fixed(v, 4))],
    ),
  ];
}

function header(h: SummaryHeader): string[] {
  const out = [`# ${h.title}`, ''];
  if (h.dataset.synthetic) out.push("> **SYNTHETIC DATA.** These trials ran on rotor's generated sample dataset, not market history.", '');
  out.push(
    `**N = ${h.n} ${h.kind === 'sweep' ? 'trials' : 'runs'}** (${h.counts.ok} ok, ${h.counts.failed} failed; every one counts, failed ones included). ` +
      `Objective: \`${h.objective}\` (${h.minimize ? 'lower' : 'higher'} is better). Data: \`${h.dataset.dir}\` (dataset ${h.dataset.hash.slice(0, 12)}).`,
    '',
    ...h.space,
    '',
  );
  return out;
}

/**
 * summary.md of a sweep: N, the top 10 by the objective, a marginal table per param, the objective's spread.
 * `rows` come in trial order; only the objective and the params of each are kept.
 */
export function sweepSummary(h: SummaryHeader, rows: Iterable<TrialRow>, params: readonly string[]): string {
  const top: TrialRow[] = [];
  const order = better(h.minimize);
  const values: number[] = [];
  const marginal = new Map<string, Map<string, number[]>>(params.map((p) => [p, new Map()]));
  const failed: TrialRow[] = [];
  for (const row of rows) {
    if (row.status === 'failed') {
      if (failed.length < 10) failed.push(row);
      continue;
    }
    for (const p of params) {
      const byValue = marginal.get(p)!;
      const key = paramText(row.params[p] as ParamValue | undefined);
      if (!byValue.has(key)) byValue.set(key, []);
      if (row.objective !== null) byValue.get(key)!.push(row.objective);
    }
    if (row.objective !== null) values.push(row.objective);
    top.push(row);
    top.sort(order);
    if (top.length > 10) top.pop();
  }
  const out = header(h);
  out.push(`## Top ${top.length} by ${h.objective}`, '');
  out.push(
    table(
      ['rank', 'trial', ...params, h.objective, 'total return', 'CAGR', 'max DD', 'trades'],
      top.map((r, k) => [String(k + 1), String(r.trial), ...params.map((p) => paramText(r.params[p])), metricText(h.objective, r.objective), pct(r.metrics.totalReturn), pct(r.metrics.cagr), pct(r.metrics['maxDrawdown.depth']), fixed(r.metrics['trading.trades'], 0)]),
    ),
    '',
  );
  out.push(`## Spread of ${h.objective} over the ok trials`, '', ...spread(values), '');
  if (params.length) out.push('## By param', '', `For each value of a param, the ${h.objective} of the trials that used it.`, '');
  for (const p of params) {
    const byValue = marginal.get(p)!;
    if (byValue.size < 2) continue;
    out.push(`### ${p}`, '');
    out.push(
      table(
        ['value', 'trials', 'mean', 'median', 'best'],
        [...byValue].map(([value, v]) => [value, String(v.length), v.length ? fixed(mean(v), 4) : '—', v.length ? fixed(median(v), 4) : '—', v.length ? fixed(h.minimize ? min(v) : max(v), 4) : '—']),
      ),
      '',
    );
  }
  if (failed.length) {
    out.push(`## Failed trials${h.counts.failed > failed.length ? ` (first ${failed.length} of ${h.counts.failed})` : ''}`, '');
    out.push(table(['trial', 'error'], failed.map((r) => [String(r.trial), `${r.errorDate ? `${r.errorDate}: ` : ''}${r.error ?? ''}`.replace(/\|/g, '\\|')])), '');
  }
  out.push(...(h.extra ?? []));
  return out.join('\n').trimEnd() + '\n';
}

/** summary.md of a batch: every run side by side, benchmarks beside them. */
export function batchSummary(h: SummaryHeader, rows: Iterable<TrialRow>, describe: (row: TrialRow) => { window: string; costs: string }): string {
  const out = header(h);
  const lines: string[][] = [];
  const failed: string[][] = [];
  for (const r of rows) {
    const d = describe(r);
    if (r.status === 'failed') {
      failed.push([String(r.trial), r.label ?? '', `${r.errorDate ? `${r.errorDate}: ` : ''}${r.error ?? ''}`.replace(/\|/g, '\\|')]);
      continue;
    }
    const m = r.metrics;
    lines.push([String(r.trial), r.label ?? '', r.strategy, d.window, d.costs, pct(m.totalReturn), pct(m.cagr), pct(m.volatility), fixed(m.sharpe), pct(m['maxDrawdown.depth']), fixed(m['trading.trades'], 0), pct(m['benchmark.totalReturn']), fixed(m['benchmark.beta']), pct(m['benchmark.alpha'])]);
  }
  out.push('## Runs side by side', '', 'Net of costs. Benchmark columns: its own total return over the run, the run\'s beta and alpha against it.', '');
  out.push(table(['trial', 'label', 'strategy', 'window', 'costs', 'total', 'CAGR', 'vol', 'Sharpe', 'max DD', 'trades', 'bench total', 'beta', 'alpha'], lines), '');
  if (failed.length) out.push('## Failed runs', '', table(['trial', 'label', 'error'], failed), '');
  out.push(...(h.extra ?? []));
  return out.join('\n').trimEnd() + '\n';
}

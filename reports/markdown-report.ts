import type { BacktestResult, RunSettings } from '../engine/index.ts';
import { drawdownSeries, periodReturns } from '../engine/metrics/index.ts';
import { fixed, money, pct, table } from './format.ts';
import type { RunRecord } from './run-record.ts';
import { decisionsSection } from './decisions-section.ts';
import { modelSection } from './model-section.ts';

/** Long lists (decisions, notes) are cut here in the report; the files keep them all. */
const MAX_LISTED = 50;

const TIMING: Record<RunSettings['fill'], string> = {
  'next-open': 'decisions at the close of day t, orders filled at the open of day t+1',
  'next-close': 'decisions at the close of day t, orders filled at the close of day t+1',
  close: 'decisions and fills at the same close (as bt and most event studies do; optimistic)',
};

function costLine(s: RunSettings): string {
  const c = s.costs;
  const parts = [`commission ${c.commissionBps} bps`];
  if (c.commissionPerShare) parts.push(`${c.commissionPerShare} per share`);
  if (c.commissionMin) parts.push(`minimum ${c.commissionMin} per order`);
  parts.push(`slippage ${c.slippageBps} bps`);
  return parts.join(', ');
}

/** A one-page Markdown report of one run: headline figures first, the evidence behind them after. */
export function markdownReport(record: RunRecord, result: BacktestResult): string {
  const { metrics: m, settings: s, data } = record;
  const out: string[] = [];
  out.push(`# ${record.strategy.name}`, '');
  if (data.synthetic) {
    out.push('> **SYNTHETIC DATA.** This run used rotor\'s generated sample dataset, not market history. Its figures say', '> nothing about real markets; run with `--data DIR` on real prices for that.', '');
  }
  out.push(record.strategy.description, '');
  out.push(
    `${data.from} → ${data.to}: ${data.bars} trading days (${fixed(m.years, 1)} years). ` +
      `Time model: ${TIMING[s.fill]}. Prices: ${s.prices === 'total-return' ? 'total return (adjusted for dividends and splits)' : 'raw (dividends not credited)'}. ` +
      `Costs: ${costLine(s)}. Starting cash ${money(s.initialCash)}.`,
    '',
  );

  const b = m.benchmark;
  const benchDd = result.benchmark ? Math.min(0, ...Array.from(drawdownSeries(result.benchmark.prices)).filter(Number.isFinite)) : null;
  const header = ['', 'Net', 'Gross of costs', ...(b ? [`Benchmark ${b.symbol}`] : [])];
  const row = (label: string, net: string, gross: string, bench: string) => [label, net, gross, ...(b ? [bench] : [])];
  out.push('## Performance', '');
  out.push(
    table(header, [
      row('Final equity', money(m.finalEquity), '', ''),
      row('Total return', pct(m.totalReturn), pct(m.gross.totalReturn), pct(b?.totalReturn)),
      row('CAGR', pct(m.cagr), pct(m.gross.cagr), pct(b?.cagr)),
      row('Volatility (ann.)', pct(m.volatility), pct(m.gross.volatility), pct(b?.volatility)),
      row('Sharpe', fixed(m.sharpe), fixed(m.gross.sharpe), ''),
      row('Sortino', fixed(m.sortino), '', ''),
      row('Max drawdown', pct(m.maxDrawdown.depth), pct(m.gross.maxDrawdown), pct(benchDd)),
      row('Calmar', fixed(m.calmar), '', ''),
    ]),
    '',
  );
  if (b) {
    out.push(`Against ${b.symbol}: beta ${fixed(b.beta)}, alpha ${pct(b.alpha)} a year, correlation ${fixed(b.correlation)} over ${b.pairedDays} days.`, '');
  }
  out.push(`Sharpe and Sortino use a risk-free rate of ${pct(m.riskFree)}; formulas are in METRICS.md.`, '');
  out.push(...modelSection(m, result));

  const dd = m.maxDrawdown;
  out.push('## Drawdown', '');
  out.push(
    dd.depth < 0
      ? `Deepest: ${pct(dd.depth)} from the peak of ${dd.peakDate} to the trough of ${dd.troughDate}; ` +
          (dd.recoveryDate ? `recovered ${dd.recoveryDate}, ${dd.duration} trading days after the peak.` : `not recovered by the end (${dd.duration} trading days).`) +
          ` Longest time under water: ${m.longestDrawdown.duration} trading days from ${m.longestDrawdown.peakDate}.`
      : 'Equity never fell below a previous high.',
    '',
  );
  out.push(
    table(
      ['', 'Best', 'Worst'],
      [
        ['Day', m.bestDay ? `${pct(m.bestDay.value)} (${m.bestDay.date})` : '—', m.worstDay ? `${pct(m.worstDay.value)} (${m.worstDay.date})` : '—'],
        ['Month', m.bestMonth ? `${pct(m.bestMonth.ret)} (${m.bestMonth.period})` : '—', m.worstMonth ? `${pct(m.worstMonth.ret)} (${m.worstMonth.period})` : '—'],
        ['Year', m.bestYear ? `${pct(m.bestYear.ret)} (${m.bestYear.period})` : '—', m.worstYear ? `${pct(m.worstYear.ret)} (${m.worstYear.period})` : '—'],
      ],
    ),
    '',
    `Positive months: ${pct(m.positiveMonths, 1)}.`,
    '',
  );

  const years = periodReturns(result.curve.dates, result.curve.equity, 'year');
  const benchYears = result.benchmark ? new Map(periodReturns(result.curve.dates, result.benchmark.prices, 'year').map((p) => [p.period, p.ret])) : undefined;
  out.push('## Calendar years', '');
  out.push(
    table(
      ['Year', 'Return', ...(benchYears ? [result.benchmark!.symbol] : [])],
      years.map((y) => [y.period, pct(y.ret), ...(benchYears ? [pct(benchYears.get(y.period))] : [])]),
    ),
    '',
    'The first and last years are partial when the run starts or ends inside them.',
    '',
  );

  const t = m.trading;
  out.push('## Trading', '');
  out.push(
    table(
      ['', ''],
      [
        ['Trades', String(t.trades)],
        ['Round trips (won / lost)', `${t.roundTrips} (${t.wins} / ${t.losses})`],
        ['Round-trip win rate', pct(t.winRate, 1)],
        ['Turnover (ann.)', pct(t.turnover, 0)],
        ['Commission paid', money(t.totalCommission)],
        ['Slippage paid', money(t.totalSlippage)],
        ['Time in market', pct(m.exposure.timeInMarket, 1)],
      ],
    ),
    '',
  );
  out.push('Average exposure per asset (position value / equity):', '');
  out.push(table(['Asset', 'Exposure'], Object.entries(m.exposure.bySymbol).map(([sym, e]) => [sym, pct(e, 1)])), '');

  const params = Object.entries(record.strategy.params);
  if (params.length) {
    out.push('## Parameters', '');
    out.push(table(['Param', 'Value'], params.map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])), '');
  }

  out.push('## Data', '');
  out.push(`${data.synthetic ? 'Synthetic sample' : 'Folder'} \`${data.dir}\`, dataset hash \`${data.hash.slice(0, 16)}\`, rotor ${record.rotor}.`, '');
  const used = new Map((data.used ?? []).map((u) => [u.file, u]));
  out.push(
    table(
      ['File', 'Format', 'Rows', 'First', 'Last', 'Used in run', 'sha256'],
      data.files.map((f) => {
        const u = used.get(f.file);
        return [f.file, f.format ?? 'rotor', String(f.rows), f.first, f.last, u ? (u.rows ? `${u.first} → ${u.last} (${u.rows})` : 'none') : '', `\`${f.sha256.slice(0, 12)}\``];
      }),
    ),
    '',
    'Used in run: price rows inside the run\'s window (earlier rows were readable as history); macro observations released by its last day.',
    '',
  );
  if (data.macro?.length) {
    out.push(`Macro series (${data.vintage === 'latest' ? '**latest revised values**: revisions are look-ahead' : 'as first published where the file has first releases'}):`, '');
    out.push(
      table(
        ['Series', 'Column', 'Release dates'],
        data.macro.map((m) => [m.series, m.column, m.defaultReleases === 0 ? 'from the file' : `${m.defaultReleases} by default ${m.kind} lag${m.lagDays === undefined ? '' : ` (overridden: ${m.lagDays} days after period end)`}`]),
      ),
      '',
    );
  }
  // Only warnings about what the run used are listed (datasets/run-warnings.ts); the rest are counted.
  const outside = data.warningsOutsideRun ?? 0;
  const elsewhere = outside ? `; ${outside} more about dates this run did not use` : '';
  if (!data.warnings?.length && outside) out.push(`Data warnings: none about what this run used (${outside} about dates it did not use; \`rotor data check\` lists them).`, '');
  if (data.warnings?.length) {
    const shownWarnings = data.warnings.slice(0, MAX_LISTED);
    out.push(`Data warnings (${data.warnings.length} about what this run used${elsewhere}; \`rotor data check\` lists them all):`, '');
    for (const w of shownWarnings) out.push(`- ${w.file}${w.line === undefined ? '' : `:${w.line}`}: ${w.message}`);
    if (shownWarnings.length < data.warnings.length) out.push(`- … and ${data.warnings.length - shownWarnings.length} more in metrics.json`);
    out.push('');
  }

  out.push(...decisionsSection(result.decisions, MAX_LISTED));

  if (record.notes.length) {
    out.push('## Notes', '');
    const shown = record.notes.slice(0, MAX_LISTED);
    for (const n of shown) out.push(`- ${n.date ? `${n.date}: ` : ''}${n.message}`);
    if (shown.length < record.notes.length) out.push(`- … and ${record.notes.length - shown.length} more in metrics.json`);
    out.push('');
  }
  return out.join('\n');
}

import { decisionsSection } from '../decisions-section.ts';
import { fixed, money, pct, table } from '../format.ts';
import { BLEND_NOTE, LISTINGS_NOTE, listingText, type ModelBlock } from '../model-section.ts';
import type { RunReportModel } from '../model/run-model.ts';
import { formatCell } from './cells.ts';

/** Long lists (decisions, notes, round trips) are cut here in the report; the files keep them all. */
const MAX_LISTED = 50;

/** Markdown-safe text for a table cell or a line: pipes escaped, newlines folded, HTML-looking text neutralised. */
export function mdText(s: string | undefined): string {
  return (s ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\s*\n\s*/g, ' ');
}

export interface MarkdownImages {
  equity?: string;
  drawdown?: string;
}

/** Financing, benchmarks, margin calls, listings: nothing for a plain long-only run with one benchmark. */
function modelMarkdown(b: ModelBlock): string[] {
  const out: string[] = [];
  if (b.financing.length) out.push('## Financing', '', table(['', 'Amount', 'How'], b.financing.map((f) => [f.label, f.format === 'money' ? money(f.value) : pct(f.value), mdText(f.how)])), '');
  if (b.benchmarks.length) {
    out.push(
      '## Benchmarks',
      '',
      table(
        ['Benchmark', 'From', 'Total return', 'CAGR', 'Volatility', 'Beta', 'Alpha (ann.)', 'Correlation'],
        b.benchmarks.map((x) => [mdText(x.symbol), x.from ?? '—', pct(x.totalReturn), pct(x.cagr), pct(x.volatility), fixed(x.beta), pct(x.alpha), fixed(x.correlation)]),
      ),
      '',
      BLEND_NOTE,
      '',
    );
  }
  if (b.marginCalls.length) out.push('## Margin calls', '', ...b.marginCalls.map((n) => `- ${n.date ? `${n.date}: ` : ''}${mdText(n.message)}`), '');
  if (b.listings.length) {
    out.push(
      '## Universe changes',
      '',
      table(['Date', 'Symbol', 'Event', 'Closed at that close'], b.listings.map((l) => [l.date, mdText(l.symbol), listingText(l), l.closed ? `${fixed(l.closed.quantity, 4)} at ${fixed(l.closed.price, 4)}` : ''])),
      '',
      LISTINGS_NOTE,
      '',
    );
  }
  return out;
}

/** report.md: headline figures first, the evidence behind them after; images of the main charts when given. */
export function runMarkdown(model: RunReportModel, images: MarkdownImages = {}): string {
  const m = model.metrics;
  const meth = model.method;
  const out: string[] = [];
  out.push(`# ${mdText(model.title)}`, '');
  if (model.synthetic) {
    out.push("> **SYNTHETIC DATA.** This run used rotor's generated sample dataset, not market history. Its figures say", '> nothing about real markets; run with `--data DIR` on real prices for that.', '');
  }
  if (meth.trials !== null) out.push(`> **Picked from a sweep of ${meth.trials} trials.** Its figures are the best of many tries and overstate what to expect; see the sweep report's overfitting block.`, '');
  out.push(mdText(model.description), '');
  out.push(
    `${model.span.from} → ${model.span.to}: ${model.span.bars} trading days (${fixed(model.span.years, 1)} years). ` +
      `Time model: ${meth.timeModel}. Prices: ${meth.priceBasis}. Costs: ${meth.costs}. Starting cash ${money(meth.initialCash)}.`,
    '',
  );
  if (images.equity) out.push(`![Cumulative return against the benchmark](${images.equity})`, '');

  out.push('## Performance', '');
  out.push(table(['', ...model.table.columns], [['Final equity', money(m.finalEquity), ...model.table.columns.slice(1).map(() => '')], ...model.table.rows.map((r) => [r.label, ...r.cells.map((c) => formatCell(c, r.format))])]), '');
  out.push(`Sharpe and Sortino use a risk-free rate of ${pct(m.riskFree)}; relative figures compare the strategy's net daily returns with each benchmark's. Formulas are in METRICS.md.`, '');

  if (model.inference) {
    out.push('## Is the Sharpe ratio luck?', '');
    out.push(table(['', 'Value', 'What it says'], model.inference.rows.map((r) => [r.label, formatCell(r.cell, r.format), mdText(r.meaning)])), '');
    out.push(`Basis: ${mdText(model.inference.basis)}. Formulas: METRICS.md.`, '');
  }
  if (model.nullModel) {
    const nm = model.nullModel;
    out.push(`## ${mdText(nm.title)}`, '', ...nm.lines.map(mdText), '');
    out.push(table(['', 'Run', 'Percentile', 'Null 5%', 'Null median', 'Null 95%'], nm.rows.map((r) => [r.label, r.strategy, r.percentile, r.p5, r.median, r.p95])), '');
    out.push(`Basis: ${mdText(nm.basis)} Formulas: METRICS.md.`, '');
  }

  const dd = m.maxDrawdown;
  out.push('## Drawdowns', '');
  if (images.drawdown) out.push(`![Underwater drawdown](${images.drawdown})`, '');
  out.push(
    dd.depth < 0
      ? `Deepest: ${pct(dd.depth)} from the peak of ${dd.peakDate} to the trough of ${dd.troughDate}; ` +
          (dd.recoveryDate ? `recovered ${dd.recoveryDate}, ${dd.duration} trading days after the peak.` : `not recovered by the end (${dd.duration} trading days).`) +
          ` Longest time under water: ${m.longestDrawdown.duration} trading days from ${m.longestDrawdown.peakDate}.`
      : 'Equity never fell below a previous high.',
    '',
  );
  if (model.worstDrawdowns.length) {
    out.push(
      table(
        ['#', 'Peak', 'Trough', 'Recovery', 'Depth', 'Days to trough', 'Length (days)'],
        model.worstDrawdowns.map((d, i) => [String(i + 1), d.start, d.trough, d.recovery ?? 'not recovered', pct(d.depth), String(d.toTrough), String(d.length)]),
      ),
      '',
    );
  }

  out.push('## Monthly returns', '');
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  out.push(table(['Year', ...MONTHS, 'Year'], model.monthly.map((r) => [r.year, ...r.months.map((v) => (v === null ? '' : pct(v, 1))), pct(r.total, 1)])), '');

  out.push('## Calendar years', '');
  out.push(
    table(
      ['Year', 'Strategy', ...model.benchmarkSymbols, ...model.benchmarkSymbols.map((s) => `− ${s}`)],
      model.calendarYears.map((y) => [
        y.year,
        pct(y.ret),
        ...y.benchmarks.map((b) => pct(b)),
        ...y.benchmarks.map((b) => (b === null || y.ret === null ? '—' : pct(y.ret - b))),
      ]),
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
        ['Trades (fills)', String(t.trades)],
        ['Round trips (won / lost)', `${t.roundTrips} (${t.wins} / ${t.losses})`],
        ['Round-trip win rate', pct(t.winRate, 1)],
        ['Profit factor', fixed(t.profitFactor ?? null)],
        ['Expectancy per round trip', `${money(t.expectancy ?? null)} (${pct(t.averageReturn ?? null)})`],
        ['Average holding period', t.averageHoldingDays === null || t.averageHoldingDays === undefined ? '—' : `${fixed(t.averageHoldingDays, 1)} calendar days`],
        ['Turnover (ann.)', pct(t.turnover, 0)],
        ['Commission paid', money(t.totalCommission)],
        ['Slippage paid', money(t.totalSlippage)],
        ['Time in market', pct(m.exposure.timeInMarket, 1)],
        ['Mean gross exposure', pct(m.exposure.meanGross, 1)],
      ],
    ),
    '',
  );
  out.push('Average exposure per asset (position value / equity):', '');
  out.push(table(['Asset', 'Exposure'], model.exposure.map(([sym, e]) => [mdText(sym), pct(e, 1)])), '');
  if (model.roundTrips.length) {
    const shown = model.roundTrips.slice(-MAX_LISTED);
    out.push(`Round trips (FIFO slices${shown.length < model.roundTrips.length ? `; the last ${shown.length} of ${model.roundTrips.length}` : ''}; all are in round-trips.csv):`, '');
    out.push(
      table(
        ['Symbol', 'Side', 'Entry', 'Exit', 'Days', 'P&L', 'Return'],
        shown.map((r) => [mdText(r.symbol), r.direction, r.openDate, r.closeDate, String(Math.round(r.holdingDays)), money(r.pnl), pct(r.ret)]),
      ),
      '',
    );
  }

  out.push(...modelMarkdown(model.model));

  if (model.params.length) {
    out.push('## Parameters', '');
    out.push(table(['Param', 'Value'], model.params.map(([k, v]) => [mdText(k), mdText(v)])), '');
  }

  out.push('## Data', '');
  out.push(`${meth.dataset.synthetic ? 'Synthetic sample' : 'Folder'} \`${mdText(meth.dataset.dir)}\`, dataset hash \`${meth.dataset.hash.slice(0, 16)}\`, rotor ${meth.rotor}.`, '');
  out.push(
    table(['File', 'Format', 'Rows', 'First', 'Last', 'Used in run', 'sha256'], meth.files.map((f) => [mdText(f.file), f.format, String(f.rows), f.first, f.last, f.used, `\`${f.sha256.slice(0, 12)}\``])),
    '',
    "Used in run: price rows inside the run's window (earlier rows were readable as history); macro observations released by its last day.",
    '',
  );
  if (meth.macro.length) {
    out.push(`Macro series (${meth.vintage.startsWith('latest') ? '**latest revised values**: revisions are look-ahead' : meth.vintage}):`, '');
    out.push(table(['Series', 'Column', 'Release dates'], meth.macro.map((r) => [mdText(r.series), mdText(r.column), r.releases])), '');
  }
  const outside = meth.warningsOutsideRun;
  const elsewhere = outside ? `; ${outside} more about dates this run did not use` : '';
  if (!meth.warnings.length && outside) out.push(`Data warnings: none about what this run used (${outside} about dates it did not use; \`rotor data check\` lists them).`, '');
  if (meth.warnings.length) {
    const shown = meth.warnings.slice(0, MAX_LISTED);
    out.push(`Data warnings (${meth.warnings.length} about what this run used${elsewhere}; \`rotor data check\` lists them all):`, '');
    for (const w of shown) out.push(`- ${mdText(w.where)}: ${mdText(w.message)}`);
    if (shown.length < meth.warnings.length) out.push(`- … and ${meth.warnings.length - shown.length} more in metrics.json`);
    out.push('');
  }

  out.push(...decisionsSection(model.decisions.map((d) => ({ ...d, summary: mdText(d.summary) })), MAX_LISTED));

  if (model.notes.length) {
    out.push('## Notes', '');
    const shown = model.notes.slice(0, MAX_LISTED);
    for (const n of shown) out.push(`- ${n.date ? `${n.date}: ` : ''}${mdText(n.message)}`);
    if (shown.length < model.notes.length) out.push(`- … and ${model.notes.length - shown.length} more in metrics.json`);
    out.push('');
  }
  return out.join('\n');
}

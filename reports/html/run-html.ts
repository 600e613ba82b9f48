import { fixed, money, pct } from '../format.ts';
import { runCharts, type ChartSpec } from '../charts/run-charts.ts';
import { formatCell } from '../markdown/cells.ts';
import { BLEND_NOTE, LISTINGS_NOTE, listingText } from '../model-section.ts';
import type { RunReportModel } from '../model/run-model.ts';
import { ruleDecision } from '../../engine/index.ts';
import { echartsBundle } from './echarts-bundle.ts';
import { esc } from './escape.ts';
import { chartDiv, htmlDocument } from './page.ts';
import { htmlTable, kpi, signed, syntheticBanner } from './parts.ts';

const MAX_ROWS = 200;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function section(title: string, inner: string, id?: string): string {
  return `<section${id ? ` id="${esc(id)}"` : ''}><h2>${esc(title)}</h2>\n${inner}\n</section>`;
}

function methodHtml(model: RunReportModel): string {
  const m = model.method;
  const parts = [
    htmlTable(['', ''], [
      ['Time model', esc(m.timeModel)],
      ['Prices', esc(m.priceBasis)],
      ['Costs', esc(m.costs)],
      ['Starting cash', esc(money(m.initialCash))],
      ['Risk-free rate (Sharpe, Sortino, alpha)', esc(pct(m.riskFree))],
      ['Dataset', `${m.dataset.synthetic ? 'synthetic sample ' : ''}<code>${esc(m.dataset.dir)}</code>`],
      ['Dataset hash', `<code>${esc(m.dataset.hash)}</code>`],
      ['Macro vintage', esc(m.vintage)],
      ['Trials behind this run', esc(m.trials === null ? 'one run (not picked from a sweep)' : `${m.trials} (picked from a sweep)`)],
      ['Engine', esc(`rotor ${m.rotor}; charts: Apache ECharts ${echartsBundle().version}`)],
    ], { textCols: [0, 1] }),
    '<h3>Files</h3>',
    htmlTable(['File', 'Format', 'Rows', 'First', 'Last', 'Used in run', 'sha256'], m.files.map((f) => [esc(f.file), esc(f.format), esc(f.rows), esc(f.first), esc(f.last), esc(f.used), `<code>${esc(f.sha256.slice(0, 16))}</code>`])),
    `<p class="muted">Used in run: price rows inside the run's window (earlier rows were readable as history); macro observations released by its last day. Metric formulas: METRICS.md.</p>`,
  ];
  if (m.macro.length) {
    parts.push('<h3>Macro series and release lags</h3>', htmlTable(['Series', 'Column', 'Release dates'], m.macro.map((r) => [esc(r.series), esc(r.column), esc(r.releases)]), { textCols: [2] }));
  }
  parts.push('<h3>Data warnings</h3>');
  if (!m.warnings.length) parts.push(`<p>None about what this run used${m.warningsOutsideRun ? ` (${m.warningsOutsideRun} about dates it did not use; <code>rotor data check</code> lists them)` : ''}.</p>`);
  else {
    parts.push(`<p>${m.warnings.length} about what this run used${m.warningsOutsideRun ? `; ${m.warningsOutsideRun} more about dates it did not use` : ''}; <code>rotor data check</code> lists them all.</p>`);
    parts.push(`<ul class="log">${m.warnings.slice(0, MAX_ROWS).map((w) => `<li><code>${esc(w.where)}</code> ${esc(w.message)}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}

function decisionsHtml(model: RunReportModel): string {
  const ds = model.decisions;
  if (!ds.length) return '';
  const changes = ds.filter((d) => {
    const t = ruleDecision(d.detail)?.trigger;
    return t !== undefined && t !== 'rebalance';
  });
  const listed = changes.length ? changes : ds;
  const shown = listed.slice(-MAX_ROWS);
  const head = `<p>${ds.length} decisions${changes.length ? `, ${changes.length} of them state changes (start, entries, exits, signals)` : ''}${shown.length < listed.length ? `; the last ${shown.length} shown` : ''}; decisions.csv has every one with each rule's state.</p>`;
  return section('Decisions', head + htmlTable(['Date', 'Why', 'Decision'], shown.map((d) => [esc(d.date), esc(ruleDecision(d.detail)?.trigger ?? ''), esc(d.summary)]), { textCols: [2], cls: 'tall' }), 'decisions');
}

/** Financing, benchmarks, margin calls, listings, as report.md has them. */
function modelHtml(model: RunReportModel): string {
  const b = model.model;
  const out: string[] = [];
  if (b.financing.length) out.push(section('Financing', htmlTable(['', 'Amount', 'How'], b.financing.map((f) => [esc(f.label), esc(f.format === 'money' ? money(f.value) : pct(f.value)), esc(f.how)]), { textCols: [0, 2] }), 'financing'));
  if (b.benchmarks.length) {
    out.push(
      section(
        'Benchmarks',
        htmlTable(
          ['Benchmark', 'From', 'Total return', 'CAGR', 'Volatility', 'Beta', 'Alpha (ann.)', 'Correlation'],
          b.benchmarks.map((x) => [esc(x.symbol), esc(x.from ?? '—'), signed(pct(x.totalReturn), x.totalReturn), signed(pct(x.cagr), x.cagr), esc(pct(x.volatility)), esc(fixed(x.beta)), signed(pct(x.alpha), x.alpha), esc(fixed(x.correlation))]),
        ) + `<p class="muted">${esc(BLEND_NOTE.replace(/`/g, ''))}</p>`,
        'benchmarks',
      ),
    );
  }
  if (b.marginCalls.length) out.push(section('Margin calls', `<ul class="log">${b.marginCalls.slice(0, MAX_ROWS).map((n) => `<li>${esc(n.date ? `${n.date}: ` : '')}${esc(n.message)}</li>`).join('')}</ul>`, 'margin-calls'));
  if (b.listings.length) {
    out.push(
      section(
        'Universe changes',
        htmlTable(['Date', 'Symbol', 'Event', 'Closed at that close'], b.listings.map((l) => [esc(l.date), esc(l.symbol), esc(listingText(l)), esc(l.closed ? `${fixed(l.closed.quantity, 4)} at ${fixed(l.closed.price, 4)}` : '')]), { textCols: [2, 3] }) +
          `<p class="muted">${esc(LISTINGS_NOTE)}</p>`,
        'listings',
      ),
    );
  }
  return out.join('\n');
}

/** report.html of a run: the same model as report.md, with its charts. */
export function runHtml(model: RunReportModel, charts: readonly ChartSpec[] = runCharts(model)): string {
  const m = model.metrics;
  const byId = new Map(charts.map((c) => [c.id, c]));
  const draw = (...ids: string[]) => `<div class="grid">${ids.map((id) => byId.get(id)).filter((c): c is ChartSpec => !!c).map(chartDiv).join('\n')}</div>`;
  const b = model.table.columns.length > 2 ? m.benchmark : null;
  const body: string[] = ['<main>'];
  body.push(`<h1>${esc(model.title)}</h1>`);
  if (model.synthetic) body.push(syntheticBanner('run'));
  if (model.method.trials !== null) body.push(`<div class="banner trials">Picked from a sweep of ${esc(model.method.trials)} trials: its figures are the best of many tries and overstate what to expect.</div>`);
  body.push(`<p class="lede">${esc(model.description)}</p>`);
  body.push(`<p class="muted">${esc(`${model.span.from} → ${model.span.to}: ${model.span.bars} trading days (${fixed(model.span.years, 1)} years). ${model.method.timeModel}; ${model.method.priceBasis} prices; costs ${model.method.costs}.`)}</p>`);
  body.push(
    '<div class="kpis">' +
      [
        kpi('Total return', pct(m.totalReturn), b ? `${b.symbol} ${pct(b.totalReturn)}` : ''),
        kpi('CAGR', pct(m.cagr), b ? `${b.symbol} ${pct(b.cagr)}` : ''),
        kpi('Sharpe', fixed(m.sharpe), b ? `${b.symbol} ${fixed(b.sharpe)}` : ''),
        kpi('Max drawdown', pct(m.maxDrawdown.depth), b ? `${b.symbol} ${pct(b.maxDrawdown)}` : ''),
        kpi('Volatility', pct(m.volatility), b ? `${b.symbol} ${pct(b.volatility)}` : ''),
        kpi('Final equity', money(m.finalEquity), `from ${money(m.initialEquity)}`),
        kpi('Round trips', String(m.trading.roundTrips), `win rate ${pct(m.trading.winRate, 0)}`),
        kpi('Costs paid', money(m.trading.totalCommission + m.trading.totalSlippage), `turnover ${pct(m.trading.turnover, 0)} a year`),
      ].join('') +
      '</div>',
  );
  body.push(draw('cumulative', 'cumulative-log', 'drawdown'));

  body.push(
    section(
      'Performance',
      htmlTable(['', ...model.table.columns], model.table.rows.map((r) => [`<span title="${esc(r.hint ?? '')}">${esc(r.label)}</span>`, ...r.cells.map((c) => signed(formatCell(c, r.format), r.signed ? c.value : null))])) +
        `<p class="muted">Risk-free rate ${esc(pct(m.riskFree))}. Relative rows compare the strategy's net daily returns with each benchmark's. Hover a label for its definition; formulas are in METRICS.md.</p>`,
      'performance',
    ),
  );

  if (model.inference) {
    body.push(
      section(
        'Is the Sharpe ratio luck?',
        htmlTable(['', 'Value', 'What it says'], model.inference.rows.map((r) => [esc(r.label), esc(formatCell(r.cell, r.format)), esc(r.meaning)]), { textCols: [2] }) +
          `<p class="muted">Basis: ${esc(model.inference.basis)}. Formulas are in METRICS.md.</p>`,
        'sharpe-inference',
      ),
    );
  }

  if (model.nullModel) {
    const nm = model.nullModel;
    body.push(
      section(
        nm.title,
        nm.lines.map((l) => `<p>${esc(l)}</p>`).join('') +
          htmlTable(['', 'Run', 'Percentile', 'Null 5%', 'Null median', 'Null 95%'], nm.rows.map((r) => [esc(r.label), esc(r.strategy), esc(r.percentile), esc(r.p5), esc(r.median), esc(r.p95)])) +
          draw(...nm.charts.map((c) => c.id)) +
          `<p class="muted">Basis: ${esc(nm.basis)} Formulas are in METRICS.md.</p>`,
        'null-model',
      ),
    );
  }

  body.push(section('Drawdowns', htmlTable(['#', 'Peak', 'Trough', 'Recovery', 'Depth', 'Days to trough', 'Length (days)'], model.worstDrawdowns.map((d, i) => [String(i + 1), esc(d.start), esc(d.trough), esc(d.recovery ?? 'not recovered'), signed(pct(d.depth), d.depth), String(d.toTrough), String(d.length)])) + '<p class="muted">The five deepest; lengths in trading days from the peak.</p>', 'drawdowns'));

  body.push(section('Returns by month and year', draw('monthly-heatmap', 'yearly') +
    htmlTable(['Year', ...MONTHS, 'Year'], model.monthly.map((r) => [esc(r.year), ...r.months.map((v) => (v === null ? '' : signed(pct(v, 1), v))), `<b>${signed(pct(r.total, 1), r.total)}</b>`])) +
    htmlTable(['Year', model.title, ...model.benchmarkSymbols, ...model.benchmarkSymbols.map((s) => `− ${s}`)], model.calendarYears.map((y) => [esc(y.year), signed(pct(y.ret), y.ret), ...y.benchmarks.map((v) => signed(pct(v), v)), ...y.benchmarks.map((v) => (v === null || y.ret === null ? '—' : signed(pct(y.ret - v), y.ret - v)))])),
    'periods'));

  body.push(section('Risk over time', draw('rolling-sharpe', 'rolling-volatility', 'rolling-beta', 'daily-distribution', 'monthly-distribution'), 'risk'));

  const t = m.trading;
  const trips = model.roundTrips.slice(-MAX_ROWS);
  body.push(
    section(
      'Positions and trades',
      draw('holdings', 'prices', 'rules') +
        htmlTable(['', ''], [
          ['Trades (fills)', String(t.trades)],
          ['Round trips (won / lost)', esc(`${t.roundTrips} (${t.wins} / ${t.losses})`)],
          ['Win rate', esc(pct(t.winRate, 1))],
          ['Profit factor', esc(fixed(t.profitFactor ?? null))],
          ['Expectancy per round trip', esc(`${money(t.expectancy ?? null)} (${pct(t.averageReturn ?? null)})`)],
          ['Average holding period', esc(t.averageHoldingDays === null || t.averageHoldingDays === undefined ? '—' : `${fixed(t.averageHoldingDays, 1)} calendar days`)],
          ['Turnover (one-way, a year)', esc(pct(t.turnover, 0))],
          ['Commission paid', esc(money(t.totalCommission))],
          ['Slippage paid', esc(money(t.totalSlippage))],
          ['Time in market', esc(pct(m.exposure.timeInMarket, 1))],
          ['Mean gross exposure', esc(pct(m.exposure.meanGross, 1))],
        ]) +
        '<h3>Average exposure per asset</h3>' +
        htmlTable(['Asset', 'Exposure'], model.exposure.map(([s, e]) => [esc(s), esc(pct(e, 1))])) +
        (trips.length
          ? `<h3>Round trips</h3><p class="muted">FIFO slices${trips.length < model.roundTrips.length ? `; the last ${trips.length} of ${model.roundTrips.length}` : ''}; all are in round-trips.csv.</p>` +
            htmlTable(['Symbol', 'Side', 'Entry', 'Exit', 'Days held', 'P&L', 'Return'], trips.map((r) => [esc(r.symbol), esc(r.direction), esc(r.openDate), esc(r.closeDate), String(Math.round(r.holdingDays)), signed(money(r.pnl), r.pnl), signed(pct(r.ret), r.ret)]), { cls: 'tall' })
          : ''),
      'trades',
    ),
  );
  body.push(modelHtml(model));
  body.push(decisionsHtml(model));
  if (model.params.length) body.push(section('Parameters', htmlTable(['Param', 'Value'], model.params.map(([k, v]) => [esc(k), esc(v)]), { textCols: [1] }), 'params'));
  body.push(section('Method and data', methodHtml(model), 'method'));
  if (model.notes.length) {
    body.push(section('Notes', `<ul class="log">${model.notes.slice(0, MAX_ROWS).map((n) => `<li>${esc(n.date ? `${n.date}: ` : '')}${esc(n.message)}</li>`).join('')}</ul>${model.notes.length > MAX_ROWS ? `<p>… and ${model.notes.length - MAX_ROWS} more in metrics.json</p>` : ''}`, 'notes'));
  }
  body.push(`<footer>Written by rotor ${esc(model.method.rotor)}. Self-contained: no request leaves this page. Charts drawn with Apache ECharts ${esc(echartsBundle().version)} (Apache License 2.0), inlined.</footer>`);
  body.push('</main>');
  return htmlDocument(`${model.title} · rotor report`, body.join('\n'), charts);
}

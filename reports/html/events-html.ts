import { pct, pValue } from '../format.ts';
import { testsText } from '../events-markdown.ts';
import { eventsCharts } from '../charts/events-charts.ts';
import type { EventsReportModel } from '../model/events-model.ts';
import { esc } from './escape.ts';
import { chartDiv, htmlDocument } from './page.ts';
import { htmlTable, signed, syntheticBanner } from './parts.ts';

const FEW = 30;

/** report.html of an event study. */
export function eventsHtml(model: EventsReportModel): string {
  const { study, context: c } = model;
  const charts = eventsCharts(model);
  const n = study.occurrences.length;
  const body: string[] = ['<main>', `<h1>Event study: ${esc(c.title)}</h1>`];
  if (c.synthetic) body.push(syntheticBanner('study'));
  if (n < FEW) body.push(`<div class="banner few">${n} occurrence${n === 1 ? '' : 's'} only: averages over so few events are anecdotes; one event can carry the mean. Read the occurrences one by one.</div>`);
  body.push(
    `<p class="lede">${esc(`Signal evaluated ${study.window.from} → ${study.window.to} (${study.window.bars} trading days) on ${c.dataDir}: ${n} occurrence${n === 1 ? '' : 's'}, one per episode (the day the signal turned true)${c.declutter > 0 ? `; ${study.dropped} more within ${c.declutter} days of the previous one dropped` : ''}.`)}</p>`,
  );
  body.push(`<div class="grid">${charts.map(chartDiv).join('\n')}</div>`);
  for (const [symbol, rows] of Object.entries(study.summary)) {
    body.push(`<h2>${esc(symbol)}</h2>`);
    body.push(
      htmlTable(
        ['Horizon', 'Events', 'Mean', 'p (mean)', 'Median', 'Hit rate', 'p (hit rate)', 'Baseline days', 'Baseline mean', 'Baseline median', 'Baseline hit rate', 'Overlapping'],
        rows.map((r) => [`${r.horizon}d`, String(r.events.count), signed(pct(r.events.mean), r.events.mean), esc(pValue(r.tests?.meanP)), signed(pct(r.events.median), r.events.median), pct(r.events.hitRate, 0), esc(pValue(r.tests?.hitRateP)), String(r.baseline.count), signed(pct(r.baseline.mean), r.baseline.mean), signed(pct(r.baseline.median), r.baseline.median), pct(r.baseline.hitRate, 0), String(r.overlapping)]),
      ),
    );
  }
  const symbols = Object.keys(study.summary);
  body.push('<h2>Occurrences</h2>');
  body.push(
    n === 0
      ? '<p>None in this window.</p>'
      : htmlTable(
          ['Date', 'Trigger', ...symbols.flatMap((s) => study.horizons.map((h) => `${s} ${h}d`)), 'Overlaps previous at'],
          study.occurrences.map((o) => [esc(o.date), esc(o.because), ...symbols.flatMap((s) => study.horizons.map((h) => signed(pct(o.forward[s]?.[h]), o.forward[s]?.[h]))), esc(o.overlapsPrevious.map((h) => `${h}d`).join(', '))]),
          { textCols: [1], cls: 'tall' },
        ),
  );
  body.push(
    '<h2>Method</h2>',
    "<p>Entry at the close of the occurrence day; the return at horizon h is close(t+h) / close(t) − 1 on adjusted closes (dividends reinvested), h counted in the symbol's own trading days. The baseline is the same statistic over every day of the same window whose forward window fits in the data. Hit rate: share of returns above zero. Windows that overlap the previous occurrence's share days and are not independent.</p>",
    `<p>${esc(testsText(study))}</p>`,
    '<footer>Written by rotor. Self-contained: no request leaves this page. Charts drawn with Apache ECharts (Apache License 2.0), inlined.</footer>',
    '</main>',
  );
  return htmlDocument(`Event study: ${c.title} · rotor`, body.join('\n'), charts);
}

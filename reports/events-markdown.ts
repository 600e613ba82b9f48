import type { EventStudy } from '../engine/index.ts';
import { pct, pValue, table } from './format.ts';

export interface EventsReportContext {
  title: string;
  synthetic: boolean;
  dataDir: string;
  declutter: number;
}

/** What the p-values beside the means and hit rates test, in a sentence (shared with the HTML report). */
export function testsText(study: EventStudy): string {
  const t = study.tests;
  return t
    ? `p (mean): two-sided, the share of ${t.permutations.toLocaleString('en-US')} random draws (seed ${t.seed}) of as many baseline days as there are events whose mean is at least as far from the baseline mean. ` +
        "p (hit rate): two-sided exact binomial test of the events' hits against the baseline hit rate. Both treat events as independent: overlapping windows make them look more certain than they are."
    : 'This study was written before rotor computed p-values.';
}

/** Below this many occurrences the report warns that its averages cannot tell an edge from luck. */
const FEW = 30;

/** The event study's report.md: what was studied and how, the statistics per horizon beside the baseline, then every occurrence. */
export function eventsMarkdown(study: EventStudy, c: EventsReportContext): string {
  const out: string[] = [`# Event study: ${c.title}`, ''];
  if (c.synthetic) {
    out.push('> **SYNTHETIC DATA.** This study used rotor\'s generated sample dataset, not market history.', '');
  }
  const n = study.occurrences.length;
  out.push(
    `Signal evaluated ${study.window.from} → ${study.window.to} (${study.window.bars} trading days) on \`${c.dataDir}\`: ` +
      `${n} occurrence${n === 1 ? '' : 's'}, one per episode (the day the signal turned true)` +
      (c.declutter > 0 ? `; ${study.dropped} more within ${c.declutter} days of the previous one dropped (--declutter ${c.declutter}).` : '.'),
    '',
    'Method: entry at the close of the occurrence day; the return at horizon h is close(t+h) / close(t) − 1 on adjusted ' +
      'closes (dividends reinvested), h counted in the symbol\'s own trading days. The baseline is the same statistic over ' +
      'every day of the same window whose forward window fits in the data. Hit rate: share of returns above zero. ' +
      'Windows that overlap the previous occurrence\'s are counted in the last column: those returns share days and are ' +
      'not independent.',
    '',
    testsText(study),
    '',
  );
  if (n < FEW) {
    out.push(
      `> **${n} occurrence${n === 1 ? '' : 's'} only.** Averages over so few events are anecdotes: one event can carry the mean, ` +
        'and a difference from the baseline this size is well within what chance produces. Read the occurrences one by one.',
      '',
    );
  }
  for (const [symbol, rows] of Object.entries(study.summary)) {
    out.push(`## ${symbol}`, '');
    out.push(
      table(
        ['Horizon', 'Events', 'Mean', 'p (mean)', 'Median', 'Hit rate', 'p (hit rate)', 'Baseline days', 'Baseline mean', 'Baseline median', 'Baseline hit rate', 'Overlapping'],
        rows.map((r) => [
          `${r.horizon}d`,
          String(r.events.count),
          pct(r.events.mean),
          pValue(r.tests?.meanP),
          pct(r.events.median),
          pct(r.events.hitRate, 0),
          pValue(r.tests?.hitRateP),
          String(r.baseline.count),
          pct(r.baseline.mean),
          pct(r.baseline.median),
          pct(r.baseline.hitRate, 0),
          String(r.overlapping),
        ]),
      ),
      '',
    );
  }
  out.push('## Occurrences', '');
  if (n === 0) out.push('None in this window.', '');
  else {
    const symbols = Object.keys(study.summary);
    const cols = symbols.flatMap((s) => study.horizons.map((h) => `${s} ${h}d`));
    out.push(
      table(
        ['Date', 'Trigger', ...cols, 'Overlaps previous at'],
        study.occurrences.map((o) => [
          o.date,
          o.because.replace(/\|/g, '\\|'),
          ...symbols.flatMap((s) => study.horizons.map((h) => pct(o.forward[s][h]))),
          o.overlapsPrevious.length ? o.overlapsPrevious.map((h) => `${h}d`).join(', ') : '',
        ]),
      ),
      '',
    );
  }
  return out.join('\n');
}

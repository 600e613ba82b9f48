import type { EventStudy } from '../engine/index.ts';

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** events.json: one object per occurrence, each with its date, what triggered it and its forward returns. */
export function eventsJson(study: EventStudy): string {
  const rows = study.occurrences.map((o) => ({
    date: o.date,
    trigger: o.because,
    ...(o.values ? { values: o.values } : {}),
    forward: o.forward,
    overlapsPrevious: o.overlapsPrevious,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

/** events.csv: `date,trigger,overlaps` then one column per symbol and horizon, `SYM_21d`. */
export function eventsCsv(study: EventStudy): string {
  const symbols = Object.keys(study.summary);
  const header = ['date', 'trigger', 'overlaps_previous', ...symbols.flatMap((s) => study.horizons.map((h) => `${s}_${h}d`))];
  const lines = [header.join(',')];
  for (const o of study.occurrences) {
    const cells = [o.date, quote(o.because), o.overlapsPrevious.join(' ')];
    for (const s of symbols) for (const h of study.horizons) cells.push(o.forward[s][h] === null ? '' : String(o.forward[s][h]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

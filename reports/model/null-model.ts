import { fixed, pct } from '../format.ts';
import type { NullFigure, NullModelRecord } from '../run-record.ts';
import { histogram, type Histogram } from './histogram.ts';

/** The null-model block of a run report: the figures in words and the two distributions with the run marked. */
export interface NullModelBlock {
  title: string;
  lines: string[];
  rows: { label: string; strategy: string; percentile: string; p5: string; median: string; p95: string }[];
  charts: { id: string; title: string; axis: string; histogram: Histogram; strategy: number | null; percent: boolean }[];
  basis: string;
}

const finite = (xs: readonly (number | null)[]) => xs.filter((v): v is number => v !== null && Number.isFinite(v));

function row(label: string, f: NullFigure, text: (v: number | null) => string) {
  return { label, strategy: text(f.strategy), percentile: f.percentile === null ? '—' : `${fixed(f.percentile, 1)}`, p5: text(f.p5), median: text(f.median), p95: text(f.p95) };
}

export function nullModelBlock(r: NullModelRecord | undefined): NullModelBlock | null {
  if (!r) return null;
  const tr = r.totalReturn.percentile;
  const sh = r.sharpe.percentile;
  return {
    title: `Null model: random timing (${r.n} paths)`,
    lines: [
      `${r.n} seeded paths (seed ${r.seed}) hold what the run held (${r.states} distinct holdings, ${r.switches} switches, average exposure ${pct(r.exposure, 1)}) for as long, switching at random dates.`,
      `The run's total return beats ${tr === null ? '—' : `${fixed(tr, 1)}%`} of them and its Sharpe ratio ${sh === null ? '—' : `${fixed(sh, 1)}%`}: near 50% the timing adds nothing over holding the same assets at random times; above 95% luck alone rarely does as well.`,
    ],
    rows: [row('Total return', r.totalReturn, (v) => pct(v)), row('Sharpe', r.sharpe, (v) => fixed(v))],
    charts: [
      { id: 'null-total-return', title: 'Total return of the random-timing paths', axis: 'Total return (%, bin centre)', histogram: histogram([{ name: 'null paths', values: finite(r.totalReturn.values) }], 40), strategy: r.totalReturn.strategy, percent: true },
      { id: 'null-sharpe', title: 'Sharpe ratio of the random-timing paths', axis: 'Sharpe (bin centre)', histogram: histogram([{ name: 'null paths', values: finite(r.sharpe.values) }], 40), strategy: r.sharpe.strategy, percent: false },
    ],
    basis: r.basis,
  };
}

import { RotorError } from '../errors.ts';
import { firstOnOrAfter, type MacroObservation, type MacroSeries } from '../macro/macro-series.ts';
import { readAsOf, type MacroReading, type MacroTransform } from '../macro/as-of.ts';

export interface ReleaseEvent {
  series: number;
  observation: number;
}

/**
 * Which macro observations are public on the current bar. The loop tells it each release as it becomes visible;
 * the book keeps, per series, the latest period published so far (a late-published older period never hides a
 * newer one).
 */
export class MacroBook {
  private readonly latestIndex: Int32Array;
  private readonly byName = new Map<string, number>();

  constructor(
    private readonly series: readonly MacroSeries[],
    private readonly strategy: string,
    /** Optional series the strategy declared but the data lacks: always unknown, never an error. */
    private readonly absent: ReadonlySet<string> = new Set(),
  ) {
    this.latestIndex = new Int32Array(series.length).fill(-1);
    series.forEach((s, i) => this.byName.set(s.name, i));
  }

  /** The bar on which each observation becomes visible, for the event queue. */
  releases(dates: readonly string[]): { bar: number; event: ReleaseEvent }[] {
    const out: { bar: number; event: ReleaseEvent }[] = [];
    this.series.forEach((s, i) => {
      s.released.forEach((day, j) => {
        const bar = firstOnOrAfter(dates, day);
        if (bar < dates.length) out.push({ bar, event: { series: i, observation: j } });
      });
    });
    return out.sort((a, b) => a.bar - b.bar);
  }

  publish(e: ReleaseEvent): MacroObservation {
    const current = this.latestIndex[e.series];
    if (current < e.observation) this.latestIndex[e.series] = e.observation;
    return this.observation(e.series, e.observation);
  }

  latest(name: string): MacroObservation | undefined {
    const i = this.byName.get(name);
    if (i === undefined && this.absent.has(name)) return undefined;
    if (i === undefined) {
      throw new RotorError(
        `strategy ${this.strategy} reads macro series ${name}, which was not loaded ` +
          `(loaded: ${[...this.byName.keys()].join(', ') || 'none'})`,
      );
    }
    const j = this.latestIndex[i];
    return j < 0 ? undefined : this.observation(i, j);
  }

  /**
   * Up to `n` latest observations published by `today`, oldest first. An older period published late is included
   * only once its own release date has passed.
   */
  history(name: string, n: number, today: string): MacroObservation[] {
    this.latest(name);
    if (this.absent.has(name)) return [];
    const i = this.byName.get(name)!;
    const s = this.series[i];
    const out: MacroObservation[] = [];
    for (let j = this.latestIndex[i]; j >= 0 && out.length < n; j--) {
      if (s.released[j] <= today) out.push(this.observation(i, j));
    }
    return out.reverse();
  }

  /** A point-in-time read (latest value or a transform) from what was published by `today`; see `readAsOf`. */
  reading(name: string, today: string, transform: MacroTransform = 'level'): MacroReading {
    this.latest(name);
    if (this.absent.has(name)) {
      return { series: name, transform: typeof transform === 'string' ? transform : JSON.stringify(transform), state: 'unknown', value: NaN, reason: `${name} is not in the data` };
    }
    const i = this.byName.get(name)!;
    return readAsOf(this.series[i], today, transform, this.latestIndex[i]);
  }

  private observation(i: number, j: number): MacroObservation {
    const s = this.series[i];
    return { series: s.name, period: s.periods[j], value: s.values[j], released: s.released[j] };
  }
}

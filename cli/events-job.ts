import { resolve } from 'node:path';
import { eventStudy, RotorError, type EventStudy } from '../engine/index.ts';
import { checkOutputFolder, eventsReportFiles, writeOutputFolder } from '../reports/index.ts';
import { resolveSignal, type SignalData, type SignalSpec } from './events-signal.ts';

export const DEFAULT_HORIZONS = [1, 5, 21, 63, 126, 252];

export interface EventsOptions extends SignalData {
  horizons?: readonly number[];
  declutter?: number;
  /** Random draws behind each mean's p-value, and their seed. */
  permutations?: number;
  seed?: number;
  out: string;
  /** Write report.html beside report.md (default true; --no-html). */
  html?: boolean;
}

export interface EventsResult {
  title: string;
  study: EventStudy;
  synthetic: boolean;
  files: string[];
}

/** `1,5,21` → [1, 5, 21]; anything but whole numbers ≥ 1 is refused naming the flag. */
export function parseHorizons(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const values = parts.map(Number);
  if (parts.some((p) => p === '') || values.some((h) => !Number.isInteger(h) || h < 1)) {
    throw new RotorError(`--horizons ${text}: expected trading-day counts separated by commas, each a whole number ≥ 1 (e.g. 1,5,21,63)`);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/** `IWM,SPY` or repeated flags → ['IWM', 'SPY']. */
export function parseSymbols(flags: readonly string[] | undefined): string[] {
  return (flags ?? []).flatMap((f) => f.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** Find the occurrences, measure what followed, and write events.json, events.csv, event-study.json, report.md and report.html. */
export async function runEvents(spec: SignalSpec, o: EventsOptions): Promise<EventsResult> {
  checkOutputFolder(o.out);
  const declutter = o.declutter ?? 0;
  if (!Number.isInteger(declutter) || declutter < 0) throw new RotorError(`--declutter ${declutter}: expected a whole number of trading days ≥ 0`);
  if (o.permutations !== undefined && !(Number.isInteger(o.permutations) && o.permutations >= 1 && o.permutations <= 1_000_000)) throw new RotorError(`--permutations ${o.permutations}: expected a whole number from 1 to 1000000`);
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw new RotorError(`--seed ${o.seed}: expected a whole number`);
  const signal = await resolveSignal(spec, o);
  const study = eventStudy({
    dates: signal.market.dates,
    triggers: signal.triggers,
    closes: signal.closes,
    horizons: o.horizons ?? DEFAULT_HORIZONS,
    window: signal.window,
    declutter,
    permutations: o.permutations,
    seed: o.seed,
  });
  const context = { title: signal.title, synthetic: signal.dataset.synthetic, dataDir: signal.dataset.dir, declutter };
  const files = writeOutputFolder(resolve(o.out), eventsReportFiles(study, context, { dates: signal.market.dates, closes: signal.closes }, { html: o.html !== false }));
  return { title: signal.title, study, synthetic: signal.dataset.synthetic, files };
}

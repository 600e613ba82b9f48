import { RotorError, type BenchmarkSpec, type RateSource } from '../engine/index.ts';
import { listSymbols } from '../datasets/index.ts';
import { NUMBER } from './parser-checks.ts';

/**
 * `--cash-rate` / `--risk-free`: a number is an annual rate (0.02); a name is a macro series of the data folder
 * (DTB3: % a year, point in time) or else a price symbol (BIL: its total return); `series:NAME` / `symbol:NAME` say
 * which when a name is both.
 */
export function parseRateFlag(flag: string, text: string, dataDir: string): { rate?: number; source?: RateSource } {
  const t = text.trim();
  if (NUMBER.test(t)) {
    // A typed rate of 1 or more is 100% a year or more: almost always a percentage meant as a fraction (2 for 0.02).
    // The engine takes any rate above -1 (a strategy file may set one); the flag asks for the fraction.
    if (Number(t) >= 1) throw new RotorError(`--${flag} ${text}: expected an annual rate as a fraction below 1 (0.05 for 5%)`);
    return { rate: Number(t) };
  }
  const m = /^(series|symbol):(.+)$/.exec(t);
  if (m) return { source: m[1] === 'series' ? { kind: 'series', name: m[2] } : { kind: 'symbol', symbol: m[2] } };
  const { prices, macro } = listSymbols(dataDir);
  if (macro.includes(t)) return { source: { kind: 'series', name: t } };
  const file = t.replace(/^\^/, '');
  if (prices.includes(file)) return { source: { kind: 'symbol', symbol: t } };
  throw new RotorError(`--${flag} ${text}: expected an annual rate (0.02), a macro series or a price symbol of ${dataDir} (series: ${macro.join(', ') || 'none'})`);
}

/**
 * `--benchmark SPY,IWM,60/40:SPY:0.6,SHY:0.4`: symbols, and blends `NAME:SYM:W,SYM:W…` whose weights sum to 1 (a
 * `SYM:W` item continues the blend before it).
 */
export function parseBenchmarkFlag(text: string | undefined): BenchmarkSpec[] {
  if (!text) return [];
  const out: { name: string; weights: Record<string, number> }[] = [];
  let blend: { name: string; weights: Record<string, number> } | undefined;
  for (const raw of text.split(',')) {
    const item = raw.trim();
    const parts = item.split(':');
    const weight = (w: string) => {
      const x = Number(w);
      if (!Number.isFinite(x) || x < 0 || w.trim() === '') throw new RotorError(`--benchmark ${text}: weight "${w}" in "${item}" must be a number ≥ 0`);
      return x;
    };
    if (parts.length === 1 && item) {
      blend = undefined;
      out.push({ name: item, weights: { [item]: 1 } });
    } else if (parts.length === 3) {
      blend = { name: parts[0], weights: { [parts[1]]: weight(parts[2]) } };
      out.push(blend);
    } else if (parts.length === 2 && blend) {
      blend.weights[parts[0]] = weight(parts[1]);
    } else {
      throw new RotorError(`--benchmark ${text}: "${item}" is not SYMBOL, NAME:SYMBOL:WEIGHT or (after one) SYMBOL:WEIGHT`);
    }
  }
  for (const b of out) {
    const sum = Object.values(b.weights).reduce((a, w) => a + w, 0);
    if (Object.keys(b.weights).length > 1 && Math.abs(sum - 1) > 1e-9) throw new RotorError(`--benchmark ${text}: the weights of ${b.name} sum to ${Number(sum.toPrecision(12))}, not 1`);
  }
  return out;
}

/** Engine settings fields named in errors, and the flag a CLI user sets them with. */
const FLAGS: Record<string, string> = {
  borrowBps: '--borrow-bps',
  maintenanceMargin: '--maintenance-margin',
  startWhen: '--start-when',
  cashRate: '--cash-rate',
  riskFreeFrom: '--risk-free',
  benchmarks: '--benchmark',
  benchmark: '--benchmark',
};

/** An engine error naming `settings.borrowBps` reads `--borrow-bps` on the command line. */
export function flagsForFields(message: string): string {
  return message.replace(/settings\.([A-Za-z]+)(\[\d+\])?/g, (all, field: string) => FLAGS[field] ?? all);
}

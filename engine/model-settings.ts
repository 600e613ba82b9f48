import { FieldError } from './errors.ts';
import type { BenchmarkSpec, RateSource, RunSettings } from './types.ts';

/** A rate source is well formed: a finite constant above −100%, or a non-empty name. */
function checkRate(field: string, r: RateSource | undefined): void {
  if (r === undefined) return;
  if (r.kind === 'constant') {
    if (!Number.isFinite(r.rate) || r.rate <= -1) throw new FieldError(`settings.${field}`, `settings.${field} must be a rate > -1, got ${r.rate}`);
  } else if (r.kind === 'series') {
    if (!r.name) throw new FieldError(`settings.${field}`, `settings.${field} must name a macro series`);
  } else if (r.kind === 'symbol') {
    if (!r.symbol) throw new FieldError(`settings.${field}`, `settings.${field} must name a symbol`);
  } else {
    throw new FieldError(`settings.${field}`, `settings.${field} must be a constant rate, a macro series or a symbol`);
  }
}

function checkBenchmark(b: BenchmarkSpec, i: number): void {
  const entries = Object.entries(b.weights ?? {});
  if (!b.name || entries.length === 0) throw new FieldError('settings.benchmarks', `settings.benchmarks (${b.name || `#${i + 1}`}) must have a name and at least one weight`);
  for (const [sym, w] of entries) {
    if (!Number.isFinite(w) || w < 0) throw new FieldError('settings.benchmarks', `settings.benchmarks (${b.name}): weight of ${sym} must be a number ≥ 0, got ${w}`);
  }
  const sum = entries.reduce((a, [, w]) => a + w, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new FieldError('settings.benchmarks', `settings.benchmarks (${b.name}): weights must sum to 1, got ${sum}`);
}

/** Checks the settings of shorts, financing, universes and benchmarks; errors name the field. */
export function checkModelSettings(s: RunSettings): void {
  if (!Number.isFinite(s.borrowBps) || s.borrowBps < 0) throw new FieldError('settings.borrowBps', `settings.borrowBps must be a number ≥ 0, got ${s.borrowBps}`);
  if (!Number.isFinite(s.maintenanceMargin) || s.maintenanceMargin < 0 || s.maintenanceMargin >= 1) {
    throw new FieldError('settings.maintenanceMargin', `settings.maintenanceMargin must be a number in [0, 1), got ${s.maintenanceMargin}`);
  }
  if (s.startWhen !== 'all' && s.startWhen !== 'any') throw new FieldError('settings.startWhen', `settings.startWhen must be all or any, got ${String(s.startWhen)}`);
  checkRate('cashRate', s.cashRate);
  checkRate('riskFreeFrom', s.riskFreeFrom);
  (s.benchmarks ?? []).forEach(checkBenchmark);
  if (s.benchmarks?.length && s.benchmark !== undefined && s.benchmark !== s.benchmarks[0].name) {
    throw new FieldError('settings.benchmark', `settings.benchmark (${s.benchmark}) must be the first of settings.benchmarks (${s.benchmarks[0].name})`);
  }
}

/** Every benchmark of a run: `benchmarks`, or the single `benchmark` symbol. */
export function benchmarkSpecs(s: RunSettings): BenchmarkSpec[] {
  if (s.benchmarks?.length) return s.benchmarks;
  return s.benchmark ? [{ name: s.benchmark, weights: { [s.benchmark]: 1 } }] : [];
}

/** Symbols a run reads only because of its settings (benchmarks and a cash-like fund), beyond the strategy's. */
export function settingsSymbols(s: RunSettings): string[] {
  const out = benchmarkSpecs(s).flatMap((b) => Object.keys(b.weights));
  for (const r of [s.cashRate, s.riskFreeFrom]) if (r?.kind === 'symbol') out.push(r.symbol);
  return [...new Set(out)];
}

/** Macro series a run reads only because of its settings. */
export function settingsMacro(s: RunSettings): string[] {
  const out: string[] = [];
  for (const r of [s.cashRate, s.riskFreeFrom]) if (r?.kind === 'series') out.push(r.name);
  return [...new Set(out)];
}

import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { importModuleFile } from '../strategies/typescript-loader.ts';
import { dateProblem, RotorError, type CostModel, type RunSettings } from '../engine/index.ts';

/** One run a batch file asks for, before its strategy is loaded; `origin` says where in the file it came from. */
export interface BatchEntry {
  origin: string;
  label: string;
  strategy: string;
  params: Record<string, unknown>;
  settings: Partial<RunSettings>;
}

const ENTRY_KEYS = ['label', 'strategy', 'params', 'from', 'to', 'costs', 'settings'] as const;
const COST_KEYS: readonly (keyof CostModel)[] = ['commissionBps', 'commissionPerShare', 'commissionMin', 'slippageBps'];
const SETTING_KEYS: readonly (keyof RunSettings)[] = ['fill', 'prices', 'initialCash', 'integerShares', 'maxLeverage', 'driftBand', 'minTradeValue', 'riskFree', 'benchmark'];

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Reader {
  constructor(readonly file: string) {}

  fail(where: string, what: string): never {
    throw new RotorError(`${this.file}: ${where}: ${what}`);
  }

  keys(where: string, v: Record<string, Json>, allowed: readonly string[]): void {
    const unknown = Object.keys(v).filter((k) => !allowed.includes(k));
    if (unknown.length) this.fail(where, `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
  }

  string(where: string, v: Json): string {
    if (typeof v !== 'string' || v.trim() === '') this.fail(where, `expected a non-empty string, got ${JSON.stringify(v)}`);
    return v;
  }

  date(where: string, v: Json): string {
    const s = this.string(where, v);
    const problem = dateProblem(s);
    if (problem) this.fail(where, problem.startsWith('expected') ? `${problem}, got ${JSON.stringify(v)}` : `${JSON.stringify(v)} is not a calendar date: ${problem}`);
    return s;
  }

  /** A number is the one-way cost in bps, charged as commission; an object sets the cost model's fields. */
  costs(where: string, v: Json): Partial<CostModel> {
    if (typeof v === 'number') {
      if (!(Number.isFinite(v) && v >= 0)) this.fail(where, `expected a cost in bps ≥ 0, got ${v}`);
      return { commissionBps: v, commissionPerShare: 0, commissionMin: 0, slippageBps: 0 };
    }
    if (!isObject(v)) this.fail(where, `expected bps (a number) or {${COST_KEYS.join(', ')}}, got ${JSON.stringify(v)}`);
    this.keys(where, v, COST_KEYS);
    return v as Partial<CostModel>;
  }

  settings(where: string, v: Json): Partial<RunSettings> {
    if (!isObject(v)) this.fail(where, `expected an object of settings (${SETTING_KEYS.join(', ')}), got ${JSON.stringify(v)}`);
    this.keys(where, v, SETTING_KEYS);
    return v as Partial<RunSettings>;
  }

  params(where: string, v: Json): Record<string, unknown> {
    if (!isObject(v)) this.fail(where, `expected an object of param values, got ${JSON.stringify(v)}`);
    return v;
  }
}

function costLabel(c: Partial<CostModel>): string {
  const bps = (c.commissionBps ?? 0) + (c.slippageBps ?? 0);
  return `${bps}bps`;
}

function entry(r: Reader, where: string, v: Json, defaults: Partial<RunSettings>): BatchEntry {
  if (!isObject(v)) r.fail(where, `expected a run {${ENTRY_KEYS.join(', ')}}, got ${JSON.stringify(v)}`);
  r.keys(where, v, ENTRY_KEYS);
  const strategy = r.string(`${where}.strategy`, v.strategy);
  const settings: Partial<RunSettings> = { ...defaults, ...(v.settings === undefined ? {} : r.settings(`${where}.settings`, v.settings)) };
  if (v.from !== undefined) settings.from = r.date(`${where}.from`, v.from);
  if (v.to !== undefined) settings.to = r.date(`${where}.to`, v.to);
  if (v.costs !== undefined) settings.costs = { ...defaults.costs, ...r.costs(`${where}.costs`, v.costs) } as CostModel;
  return {
    origin: where,
    label: v.label === undefined ? strategy : r.string(`${where}.label`, v.label),
    strategy,
    params: v.params === undefined ? {} : r.params(`${where}.params`, v.params),
    settings,
  };
}

/** `{ strategies, windows, costs }`: every combination, strategies slowest, costs fastest. */
function product(r: Reader, v: Record<string, Json>, defaults: Partial<RunSettings>): BatchEntry[] {
  r.keys('product', v, ['strategies', 'windows', 'costs']);
  const list = (name: string): Json[] => {
    const x = v[name];
    if (x === undefined) return [undefined];
    if (!Array.isArray(x) || x.length === 0) r.fail(name, 'expected a non-empty list');
    return x;
  };
  if (v.strategies === undefined) r.fail('product', 'needs strategies: [...]');
  const out: BatchEntry[] = [];
  list('strategies').forEach((s, i) => {
    const base = typeof s === 'string' ? { strategy: s } : s;
    list('windows').forEach((w, j) => {
      list('costs').forEach((c, k) => {
        const where = `strategies[${i}]` + (v.windows ? ` × windows[${j}]` : '') + (v.costs ? ` × costs[${k}]` : '');
        const e = entry(r, `strategies[${i}]`, base, defaults);
        const parts = [e.label];
        if (w !== undefined) {
          if (typeof w === 'string') {
            const m = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(w);
            if (!m) r.fail(`windows[${j}]`, `expected FROM..TO (either may be empty) or {from, to, label}, got ${JSON.stringify(w)}`);
            if (m[1]) e.settings.from = r.date(`windows[${j}]`, m[1]);
            if (m[2]) e.settings.to = r.date(`windows[${j}]`, m[2]);
            parts.push(w);
          } else {
            if (!isObject(w)) r.fail(`windows[${j}]`, `expected FROM..TO or {from, to, label}, got ${JSON.stringify(w)}`);
            r.keys(`windows[${j}]`, w, ['from', 'to', 'label']);
            if (w.from !== undefined) e.settings.from = r.date(`windows[${j}].from`, w.from);
            if (w.to !== undefined) e.settings.to = r.date(`windows[${j}].to`, w.to);
            parts.push(w.label === undefined ? `${e.settings.from ?? ''}..${e.settings.to ?? ''}` : r.string(`windows[${j}].label`, w.label));
          }
        }
        if (c !== undefined) {
          const costs = r.costs(`costs[${k}]`, c);
          e.settings.costs = { ...defaults.costs, ...costs } as CostModel;
          parts.push(costLabel(costs));
        }
        out.push({ ...e, origin: where, label: parts.join(' ') });
      });
    });
  });
  return out;
}

/** A batch file's runs: a list, `{ runs: [...] }`, or a product `{ strategies, windows, costs }`. */
export function batchEntries(file: string, value: Json, defaults: Partial<RunSettings>): BatchEntry[] {
  const r = new Reader(file);
  const entries = ((): BatchEntry[] => {
    if (Array.isArray(value)) return value.map((v: Json, i) => entry(r, `[${i}]`, v, defaults));
    if (isObject(value) && 'runs' in value) {
      r.keys('top level', value, ['runs']);
      const runs = value.runs;
      if (!Array.isArray(runs)) return r.fail('runs', 'expected a list of runs');
      return runs.map((v: Json, i) => entry(r, `runs[${i}]`, v, defaults));
    }
    if (isObject(value)) return product(r, value, defaults);
    return r.fail('top level', 'expected a list of runs, { "runs": [...] } or { "strategies": [...], "windows": [...], "costs": [...] }');
  })();
  if (entries.length === 0) r.fail('top level', 'lists no runs');
  const seen = new Map<string, string>();
  for (const e of entries) {
    const other = seen.get(e.label);
    if (other) r.fail(e.origin, `label ${JSON.stringify(e.label)} is used by ${other} too; labels name the runs, so each must be unique`);
    seen.set(e.label, e.origin);
  }
  return entries;
}

/** Read a batch file: JSON, or a .ts/.js module whose default export is the same value. */
export async function readBatchFile(path: string): Promise<unknown> {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new RotorError(`${path}: no such batch file`);
  if (/\.[cm]?[jt]s$/.test(extname(abs))) {
    try {
      return (await importModuleFile(abs)).default;
    } catch (e) {
      if (e instanceof RotorError) throw e;
      throw new RotorError(`${path}: failed to load: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const text = readFileSync(abs, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new RotorError(`${path}${line ? `:${line}` : ''}: not valid JSON (${(e as Error).message})`);
  }
}

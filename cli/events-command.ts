import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { DEFAULT_PERMUTATIONS, RotorError, type DecisionTrigger } from '../engine/index.ts';
import { pct, pValue } from '../reports/index.ts';
import { DEFAULT_HORIZONS, parseHorizons, parseSymbols, runEvents, type EventsResult } from './events-job.ts';
import { parseParamFlags } from './run-job.ts';
import type { SignalSpec } from './events-signal.ts';

interface EventsFlags {
  signal: 'streak' | 'rule' | 'strategy';
  target?: string;
  data?: string;
  from?: string;
  to?: string;
  symbols?: string[];
  horizons: string;
  declutter: number;
  permutations: number;
  seed: number;
  out?: string;
  symbol: string;
  days: number;
  'min-return': number;
  param?: string[];
  on: string[];
  html: boolean;
}

const TRIGGERS: readonly DecisionTrigger[] = ['entry', 'signal', 'exit', 'start', 'rebalance'];

/** `entry,signal` or repeated flags → the decision triggers, each checked. */
function parseTriggers(flags: readonly string[]): DecisionTrigger[] {
  const out = flags.flatMap((f) => f.split(',')).map((s) => s.trim()).filter(Boolean);
  const bad = out.find((t) => !(TRIGGERS as readonly string[]).includes(t));
  if (bad !== undefined || out.length === 0) throw new RotorError(`--on ${flags.join(',')}: expected decision kinds among ${TRIGGERS.join(', ')}, e.g. entry,signal`);
  return out as DecisionTrigger[];
}

/** `rotor events streak|rule|strategy …`: the options of an event study. */
export function eventsOptions<T>(y: Argv<T>) {
  return y
    .positional('signal', { choices: ['streak', 'rule', 'strategy'] as const, demandOption: true, describe: 'streak (built in), rule "<expression>", or strategy <file or built-in>' })
    .positional('target', { type: 'string', describe: 'the rule expression, or the strategy' })
    .option('data', { type: 'string', describe: 'data folder; default: the embedded synthetic sample' })
    .option('from', { type: 'string', describe: 'first date of the sample YYYY-MM-DD' })
    .option('to', { type: 'string', describe: 'last date of the sample YYYY-MM-DD' })
    .option('symbols', { type: 'string', array: true, describe: 'symbols whose forward returns to measure (comma-separated or repeated); default: the signal\'s own' })
    .option('horizons', { type: 'string', default: DEFAULT_HORIZONS.join(','), describe: 'forward horizons in trading days' })
    .option('declutter', { type: 'number', default: 0, describe: 'drop occurrences within N trading days of the previous one kept' })
    .option('permutations', { type: 'number', default: DEFAULT_PERMUTATIONS, describe: "random draws of baseline days behind each mean's p-value" })
    .option('seed', { type: 'number', default: 1, describe: 'seed of those draws (the p-values are the same for the same seed)' })
    .option('out', { type: 'string', describe: 'output folder (default: rotor-out/events-<signal>)' })
    .option('symbol', { type: 'string', default: 'RUT', describe: 'streak: the series whose closes make the streak' })
    .option('days', { type: 'number', default: 5, describe: 'streak: consecutive qualifying closes' })
    .option('min-return', { type: 'number', default: 0.01, describe: 'streak: each close-to-close return must exceed this' })
    .option('param', { type: 'string', array: true, describe: 'strategy: parameter key=value (repeatable)' })
    .option('on', { type: 'string', array: true, default: ['entry,signal'], describe: `strategy: which recorded decisions count as occurrences (${TRIGGERS.join(', ')})` })
    .option('html', { type: 'boolean', default: true, describe: 'write report.html beside report.md (--no-html skips it)' })
    .example('$0 events streak --symbol RUT --days 5 --min-return 0.01 --symbols RUT,IWM,SPY --data ../shared/data', 'the July-2024 streak, on real data')
    .example('$0 events rule "yoy(macro(CPIAUCNS, month)) <= 3%" --symbols IWM,SPY', 'a rule in the text syntax (see README, "Rules")')
    .example('$0 events strategy small-cap-streak --symbols IWM,SPY', 'the dates a strategy\'s entry rule fired');
}

function specOf(f: EventsFlags): SignalSpec {
  if (f.signal === 'streak') {
    if (f.target) throw new RotorError(`events streak takes no positional argument (got "${f.target}"); use --symbol, --days, --min-return`);
    if (!Number.isInteger(f.days) || f.days < 1) throw new RotorError(`--days ${f.days}: expected a whole number ≥ 1`);
    if (!Number.isFinite(f['min-return'])) throw new RotorError(`--min-return ${f['min-return']}: expected a number, e.g. 0.01 for 1%`);
    return { kind: 'streak', symbol: f.symbol, days: f.days, minReturn: f['min-return'] };
  }
  if (!f.target) throw new RotorError(`events ${f.signal} needs ${f.signal === 'rule' ? 'a rule expression, e.g. "streak(ret(RUT) > 1%, 5)"' : 'a strategy file or built-in name'}`);
  if (f.signal === 'rule') return { kind: 'rule', text: f.target };
  return { kind: 'strategy', ref: f.target, params: parseParamFlags(f.param), on: parseTriggers(f.on) };
}

export function summaryOfEvents(r: EventsResult): string[] {
  const s = r.study;
  const lines = [
    `events: ${r.title}${r.synthetic ? ' [SYNTHETIC sample data]' : ''}`,
    `  ${s.occurrences.length} occurrences ${s.window.from} → ${s.window.to}${s.dropped ? ` (${s.dropped} decluttered)` : ''}: ${s.occurrences.map((o) => o.date).join(', ') || 'none'}`,
  ];
  for (const [symbol, rows] of Object.entries(s.summary)) {
    lines.push(`  ${symbol} mean forward return, events vs baseline (p): ${rows.map((h) => `${h.horizon}d ${pct(h.events.mean)} vs ${pct(h.baseline.mean)} (${pValue(h.tests.meanP)})`).join('  ')}`);
  }
  return lines;
}

/** The handler of `rotor events`. */
export async function eventsCommand(args: unknown): Promise<void> {
  const f = args as EventsFlags;
  const spec = specOf(f);
  const name = spec.kind === 'strategy' ? `events-${spec.ref.replace(/^.*[\\/]/, '').replace(/\.[cm]?[jt]s$/, '')}` : `events-${spec.kind}`;
  const r = await runEvents(spec, {
    data: f.data,
    from: f.from,
    to: f.to,
    symbols: parseSymbols(f.symbols),
    horizons: parseHorizons(String(f.horizons)),
    declutter: f.declutter,
    permutations: f.permutations,
    seed: f.seed,
    out: f.out ?? resolve('rotor-out', name),
    html: f.html !== false,
  });
  for (const line of summaryOfEvents(r)) console.log(line);
  console.log(`  wrote ${r.files.join(', ')}`);
}

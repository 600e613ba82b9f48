import {
  above, parseRule, priceView, resolveParams, resolveSymbols, ret, RotorError, runBacktest, ruleSignal, streak, strategySignal,
  type DecisionTrigger, type MarketData, type Trigger,
} from '../engine/index.ts';
import { loadDataset, SAMPLE_DIR, type DatasetIdentity } from '../datasets/index.ts';
import { loadStrategy } from '../strategies/index.ts';

/** What to study: the built-in streak, a rule in the text syntax, or a strategy's recorded signals. */
export type SignalSpec =
  | { kind: 'streak'; symbol: string; days: number; minReturn: number }
  | { kind: 'rule'; text: string }
  | { kind: 'strategy'; ref: string; params: Readonly<Record<string, string>>; on: readonly DecisionTrigger[] };

export interface ResolvedSignal {
  title: string;
  triggers: Trigger[];
  window: [number, number];
  market: MarketData;
  /** Adjusted closes of the symbols whose forward returns are studied. */
  closes: Record<string, Float64Array>;
  dataset: DatasetIdentity;
}

export interface SignalData {
  data?: string;
  /** Symbols whose forward returns are studied; default: what the signal trades or reads. */
  symbols?: readonly string[];
  from?: string;
  to?: string;
}

function adjustedCloses(market: MarketData, symbols: readonly string[]): Record<string, Float64Array> {
  const view = priceView(market, 'total-return');
  return Object.fromEntries(symbols.map((s) => [s, view.close[market.symbolIndex(s)]]));
}

/** Load the data a signal needs and find every bar it fired on. */
export async function resolveSignal(spec: SignalSpec, o: SignalData): Promise<ResolvedSignal> {
  const dir = o.data ?? SAMPLE_DIR;
  if (spec.kind === 'strategy') {
    const strategy = await loadStrategy(spec.ref);
    const params = resolveParams(strategy.name, strategy.params ?? {}, spec.params);
    const universe = resolveSymbols(strategy.universe, params);
    const symbols = o.symbols?.length ? [...o.symbols] : universe;
    const ds = loadDataset(dir, [...universe, ...resolveSymbols(strategy.signals, params), ...symbols], resolveSymbols(strategy.macro, params));
    const result = runBacktest({ market: ds.market, macro: ds.macro, strategy, params, settings: { from: o.from, to: o.to } });
    const signal = strategySignal(result, ds.market.dates, spec.on);
    if (signal.logged === 0) {
      throw new RotorError(
        `strategy ${strategy.name} records no rule decisions, so its signals cannot be read back ` +
          '(record them with follow() or explainDecision(); see README, "Rules")',
      );
    }
    return { title: `${strategy.name}: ${spec.on.join(' and ')} decisions`, triggers: signal.triggers, window: signal.window, market: ds.market, closes: adjustedCloses(ds.market, symbols), dataset: ds.identity };
  }

  const parsed =
    spec.kind === 'streak'
      ? { build: () => streak(above(ret(spec.symbol), spec.minReturn), spec.days), symbols: [spec.symbol], macro: [] as string[] }
      : parseRule(spec.text);
  const symbols = o.symbols?.length ? [...o.symbols] : parsed.symbols;
  if (symbols.length === 0) throw new RotorError(`rule "${(spec as { text: string }).text}" reads no prices: name the symbols to study with --symbols`);
  const anchor = parsed.symbols[0] ?? symbols[0];
  const ds = loadDataset(dir, [...parsed.symbols, ...symbols], parsed.macro);
  const signal = ruleSignal({ market: ds.market, macro: ds.macro, rule: parsed.build, anchor, reads: parsed.symbols, macroNames: parsed.macro, from: o.from, to: o.to });
  return { title: signal.description, triggers: signal.triggers, window: signal.window, market: ds.market, closes: adjustedCloses(ds.market, symbols), dataset: ds.identity };
}

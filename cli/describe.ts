import { describeParam, resolveParams, resolveSymbols } from '../engine/index.ts';
import { loadStrategy } from '../strategies/index.ts';

export async function describeStrategy(ref: string): Promise<string> {
  const s = await loadStrategy(ref);
  const specs = s.params ?? {};
  const defaults = resolveParams(s.name, specs);
  const lines = [
    `${s.name}: ${s.description}`,
    `  trades:  ${resolveSymbols(s.universe, defaults).join(', ')} (with default params)`,
  ];
  const signals = resolveSymbols(s.signals, defaults);
  if (signals.length) lines.push(`  reads:   ${signals.join(', ')}`);
  const macro = resolveSymbols(s.macro, defaults);
  if (macro.length) lines.push(`  macro:   ${macro.join(', ')}`);
  lines.push('  params:' + (Object.keys(specs).length ? '' : ' none'));
  for (const [name, spec] of Object.entries(specs)) {
    lines.push(`    ${name} = ${JSON.stringify(spec.default)}  (${describeParam(spec)})${spec.description ? `  ${spec.description}` : ''}`);
  }
  return lines.join('\n');
}

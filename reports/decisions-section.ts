import { ruleDecision, type DecisionRecord, type DecisionTrigger } from '../engine/index.ts';

const LABEL: Record<DecisionTrigger, [string, string]> = {
  start: ['start', 'starts'],
  entry: ['entry', 'entries'],
  exit: ['exit', 'exits'],
  signal: ['signal without a change of position', 'signals without a change of position'],
  rebalance: ['routine rebalance', 'routine rebalances'],
};

/**
 * The report's Decisions section. Rule-driven runs list their state changes (start, entries, exits, signals) —
 * the decisions a reader checks — and only count routine rebalances; other runs list their latest decisions.
 */
export function decisionsSection(decisions: readonly DecisionRecord[], max: number): string[] {
  if (decisions.length === 0) return [];
  const out = ['## Decisions', ''];
  const counts = new Map<DecisionTrigger, number>();
  for (const d of decisions) {
    const t = ruleDecision(d.detail)?.trigger;
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  if (counts.size > 0) {
    const parts = (Object.keys(LABEL) as DecisionTrigger[]).filter((t) => counts.has(t)).map((t) => `${counts.get(t)} ${LABEL[t][counts.get(t) === 1 ? 0 : 1]}`);
    out.push(`${decisions.length} decisions: ${parts.join(', ')}. Each says which rules decided it and on what values; decisions.csv has every rule evaluated, with its state.`, '');
  }
  const changes = decisions.filter((d) => {
    const t = ruleDecision(d.detail)?.trigger;
    return t !== undefined && t !== 'rebalance';
  });
  const listed = changes.length > 0 ? changes : decisions;
  const shown = listed.slice(-max);
  if (shown.length < listed.length) out.push(`The last ${shown.length} of ${listed.length}${changes.length ? ' state changes' : ''}; all are in decisions.csv.`, '');
  for (const d of shown) out.push(`- ${d.date}: ${d.summary}`);
  out.push('');
  return out;
}

import { ruleDecision, type DecisionRecord, type DecisionTrigger } from '../../engine/index.ts';

export type RuleState = 'true' | 'false' | 'unknown';

export interface RuleTimeline {
  /** Rules as the decision log names them, outermost first; depth 0 is the deciding rule. */
  rules: { name: string; depth: number }[];
  /**
   * State of the deciding rule (depth 0) from `from` until `to`: `follow()` records every change of it, so these
   * spans are exact.
   */
  segments: { rule: number; from: string; to: string; state: RuleState }[];
  /** States of the parts as recorded at each decision; between decisions they are not recorded (no spans drawn). */
  points: { rule: number; date: string; state: RuleState }[];
  decisions: { date: string; trigger: DecisionTrigger; summary: string }[];
}

/**
 * Each rule's state over the run, from the rule decisions the strategy recorded. Strategies built on `follow()`
 * record every change of the deciding rule, so its row is a span per state; the parts' states are known only on
 * the decision days (a part can change between decisions without moving the deciding rule), so they are points.
 * null when the run recorded no rule decision.
 */
export function ruleTimeline(decisions: readonly DecisionRecord[], lastDate: string): RuleTimeline | null {
  const rules: { name: string; depth: number }[] = [];
  const index = new Map<string, number>();
  const open = new Map<number, { from: string; state: RuleState }>();
  const segments: RuleTimeline['segments'] = [];
  const out: RuleTimeline['decisions'] = [];
  const points: RuleTimeline['points'] = [];
  for (const d of decisions) {
    const rd = ruleDecision(d.detail);
    if (!rd) continue;
    out.push({ date: d.date, trigger: rd.trigger, summary: d.summary });
    for (const r of rd.rules) {
      const key = `${r.depth}\u0000${r.rule}`;
      let k = index.get(key);
      if (k === undefined) {
        k = rules.length;
        index.set(key, k);
        rules.push({ name: r.rule, depth: r.depth });
      }
      if (r.depth > 0) {
        points.push({ rule: k, date: d.date, state: r.state });
        continue;
      }
      const cur = open.get(k);
      if (cur && cur.state === r.state) continue;
      if (cur && cur.from < d.date) segments.push({ rule: k, from: cur.from, to: d.date, state: cur.state });
      open.set(k, { from: d.date, state: r.state });
    }
  }
  if (out.length === 0) return null;
  for (const [k, cur] of open) segments.push({ rule: k, from: cur.from, to: lastDate, state: cur.state });
  segments.sort((a, b) => a.rule - b.rule || (a.from < b.from ? -1 : 1));
  return { rules, segments, points, decisions: out };
}

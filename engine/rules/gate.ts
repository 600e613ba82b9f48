import { checkRule, marked, type Evaluation, type Rule } from './evaluation.ts';
import { allOf } from './truth.ts';

/**
 * What an unknown condition means to a gate: `ignore` decides on the known conditions alone (at least one must be
 * known), `false` counts it as failed, `unknown` leaves the whole gate unknown unless a known condition fails.
 */
export type UnknownPolicy = 'ignore' | 'false' | 'unknown';
export const UNKNOWN_POLICIES: readonly UnknownPolicy[] = ['ignore', 'false', 'unknown'];

/** A gate of named conditions that all must hold; its account names the unknown ones. */
export function gate(conditions: readonly Rule[], unknown: UnknownPolicy = 'ignore'): Rule {
  const description = `all of: ${conditions.map((c) => c.description).join(', ')}`;
  return {
    description,
    check(ctx) {
      let failed = false;
      let unknowns = 0;
      for (let i = 0; i < conditions.length; i++) {
        const s = checkRule(conditions[i], ctx);
        if (s === 'false') failed = true;
        else if (s === 'unknown') unknowns++;
      }
      if (failed) return 'false';
      if (unknowns === 0) return 'true';
      if (unknown === 'false') return 'false';
      return unknown === 'ignore' && unknowns < conditions.length ? 'true' : 'unknown';
    },
    evaluate(ctx): Evaluation {
      const parts = conditions.map((c) => c.evaluate(ctx));
      const states = parts.map((p) => p.state);
      const unknownNames = parts.filter((p) => p.state === 'unknown').map((p) => p.rule);
      let state = allOf(states);
      if (state === 'unknown' && unknown === 'false') state = 'false';
      if (state === 'unknown' && unknown === 'ignore' && unknownNames.length < parts.length) state = 'true';
      const note = unknownNames.length
        ? `; unknown: ${unknownNames.join(', ')} (${unknown === 'ignore' ? 'ignored' : unknown === 'false' ? 'counted as false' : 'gate unknown'})`
        : '';
      const because = parts.map(marked).join('; ') + note;
      const says = `${state === 'true' ? 'gate open' : state === 'false' ? 'gate closed' : 'gate unknown'}: ${because}`;
      return { rule: description, state, because, says, values: { unknown: unknownNames.join(', ') || null }, parts };
    },
  };
}

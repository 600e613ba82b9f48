/**
 * Three-valued truth: a rule whose data is not yet known is neither true nor false, and strategies must be able to
 * tell the difference (an unpublished statistic is not a failed condition).
 */
export type Truth = 'true' | 'false' | 'unknown';

export const truth = (b: boolean): Truth => (b ? 'true' : 'false');

/** Kleene conjunction: any false decides; otherwise any unknown leaves it unknown. */
export function allOf(states: readonly Truth[]): Truth {
  if (states.includes('false')) return 'false';
  return states.includes('unknown') ? 'unknown' : 'true';
}

/** Kleene disjunction: any true decides; otherwise any unknown leaves it unknown. */
export function anyOf(states: readonly Truth[]): Truth {
  if (states.includes('true')) return 'true';
  return states.includes('unknown') ? 'unknown' : 'false';
}

export function negate(state: Truth): Truth {
  return state === 'true' ? 'false' : state === 'false' ? 'true' : 'unknown';
}

import {
  above, and, atMost, average, below, defineStrategy, follow, fromHigh, fromLow, gate, macro, minHold, named, not, rising,
  unavailable, UNKNOWN_POLICIES, yoy, type ParamSpecs, type ParamValues,
} from '../engine/index.ts';

// Overweight small caps while four conditions hold (UBS, July 2024): inflation stays contained, the Fed is cutting,
// the economy keeps growing, and earnings growth reaches small companies. Each is judged on what was published by
// that day; a condition without data is unknown, and `unknown` decides what that means.
const params = {
  cpi: { type: 'string', default: 'CPIAUCNS', description: 'monthly CPI index (NSA: never revised)' },
  maxInflation: { type: 'number', default: 0.03, min: 0, max: 0.2, description: 'CPI year-over-year at or below this' },
  accelMonths: { type: 'integer', default: 3, min: 1, max: 12, description: 'and not higher than this many months earlier' },
  fedFunds: { type: 'string', default: 'FEDFUNDS', description: 'monthly policy rate, %' },
  minCut: { type: 'number', default: 0.25, min: 0, max: 5, description: 'percentage points below its trailing high' },
  cutLookback: { type: 'integer', default: 12, min: 2, max: 36, description: 'months of that trailing high' },
  gdpGrowth: { type: 'string', default: 'GDPC1.first_release_qoq_saar_pct', description: 'real GDP growth as first published, % SAAR' },
  minGdpGrowth: { type: 'number', default: 0, min: -10, max: 10, description: 'latest growth above this' },
  unemployment: { type: 'string', default: 'UNRATE', description: 'monthly unemployment rate, %' },
  sahm: { type: 'number', default: 0.5, min: 0.1, max: 2, description: 'Sahm rule: 3-month average this far above its 12-month low is a recession signal' },
  epsSeries: { type: 'string', default: 'SMALLCAP_EPS', description: 'small-cap earnings series, or none (condition unknown)' },
  minEpsGrowth: { type: 'number', default: 0, min: -1, max: 1, description: 'earnings year-over-year above this' },
  unknown: { type: 'choice', default: 'ignore', choices: UNKNOWN_POLICIES, description: 'an unknown condition is ignored, counts as false, or leaves the gate unknown (position kept)' },
  openWeights: { type: 'weights', default: { IWM: 0.7, SPY: 0.3 }, description: 'held while the gate is open' },
  closedWeights: { type: 'weights', default: { SPY: 1 }, description: 'held while it is closed' },
  minHold: { type: 'integer', default: 0, min: 0, max: 252, description: 'trading days each gate state is kept at least' },
} as const satisfies ParamSpecs;

export default defineStrategy({
  name: 'ubs-four-conditions',
  description: 'Overweight small caps while inflation is contained, the Fed is cutting, the economy grows and small-cap earnings grow.',
  universe: (p) => [...new Set([...Object.keys(p.openWeights), ...Object.keys(p.closedWeights)])],
  macro: (p) => [p.cpi, p.fedFunds, p.gdpGrowth, p.unemployment],
  optionalMacro: (p) => (p.epsSeries === 'none' ? [] : [p.epsSeries]),
  params,
  init(_ctx, p) {
    const policy = UNKNOWN_POLICIES.find((u) => u === p.unknown) ?? 'ignore';
    const open = minHold(gate(fourConditions(p), policy), p.minHold);
    return follow(open, { whenTrue: p.openWeights, whenFalse: p.closedWeights, unknownAs: policy === 'unknown' ? 'keep' : 'false' });
  },
  onBar: (ctx, _p, rotation) => rotation.next(ctx),
});

/** The four conditions, each named as UBS put it (exported so tests can evaluate them one by one). */
export function fourConditions(p: ParamValues<typeof params>) {
  const inflation = yoy(macro(p.cpi, { every: 'month' }));
  const unemployment = average(macro(p.unemployment, { every: 'month' }), 3);
  const gdp = macro(p.gdpGrowth, { every: 'quarter', label: 'real GDP growth (first print, % SAAR)' });
  return [
    named('inflation contained', and(atMost(inflation, p.maxInflation), not(rising(inflation, p.accelMonths)))),
    named('the Fed cutting', atMost(fromHigh(macro(p.fedFunds, { every: 'month' }), p.cutLookback, 'difference'), -p.minCut)),
    named('the economy growing', and(above(gdp, p.minGdpGrowth), named('no Sahm-rule recession signal', below(fromLow(unemployment, 13, 'difference'), p.sahm)))),
    p.epsSeries === 'none'
      ? unavailable('small-cap earnings growing', 'no small-cap earnings series (epsSeries=none)')
      : named('small-cap earnings growing', above(yoy(macro(p.epsSeries)), p.minEpsGrowth)),
  ];
}

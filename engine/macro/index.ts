export { firstOnOrAfter, type MacroObservation, type MacroSeries } from './macro-series.ts';
export { readAsOf, transformName, type MacroReading, type MacroTransform } from './as-of.ts';
export { inferFrequency, periodEnd, type MacroFrequency } from './periods.ts';

export { firstOnOrAfter, type MacroObservation, type MacroSeries } from './macro-series.ts';

export {
  loadDataset,
  filesHash,
  listSymbols,
  symbolFile,
  priceFolder,
  macroFileOf,
  SAMPLE_DIR,
  type Dataset,
  type DatasetIdentity,
  type DatasetFile,
  type DatasetSeries,
  type LoadOptions,
} from './load.ts';
export { ROTOR_ROOT, ROTOR_PACKAGE_VERSION } from './package-root.ts';
export { readPrices, parsePrices, PRICE_COLUMNS, type PriceTable } from './read-prices.ts';
export { readMacro, parseMacroTable, macroSeriesFrom, type MacroTable, type MacroVintage, type MacroReadOptions } from './read-macro.ts';
export { checkPriceSeries, DEFAULT_PRICE_RULES, type PriceRuleOptions } from './price-rules.ts';
export { seriesKind, defaultRelease, employmentRelease, cpiRelease, gdpAdvanceRelease, type SeriesKind } from './release-lags.ts';
export { parseMacroLagFlags, readMacroLagConfig, MACRO_LAGS_FILE } from './macro-lag-config.ts';
export { issueText, countErrors, type DataIssue, type IssueSeverity } from './issues.ts';
export { usedRanges, type UsedRange } from './used-ranges.ts';
export { warningsForRun } from './run-warnings.ts';
export { packDataset, unpackDataset } from './dataset-cache.ts';

export { loadDataset, listSymbols, symbolFile, SAMPLE_DIR, type Dataset, type DatasetIdentity } from './load.ts';
export { readPrices, PRICE_COLUMNS } from './read-prices.ts';
export { readMacro, DEFAULT_RELEASE_LAG_DAYS } from './read-macro.ts';

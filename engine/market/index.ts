export { MarketData, PRICE_FIELDS, type PriceField, type MarketDataTransfer } from './market-data.ts';
export { alignBars, type SymbolBars } from './align.ts';
export { closeColumn, priceView, type PriceView } from './price-view.ts';

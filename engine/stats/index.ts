export { normalCdf, normalQuantile } from './normal.ts';
export { minTrackRecordLength, probabilisticSharpe, sharpeStandardError, type SharpeSample } from './sharpe-inference.ts';
export { deflatedSharpe, expectedMaxSharpe, EULER_MASCHERONI } from './deflated.ts';
export { binomial, cscv, type CscvResult } from './cscv.ts';
export { uniformAt } from './random.ts';
export { binomialTest } from './binomial-test.ts';
export { randomDrawPValue, type ResamplingOptions } from './resampling.ts';

export { Indicators, type IndicatorKind } from './indicators.ts';
export { Ema, FromHigh, MonthlySma, PairStats, Rsi, Sma, Volatility, type Stepper } from './steppers.ts';

export { capWeights, equalRiskContribution, equalWeights, inverseVolatility, minimumVariance, returnCovariance } from './weights.ts';

export { commission, slippedPrice, NO_COSTS } from './costs.ts';
export { Portfolio } from './portfolio.ts';
export { executeDeltas, type FillContext } from './execute.ts';
export { rebalanceTo } from './rebalance.ts';

export { HELD, timingStates, type TimingStates } from './timing-states.ts';
export { nullPath, percentileOf, randomTiming, type RandomTimingResult, type TimingInput } from './random-timing.ts';

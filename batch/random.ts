// The counter-based generator lives with the statistics kernels (event-study p-values draw from it too).
export { uniformAt } from '../engine/stats/random.ts';

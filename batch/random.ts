// The counter-based generator lives in the engine, where the null models draw from it too.
export { uniformAt } from '../engine/nulls/counter-random.ts';

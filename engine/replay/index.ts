export { runBacktest, type BacktestInput, type BacktestResult } from './backtest.ts';
export { EventQueue, Phase, type QueuedEvent } from './event-queue.ts';
export { resolveRun, type ResolvedRun } from './resolve-run.ts';
export { lockIntrinsics } from './lock-intrinsics.ts';
export { NO_POSITIONS, densePositions, sparsePositions, positionRows, positionBars } from './position-values.ts';

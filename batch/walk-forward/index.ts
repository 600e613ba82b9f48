export { addCalendar, barAt, barOnOrAfter, durationText, parseDuration, type Offset } from './duration.ts';
export { planFolds, type Fold, type FoldPlan, type FoldSpec, type WindowBars } from './folds.ts';
export { foldReturns, stitchRuns, type FoldRun } from './stitch.ts';
export { foldDir, foldsCsv, probeWindow, runWalkForward, type FoldOutcome, type WalkForwardHooks, type WalkForwardResult, type WalkForwardSetup } from './run-walk-forward.ts';
export { walkForwardReports } from './report-input.ts';

export { ForwardReturns } from './forward-returns.ts';
export { declutter, onsets, overlaps } from './occurrences.ts';
export { returnStats, type ReturnStats } from './summary-stats.ts';
export { DEFAULT_PERMUTATIONS, eventStudy, type EventStudy, type EventStudyInput, type HorizonSummary, type HorizonTests, type Occurrence, type Trigger } from './event-study.ts';
export { ruleSignal, type RuleSignal, type RuleSignalInput } from './rule-signal.ts';
export { SIGNAL_TRIGGERS, strategySignal } from './strategy-signal.ts';

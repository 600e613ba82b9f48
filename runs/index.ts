export type { DataFileRef, DataRef, RunSpec, StrategyRef } from './spec.ts';
export type { RunError, RunOutcome } from './outcome.ts';
export { planRun, type RunPlan } from './plan.ts';
export { execute, failedOutcome, runError, type Execution, type ExecuteOptions, type RunInputs } from './execute.ts';
export { canonicalJson, runKey } from './key.ts';
export { decodeFloat64, decodeOutcome, encodeFloat64, encodeOutcome, type EncodedOutcome } from './codec.ts';
export { loadRunData, loadStrategyRef, type DataRequest } from './load.ts';
export { runFiles, runRecord } from './run-files.ts';
export { ROTOR_VERSION } from './version.ts';

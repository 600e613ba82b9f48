import type { ParamValue, RunSettings } from '../engine/index.ts';
import type { MacroVintage } from '../datasets/index.ts';

/** Which strategy a run uses: a built-in name or a file, with the hash of the file's bytes. */
export interface StrategyRef {
  /** What the user typed: a built-in name or a path. */
  ref: string;
  builtIn: boolean;
  /** Absolute path of the module. */
  path: string;
  /**
   * sha256 of the module's source: a changed file is a different run. With local imports, of every file's path
   * (relative to the strategy's folder) and bytes, so that editing a helper file changes it too.
   */
  sha256: string;
  /** The other local files the strategy file imports (absolute paths), when it has any. */
  imports?: string[];
}

export interface DataFileRef {
  /** Path inside the data folder: prices/SPY.csv, macro/CPIAUCSL.csv. */
  file: string;
  sha256: string;
  /** The symbol a price file was read for. */
  symbol?: string;
}

/** Which data a run reads, and how its macro series are timed. */
export interface DataRef {
  dir: string;
  /**
   * sha256 over the names and contents of the files read (see DatasetIdentity.hash). In a RunSpec, of the files
   * that run reads, so the same run has the same key however many other files were loaded beside it.
   */
  hash: string;
  /** Every loaded file with its hash, so each run's own hash can be taken from them. */
  files: readonly DataFileRef[];
  vintage: MacroVintage;
  /** Per-series publication lags that override the defaults (`--macro-lag`). */
  macroLags: Readonly<Record<string, number>>;
}

/**
 * Everything that decides a run's numbers, as plain data: it crosses threads and processes as JSON, and its
 * canonical form is hashed into the run key. `params` are the resolved values (defaults filled in); `settings` the
 * resolved settings, window (`from`/`to`) included.
 */
export interface RunSpec {
  strategy: StrategyRef;
  params: Readonly<Record<string, ParamValue>>;
  settings: RunSettings;
  data: DataRef;
}

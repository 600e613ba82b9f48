// Vitest global setup: the CLI tests run the built `rotor` (cli/bin.js → dist/), so build it from the current source
// first, also when a single test file is run without `npm test`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRotor } from '../../scripts/build.mjs';

export default async function setup(): Promise<() => void> {
  await buildRotor({ quiet: true });
  // The tests' temporary folders, and those of the rotor commands they start, go under one folder that is removed
  // when the run ends, instead of hundreds left in the system's temp folder on every run.
  const root = mkdtempSync(join(tmpdir(), 'rotor-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}

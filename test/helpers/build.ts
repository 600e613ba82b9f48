// Vitest global setup: the CLI tests run the built `rotor` (cli/bin.js → dist/), so build it from the current source
// first, also when a single test file is run without `npm test`.
import { buildRotor } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildRotor({ quiet: true });
}

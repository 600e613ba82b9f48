import { RotorError } from '../engine/index.ts';
import { flagsForFields } from './model-flags.ts';
import { fastRunArgs } from './run-argv.ts';

/** A user mistake prints one line and exits 1; anything else is a bug and keeps its stack. */
function fail(e: unknown): never {
  if (e instanceof RotorError) {
    process.stderr.write(`rotor: ${flagsForFields(e.message)}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${(e as { debugStack?: string }).debugStack ?? e.stack}\n`);
    process.exit(1);
  }
  process.stderr.write(`rotor: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(2);
}

/**
 * A plain `rotor run` goes straight to its command: neither yargs nor the other commands' code is loaded (the
 * modules are imported only when needed, so a run parses only what it executes). Everything else, and every `run`
 * the fast reader does not take, is yargs' to parse, with its help and messages.
 */
async function main(): Promise<void> {
  // process.argv.slice(2) is what yargs' hideBin gives under node (it differs only in a bundled Electron app).
  const fast = fastRunArgs(process.argv.slice(2));
  if (fast) {
    const { runCommand } = await import('./run-command.ts');
    await runCommand(fast);
    return;
  }
  const { cli, hideBin } = await import('./cli.ts');
  await cli(hideBin(process.argv));
}

main().catch(fail);

/**
 * A user mistake prints one line and exits 1; anything else is a bug and keeps its stack. What it needs to tell them
 * apart is imported here, when something failed, so that nothing is loaded before the command's own modules.
 */
async function fail(e: unknown): Promise<never> {
  try {
    const [{ RotorError }, { flagsForFields }] = await Promise.all([import('../engine/index.ts'), import('./model-flags.ts')]);
    if (e instanceof RotorError) {
      process.stderr.write(`rotor: ${flagsForFields(e.message)}\n`);
      if (process.argv.includes('--debug')) process.stderr.write(`${(e as { debugStack?: string }).debugStack ?? e.stack}\n`);
      process.exit(1);
    }
  } catch {
    // rotor's own modules did not load: that is an internal error too, reported below with the original one.
  }
  process.stderr.write(`rotor: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(2);
}

/**
 * A plain `rotor run` goes straight to its command: neither yargs nor the other commands' code is loaded, and the
 * argument reader and the command load as one module graph (the modules are imported only when needed, so a run
 * parses only what it executes). Everything else, and every `run` the fast reader does not take, is yargs' to parse,
 * with its help and messages.
 */
async function main(): Promise<void> {
  // process.argv.slice(2) is what yargs' hideBin gives under node (it differs only in a bundled Electron app).
  const argv = process.argv.slice(2);
  if (argv[0] === 'run') {
    // Any `run` needs runCommand, through yargs or not, so loading it with the reader is never wasted.
    const [{ fastRunArgs }, { runCommand }] = await Promise.all([import('./run-argv.ts'), import('./run-command.ts')]);
    const fast = fastRunArgs(argv);
    if (fast) {
      await runCommand(fast);
      // A run leaves nothing running once its files are written: end now rather than after the garbage collector's
      // pending tasks (a thirtieth of the run). Output still queued for a slow reader is left to drain.
      if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(process.exitCode ?? 0);
      return;
    }
  }
  const { cli, hideBin } = await import('./cli.ts');
  await cli(hideBin(process.argv));
}

main().catch(fail);

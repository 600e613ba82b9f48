import yargs from 'yargs';
export { hideBin } from 'yargs/helpers';
import { RotorError } from '../engine/index.ts';
import { withRunFlags } from './settings-flags.ts';
import { GLOBAL_FLAGS, RUN_COMMAND_FLAGS } from './run-argv.ts';
import { runCommand, type RunCommandFlags } from './run-command.ts';
import { runDemo } from './demo.ts';
import { describeStrategy } from './describe.ts';
import { checkCommand } from './check-command.ts';
import { dataCommand } from './data-command.ts';
import { eventsCommand, eventsOptions } from './events-command.ts';
import { sweepCommand, sweepOptions } from './sweep-command.ts';
import { batchCommand, batchOptions } from './batch-command.ts';
import { walkForwardCommand, walkForwardOptions } from './walk-forward-command.ts';
import { workerCommand, workerOptions } from './worker-command.ts';
import { queueOptions } from './queue-command.ts';
import { loadSvgCharts, rebuildReports } from '../reports/index.ts';
import { checkRepeatedFlags, checkTypedValues, declaredNames, declaredNumbers, invalidChoiceLine, missingArgumentLine, unknownArgumentLine } from './parser-checks.ts';

type YargsInternals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };

/** Every command, parsed by yargs: what `rotor run`'s fast reader (run-argv.ts) does not take, and all else. */
export async function cli(argv: string[]): Promise<void> {
  const parser = yargs(argv);
  // yargs renders the whole help text as each command starts, kept in case a later failure prints it; rotor's fail
  // handler prints one line instead, so that rendering (a tenth of `rotor run`'s start-up) is skipped.
  const usage = (parser as unknown as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
  await parser
    .scriptName('rotor')
    .usage('$0 <command> [options]')
    .command(
      'run <strategy>',
      'backtest a strategy file or built-in strategy',
      (y) =>
        withRunFlags(y)
          .positional('strategy', { type: 'string', demandOption: true, describe: 'a built-in name or a path to a .ts strategy file' })
          .options(RUN_COMMAND_FLAGS),
      (args) => runCommand(args as unknown as RunCommandFlags),
    )
    .command(
      'demo',
      'run the built-in strategies on the embedded synthetic sample, writing to ./rotor-out/',
      (y) =>
        y
          .option('out', { type: 'string', default: 'rotor-out', describe: 'output folder' })
          .option('html', { type: 'boolean', default: true, describe: 'write report.html beside each report.md (--no-html skips them)' }),
      async (args) => {
        await runDemo(String(args.out), { html: args.html !== false });
      },
    )
    .command(
      'report <dir>',
      'rebuild report.md and report.html from the files rotor run, sweep, batch or events wrote, without rerunning',
      (y) =>
        y
          .positional('dir', { type: 'string', demandOption: true, describe: 'a folder written by rotor run, sweep, batch or events' })
          .option('html', { type: 'boolean', default: true, describe: 'write report.html too (--no-html skips it)' }),
      async (args) => {
        await loadSvgCharts();
        const files = rebuildReports(String(args.dir), { html: args.html !== false });
        console.log(`wrote ${files.join(', ')}`);
      },
    )
    .command(
      'describe <strategy>',
      "print a strategy's description, symbols and parameters",
      (y) => y.positional('strategy', { type: 'string', demandOption: true }),
      async (args) => {
        console.log(await describeStrategy(String(args.strategy)));
      },
    )
    .command(
      'check <strategy>',
      "type-check a strategy file against rotor's types, then print its symbols and params",
      (y) => y.positional('strategy', { type: 'string', demandOption: true, describe: 'a .ts strategy file' }),
      async (args) => {
        for (const line of await checkCommand(String(args.strategy))) console.log(line);
      },
    )
    .command('sweep <strategy>', 'run a grid or a random sample of parameter values on worker threads', (y) => sweepOptions(y), sweepCommand)
    .command('walk-forward <strategy>', 'sweep rolling or anchored train windows, test each choice on the window after it, stitch the out-of-sample runs', (y) => walkForwardOptions(y), walkForwardCommand)
    .command('batch <file>', 'run the backtests a file lists (or every combination of a product) on worker threads', (y) => batchOptions(y), batchCommand)
    .command('worker', 'take chunks of sweeps and batches from a Redis queue and run them on this machine\'s threads', (y) => workerOptions(y), workerCommand)
    .command('queue', 'look into a Redis queue: rotor queue status redis://HOST:PORT', (y) => queueOptions(y), () => {})
    .command('data', 'inspect, check, fetch and import data: rotor data list|check|fetch|import', (y) => dataCommand(y), () => {})
    .command('events <signal> [target]', 'event study: what followed each occurrence of a streak, a rule or a strategy signal', (y) => eventsOptions(y), eventsCommand)
    .demandCommand(1, 'name a command: run, sweep, walk-forward, batch, worker, queue, demo, describe, check, data, events or report')
    .strict()
    .recommendCommands()
    .middleware((parsed) => {
      checkTypedValues(argv, declaredNumbers(parser));
      checkRepeatedFlags(parsed, parser);
    })
    .fail((msg, err) => {
      if (err) throw err;
      const { options, commands } = declaredNames(parser);
      const known = unknownArgumentLine(msg, argv, options, commands) ?? missingArgumentLine(msg, parser) ?? invalidChoiceLine(msg);
      throw new RotorError(known ?? `${msg.replace(/\s*\n\s*/g, ' ')} (see rotor --help)`);
    })
    .options(GLOBAL_FLAGS)
    .help()
    .version()
    .parseAsync();
}

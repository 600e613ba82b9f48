import { resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { RotorError } from '../engine/index.ts';
import { parseParamFlags, runJob } from './run-job.ts';
import { settingsFromFlags, withRunFlags, type RunFlags } from './settings-flags.ts';
import { summaryLines } from './summary.ts';
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
import { parseMacroLagFlags } from '../datasets/index.ts';
import { flagsForFields } from './model-flags.ts';
import { loadSvgCharts, rebuildReports } from '../reports/index.ts';
import { parseNullSpec } from '../runs/index.ts';
import { checkTypedValues, declaredNames, declaredNumbers, unknownArgumentLine } from './parser-checks.ts';

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

type YargsInternals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };

async function main(argv: string[]): Promise<void> {
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
          .option('out', { type: 'string', describe: 'output folder (default: rotor-out/<strategy>)' })
          .option('macro-lag', { type: 'string', array: true, describe: 'SERIES=DAYS: publication lag after period end for rows without release_date (repeatable)' })
          .option('macro-vintage', { choices: ['first', 'latest'] as const, default: 'first' as const, describe: 'revised macro series as first published, or latest values (look-ahead)' })
          .option('html', { type: 'boolean', default: true, describe: 'write report.html beside report.md (--no-html skips it)' })
          .option('null', { type: 'string', describe: 'random-timing:N: the run against N seeded runs holding the same assets as long, switching at random dates' })
          .option('null-seed', { type: 'number', default: 1, describe: 'seed of --null' }),
      async (args) => {
        const flags = args as unknown as RunFlags & { strategy: string; out?: string; macroLag?: string[]; macroVintage: 'first' | 'latest'; html: boolean; null?: string; nullSeed: number };
        if (Array.isArray(flags.null)) throw new RotorError(`--null is given ${flags.null.length} times; give it once`);
        const name = flags.strategy.replace(/^.*[\\/]/, '').replace(/\.[cm]?[jt]s$/, '');
        const job = await runJob({
          strategy: flags.strategy,
          data: flags.data,
          params: parseParamFlags(flags.param?.map(String)),
          settings: settingsFromFlags(flags),
          out: flags.out ?? resolve('rotor-out', name),
          macroLags: parseMacroLagFlags(flags.macroLag?.map(String)),
          vintage: flags.macroVintage,
          html: flags.html,
          ...(flags.null !== undefined ? { null: parseNullSpec(String(flags.null), flags.nullSeed) } : {}),
        });
        for (const line of summaryLines(job)) console.log(line);
        if (job.nullModel) {
          const nm = job.nullModel;
          const p = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
          console.log(`  null random-timing:${nm.n} (seed ${nm.seed}, ${nm.switches} switches, exposure ${(nm.exposure * 100).toFixed(1)}%): total return at the ${p(nm.totalReturn.percentile)} percentile, Sharpe at the ${p(nm.sharpe.percentile)}`);
        }
        console.log(`  wrote ${job.files.join(', ')}`);
      },
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
    .demandCommand(1, 'name a command: run, sweep, walk-forward, batch, worker, queue, demo, describe, check, data, events or report (see --help)')
    .strict()
    .recommendCommands()
    .middleware(() => checkTypedValues(argv, declaredNumbers(parser)))
    .fail((msg, err) => {
      if (err) throw err;
      const { options, commands } = declaredNames(parser);
      const known = unknownArgumentLine(msg, argv, options, commands);
      throw new RotorError(known ?? `${msg.replace(/\s*\n\s*/g, ' ')} (see rotor --help)`);
    })
    .option('debug', { type: 'boolean', describe: 'after an error, print its full stack (a strategy\'s own, for its errors)' })
    .help()
    .version()
    .parseAsync();
}

main(hideBin(process.argv)).catch(fail);

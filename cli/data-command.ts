import type { Argv } from 'yargs';
import { RotorError } from '../engine/errors.ts';
import { dataCheck } from './data-check.ts';
import { dataList } from './data-list.ts';

/** Flags of the series checks, shared by `data check` (and echoed by `run` through the loader's defaults). */
function withRuleFlags<T>(y: Argv<T>) {
  return y
    .option('max-gap-days', { type: 'number', default: 10, describe: 'report a calendar gap between two price rows longer than this' })
    .option('gap-severity', { choices: ['warning', 'error'] as const, default: 'warning' as const, describe: 'whether a long gap is a warning or an error' })
    .option('max-move', { type: 'number', default: 0.25, describe: 'warn on a one-day move of the (adjusted) close beyond this fraction' });
}

/** `rotor data <list|check|fetch|import>`: the data layer's commands (README: Data). */
export function dataCommand<T>(y: Argv<T>) {
  return y
    .command(
      'list <dir>',
      'symbols and series in a data folder: format, rows, first/last date, columns, sha256',
      (a) => a.positional('dir', { type: 'string', demandOption: true }).option('json', { type: 'boolean', default: false }),
      (args) => {
        console.log(dataList(String(args.dir), Boolean(args.json)));
      },
    )
    .command(
      'check <dir>',
      'validate every file of a data folder and print every finding; exits 1 on errors',
      (a) => withRuleFlags(a.positional('dir', { type: 'string', demandOption: true }).option('json', { type: 'boolean', default: false })),
      (args) => {
        const maxGapDays = Number(args['max-gap-days']);
        const maxMove = Number(args['max-move']);
        if (!(maxGapDays >= 1)) throw new RotorError(`--max-gap-days ${args['max-gap-days']}: expected a number of days ≥ 1`);
        if (!(maxMove > 0)) throw new RotorError(`--max-move ${args['max-move']}: expected a fraction > 0, e.g. 0.25`);
        const r = dataCheck(String(args.dir), { maxGapDays, maxMove, gapSeverity: args['gap-severity'] === 'error' ? 'error' : 'warning' }, Boolean(args.json));
        console.log(r.text);
        if (r.errors) process.exitCode = 1;
      },
    )
    .demandCommand(1, 'name a data command: list, check, fetch or import (see rotor data --help)');
}

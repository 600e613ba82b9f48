import type { Argv } from 'yargs';
import { RotorError } from '../engine/errors.ts';
import { dataCheck } from './data-check.ts';
import { dataList } from './data-list.ts';
import { fetchFred, fetchYahoo } from './data-fetch.ts';
import { importFiles } from './data-import.ts';
import { IMPORT_FORMATS } from '../datasets/import/import-layout.ts';

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
    .command(
      'fetch <provider> <ids..>',
      'download daily prices (yahoo) or macro series (fred) into DIR in rotor\'s layout, merging into existing files',
      (a) =>
        a
          .positional('provider', { choices: ['yahoo', 'fred'] as const, demandOption: true })
          .positional('ids', { type: 'string', array: true, demandOption: true, describe: 'symbols (yahoo, e.g. SPY ^RUT) or FRED series ids' })
          .option('out', { type: 'string', demandOption: true, describe: 'data folder to write prices/ or macro/ into' })
          .option('from', { type: 'string', default: '1900-01-01', describe: 'yahoo: first date YYYY-MM-DD' })
          .option('first-release', { type: 'boolean', default: false, describe: 'fred: add ALFRED first prints and their release dates' }),
      async (args) => {
        const ids = (args.ids as unknown[]).map(String);
        const files =
          args.provider === 'yahoo'
            ? await fetchYahoo(ids, { from: String(args.from), out: String(args.out) })
            : await fetchFred(ids, { out: String(args.out), firstRelease: Boolean(args['first-release']) });
        console.log(`wrote ${files.join(', ')}`);
      },
    )
    .command(
      'import <files..>',
      "normalise exports (Yahoo, Stooq, FRED, Investing.com) into DIR in rotor's layout, merging into existing files",
      (a) =>
        a
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'CSV exports; a price file is named by its symbol (SPY.csv) unless --symbol' })
          .option('out', { type: 'string', demandOption: true, describe: 'data folder to write prices/ or macro/ into' })
          .option('format', { choices: ['auto', ...IMPORT_FORMATS] as const, default: 'auto' as const, describe: 'layout of the files (auto: recognised from the header)' })
          .option('symbol', { type: 'string', array: true, describe: 'SYM: the symbol (or FRED series) of the one file whose name does not say it; FILE=SYM names a given file (repeatable)' }),
      async (args) => {
        const r = await importFiles((args.files as unknown[]).map(String), { out: String(args.out), format: args.format, symbol: args.symbol === undefined ? undefined : (args.symbol as unknown[]).map(String) });
        for (const line of r.lines) console.log(line);
        console.log(`wrote ${r.written.join(', ')}`);
      },
    )
    .demandCommand(1, 'name a data command: list, check, fetch or import');
}

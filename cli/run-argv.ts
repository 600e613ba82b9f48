import { checkTypedValues, NUMBER } from './parser-checks.ts';
import { RUN_FLAGS, type FlagSpec } from './settings-flags.ts';
import type { RunCommandFlags } from './run-command.ts';

/** `rotor run`'s own flags, beside the shared RUN_FLAGS; yargs declares them from this table too (cli.ts). */
export const RUN_COMMAND_FLAGS = {
  out: { type: 'string', describe: 'output folder (default: rotor-out/<strategy>)' },
  'macro-lag': { type: 'string', array: true, describe: 'SERIES=DAYS: publication lag after period end for rows without release_date (repeatable)' },
  'macro-vintage': { choices: ['first', 'latest'] as const, default: 'first' as const, describe: 'revised macro series as first published, or latest values (look-ahead)' },
  html: { type: 'boolean', default: true, describe: 'write report.html beside report.md (--no-html skips it)' },
  null: { type: 'string', describe: 'random-timing:N: the run against N seeded runs holding the same assets as long, switching at random dates' },
  'null-seed': { type: 'number', default: 1, describe: 'seed of --null' },
} as const satisfies Record<string, FlagSpec>;

/** The flags every command takes. */
export const GLOBAL_FLAGS = {
  debug: { type: 'boolean', describe: "after an error, print its full stack (a strategy's own, for its errors)" },
} as const satisfies Record<string, FlagSpec>;

const SPECS: Readonly<Record<string, FlagSpec>> = { ...RUN_FLAGS, ...RUN_COMMAND_FLAGS, ...GLOBAL_FLAGS };
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `rotor run STRATEGY [--flag value]...` read without yargs, whose module and parse were an eighth of a run's
 * start-up. It takes only plain, valid arguments: `--name value` or `--name=value` for a flag `rotor run` declares,
 * each at most once, `--flag`/`--no-flag` for a boolean, a value that is a choice or a number where one is expected,
 * and exactly one strategy. Anything else (help, a typo, a repeated flag, a value that starts with `-`, a quoted one,
 * `true`/`false`, a bad number or date) is undefined, and the caller hands the arguments to yargs, which then gives
 * the same result it always did, or its usual message. The values are those yargs would give: defaults applied, the
 * camelCase alias beside each dashed name, numbers as numbers.
 */
export function fastRunArgs(argv: readonly string[]): RunCommandFlags | undefined {
  if (argv[0] !== 'run') return undefined;
  const given = new Map<string, string | number | boolean | string[]>();
  const positionals: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'true' || a === 'false' || a === '' || a[0] === '"' || a[0] === "'") return undefined;
    if (a[0] !== '-') {
      positionals.push(a);
      continue;
    }
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(a);
    if (!m) return undefined;
    let name = m[1];
    const inline = m[2];
    let negated = false;
    if (!(name in SPECS) && name.startsWith('no-') && SPECS[name.slice(3)]?.type === 'boolean') {
      name = name.slice(3);
      negated = true;
    }
    const spec = SPECS[name];
    if (!spec || given.has(name)) return undefined;
    if (spec.type === 'boolean') {
      if (inline !== undefined) return undefined;
      given.set(name, !negated);
      continue;
    }
    if (negated) return undefined;
    const plain = (v: string | undefined): v is string => v !== undefined && v !== '' && !/^['"-]/.test(v) && v !== 'true' && v !== 'false';
    if (spec.array) {
      // yargs' arrays are greedy: every following word up to the next flag is a value.
      const values = inline === undefined ? [] : [inline];
      while (i + 1 < argv.length && argv[i + 1][0] !== '-') values.push(argv[++i]);
      if (values.length === 0 || !values.every(plain)) return undefined;
      given.set(name, values);
      continue;
    }
    const value = inline ?? argv[++i];
    if (!plain(value)) return undefined;
    if (spec.choices && !spec.choices.includes(value)) return undefined;
    if (spec.type === 'number') {
      if (!NUMBER.test(value)) return undefined;
      given.set(name, Number(value));
    } else given.set(name, value);
  }
  if (positionals.length !== 1 || NUMBER.test(positionals[0])) return undefined;
  try {
    // The date checks yargs' middleware makes; a bad date goes to yargs, which prints it.
    checkTypedValues(argv, Object.keys(SPECS).filter((k) => SPECS[k].type === 'number'));
  } catch {
    return undefined;
  }
  const flags: Record<string, unknown> = { strategy: positionals[0] };
  for (const [name, spec] of Object.entries(SPECS)) {
    const value = given.has(name) ? given.get(name) : spec.default;
    if (value === undefined) continue;
    flags[name] = value;
    if (name.includes('-')) flags[camel(name)] = value;
  }
  return flags as unknown as RunCommandFlags;
}

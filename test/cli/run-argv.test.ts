import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// yargs hands `rotor run`'s parsed arguments to runCommand; captured here instead of running a backtest.
const captured: { args?: Record<string, unknown> } = {};
vi.mock('../../cli/run-command.ts', () => ({
  runCommand: async (args: Record<string, unknown>) => {
    captured.args = args;
  },
}));

const { cli } = await import('../../cli/cli.ts');
const { fastRunArgs, GLOBAL_FLAGS, RUN_COMMAND_FLAGS } = await import('../../cli/run-argv.ts');
const { RUN_FLAGS } = await import('../../cli/settings-flags.ts');

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const NAMES = Object.keys({ ...RUN_FLAGS, ...RUN_COMMAND_FLAGS, ...GLOBAL_FLAGS });
const KEYS = ['strategy', ...NAMES, ...NAMES.filter((n) => n.includes('-')).map(camel)];

/** What yargs gives runCommand for these arguments, or the error it stops with. */
async function viaYargs(argv: string[]): Promise<Record<string, unknown> | Error> {
  captured.args = undefined;
  try {
    await cli(argv);
  } catch (e) {
    return e as Error;
  }
  if (!captured.args) return new Error('yargs did not run the command');
  return captured.args;
}

const pick = (o: Record<string, unknown>) => Object.fromEntries(KEYS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

/** The fast reader either declines (yargs parses as before) or gives exactly what yargs would. */
async function agrees(argv: string[]): Promise<boolean> {
  const fast = fastRunArgs(argv);
  if (fast === undefined) return false;
  const slow = await viaYargs(argv);
  expect(slow, argv.join(' ')).not.toBeInstanceOf(Error);
  expect(pick(fast as unknown as Record<string, unknown>), argv.join(' ')).toEqual(pick(slow as Record<string, unknown>));
  return true;
}

describe("rotor run's fast argument reader", () => {
  it('reads plain runs as yargs does', async () => {
    const cases = [
      ['run', 'buy-and-hold'],
      ['run', 'buy-and-hold', '--out', '/tmp/x'],
      ['run', '--out=/tmp/x', 'buy-and-hold'],
      ['run', 'strategies/examples/x.ts', '--data', 'd', '--from', '2020-01-02', '--to', '2021-12-31', '--no-html', '--debug'],
      ['run', 'fixed-weight', '--param', 'weights=SPY:0.5,IWM:0.5', '--fill', 'close', '--prices', 'raw', '--cash', '1e5'],
      ['run', 'x', '--param', 'a=1', 'b=2', '--commission-bps=0', '--slippage-bps', '.5', '--integer-shares', '--max-leverage', '+2'],
      ['run', 'x', '--param=a=1', 'b=2', '--macro-lag', 'CPI=30', '--macro-vintage', 'latest', '--null', 'random-timing:50', '--null-seed', '7'],
      ['run', 'x', '--risk-free', '0.02', '--cash-rate', 'DTB3', '--benchmark', 'SPY,IWM', '--start-when', 'any', '--borrow-bps', '25'],
      ['run', 'x', '--maintenance-margin', '0.25', '--drift-band', '0.01', '--min-trade', '100', '--commission-per-share', '0.005', '--commission-min', '1'],
      ['run', 'x', '--html', '--no-integer-shares'],
    ];
    for (const argv of cases) expect(await agrees(argv), argv.join(' ')).toBe(true);
  });

  it('leaves to yargs what it does not take', () => {
    const declined = [
      ['run'],
      ['run', 'a', 'b'],
      ['run', 'x', '--help'],
      ['run', 'x', '--version'],
      ['run', 'x', '--out', '/a', '--out', '/b'],
      ['run', 'x', '--html', '--no-html'],
      ['run', 'x', '--cahs', '5'],
      ['run', 'x', '--cash', 'abc'],
      ['run', 'x', '--cash', '-5'],
      ['run', 'x', '--cash'],
      ['run', 'x', '--fill', 'tomorrow'],
      ['run', 'x', '--from', '2020-13-01'],
      ['run', 'x', '--html', 'false'],
      ['run', 'x', '--html=false'],
      ['run', 'x', '--out', '"/tmp/x"'],
      ['run', 'x', '--out='],
      ['run', 'x', '--no-out'],
      ['run', 'x', '-o', 'y'],
      ['run', 'x', '--', 'y'],
      ['run', 'x', '--commissionBps', '1'],
      ['run', '--param', 'a=1', 'x'],
      ['run', '5'],
      ['sweep', 'x'],
      ['--out', 'y', 'run', 'x'],
    ];
    for (const argv of declined) expect(fastRunArgs(argv), argv.join(' ')).toBeUndefined();
  });

  it('agrees with yargs on random argument lists', async () => {
    const flagNames = [...NAMES, 'no-html', 'no-integer-shares', 'no-debug', 'help', 'cahs', 'commissionBps', 'no-out'];
    const values = ['x', '/tmp/o', '5', '1e3', '.5', '-2', '0', 'abc', 'close', 'raw', 'all', 'any', 'latest', 'first', 'next-close',
      '2020-01-02', '2021-02-30', 'a=1', 'CPI=30', 'random-timing:5', 'true', 'false', '', "'q'", 'SPY'];
    const token = fc.oneof(
      fc.constantFrom(...flagNames).map((n) => `--${n}`),
      fc.tuple(fc.constantFrom(...flagNames), fc.constantFrom(...values)).map(([n, v]) => `--${n}=${v}`),
      fc.constantFrom(...values, 'buy-and-hold', 'strategies/a.ts'),
    );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 7 }), async (tokens) => {
        if (await agrees(['run', ...tokens])) taken++;
      }),
      { numRuns: 3000, seed: 8 },
    );
    // The property is only worth something when many lists are taken.
    expect(taken).toBeGreaterThan(100);
  });
});

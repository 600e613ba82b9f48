import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateProblem, isIsoDate, resolveSettings } from '../../engine/index.ts';
import { closest } from '../../cli/parser-checks.ts';
import { rotor } from '../helpers/run-cli.ts';

const out = () => mkdtempSync(join(tmpdir(), 'rotor-flags-'));

/** A failed command: exit 1 and exactly one line on stderr, nothing on stdout. */
function oneLine(args: string[]): string {
  const r = rotor(args);
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('impossible dates', () => {
  it.each([
    ['2020-01-32', 'has no day 32'],
    ['2021-02-30', 'has no day 30'],
    ['2023-02-29', '2023 is not a leap year'],
    ['2021-04-31', 'has no day 31'],
    ['2020-13-01', 'no month 13'],
    ['2020-00-10', 'no month 00'],
    ['2020-1-5', 'YYYY-MM-DD'],
  ])('%s is refused by the engine settings', (d, why) => {
    expect(isIsoDate(d)).toBe(false);
    expect(dateProblem(d)).toContain(why);
    expect(() => resolveSettings({ from: d })).toThrow(why);
    expect(() => resolveSettings({ to: d })).toThrow(d);
  });

  it('real dates pass, 29 February of a leap year (and of 2000) among them', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2021-12-31', '1999-01-01']) expect(dateProblem(d)).toBeUndefined();
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it.each([
    [['run', 'buy-and-hold', '--from', '2020-02-30'], '--from 2020-02-30'],
    [['run', 'buy-and-hold', '--to=2023-02-29'], '--to 2023-02-29'],
    [['sweep', 'small-cap-streak', '--grid', 'days=2..3', '--from', '2019-13-01'], '--from 2019-13-01'],
    [['events', 'streak', 'IWM', '--from', '2020-01-32'], '--from 2020-01-32'],
  ])('every command refuses them as typed: %j', (args, echo) => {
    expect(oneLine([...args, '--out', join(out(), 'x')])).toContain(echo);
  });

  it('a batch file with an impossible date names the file, the entry and the date', () => {
    const dir = out();
    const file = join(dir, 'runs.json');
    writeFileSync(file, JSON.stringify({ runs: [{ strategy: 'buy-and-hold', from: '2021-02-29' }] }));
    const line = oneLine(['batch', file, '--out', join(dir, 'o')]);
    expect(line).toContain(file);
    expect(line).toContain('2021-02-29');
    expect(line).toContain('not a leap year');
    writeFileSync(file, JSON.stringify({ strategies: ['buy-and-hold'], windows: ['2020-02-30..'] }));
    expect(oneLine(['batch', file, '--out', join(dir, 'o')])).toContain('has no day 30');
  });
});

describe('numeric flags echo what was typed', () => {
  it.each([
    ['--cash', 'abc'],
    ['--cash', '1e5x'],
    ['--commission-bps', 'two'],
    ['--slippage-bps', '0x10'],
    ['--max-leverage', 'Infinity'],
    ['--drift-band', '5%'],
    ['--min-trade', ''],
  ])('%s %s', (flag, text) => {
    const line = oneLine(['run', 'buy-and-hold', `${flag}=${text}`, '--out', join(out(), 'x')]);
    expect(line).toContain(`${flag} ${text}`);
    expect(line).not.toContain('NaN');
  });

  it('in other commands too, and a flag with no value says so', () => {
    expect(oneLine(['sweep', 'small-cap-streak', '--grid', 'days=2..3', '--workers', 'many', '--out', join(out(), 'x')])).toContain('--workers many');
    expect(oneLine(['events', 'streak', 'IWM', '--days', '3x', '--out', join(out(), 'x')])).toContain('--days 3x');
    expect(oneLine(['run', 'buy-and-hold', '--cash'])).toContain('--cash needs a number');
  });

  it('negative numbers and exponents are numbers', () => {
    const r = rotor(['run', 'buy-and-hold', '--cash', '1e5', '--risk-free', '-0.01', '--out', join(out(), 'x')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('misspelt flags and commands', () => {
  it.each([
    [['run', 'buy-and-hold', '--cahs', '5'], 'unknown flag --cahs (did you mean --cash?)'],
    [['run', 'buy-and-hold', '--comission-bps', '3'], 'unknown flag --comission-bps (did you mean --commission-bps?)'],
    [['run', 'buy-and-hold', '--slipage-bps=3'], 'did you mean --slippage-bps?'],
    [['sweep', 'small-cap-streak', '--grdi', 'days=2..3'], 'did you mean --grid?'],
    [['rn', 'buy-and-hold'], 'unknown command rn (did you mean run?)'],
    [['dmeo'], 'did you mean demo?'],
    [['data', 'lsit'], 'did you mean list?'],
  ])('%j', (args, expected) => {
    expect(oneLine(args)).toContain(expected);
  });

  it('suggests only what is close', () => {
    expect(closest('cahs', ['cash', 'data', 'from'])).toBe('cash');
    expect(closest('zzzzzz', ['cash', 'data', 'from'])).toBeUndefined();
  });
});

describe('a flag that takes one value, given twice', () => {
  it.each([
    [['run', 'buy-and-hold', '--out', 'a', '--out', 'b'], '--out is given 2 times (a, b); give it once'],
    [['run', 'buy-and-hold', '--cash', '5', '--cash=6'], '--cash is given 2 times (5, 6); give it once'],
    [['run', 'buy-and-hold', '--null', 'random-timing:5', '--null', 'random-timing:6'], '--null is given 2 times (random-timing:5, random-timing:6); give it once'],
    [['sweep', 'small-cap-streak', '--grid', 'days=2..3', '--workers', '1', '--workers', '2'], '--workers is given 2 times (1, 2); give it once'],
    [['events', 'streak', '--days', '3', '--days', '4'], '--days is given 2 times (3, 4); give it once'],
    [['run', 'buy-and-hold', '--param', 'symbol=SPY', '--param', 'symbol=IWM'], '--param symbol is given twice (SPY, IWM); give it once'],
    [['run', 'buy-and-hold', '--macro-lag', 'UNRATE=5', '--macro-lag', 'UNRATE=9'], '--macro-lag UNRATE is given twice; give it once'],
  ])('%j', (args, expected) => {
    expect(oneLine(args)).toContain(expected);
  });
});

describe('a rate typed as a percentage', () => {
  it.each([
    [['run', 'buy-and-hold', '--risk-free', '2'], '--risk-free 2: expected an annual rate as a fraction below 1 (0.05 for 5%)'],
    [['run', 'buy-and-hold', '--cash-rate', '3'], '--cash-rate 3: expected an annual rate as a fraction below 1 (0.05 for 5%)'],
    [['sweep', 'small-cap-streak', '--grid', 'days=2..3', '--risk-free', '1'], '--risk-free 1: expected an annual rate as a fraction'],
  ])('%j', (args, expected) => {
    expect(oneLine([...args, '--out', join(out(), 'x')])).toContain(expected);
  });
});

describe('symbols a run cannot use as given', () => {
  it.each([
    [['run', 'small-cap-streak', '--param', 'small=SPY'], "strategy small-cap-streak's universe lists SPY twice (SPY, SPY): name each once"],
    [['run', 'buy-and-hold', '--param', 'symbol=spy'], 'no price file for spy (did you mean SPY?)'],
  ])('%j', (args, expected) => {
    expect(oneLine([...args, '--out', join(out(), 'x')])).toContain(expected);
  });
});

describe('a command without its arguments', () => {
  it.each([
    [['sweep'], 'sweep needs <strategy>: rotor sweep <strategy> (see rotor sweep --help)'],
    [['data', 'list'], 'data list needs <dir>: rotor data list <dir> (see rotor data list --help)'],
    [['events'], 'events needs <signal>: rotor events <signal> [target]'],
    [[], 'name a command: run, sweep'],
  ])('%j', (args, expected) => {
    const line = oneLine(args);
    expect(line).toContain(expected);
    expect(line).not.toMatch(/\(see[^)]*\).*\(see/); // one pointer to the help, not two
  });
});

describe('a value that is not one of a flag\'s choices', () => {
  it.each([
    [['run', 'buy-and-hold', '--prices', 'weird'], '--prices weird: expected total-return or raw'],
    [['run', 'buy-and-hold', '--fill', 'y'], '--fill y: expected next-open, next-close or close'],
    [['data', 'import', 'x.csv', '--format', 'foo', '--out', 'o'], '--format foo: expected auto, yahoo, stooq, fred or investing'],
  ])('%j', (args, expected) => {
    expect(oneLine(args)).toBe(`rotor: ${expected}`);
  });
});

import { describe, expect, it } from 'vitest';
import { FieldError, type ParamSpecs } from '../../engine/index.ts';
import { buildSpace, pointAt, spaceSize } from '../../batch/index.ts';
import { uniformAt } from '../../batch/random.ts';

const specs: ParamSpecs = {
  days: { type: 'integer', default: 5, min: 1, max: 20 },
  minGain: { type: 'number', default: 0.01, min: 0, max: 0.1 },
  mode: { type: 'choice', default: 'extend', choices: ['extend', 'ignore'] },
  exit: { type: 'boolean', default: false },
  name: { type: 'string', default: 'RUT' },
};
const grid = (...g: [string, string][]) => buildSpace('s', specs, { grid: g.map(([name, text]) => ({ name, text })), fixed: new Set() });
const error = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FieldError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('grid specs', () => {
  it('reads integer ranges, stepped ranges as the decimals meant, and lists of every type', () => {
    const s = grid(['days', '3..7'], ['minGain', '0.005..0.02:0.005'], ['mode', 'extend,ignore'], ['exit', 'true,false'], ['name', 'RUT,GSPC']);
    if (s.kind !== 'grid') throw new Error('grid expected');
    expect(s.axes.map((a) => a.values)).toEqual([[3, 4, 5, 6, 7], [0.005, 0.01, 0.015, 0.02], ['extend', 'ignore'], [true, false], ['RUT', 'GSPC']]);
    expect(spaceSize(s)).toBe(5 * 4 * 2 * 2 * 2);
  });

  it('numbers trials with the last grid varying fastest', () => {
    const s = grid(['days', '3..4'], ['minGain', '0.01,0.02,0.03']);
    expect(Array.from({ length: 6 }, (_, i) => pointAt(s, i))).toEqual([
      { days: 3, minGain: 0.01 },
      { days: 3, minGain: 0.02 },
      { days: 3, minGain: 0.03 },
      { days: 4, minGain: 0.01 },
      { days: 4, minGain: 0.02 },
      { days: 4, minGain: 0.03 },
    ]);
  });

  it('refuses unknown params, values out of range or of the wrong type, and malformed specs, naming the field', () => {
    expect(error(() => grid(['dayz', '1..3']))).toMatch(/params\.dayz is not one of its params \(did you mean days\?\); its params are days, minGain, mode, exit, name/);
    expect(error(() => grid(['days', '0..3']))).toMatch(/params\.days=0\.\.3: 0 is not an integer in \[1, 20\]/);
    expect(error(() => grid(['days', '3..7:0.5']))).toMatch(/3\.5 is not an integer/);
    expect(error(() => grid(['minGain', '0.05..0.2:0.05']))).toMatch(/0\.15 is not a number in \[0, 0\.1\]/);
    expect(error(() => grid(['minGain', '0.01..0.02']))).toMatch(/a range without a step takes integers/);
    expect(error(() => grid(['days', '7..3']))).toMatch(/ends \(3\) before it starts \(7\)/);
    expect(error(() => grid(['days', '1..5:0']))).toMatch(/step must be > 0/);
    expect(error(() => grid(['mode', 'extend,never']))).toMatch(/"never" is not one of extend, ignore/);
    expect(error(() => grid(['mode', '1..2']))).toMatch(/a range needs a numeric param/);
    expect(error(() => grid(['exit', 'true,maybe']))).toMatch(/"maybe" is not true or false/);
    expect(error(() => grid(['days', '3,3']))).toMatch(/listed twice/);
    expect(error(() => grid(['days', '3,,4']))).toMatch(/empty value/);
    expect(error(() => grid(['days', '3..4'], ['days', '5..6']))).toMatch(/varied twice/);
    expect(error(() => buildSpace('s', specs, { grid: [{ name: 'days', text: '1..2' }], fixed: new Set(['days']) }))).toMatch(/both fixed \(--param\) and varied/);
  });
});

describe('random spaces', () => {
  it('draws point i from the seed and i alone, inside the declared ranges and grid lists', () => {
    const s = buildSpace('s', specs, { grid: [{ name: 'mode', text: 'extend,ignore' }], random: { n: 2000, seed: 7 }, fixed: new Set(['minGain']) });
    if (s.kind !== 'random') throw new Error('random expected');
    expect(s.axes.map((a) => a.name)).toEqual(['mode', 'days']); // minGain is fixed by --param, strings are not drawn
    const points = Array.from({ length: 2000 }, (_, i) => pointAt(s, i));
    expect(pointAt(s, 1234)).toEqual(points[1234]);
    const days = points.map((p) => p.days as number);
    expect(Math.min(...days)).toBe(1);
    expect(Math.max(...days)).toBe(20);
    expect(days.every(Number.isInteger)).toBe(true);
    const ignore = points.filter((p) => p.mode === 'ignore').length;
    expect(ignore).toBeGreaterThan(900);
    expect(ignore).toBeLessThan(1100);
    const other = buildSpace('s', specs, { grid: [{ name: 'mode', text: 'extend,ignore' }], random: { n: 2000, seed: 8 }, fixed: new Set(['minGain']) });
    expect(Array.from({ length: 50 }, (_, i) => pointAt(other, i))).not.toEqual(points.slice(0, 50));
  });

  it("gives uniform numbers in [0, 1) whose mean and spread are a uniform's", () => {
    const u = Array.from({ length: 20000 }, (_, i) => uniformAt(1, i, 0));
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const mean = u.reduce((a, b) => a + b, 0) / u.length;
    const variance = u.reduce((a, b) => a + (b - mean) ** 2, 0) / u.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
  });

  it('refuses a random space with nothing to draw', () => {
    const only = { name: { type: 'string', default: 'x' } } as const satisfies ParamSpecs;
    expect(error(() => buildSpace('s', only, { grid: [], random: { n: 5, seed: 1 }, fixed: new Set() }))).toMatch(/--random has nothing to draw/);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nullPath, percentileOf, randomTiming, timingStates } from '../../engine/index.ts';
import { runJob } from '../../cli/run-job.ts';
import { rotor } from '../helpers/run-cli.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rotor-null-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A made-up run over 40 bars and two symbols: cash 5 bars, A 10, B 8, A+B (half each) 7, A 6, cash 4.
const plan: [number, number, number][] = [[0, 0, 5], [1, 0, 10], [0, 1, 8], [0.5, 0.5, 7], [1, 0, 6], [0, 0, 4]];
const bars = plan.reduce((a, p) => a + p[2], 0);
const weights = new Float64Array(bars * 2);
{
  let t = 0;
  for (const [a, b, n] of plan) for (let i = 0; i < n; i++, t++) {
    weights[t * 2] = a;
    weights[t * 2 + 1] = b;
  }
}
const grossOf = (w: Float64Array, t: number) => Math.abs(w[t * 2]) + Math.abs(w[t * 2 + 1]);

describe('random-timing null paths', () => {
  const states = timingStates(weights, 2, bars);

  it("reads the run's holdings: states, switches and average exposure", () => {
    expect(states.weights).toHaveLength(4); // cash, A, B, A+B
    expect(states.switches).toBe(5);
    expect(states.exposure).toBeCloseTo((10 + 8 + 7 + 6) / bars, 12);
    expect(states.segments.map((g) => g.bars)).toEqual([5, 10, 8, 7, 6, 4]);
  });

  it('every path has the same switches, the same time in each holding and the same average exposure, at other dates', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const path = nullPath(states, 7, i);
      let switches = 0;
      const time = new Map<number, number>();
      let gross = 0;
      for (let t = 0; t < bars; t++) {
        if (t > 0 && path[t] !== path[t - 1]) switches++;
        time.set(path[t], (time.get(path[t]) ?? 0) + 1);
        gross += states.weights[path[t]].reduce((a, w) => a + Math.abs(w), 0);
      }
      expect(switches).toBe(states.switches);
      expect(gross / bars).toBeCloseTo(states.exposure, 12);
      expect([...time].sort((a, b) => a[0] - b[0])).toEqual([[0, 9], [1, 16], [2, 8], [3, 7]]);
      // The holdings come in the run's order.
      const order = path.filter((s, t) => t === 0 || s !== path[t - 1]);
      expect(Array.from(order)).toEqual([0, 1, 2, 3, 1, 0]);
      seen.add(path.join(''));
    }
    // The dates really are drawn: cash splits its 9 bars 8 ways, A its 16 bars 15 ways: 120 paths in all.
    expect(seen.size).toBeGreaterThan(60);
    expect(grossOf(weights, 7)).toBe(1);
  });

  it('the same seed gives the same numbers; another seed others', () => {
    const closes = [Float64Array.from({ length: bars }, (_, t) => 100 * (1 + 0.01 * Math.sin(t))), Float64Array.from({ length: bars }, (_, t) => 50 + t)];
    const equity = Float64Array.from({ length: bars }, (_, t) => 1000 + t);
    const input = { weights, symbols: 2, closes, equity, costRate: 0.0003, riskFree: { annual: 0 } };
    const a = randomTiming(input, 50, 3);
    const b = randomTiming(input, 50, 3);
    const c = randomTiming(input, 50, 4);
    expect(Array.from(b.totalReturn)).toEqual(Array.from(a.totalReturn));
    expect(Array.from(b.sharpe)).toEqual(Array.from(a.sharpe));
    expect(Array.from(c.totalReturn)).not.toEqual(Array.from(a.totalReturn));
  });

  it('a path earns its weights on the closes, less the cost of its switches, where it differs from the run', () => {
    // One symbol; the run is in cash 3 bars then in A 3 bars. Independently of the kernel: replay path 0 by hand.
    const w = Float64Array.from([0, 0, 0, 1, 1, 1]);
    const close = Float64Array.from([10, 11, 12, 13, 14, 15]);
    const equity = Float64Array.from([100, 100, 100, 100, 107, 115]);
    const r = randomTiming({ weights: w, symbols: 1, closes: [close], equity, costRate: 0.001, riskFree: { annual: 0 } }, 1, 11);
    const s = timingStates(w, 1, 6);
    const path = nullPath(s, 11, 0);
    const own = s.stateOf;
    let g = 1;
    for (let j = 0; j < 5; j++) {
      const same = path[j] === own[j] && path[j + 1] === own[j + 1];
      const held = path[j] === own[3] ? 1 : 0;
      const x = same ? equity[j + 1] / equity[j] - 1 : held * (close[j + 1] / close[j] - 1) - (path[j] !== path[j + 1] ? 0.001 : 0);
      g *= 1 + x;
    }
    expect(r.totalReturn[0]).toBeCloseTo(g - 1, 12);
  });

  it('percentile: the share below plus half the share equal', () => {
    expect(percentileOf([1, 2, 3, 4], 2.5)).toBe(50);
    expect(percentileOf([1, 2, 3, 4], 3)).toBe(62.5);
    expect(percentileOf([5, 5, 5], 5)).toBe(50);
    expect(percentileOf([1, NaN, 3], 4)).toBe(100);
    expect(percentileOf([1, 2], null)).toBeNull();
  });
});

describe('rotor run --null', () => {
  it('a run always invested in one asset is its own null: every path equals it, at the 50th percentile', async () => {
    const out = tmp();
    // Filled at the close it decides on, buy-and-hold holds SPY from the first bar: no switch at all.
    const job = await runJob({ strategy: 'buy-and-hold', out, settings: { fill: 'close' }, null: { model: 'random-timing', n: 25, seed: 1 } });
    const nm = job.nullModel!;
    expect(nm.switches).toBe(0);
    expect(nm.exposure).toBeGreaterThan(0.99);
    for (const v of nm.totalReturn.values) expect(v).toBeCloseTo(job.metrics.totalReturn!, 5);
    for (const v of nm.sharpe.values) expect(v).toBeCloseTo(job.metrics.sharpe!, 5);
    expect(nm.totalReturn.percentile).toBe(50);
    expect(nm.sharpe.percentile).toBe(50);
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(record.nullModel.totalReturn.percentile).toBe(50);
    // With the default next-open fill it starts a day in cash: one switch, but each holding has one period, so
    // every path is still the run itself.
    const nextOpen = (await runJob({ strategy: 'buy-and-hold', out: tmp(), null: { model: 'random-timing', n: 10, seed: 1 } })).nullModel!;
    expect(nextOpen.switches).toBe(1);
    expect(nextOpen.sharpe.percentile).toBe(50);
  });

  it('writes the percentiles in metrics.json and both reports, rebuilt the same by rotor report; a bad spec is one line', () => {
    const out = tmp();
    const r = rotor(['run', 'relative-momentum', '--null', 'random-timing:200', '--null-seed', '5', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/null random-timing:200 \(seed 5, \d+ switches, exposure [\d.]+%\): total return at the [\d.]+% percentile, Sharpe at the [\d.]+%/);
    const nm = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).nullModel;
    expect(nm.n).toBe(200);
    expect(nm.values).toBeUndefined();
    expect(nm.totalReturn.values).toHaveLength(200);
    expect(nm.switches).toBeGreaterThan(5);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Null model: random timing (200 paths)');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('data-chart="data-null-sharpe"');
    expect(rotor(['report', out]).status).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(md);
    const again = rotor(['run', 'relative-momentum', '--null', 'random-timing:200', '--null-seed', '5', '--out', tmp()]);
    expect(again.stdout.split('\n')[2]).toBe(r.stdout.split('\n')[2]);
    for (const bad of ['random-timing', 'random-timing:0', 'shuffle:10', 'random-timing:1.5']) {
      const e = rotor(['run', 'relative-momentum', '--null', bad, '--out', tmp()]);
      expect(e.status).toBe(1);
      expect(e.stderr).toBe(`rotor: --null ${bad}: expected random-timing:N with N a whole number from 1 to 100000, e.g. random-timing:1000\n`);
    }
  });
});

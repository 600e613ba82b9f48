import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchEntries } from '../../batch/index.ts';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-batch-'));
const defaults = { costs: { commissionBps: 1, commissionPerShare: 0, commissionMin: 0, slippageBps: 2 } };
const refusal = (value: unknown): string => {
  try {
    batchEntries('b.json', value, defaults);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('batch files', () => {
  it('expands a product into every combination, strategies slowest and costs fastest, with labels', () => {
    const entries = batchEntries('b.json', {
      strategies: ['buy-and-hold', { strategy: 'fixed-weight', label: '50-50', params: { weights: 'SPY:0.5,IWM:0.5' } }],
      windows: ['2000-01-01..2009-12-31', { from: '2010-01-01', label: '2010s' }],
      costs: [0, 5, { commissionBps: 1, slippageBps: 19 }],
    }, defaults);
    expect(entries).toHaveLength(12);
    expect(entries.map((e) => e.label).slice(0, 4)).toEqual(['buy-and-hold 2000-01-01..2009-12-31 0bps', 'buy-and-hold 2000-01-01..2009-12-31 5bps', 'buy-and-hold 2000-01-01..2009-12-31 20bps', 'buy-and-hold 2010s 0bps']);
    expect(entries[4].settings).toMatchObject({ from: '2010-01-01', costs: { commissionBps: 5, slippageBps: 0 } });
    expect(entries[4].settings.to).toBeUndefined();
    expect(entries[11]).toMatchObject({ label: '50-50 2010s 20bps', strategy: 'fixed-weight', params: { weights: 'SPY:0.5,IWM:0.5' }, origin: 'strategies[1] × windows[1] × costs[2]' });
    expect(entries[11].settings.costs).toEqual({ commissionBps: 1, commissionPerShare: 0, commissionMin: 0, slippageBps: 19 });
  });

  it('reads a list of runs, each with its own window and costs over the command-line defaults', () => {
    const entries = batchEntries('b.json', { runs: [{ label: 'a', strategy: 'buy-and-hold', from: '2001-01-02', costs: { slippageBps: 0 } }, { strategy: 'small-cap-streak', params: { days: 4 } }] }, defaults);
    expect(entries[0].settings).toEqual({ ...defaults, from: '2001-01-02', costs: { commissionBps: 1, commissionPerShare: 0, commissionMin: 0, slippageBps: 0 } });
    expect(entries[1]).toMatchObject({ label: 'small-cap-streak', params: { days: 4 }, settings: defaults });
  });

  it('refuses a bad entry naming the file, the entry and the field', () => {
    expect(refusal({ runs: [{ strategy: 'a' }, { strategy: 'b', form: '2000-01-01' }] })).toBe('b.json: runs[1]: unknown field form (allowed: label, strategy, params, from, to, costs, settings)');
    expect(refusal([{ strategy: 'a', from: '2000-1-1' }])).toBe('b.json: [0].from: expected a date YYYY-MM-DD, got "2000-1-1"');
    expect(refusal([{ strategy: '' }])).toMatch(/^b\.json: \[0\]\.strategy: expected a non-empty string/);
    expect(refusal([{ strategy: 'a', costs: -1 }])).toBe('b.json: [0].costs: expected a cost in bps ≥ 0, got -1');
    expect(refusal([{ strategy: 'a', settings: { cash: 5 } }])).toMatch(/^b\.json: \[0\]\.settings: unknown field cash/);
    expect(refusal([{ strategy: 'a' }, { strategy: 'a' }])).toBe('b.json: [1]: label "a" is used by [0] too; labels name the runs, so each must be unique');
    expect(refusal({ strategies: ['a'], windows: ['2000'] })).toMatch(/^b\.json: windows\[0\]: expected FROM\.\.TO/);
    expect(refusal({ strategies: [] })).toBe('b.json: strategies: expected a non-empty list');
    expect(refusal(42)).toMatch(/^b\.json: top level: expected a list of runs/);
  });

  it('rotor batch refuses an entry whose params or strategy are wrong before running anything', () => {
    const dir = tmp();
    const file = join(dir, 'b.json');
    writeFileSync(file, JSON.stringify({ runs: [{ strategy: 'buy-and-hold' }, { label: 'x', strategy: 'small-cap-streak', params: { days: 99 } }] }));
    const r = rotor(['batch', file, '--out', join(dir, 'out'), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`rotor: ${file}: runs[1] (x): strategy small-cap-streak: runs[1].params.days must be an integer in [1, 20], got 99`);
    writeFileSync(file, JSON.stringify([{ strategy: 'no-such' }]));
    expect(rotor(['batch', file, '--out', join(dir, 'out'), '--quiet']).stderr).toMatch(/^rotor: .*b\.json: \[0\]\.strategy: strategy no-such: no such file, and not a built-in/);
    writeFileSync(file, '{ "runs": [ }');
    expect(rotor(['batch', file, '--out', join(dir, 'out'), '--quiet']).stderr).toMatch(/^rotor: .*b\.json: not valid JSON/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe.skipIf(!HAVE_SHARED_DATA)('rotor batch on ../shared/data', () => {
  it('runs a product of strategies, windows and costs; each run equals rotor run with the same settings; costs only lower returns', () => {
    const dir = tmp();
    const file = join(dir, 'decades.json');
    writeFileSync(file, JSON.stringify({ strategies: ['small-cap-streak', 'relative-momentum'], windows: ['2005-01-01..2009-12-31', '2015-01-01..2019-12-31'], costs: [0, 20] }));
    const r = rotor(['batch', file, '--data', SHARED_DATA, '--benchmark', 'SPY', '--workers', '2', '--keep', 'all', '--out', join(dir, 'out'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [head, ...lines] = readFileSync(join(dir, 'out', 'trials.csv'), 'utf8').trim().split('\n');
    const cols = head.split(',');
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])));
    expect(rows.map((x) => x.label)).toEqual([
      'small-cap-streak 2005-01-01..2009-12-31 0bps', 'small-cap-streak 2005-01-01..2009-12-31 20bps', 'small-cap-streak 2015-01-01..2019-12-31 0bps', 'small-cap-streak 2015-01-01..2019-12-31 20bps',
      'relative-momentum 2005-01-01..2009-12-31 0bps', 'relative-momentum 2005-01-01..2009-12-31 20bps', 'relative-momentum 2015-01-01..2019-12-31 0bps', 'relative-momentum 2015-01-01..2019-12-31 20bps',
    ]);
    for (let i = 0; i < 8; i += 2) {
      const free = Number(rows[i].totalReturn);
      const costly = Number(rows[i + 1].totalReturn);
      expect(costly).toBeLessThanOrEqual(free);
      if (Number(rows[i]['trading.trades']) > 0) expect(costly).toBeLessThan(free);
    }
    const run = rotor(['run', 'relative-momentum', '--data', SHARED_DATA, '--benchmark', 'SPY', '--from', '2015-01-01', '--to', '2019-12-31', '--commission-bps', '20', '--slippage-bps', '0', '--out', join(dir, 'run')]);
    expect(run.status).toBe(0);
    const single = JSON.parse(readFileSync(join(dir, 'run', 'metrics.json'), 'utf8'));
    expect(Number(rows[7].totalReturn)).toBe(single.metrics.totalReturn);
    expect(rows[7].run_key).toBe(single.runKey);
    const kept = JSON.parse(readFileSync(join(dir, 'out', 'trials', '7', 'metrics.json'), 'utf8'));
    expect(kept.metrics).toEqual(single.metrics);
    const summary = readFileSync(join(dir, 'out', 'summary.md'), 'utf8');
    expect(summary).toContain('**N = 8 runs** (8 ok, 0 failed');
    expect(summary).toContain('| 7 | relative-momentum 2015-01-01..2019-12-31 20bps | relative-momentum | 2015-01-01 → 2019-12-31 | 20+0 bps |');
  });
});

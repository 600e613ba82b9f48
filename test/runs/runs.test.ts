import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRun } from '../../engine/index.ts';
import { canonicalJson, decodeOutcome, encodeOutcome, execute, loadRunData, loadStrategyRef, planRun, runKey, ROTOR_VERSION, strategySourceHash, type RunOutcome } from '../../runs/index.ts';
import { inFlagTerms } from '../../cli/field-flags.ts';
import { rotor } from '../helpers/run-cli.ts';

describe('a run is a value', () => {
  it('canonical JSON sorts keys at every depth, so equal specs give one key', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('the run key changes with params, settings, data, strategy source and rotor version, and not with the data folder', async () => {
    const { strategy, ref } = await loadStrategyRef('small-cap-streak');
    const resolved = resolveRun(strategy, { days: 4 });
    const { data } = loadRunData({}, [resolved]);
    const plan = planRun(resolved, ref, data);
    expect(plan.key).toMatch(/^[0-9a-f]{64}$/);
    const same = planRun(resolveRun(strategy, { days: '4' }), ref, { ...data, dir: '/elsewhere' });
    expect(same.key).toBe(plan.key);
    // Files loaded beside the run's own do not change its key.
    const more = loadRunData({}, [resolved, resolveRun(strategy, { index: 'GSPC' })]).data;
    expect(more.files.length).toBeGreaterThan(data.files.length);
    expect(planRun(resolved, ref, more).key).toBe(plan.key);
    const keys = [
      planRun(resolveRun(strategy, { days: 5 }), ref, data).key,
      planRun(resolveRun(strategy, { days: 4 }, { costs: { commissionBps: 2, commissionPerShare: 0, commissionMin: 0, slippageBps: 2 } }), ref, data).key,
      planRun(resolved, ref, { ...data, files: data.files.map((f, k) => (k === 0 ? { ...f, sha256: 'other' } : f)) }).key,
      planRun(resolved, { ...ref, sha256: 'other' }, data).key,
      runKey(plan.spec, ROTOR_VERSION + '-next'),
    ];
    expect(new Set([plan.key, ...keys]).size).toBe(6);
  });

  it("a strategy's local imports are part of its hash: editing a helper file is a different run", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-imports-'));
    const file = join(dir, 'strategy.ts');
    writeFileSync(file, "import { defineStrategy } from 'rotor';\nimport { HOLD } from './helper.ts';\nexport default defineStrategy({ name: 'h', description: '', universe: ['SPY', 'IWM'], onBar: () => ({ [HOLD]: 1 }) });\n");
    const key = (hold: string) => {
      writeFileSync(join(dir, 'helper.ts'), `export const HOLD = '${hold}';\n`);
      const out = join(dir, `out-${hold}`);
      const r = rotor(['run', file, '--to', '2001-12-31', '--no-html', '--out', out]);
      expect(r.stderr).toBe('');
      return (JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { runKey: string; strategy: { sha256: string } });
    };
    const [spy, iwm] = [key('SPY'), key('IWM')];
    expect(iwm.runKey).not.toBe(spy.runKey);
    expect(iwm.strategy.sha256).not.toBe(spy.strategy.sha256);
  });

  it('a strategy file with no local imports is hashed by its bytes alone; with them, by every file and its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-hash-'));
    const [main, helper] = [join(dir, 's.ts'), join(dir, 'h.ts')];
    writeFileSync(main, 'main');
    writeFileSync(helper, 'helper');
    const sha = (...parts: string[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');
    expect(strategySourceHash(main, [])).toBe(sha('main'));
    expect(strategySourceHash(main, [helper])).toBe(sha('s.ts', '\0', 'main', '\0', 'h.ts', '\0', 'helper', '\0'));
  });

  it('an outcome survives the codec bit for bit, NaN and -0 included', async () => {
    const { strategy, ref } = await loadStrategyRef('buy-and-hold');
    const resolved = resolveRun(strategy, { symbol: 'SPY' }, { to: '2001-12-31' });
    const { dataset, data } = loadRunData({}, [resolved]);
    const { outcome } = execute(planRun(resolved, ref, data), dataset);
    expect(outcome.status).toBe('ok');
    const probe: RunOutcome = { ...outcome, returns: new Float64Array([...outcome.returns.slice(0, 3), NaN, -0, Infinity]) };
    const back = decodeOutcome(JSON.parse(JSON.stringify(encodeOutcome(probe))));
    expect(Array.from(back.returns)).toEqual(Array.from(probe.returns));
    expect(Object.is(back.returns[4], -0)).toBe(true);
    expect(back.metrics).toEqual(outcome.metrics);
    expect(back.key).toBe(outcome.key);
  });

  it('a failure is data: the field at fault, no flag', async () => {
    const { strategy, ref } = await loadStrategyRef('buy-and-hold');
    const resolved = resolveRun(strategy, { symbol: 'SPY' }, { maxLeverage: 1 });
    const { dataset, data } = loadRunData({}, [resolved]);
    const bad = { ...resolved, params: { symbol: 'NOPE' } };
    const { outcome } = execute(planRun(bad, ref, data), dataset);
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.internal).toBe(false);
    expect(outcome.error?.message).not.toMatch(/--/);
    expect(() => resolveRun(strategy, {}, { initialCash: 0 })).toThrow('settings.initialCash must be a number > 0, got 0');
  });

  it('the CLI renames fields to the flags typed', () => {
    expect(inFlagTerms({ field: 'settings.initialCash', message: 'settings.initialCash must be a number > 0, got 0' })).toBe('--cash must be a number > 0, got 0');
    expect(inFlagTerms({ field: 'params.days', message: 'strategy s: params.days must be an integer' })).toBe('strategy s: --param days must be an integer');
    expect(inFlagTerms({ field: 'params.days', message: 'strategy s: params.days must be an integer' }, { grid: new Set(['days']) })).toBe('strategy s: --grid days must be an integer');
    expect(inFlagTerms({ field: 'settings.from', message: 'settings.from 2020-01-01 is after settings.to 2019-01-01' })).toBe('--from 2020-01-01 is after --to 2019-01-01');
  });

  it('rotor run writes the run key into metrics.json, and a bad setting names its flag', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rotor-runs-')), 'run');
    const r = rotor(['run', 'buy-and-hold', '--to', '2001-12-31', '--out', out]);
    expect(r.status).toBe(0);
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { runKey: string; strategy: { sha256: string } };
    expect(record.runKey).toMatch(/^[0-9a-f]{64}$/);
    expect(record.strategy.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = rotor(['run', 'buy-and-hold', '--cash', '0', '--out', join(out, 'x')]);
    expect(bad.stderr.trim()).toBe('rotor: --cash must be a number > 0, got 0');
    expect(existsSync(join(out, 'x'))).toBe(false);
  });
});

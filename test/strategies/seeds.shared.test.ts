import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams, ruleSignal, type Rule } from '../../engine/index.ts';
import { loadDataset } from '../../datasets/index.ts';
import ubs, { fourConditions } from '../../strategies/ubs-four-conditions.ts';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-seeds-'));

/**
 * Computed here from the raw CSV, not by rotor: the days on which RUT completes five consecutive closes each more than
 * 1% above the previous close (a longer run counts once, on its fifth day).
 */
function rutStreakCompletions(): string[] {
  const rows = readFileSync(join(SHARED_DATA, 'prices', 'RUT.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const out: string[] = [];
  let run = 0;
  for (let i = 1; i < rows.length; i++) {
    run = Number(rows[i][4]) / Number(rows[i - 1][4]) - 1 > 0.01 ? run + 1 : 0;
    if (run === 5) out.push(rows[i][0]);
  }
  return out;
}

/** `date,summary,detail` rows of a decisions.csv: date and the summary (which may be quoted). */
function decisions(dir: string): { date: string; summary: string; trigger: string }[] {
  const lines = readFileSync(join(dir, 'decisions.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const date = l.slice(0, 10);
    const rest = l.slice(11);
    const summary = rest.startsWith('"') ? rest.slice(1, rest.indexOf('","')).replace(/""/g, '"') : rest.slice(0, rest.indexOf(','));
    const trigger = /""trigger"":""(\w+)""/.exec(l)?.[1] ?? '';
    return { date, summary, trigger };
  });
}

describe.skipIf(!HAVE_SHARED_DATA)('the small-cap streak on real data', () => {
  const expected = HAVE_SHARED_DATA ? rutStreakCompletions() : [];

  it('rotor events streak finds exactly the streaks computed from the raw CSV', () => {
    // The data README lists the same five (checked against an independent Yahoo copy there).
    expect(expected).toEqual(['1998-10-20', '2000-01-20', '2009-09-10', '2020-04-28', '2024-07-16']);
    const out = tmp();
    const r = rotor(['events', 'streak', '--symbol', 'RUT', '--days', '5', '--min-return', '0.01', '--data', SHARED_DATA, '--symbols', 'RUT,IWM,SPY', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8')) as { date: string; trigger: string; forward: Record<string, Record<string, number | null>> }[];
    expect(events.map((e) => e.date)).toEqual(expected);
    expect(events[4].trigger).toBe('RUT closed up more than 1% for 5 days (+1.10%, +3.57%, +1.09%, +1.80%, +3.50%)');
    // RUT 1 day after 2024-07-16: 2239.67 / 2263.67 − 1 (closes from the data README's table).
    expect(events[4].forward.RUT['1']).toBeCloseTo(2239.67 / 2263.67 - 1, 12);
    expect(readFileSync(join(out, 'events.csv'), 'utf8').split('\n')[0]).toMatch(/^date,trigger,overlaps_previous,RUT_1d,/);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('| 2024-07-16 | RUT closed up more than 1% for 5 days');
    expect(md).toContain('**5 occurrences only.** Averages over so few events are anecdotes');
  });

  it('small-cap-streak, run from the CLI, rotates into IWM on each of those streaks inside its run', () => {
    const out = tmp();
    const r = rotor(['run', 'small-cap-streak', '--data', SHARED_DATA, '--benchmark', 'SPY', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const log = decisions(out);
    // The run starts when IWM starts (2000-05-26), so the 1998 and January-2000 streaks fall before it.
    expect(log.filter((d) => d.trigger === 'entry').map((d) => d.date)).toEqual(expected.filter((d) => d >= '2000-05-26'));
    expect(log.find((d) => d.date === '2024-07-16')?.summary).toBe(
      'RUT closed up more than 1% for 5 days (+1.10%, +3.57%, +1.09%, +1.80%, +3.50%) → rotate into IWM',
    );
    // 20 trading days held: decided 2024-07-16, out on the 20th trading day after it, 2024-08-13.
    expect(log.find((d) => d.trigger === 'exit' && d.date > '2024-07-16')?.date).toBe('2024-08-13');
    const trades = readFileSync(join(out, 'trades.csv'), 'utf8');
    expect(trades).toMatch(/\n2024-07-17,IWM,buy,/); // filled at the next open
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('2024-07-16: RUT closed up more than 1% for 5 days (+1.10%, +3.57%, +1.09%, +1.80%, +3.50%) → rotate into IWM');
  });
});

describe.skipIf(!HAVE_SHARED_DATA)('the UBS four conditions on real data', () => {
  const params = resolveParams(ubs.name, ubs.params!, { epsSeries: 'none' });
  const macro = ['CPIAUCNS', 'FEDFUNDS', 'GDPC1.first_release_qoq_saar_pct', 'UNRATE'];
  const states = (rule: () => Rule) => {
    const ds = loadDataset(SHARED_DATA, ['SPY'], macro);
    const s = ruleSignal({ market: ds.market, macro: ds.macro, rule, anchor: 'SPY', macroNames: macro });
    return (date: string) => s.states[ds.market.dates.indexOf(date)];
  };
  const condition = (i: number) => states(() => fourConditions(params)[i]);

  it('inflation contained: turns true on 2024-07-11, the day June CPI was released', () => {
    const at = condition(0);
    // 2024-07-10: latest is May (released 06-12): 314.069 / 304.127 − 1 = 3.27% > 3%.
    expect(at('2024-07-10')).toBe('false');
    // 2024-07-11: June: 314.175 / 305.109 − 1 = 2.97% ≤ 3%, and below March's 312.332 / 301.836 − 1 = 3.48%.
    expect(at('2024-07-11')).toBe('true');
    // 2024-11-01: September (released 10-10): 315.301 / 307.789 − 1 = 2.44%, below June's 2.97%.
    expect(at('2024-11-01')).toBe('true');
  });

  it('the Fed cutting: true from 2024-11-01, when October\'s average is known', () => {
    const at = condition(1);
    // FEDFUNDS has no release dates; a monthly average is known the day after the month ends.
    // 2024-10-31: September 5.13 vs the 12-month high 5.33: 0.20 below, less than 0.25.
    expect(at('2024-10-31')).toBe('false');
    // 2024-11-01: October 4.83: 0.50 below 5.33.
    expect(at('2024-11-01')).toBe('true');
    expect(at('2024-07-11')).toBe('false'); // June 5.33 = its high
  });

  it('the economy growing: false from the release of a negative first print, and on a Sahm signal', () => {
    const at = condition(2);
    // GDP 2021Q4 first print +6.89% (released 2022-01-27); 2022Q1 first print −1.41%, released 2022-04-28.
    // UNRATE was falling (Jan–Mar 2022 average (4.0 + 3.9 + 3.7) / 3 = 3.87 is its 13-month low): no Sahm signal.
    expect(at('2022-04-27')).toBe('true');
    expect(at('2022-04-28')).toBe('false');
    // UNRATE (this file's revised values) for July 2024 is released 2024-08-02 (BLS: 3rd Friday after the week of the
    // 12th). Before: June's 3-month average (3.9 + 3.9 + 4.1) / 3 = 3.967 is 0.433 above the 13-month low, June 2023's
    // (3.4 + 3.6 + 3.6) / 3 = 3.533. After: July's (3.9 + 4.1 + 4.2) / 3 = 4.067 is 0.50 above July 2023's 3.567: the
    // Sahm rule fires, though GDP (2024Q2 first print +2.84%, released 07-25) is growing.
    expect(at('2024-08-01')).toBe('true');
    expect(at('2024-08-02')).toBe('false');
    // 2024-11-01: October's average (4.2 + 4.1 + 4.1) / 3 = 4.133 is 0.40 above January 2024's 3.733; 2024Q3 +2.83%.
    expect(at('2024-11-01')).toBe('true');
  });

  it('small-cap earnings growing: unknown everywhere without a series', () => {
    const at = condition(3);
    expect([at('2000-06-01'), at('2024-11-01')]).toEqual(['unknown', 'unknown']);
  });

  it('runs end to end from the CLI; the gate opens on 2024-11-01 with the unknown condition ignored', () => {
    const out = tmp();
    const r = rotor(['run', 'ubs-four-conditions', '--data', SHARED_DATA, '--param', 'epsSeries=none', '--benchmark', 'SPY', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const log = decisions(out);
    const stateOn = (date: string) => [...log].reverse().find((d) => d.date <= date)!;
    expect(stateOn('2024-10-31').summary).toMatch(/^gate closed: /);
    const open = log.find((d) => d.date === '2024-11-01')!;
    expect(open.trigger).toBe('entry');
    expect(open.summary).toMatch(/^gate open: inflation contained ✓ .*the Fed cutting ✓ \(FEDFUNDS minus its 12-month high at or below −0\.25: −0\.5 in 2024-10\)/);
    expect(open.summary).toContain('small-cap earnings growing ? (no small-cap earnings series (epsSeries=none)); unknown: small-cap earnings growing (ignored) → rotate into IWM 70% / SPY 30%');
  });

  it('with the default epsSeries, absent from the real data, the condition is unknown and the run says why', () => {
    const out = tmp();
    const r = rotor(['run', 'ubs-four-conditions', '--data', SHARED_DATA, '--benchmark', 'SPY', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(record.notes).toContainEqual({ kind: 'data', message: 'optional macro series SMALLCAP_EPS is not in the data: the strategy reads it as unknown' });
    const open = decisions(out).find((d) => d.date === '2024-11-01')!;
    expect(open.summary).toMatch(/small-cap earnings growing \? \(.*SMALLCAP_EPS.*\); unknown: small-cap earnings growing \(ignored\) → rotate into IWM 70% \/ SPY 30%$/);
  });
});

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from '../../datasets/index.ts';
import { rotor } from '../helpers/run-cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-events-'));
type Event = { date: string; trigger: string; forward: Record<string, Record<string, number | null>>; overlapsPrevious: number[] };
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8')) as Event[];

/** Adjusted closes of a sample file by date, read here without rotor. */
function closes(symbol: string): Map<string, number> {
  const rows = readFileSync(join(SAMPLE_DIR, 'prices', `${symbol}.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return new Map(rows.map((c) => [c[0], Number(c[5])]));
}

describe('rotor events on the sample', () => {
  it('streak: one occurrence per run of qualifying days, forward returns from the close, JSON/CSV/Markdown', () => {
    const out = tmp();
    const r = rotor(['events', 'streak', '--symbol', 'RUT', '--days', '5', '--min-return', '0.01', '--symbols', 'RUT,SPY', '--horizons', '1,21', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const events = read(out);
    // The sample's README lists its runs of ≥ 5 days up > 1%; each completes on its fifth day: 2002-10-10 → 10-17 (six
    // days) on 10-16, 2020-11-04 → 11-11 (six days) on 11-10.
    expect(events.map((e) => e.date)).toEqual(['1998-10-21', '2001-11-16', '2002-10-16', '2008-12-03', '2009-03-16', '2020-11-10']);
    // SPY 21 trading days after 2008-12-03, by hand from the file.
    const spy = closes('SPY');
    const dates = [...spy.keys()];
    const t = dates.indexOf('2008-12-03');
    expect(events[3].forward.SPY['21']).toBeCloseTo(spy.get(dates[t + 21])! / spy.get(dates[t])! - 1, 12);
    expect(r.stdout).toContain('events: RUT closed up more than 1% for 5 days [SYNTHETIC sample data]');
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('SYNTHETIC DATA');
    expect(md).toContain('| 21d | 6 |');
    expect(readFileSync(join(out, 'events.csv'), 'utf8').split('\n')[0]).toBe('date,trigger,overlaps_previous,RUT_1d,RUT_21d,SPY_1d,SPY_21d');
  });

  it('flags overlapping forward windows and declutters', () => {
    // 2008-12-03 and 2009-03-16 are 69 trading days apart: their 126-day windows overlap, their 63-day ones do not.
    const out = tmp();
    rotor(['events', 'streak', '--horizons', '63,126', '--out', out]);
    const e = read(out);
    expect(e.find((x) => x.date === '2009-03-16')?.overlapsPrevious).toEqual([126]);
    expect(e.find((x) => x.date === '2008-12-03')?.overlapsPrevious).toEqual([]);
    const d = tmp();
    rotor(['events', 'streak', '--horizons', '63,126', '--declutter', '126', '--out', d]);
    expect(read(d).map((x) => x.date)).toEqual(['1998-10-21', '2001-11-16', '2002-10-16', '2008-12-03', '2020-11-10']);
  });

  it('rule: reads the text syntax, and the dates follow the rule text', () => {
    /** Each day a run of `n` closes up more than `gain` completes, computed here from the file (one per run). */
    const byHand = (symbol: string, gain: number, n: number) => {
      const c = [...closes(symbol)];
      const out: string[] = [];
      let run = 0;
      for (let i = 1; i < c.length; i++) {
        run = c[i][1] / c[i - 1][1] - 1 > gain ? run + 1 : 0;
        if (run === n) out.push(c[i][0]);
      }
      return out;
    };
    const dates = (rule: string) => {
      const out = tmp();
      const r = rotor(['events', 'rule', rule, '--horizons', '5', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return read(out).map((e) => e.date);
    };
    expect(dates('streak(ret(RUT) > 1%, 5)')).toEqual(['1998-10-21', '2001-11-16', '2002-10-16', '2008-12-03', '2009-03-16', '2020-11-10']);
    // Another threshold, another length, another symbol: other dates, each as the rule's text says.
    const other = byHand('RUT', 0.015, 3);
    expect(other.length).toBeGreaterThan(0);
    expect(dates('streak(ret(RUT) > 1.5%, 3)')).toEqual(other);
    expect(dates('streak(ret(SPY) > 1%, 4)')).toEqual(byHand('SPY', 0.01, 4));
    expect(byHand('SPY', 0.01, 4)).not.toEqual(other);
  });

  it('strategy: the dates its entry rule fired, from its decision log', () => {
    const out = tmp();
    const r = rotor(['events', 'strategy', 'small-cap-streak', '--horizons', '5', '--out', out]);
    expect(r.stderr).toBe('');
    // Inside the strategy's run (IWM from 2000-05-26).
    expect(read(out).map((e) => e.date)).toEqual(['2001-11-16', '2002-10-16', '2008-12-03', '2009-03-16', '2020-11-10']);
    expect(read(out)[0].trigger).toMatch(/^RUT closed up more than 1% for 5 days \(.*\) → rotate into IWM$/);
    expect(Object.keys(read(out)[0].forward)).toEqual(['IWM', 'SPY']);
    const exits = tmp();
    rotor(['events', 'strategy', 'small-cap-streak', '--on', 'exit', '--horizons', '5', '--out', exits]);
    // Each 20-day hold ends 20 trading days (rows of the sample's calendar) after its entry.
    const calendar = [...closes('SPY').keys()];
    const entries = ['2001-11-16', '2002-10-16', '2008-12-03', '2009-03-16', '2020-11-10'];
    expect(read(exits).map((e) => e.date)).toEqual(entries.map((d) => calendar[calendar.indexOf(d) + 20]));
  });

  it('refuses bad input with one line and writes nothing', () => {
    const out = join(tmp(), 'never');
    const cases: [string[], string][] = [
      [['events', 'streak', '--horizons', '1,0', '--out', out], 'rotor: --horizons 1,0: expected trading-day counts separated by commas, each a whole number ≥ 1 (e.g. 1,5,21,63)'],
      [['events', 'rule', 'ret(RUT) >', '--out', out], 'rotor: rule "ret(RUT) >": expected a symbol or a series function, found "the end" at column 11'],
      [['events', 'strategy', 'buy-and-hold', '--out', out], 'rotor: strategy buy-and-hold records no rule decisions, so its signals cannot be read back (record them with follow() or explainDecision(); see README, "Rules")'],
      [['events', 'rule', '--out', out], 'rotor: events rule needs a rule expression, e.g. "streak(ret(RUT) > 1%, 5)"'],
      [['events', 'streak', '--symbol', 'NOPE', '--out', out], 'no price file for NOPE'],
      [['events', 'strategy', 'small-cap-streak', '--on', 'entries', '--out', out], 'rotor: --on entries: expected decision kinds among entry, signal, exit, start, rebalance, e.g. entry,signal'],
    ];
    for (const [args, message] of cases) {
      const r = rotor(args);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../engine/index.ts';
import { decisionsSection } from '../../reports/index.ts';

const rule = (date: string, trigger: string, summary: string): DecisionRecord => ({ date, bar: 0, summary, detail: { trigger, action: '', rules: [] } });

describe('the report\'s Decisions section', () => {
  it('lists the state changes of a rule-driven run and counts the rest', () => {
    const lines = decisionsSection(
      [
        rule('2024-01-02', 'start', 'a → hold SPY'),
        rule('2024-02-01', 'rebalance', 'r'),
        rule('2024-07-16', 'entry', 'b → rotate into IWM'),
        rule('2024-07-20', 'signal', 'c → hold extended; keep IWM'),
        rule('2024-08-13', 'exit', 'd → rotate into SPY'),
      ],
      2,
    );
    expect(lines).toEqual([
      '## Decisions',
      '',
      '5 decisions: 1 start, 1 entry, 1 exit, 1 signal without a change of position, 1 routine rebalance. Each says which rules decided it and on what values; decisions.csv has every rule evaluated, with its state.',
      '',
      'The last 2 of 4 state changes; all are in decisions.csv.',
      '',
      '- 2024-07-20: c → hold extended; keep IWM',
      '- 2024-08-13: d → rotate into SPY',
      '',
    ]);
  });

  it('lists the latest decisions of any other run, and nothing when there are none', () => {
    expect(decisionsSection([{ date: '2024-01-02', bar: 0, summary: 'why' }], 50)).toEqual(['## Decisions', '', '- 2024-01-02: why', '']);
    expect(decisionsSection([], 50)).toEqual([]);
  });
});

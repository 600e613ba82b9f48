import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';
import { days } from '../helpers/tiny-market.ts';

/**
 * Each `rotor run` flag, through the CLI, changes a result the way it says, on a made-up market whose figures can be
 * worked by hand: AAA at a raw price of 100 (adj_close 50 before 2024-01-15, as if a 50% distribution were paid
 * then), BBB at 30, then 40 from the 6th bar; a monthly macro series XSER.
 */
const root = mkdtempSync(join(tmpdir(), 'rotor-run-flags-'));
const data = join(root, 'data');
mkdirSync(join(data, 'prices'), { recursive: true });
mkdirSync(join(data, 'macro'));
const dates = days(60, '2024-01-01').filter((d) => d !== '2024-01-01' && d !== '2024-01-15' && d !== '2024-02-19');
const rows = (price: (i: number, d: string) => number, adj: (i: number, d: string) => number = price) =>
  ['date,open,high,low,close,adj_close,volume', ...dates.map((d, i) => `${d},${price(i, d)},${price(i, d)},${price(i, d)},${price(i, d)},${adj(i, d)},1000`)].join('\n') + '\n';
writeFileSync(join(data, 'prices', 'AAA.csv'), rows(() => 100, (_, d) => (d < '2024-01-15' ? 50 : 100)));
writeFileSync(join(data, 'prices', 'BBB.csv'), rows((i) => (i < 5 ? 30 : 40)));
// Revised 2.0, first printed as 1.0: what a run sees depends on --macro-vintage.
writeFileSync(join(data, 'macro', 'XSER.csv'), 'date,value,first_release_value\n2023-12-01,7.0,7.0\n2024-01-01,2.0,1.0\n');
// A CPI file without release dates (made-up values): its dates come from the release calendar.
writeFileSync(join(data, 'macro', 'CPIAUCNS.csv'), 'date,value\n2023-12-01,7.0\n2024-01-01,2.0\n');

const ZERO = ['--commission-bps', '0', '--slippage-bps', '0'];

function run(args: string[]) {
  const out = join(root, `out-${Math.random().toString(36).slice(2)}`);
  const r = rotor(['run', ...args, '--data', data, '--out', out, '--no-html']);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.status).toBe(0);
  const csv = (name: string) => {
    const [header, ...lines] = readFileSync(join(out, name), 'utf8').trim().split('\n');
    const cols = header.split(',');
    return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
  };
  return { trades: csv('trades.csv'), decisions: () => csv('decisions.csv'), metrics: JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')), equity: csv('equity.csv') };
}

const hold = (symbol: string, ...flags: string[]) => run(['buy-and-hold', '--param', `symbol=${symbol}`, ...flags]);
const first = (r: ReturnType<typeof run>) => r.trades[0];

describe('rotor run flags, each changing a result the way it says', () => {
  it('--cash: the shares bought (100000 / 100 = 1000; 50000 → 500)', () => {
    expect(Number(first(hold('AAA', ...ZERO, '--prices', 'raw')).quantity)).toBe(1000);
    expect(Number(first(hold('AAA', ...ZERO, '--prices', 'raw', '--cash', '50000')).quantity)).toBe(500);
  });

  it('--slippage-bps: the fill price moves against the trader (10 bps of 100 = 100.10)', () => {
    const t = first(hold('AAA', '--commission-bps', '0', '--slippage-bps', '10', '--prices', 'raw'));
    expect(Number(t.price)).toBeCloseTo(100.1, 10);
    expect(Number(t.quantity) * Number(t.price)).toBeCloseTo(100_000, 6);
  });

  it('--commission-bps, --commission-per-share, --commission-min: the commission of the trade', () => {
    const bps = first(hold('AAA', '--commission-bps', '10', '--slippage-bps', '0', '--prices', 'raw'));
    // 10 bps of the notional, and notional + commission = the cash.
    expect(Number(bps.commission)).toBeCloseTo(Number(bps.quantity) * 100 * 0.001, 6);
    expect(Number(bps.quantity) * 100 + Number(bps.commission)).toBeCloseTo(100_000, 6);
    const perShare = first(hold('AAA', ...ZERO, '--commission-per-share', '0.5', '--prices', 'raw', '--cash', '1005'));
    // q × 100 + q × 0.5 = 1005 → q = 10.
    expect(Number(perShare.quantity)).toBeCloseTo(10, 9);
    expect(Number(perShare.commission)).toBeCloseTo(5, 9);
    const min = first(hold('AAA', ...ZERO, '--commission-min', '7', '--prices', 'raw', '--cash', '1007'));
    expect(Number(min.commission)).toBeCloseTo(7, 9);
    expect(Number(min.quantity)).toBeCloseTo(10, 9);
  });

  it('--prices: total-return trades the adjusted price (50 before the distribution), raw the quoted 100', () => {
    expect(Number(first(hold('AAA', ...ZERO)).price)).toBe(50);
    expect(Number(first(hold('AAA', ...ZERO, '--prices', 'raw')).price)).toBe(100);
    // Total return doubles through the distribution; the raw price stays flat.
    expect(hold('AAA', ...ZERO).metrics.metrics.totalReturn).toBeCloseTo(1, 9);
    expect(hold('AAA', ...ZERO, '--prices', 'raw').metrics.metrics.totalReturn).toBeCloseTo(0, 9);
  });

  it('--integer-shares: 1000 / 30 buys 33 shares, not 33.33', () => {
    expect(Number(first(hold('BBB', ...ZERO, '--cash', '1000')).quantity)).toBeCloseTo(1000 / 30, 9);
    expect(Number(first(hold('BBB', ...ZERO, '--cash', '1000', '--integer-shares')).quantity)).toBe(33);
  });

  it('--max-leverage: weights summing to 2 are refused by default, taken whole with --max-leverage 2', () => {
    const w = ['fixed-weight', '--param', 'weights=AAA:1,BBB:1', ...ZERO, '--prices', 'raw', '--cash', '6000'];
    const gross = (r: ReturnType<typeof run>) => r.trades.filter((t) => t.date === r.trades[0].date).reduce((s, t) => s + Number(t.quantity) * Number(t.price), 0);
    const refused = rotor(['run', ...w, '--data', data, '--out', join(root, 'refused')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('weights sum to 2.000000, above the allowed 1 (raise --max-leverage to allow leverage)');
    expect(gross(run([...w, '--max-leverage', '2']))).toBeCloseTo(12000, 6);
  });

  it('--drift-band and --min-trade: the monthly rebalance after BBB rises is skipped when small enough', () => {
    // 50/50 of 10000 in AAA (100) and BBB (30 → 40): by February AAA is 5000 and BBB 6666.67 of 11666.67, BBB at
    // 57.1% (4 / 7): a 7.1% drift, and trades of 833.33 each way back to 5833.33.
    const w = ['fixed-weight', '--param', 'weights=AAA:0.5,BBB:0.5', ...ZERO, '--prices', 'raw', '--cash', '10000'];
    const rebalanced = (r: ReturnType<typeof run>) => r.trades.some((t) => t.date >= '2024-02-01');
    expect(rebalanced(run(w))).toBe(true);
    expect(rebalanced(run([...w, '--drift-band', '0.05']))).toBe(true);
    expect(rebalanced(run([...w, '--drift-band', '0.08']))).toBe(false);
    expect(rebalanced(run([...w, '--min-trade', '800']))).toBe(true);
    expect(rebalanced(run([...w, '--min-trade', '850']))).toBe(false);
  });

  it('--risk-free: Sharpe is computed on returns less the daily rate (checked against equity.csv)', () => {
    const base = hold('BBB', ...ZERO);
    const withRf = hold('BBB', ...ZERO, '--risk-free', '0.05');
    const equity = base.equity.map((r) => Number(r.equity));
    const r = equity.slice(1).map((e, i) => e / equity[i] - 1);
    const sharpe = (rf: number) => {
      const x = r.map((v) => v - rf);
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
      return (mean / sd) * Math.sqrt(252);
    };
    expect(base.metrics.metrics.sharpe).toBeCloseTo(sharpe(0), 9);
    expect(withRf.metrics.metrics.sharpe).toBeCloseTo(sharpe((1.05 ** (1 / 252)) - 1), 6);
    expect(withRf.metrics.metrics.sharpe).toBeLessThan(base.metrics.metrics.sharpe);
  });
});

describe('macro flags', () => {
  const reader = (series: string) => {
    const file = join(root, `reads-${series}.ts`);
    writeFileSync(
      file,
      `import { defineStrategy } from 'rotor';\nexport default defineStrategy({ name: 'reads', description: '', universe: ['AAA'], macro: ['${series}'],\n` +
        `  onBar(ctx) { const m = ctx.macro('${series}'); ctx.explain(m ? \`value \${m.value}\` : 'none'); } });\n`,
    );
    return file;
  };
  /** The first date the strategy saw January's value (December's was 7), and the value it saw. */
  const january = (series: string, ...flags: string[]) => {
    const seen = run([reader(series), ...flags]).decisions().find((d) => d.summary.startsWith('value ') && d.summary !== 'value 7');
    return seen && { date: seen.date, value: seen.summary.split(' ')[1] };
  };

  it('--macro-lag: January (ends 2024-01-31) is known from period end + the lag, on the first trading day from then', () => {
    expect(january('XSER', '--macro-lag', 'XSER=5')?.date).toBe('2024-02-05');
    expect(january('XSER', '--macro-lag', 'XSER=12')?.date).toBe('2024-02-12');
    // The default for a monthly series of no known kind is + 45 days: 2024-03-16, a Saturday.
    expect(january('XSER')?.date).toBe('2024-03-18');
  });

  it('--macro-vintage: the first print (1) by default, the revised value (2) with latest', () => {
    expect(january('XSER', '--macro-lag', 'XSER=5')?.value).toBe('1');
    expect(january('XSER', '--macro-lag', 'XSER=5', '--macro-vintage', 'latest')?.value).toBe('2');
  });

  it('a CPI file without release dates: January 2024 is known on 2024-02-13, the day BLS published it (the release calendar), unless --macro-lag says otherwise', () => {
    expect(january('CPIAUCNS')?.date).toBe('2024-02-13');
    expect(january('CPIAUCNS', '--macro-lag', 'CPIAUCNS=20')?.date).toBe('2024-02-20');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { warningsForRun } from '../../datasets/index.ts';
import type { DataIssue } from '../../datasets/index.ts';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const ENGINE = fileURLToPath(new URL('../../engine/index.ts', import.meta.url));

/** Weekdays from `from` to `to`, ISO. */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * A made-up folder whose files have warnings inside and outside a run's window (2001-02-01 → 2001-03-30):
 * AAA.csv: adj_close only for its first 3 rows (a whole-file warning), a 17-day gap in January, +50% on 2001-03-01,
 * +33% on 2001-04-16; XM.csv (monthly): no row for 2000-06 or for 2001-05.
 */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rotor-runwarn-'));
  mkdirSync(join(dir, 'prices'));
  mkdirSync(join(dir, 'macro'));
  const days = weekdays('2001-01-02', '2001-04-30').filter((d) => d < '2001-01-08' || d > '2001-01-19');
  const rows = days.map((d, i) => {
    const p = d >= '2001-04-16' ? 200 : d >= '2001-03-01' ? 150 : 100;
    return i < 3 ? `${d},,,,,${p},` : `${d},${p},${p},${p},${p},${p},1000`;
  });
  writeFileSync(join(dir, 'prices', 'AAA.csv'), ['date,open,high,low,close,adj_close,volume', ...rows, ''].join('\n'));
  const months = ['2000-01', '2000-02', '2000-03', '2000-04', '2000-05', '2000-07', '2000-08', '2000-09', '2000-10', '2000-11', '2000-12', '2001-01', '2001-02', '2001-03', '2001-04', '2001-06'];
  writeFileSync(join(dir, 'macro', 'XM.csv'), ['date,value', ...months.map((m, i) => `${m}-01,${50 + i}`), ''].join('\n'));
  writeFileSync(
    join(dir, 'hold-aaa.mts'),
    `import { defineStrategy } from ${JSON.stringify(ENGINE)};\nexport default defineStrategy({ name: 'hold-aaa', universe: ['AAA'], macro: ['XM'], onBar(ctx) { if (ctx.firstBar) return { AAA: 1 }; } });\n`,
  );
  return dir;
}

describe("a run lists the data warnings about what it used", () => {
  it('warnings dated outside the window are left out (and counted); whole-file ones and those inside stay', () => {
    const dir = folder();
    const out = join(dir, 'out');
    // All warnings of the folder, as `rotor data check` lists them.
    const check = rotor(['data', 'check', dir, '--json']);
    expect(check.status).toBe(0);
    const all = (JSON.parse(check.stdout) as { issues: DataIssue[] }).issues.map((i) => `${i.rule} ${i.date ?? '(file)'}`);
    expect(all.sort()).toEqual(['big-move 2001-03-01', 'big-move 2001-04-16', 'calendar-gap 2001-01-22', 'missing-period 2000-06-01', 'missing-period 2001-05-01', 'ohlc-unavailable (file)'].sort());

    const r = rotor(['run', join(dir, 'hold-aaa.mts'), '--data', dir, '--from', '2001-02-01', '--to', '2001-03-30', '--fill', 'close', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { data: { warnings: DataIssue[]; warningsOutsideRun: number } };
    // Kept: the March move (inside the window), the whole-file OHLC warning, and June 2000 (XM's observations released by
    // 2001-03-30 run from 2000-01 to 2001-01, all readable by the strategy). Left out: the January gap and April move
    // (price rows outside the window) and May 2001 (not released by the end of the run).
    expect(record.data.warnings.map((w) => `${w.file} ${w.rule} ${w.date ?? '(file)'}`)).toEqual([
      'prices/AAA.csv big-move 2001-03-01',
      'prices/AAA.csv ohlc-unavailable (file)',
      'macro/XM.csv missing-period 2000-06-01',
    ]);
    expect(record.data.warningsOutsideRun).toBe(3);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('Data warnings (3 about what this run used; 3 more about dates this run did not use; `rotor data check` lists them all):');
    // 2001-03-01 is row 33 (12 January weekdays outside the gap + 20 in February + 1), line 34 after the header.
    expect(report).toContain('- prices/AAA.csv:34: adj_close moved 50.00% from 2001-02-28, beyond ±25.00%: an unadjusted split?');
    expect(report).not.toContain('calendar gap');
  });

  it('the filter by hand: dated warnings against each file\'s used range, files without a range kept', () => {
    const w = (file: string, date?: string): DataIssue => ({ file, severity: 'warning', rule: 'r', message: 'm', ...(date ? { date } : {}) });
    const used = [
      { file: 'prices/A.csv', first: '2001-02-01', last: '2001-03-30', rows: 41 },
      { file: 'macro/M.csv', first: '', last: '', rows: 0 },
    ];
    const r = warningsForRun([w('prices/A.csv', '2001-01-31'), w('prices/A.csv', '2001-02-01'), w('prices/A.csv', '2001-03-30'), w('prices/A.csv', '2001-03-31'), w('prices/A.csv'), w('macro/M.csv', '2000-01-01'), w('other.csv', '1900-01-01')], used);
    expect(r.kept).toEqual([w('prices/A.csv', '2001-02-01'), w('prices/A.csv', '2001-03-30'), w('prices/A.csv'), w('other.csv', '1900-01-01')]);
    expect(r.outside).toBe(3);
  });
});

describe.skipIf(!HAVE_SHARED_DATA)('on the real data', () => {
  const warningsOf = (from: string, to: string) => {
    const out = mkdtempSync(join(tmpdir(), 'rotor-runwarn-'));
    const r = rotor(['run', 'buy-and-hold', '--data', SHARED_DATA, '--param', 'symbol=GSPC', '--from', from, '--to', to, '--out', out]);
    expect(r.status).toBe(0);
    return (JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { data: { warnings: DataIssue[]; warningsOutsideRun: number } }).data;
  };

  it("GSPC's 1933 bank-holiday gap is listed by a 1930s run, not by a 2000-2025 one", () => {
    expect(warningsOf('2000-01-03', '2025-06-30')).toMatchObject({ warnings: [], warningsOutsideRun: 1 });
    expect(warningsOf('1930-01-02', '1935-06-28').warnings.map((w) => [w.rule, w.date])).toEqual([['calendar-gap', '1933-03-15']]);
  });
});

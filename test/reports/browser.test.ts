import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchReportFiles, loadSvgCharts, sweepReportFiles } from '../../reports/index.ts';
import { HAVE_CHROMIUM, launchChromium, testOutputDir } from '../helpers/browser.ts';
import { rotor } from '../helpers/run-cli.ts';
import { madeUpBatch, madeUpSweep, XSS } from './fixtures.ts';

// A plain path: strategy files are bundled by esbuild, which resolves paths, not file: URLs.
const ENGINE = fileURLToPath(new URL('../../engine/index.ts', import.meta.url));

interface PageCheck {
  errors: string[];
  requests: string[];
  dialogs: string[];
  charts: { id: string; width: number; height: number; inked: number }[];
  drawn: number;
  h1: string;
  text: string;
  imgs: number;
}

/** Open a report from file:// and collect what a reader's browser would complain about. */
async function open(browser: Browser, file: string, shot: string): Promise<PageCheck> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  // In-page code as text: the test files are compiled without the DOM's types.
  await page.waitForFunction('typeof window.__rotorCharts === "number"', undefined, { timeout: 10_000 }).catch(() => {});
  const result = (await page.evaluate(`(() => {
    const charts = [...document.querySelectorAll('[data-chart]')].map((el) => {
      const canvas = el.querySelector('canvas');
      let inked = 0;
      if (canvas && canvas.width > 0 && canvas.height > 0) {
        const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < px.length; i += 4 * 7) if (px[i] > 0) inked++;
      }
      return { id: el.id, width: el.clientWidth, height: el.clientHeight, inked };
    });
    return { charts, drawn: window.__rotorCharts ?? -1, h1: document.querySelector('h1')?.textContent ?? '', text: document.body.innerText, imgs: document.querySelectorAll('img').length };
  })()`)) as Pick<PageCheck, 'charts' | 'drawn' | 'h1' | 'text' | 'imgs'>;
  await page.screenshot({ path: shot, fullPage: true });
  await page.close();
  return { errors, requests, dialogs, ...result };
}

function expectClean(c: PageCheck, minCharts: number): void {
  expect(c.errors).toEqual([]);
  expect(c.requests).toEqual([]);
  expect(c.dialogs).toEqual([]);
  expect(c.imgs).toBe(0);
  expect(c.charts.length).toBeGreaterThanOrEqual(minCharts);
  expect(c.drawn).toBe(c.charts.length);
  for (const chart of c.charts) {
    expect(chart.width, chart.id).toBeGreaterThan(200);
    expect(chart.height, chart.id).toBeGreaterThan(150);
    // Something was painted: axes, lines or bars, not an empty canvas.
    expect(chart.inked, chart.id).toBeGreaterThan(200);
  }
}

describe.skipIf(!HAVE_CHROMIUM)('HTML reports in a real browser (chromium, from file://)', () => {
  let browser: Browser;
  const work = mkdtempSync(join(tmpdir(), 'rotor-html-'));
  const shots = testOutputDir('reports');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a run report: every chart drawn, no error, no request, and a hostile strategy name shows as text', async () => {
    // .mts: a folder without package.json would load a .ts file as CommonJS.
    const file = join(work, 'xss-strategy.mts');
    writeFileSync(
      file,
      `import { defineStrategy } from '${ENGINE}';
export default defineStrategy({
  name: ${JSON.stringify(XSS)},
  description: ${JSON.stringify('</script><script>alert(2)</script> & "quotes"')},
  universe: ['SPY', 'IWM'],
  params: { note: { type: 'string', default: ${JSON.stringify('<b>bold</b>')}, description: 'a string param' } },
  onBar(ctx) {
    if (ctx.bar % 63 === 0) return (ctx.bar / 63) % 2 === 0 ? { SPY: 1 } : { IWM: 0.6, SPY: 0.4 };
  },
});
`,
    );
    const out = join(work, 'run');
    const r = rotor(['run', file, '--benchmark', 'SPY', '--from', '2010-01-04', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const c = await open(browser, join(out, 'report.html'), join(shots, 'run.png'));
    expectClean(c, 12);
    expect(c.h1).toBe(XSS);
  });

  it('a rule-driven run report has the rule timeline drawn', async () => {
    const out = join(work, 'ubs');
    const r = rotor(['run', 'ubs-four-conditions', '--benchmark', 'SPY', '--out', out]);
    expect(r.status).toBe(0);
    const c = await open(browser, join(out, 'report.html'), join(shots, 'run-rules.png'));
    expectClean(c, 13);
    expect(c.charts.map((x) => x.id)).toContain('chart-rules');
  });

  it('a walk-forward report and a run report with a null model: every chart drawn, clean', async () => {
    const wf = join(work, 'walk-forward');
    const w = rotor(['walk-forward', 'small-cap-streak', '--grid', 'days=3,4', '--from', '2012-01-01', '--to', '2015-12-31', '--train', '2y', '--test', '1y', '--benchmark', 'SPY', '--workers', '0', '--quiet', '--out', wf]);
    expect(w.stderr).toBe('');
    const c = await open(browser, join(wf, 'report.html'), join(shots, 'walk-forward.png'));
    expectClean(c, 2);
    expect(c.charts.map((x) => x.id)).toEqual(['chart-oos-equity', 'chart-is-oos-folds']);
    const run = join(work, 'null');
    expect(rotor(['run', 'relative-momentum', '--null', 'random-timing:200', '--out', run]).stderr).toBe('');
    const n = await open(browser, join(run, 'report.html'), join(shots, 'null-model.png'));
    expectClean(n, 10);
    expect(n.charts.map((x) => x.id)).toEqual(expect.arrayContaining(['chart-null-total-return', 'chart-null-sharpe']));
  });

  it('an event-study report', async () => {
    const out = join(work, 'events');
    const r = rotor(['events', 'streak', '--symbol', 'RUT', '--days', '3', '--min-return', '0.005', '--symbols', 'RUT,SPY', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const c = await open(browser, join(out, 'report.html'), join(shots, 'events.png'));
    expectClean(c, 4);
  });

  it('sweep and batch reports from made-up inputs, overfitting block included', async () => {
    await loadSvgCharts();
    mkdirSync(join(work, 'sb'), { recursive: true });
    writeFileSync(join(work, 'sb', 'sweep.html'), sweepReportFiles(madeUpSweep())['report.html']);
    writeFileSync(join(work, 'sb', 'batch.html'), batchReportFiles(madeUpBatch())['report.html']);
    const sweep = await open(browser, join(work, 'sb', 'sweep.html'), join(shots, 'sweep-made-up.png'));
    expectClean(sweep, 8);
    expect(sweep.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['chart-pbo-logits', 'chart-is-oos', 'chart-objective-heatmap', 'chart-top-equity']));
    expect(sweep.h1).toBe(`Sweep: momentum ${XSS}`);
    const batch = await open(browser, join(work, 'sb', 'batch.html'), join(shots, 'batch-made-up.png'));
    expectClean(batch, 2);
  });

  // A param name that would run if any string reached the page unescaped (a dialog fails the test).
  const PARAM = '<script>alert(2)</script>';
  it('rotor sweep and rotor batch write reports that open clean, a hostile strategy name and param value shown as text', async () => {
    const file = join(work, 'xss-sweep.mts');
    writeFileSync(
      file,
      `import { defineStrategy } from '${ENGINE}';
export default defineStrategy({
  name: ${JSON.stringify(XSS)},
  universe: ['SPY', 'IWM'],
  params: {
    every: { type: 'integer', default: 63, min: 5, max: 300, description: 'bars between switches' },
    note: { type: 'string', default: 'x', description: 'a string param' },
    ${JSON.stringify(PARAM)}: { type: 'integer', default: 1, min: 1, max: 3, description: 'a param with a hostile name' },
  },
  onBar(ctx, p) {
    if (ctx.bar % p.every === 0) return (ctx.bar / p.every) % 2 === 0 ? { SPY: 1 } : { IWM: 1 };
  },
});
`,
    );
    const sweepOut = join(work, 'sweep');
    const sweep = rotor(['sweep', file, '--from', '2015-01-02', '--grid', 'every=21,63,126', '--grid', `note=${XSS},plain`, '--grid', `${PARAM}=1,2`, '--workers', '0', '--quiet', '--out', sweepOut]);
    expect(sweep.stderr).toBe('');
    expect(sweep.status).toBe(0);
    const s = await open(browser, join(sweepOut, 'report.html'), join(shots, 'sweep.png'));
    // Distribution, heatmap, a marginal per varied param, the top curves.
    expectClean(s, 6);
    expect(s.h1).toBe(`Sweep: ${XSS}`);
    expect(s.text).toContain(`${PARAM} = 1, 2`);

    const list = join(work, 'batch.json');
    writeFileSync(list, JSON.stringify({ runs: [{ label: XSS, strategy: file, params: { every: 21 } }, { label: 'slow', strategy: file, params: { every: 126 } }, { label: 'hold SPY', strategy: 'buy-and-hold', params: { symbol: 'SPY' } }] }));
    const batchOut = join(work, 'batch');
    const batch = rotor(['batch', list, '--from', '2015-01-02', '--benchmark', 'SPY', '--workers', '0', '--quiet', '--out', batchOut]);
    expect(batch.stderr).toBe('');
    expect(batch.status).toBe(0);
    const b = await open(browser, join(batchOut, 'report.html'), join(shots, 'batch.png'));
    expectClean(b, 2);
  });
});

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fetchFred } from '../../cli/data-fetch.ts';
import { parseAlfredForm } from '../../datasets/fetch/alfred-form.ts';
import { networkError } from '../../datasets/fetch/http.ts';
import { readMacro } from '../../datasets/index.ts';

const quiet = { progress: () => {} };
const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-alfred-'));
const PAGE = (id: string) => `https://alfred.stlouisfed.org/series/downloaddata?seid=${id}`;

/** The parts of ALFRED's download page rotor reads, with attributes in the page's own order and some noise around. */
function formPage(start: string, end: string, vintages: string[]): string {
  return [
    '<html><body><form name="form" method="post">',
    `<input type="text" id="form_obs_start_date" name="form[obs_start_date]" class="date" value="${start}" />`,
    `<input type="text" id="form_obs_end_date" name="form[obs_end_date]" value="${end}" />`,
    '<select id="form_units" name="form[units]"><option value="lin" selected="selected">Levels</option><option value="chg">Change</option></select>',
    '<select id="form_selected_vintage_dates" name="form[selected_vintage_dates][]" multiple="multiple">',
    // Newest first, as the page lists them; rotor sorts.
    ...[...vintages].reverse().map((v) => `  <option value="${v}">${v}</option>`),
    '</select></form></body></html>',
  ].join('\n');
}

const zip = (csv: string, name: string) => zipSync({ 'README.txt': strToU8('Made-up archive for a test.\n'), [name]: strToU8(csv) });

// A made-up quarterly level series in four vintages. Q1 2024 is first printed as 101 (on 2024-04-25, when Q4 2023 stood
// at 100 in that same vintage); Q2 first appears on 2024-07-25 as 99, when that vintage had revised Q1 to 100.
const XGDP_VINTAGES = ['2024-04-25', '2024-05-30', '2024-07-25', '2024-08-29'];
const XGDP_WIDE = [
  'observation_date,XGDP_20240425,XGDP_20240530,XGDP_20240725,XGDP_20240829',
  '2023-10-01,100,100,100.5,100.5',
  '2024-01-01,101,101.2,100,100.1',
  '2024-04-01,,,99,99.3',
  '',
].join('\n');

function alfredStub(html: string, archive: Uint8Array) {
  const calls: { get: string[]; post: { url: string; fields: [string, string][] }[] } = { get: [], post: [] };
  return {
    calls,
    deps: {
      ...quiet,
      http: async (url: string) => (calls.get.push(url), html),
      post: async (url: string, fields: readonly (readonly [string, string])[]) => (calls.post.push({ url, fields: fields.map(([k, v]): [string, string] => [k, v]) }), archive),
    },
  };
}

describe('rotor data fetch fred --first-release (ALFRED download form, stubbed)', () => {
  it('GETs the form, POSTs it back for every vintage, and derives first prints, release dates, latest values and q/q SAAR', async () => {
    const out = tmp();
    const { calls, deps } = alfredStub(formPage('2023-10-01', '2024-04-01', XGDP_VINTAGES), zip(XGDP_WIDE, 'XGDP_4_Vintages.csv'));
    await fetchFred(['XGDP'], { out, firstRelease: true }, deps);
    expect(calls.get).toEqual([PAGE('XGDP')]);
    expect(calls.post).toEqual([
      {
        url: PAGE('XGDP'),
        fields: [
          ['form[units]', 'lin'],
          ['form[obs_start_date]', '2023-10-01'],
          ['form[obs_end_date]', '2024-04-01'],
          ['form[file_type]', '2'],
          ['form[file_format]', 'csv'],
          ['form[download_data]', 'Download data'],
          ...XGDP_VINTAGES.map((v): [string, string] => ['form[selected_vintage_dates][]', v]),
        ],
      },
    ]);
    // By hand: Q1 2024 100 × ((101 / 100)^4 − 1) = 4.060401; Q2 100 × ((99 / 100)^4 − 1) = −3.940399 (Q1 as known on
    // 2024-07-25, not its first print of 101); Q4 2023 has no earlier quarter in its first vintage, so no growth.
    expect(readFileSync(join(out, 'macro', 'XGDP.csv'), 'utf8')).toBe(
      [
        'date,value,release_date,first_release_value,first_release_qoq_saar_pct,latest_vintage',
        '2023-10-01,100.5,2024-04-25,100,,2024-08-29',
        '2024-01-01,100.1,2024-04-25,101,4.060401,2024-08-29',
        '2024-04-01,99.3,2024-07-25,99,-3.940399,2024-08-29',
        '',
      ].join('\n'),
    );
  });

  it("rotor reads the file as GDPC1.csv is read: first prints known from their release date, growth by column name", async () => {
    const out = tmp();
    const { deps } = alfredStub(formPage('2023-10-01', '2024-04-01', XGDP_VINTAGES), zip(XGDP_WIDE, 'x.csv'));
    await fetchFred(['XGDP'], { out, firstRelease: true }, deps);
    const text = readFileSync(join(out, 'macro', 'XGDP.csv'), 'utf8');
    const first = readMacro('XGDP.csv', 'XGDP', text);
    expect(Array.from(first.values)).toEqual([100, 101, 99]);
    expect(first.released).toEqual(['2024-04-25', '2024-04-25', '2024-07-25']);
    expect(Array.from(readMacro('XGDP.csv', 'XGDP', text, { vintage: 'latest' }).values)).toEqual([100.5, 100.1, 99.3]);
    expect(Array.from(readMacro('XGDP.csv', 'XGDP.first_release_qoq_saar_pct', text, { column: 'first_release_qoq_saar_pct' }).values)).toEqual([4.060401, -3.940399]);
  });

  it('a monthly rate gets no growth column; an observation revised away keeps its last value and vintage; a rerun does not duplicate', async () => {
    const out = tmp();
    const wide = ['observation_date,UNRATE_20240705,UNRATE_20240802,UNRATE_20250107', '2024-06-01,6.1,6.1,6.1', '2024-07-01,,6.3,6.2', '2024-08-01,,,', ''].join('\n');
    const { deps } = alfredStub(formPage('1948-01-01', '2024-12-01', ['2024-07-05', '2024-08-02', '2025-01-07']), zip(wide, 'UNRATE.csv'));
    await fetchFred(['UNRATE'], { out, firstRelease: true }, deps);
    await fetchFred(['UNRATE'], { out, firstRelease: true }, deps);
    // July 2024 (made-up numbers): first published as 6.3 on 2024-08-02, 6.2 since the January 2025 revision. August: in no vintage.
    expect(readFileSync(join(out, 'macro', 'UNRATE.csv'), 'utf8')).toBe(
      'date,value,release_date,first_release_value,latest_vintage\n2024-06-01,6.1,2024-07-05,6.1,2025-01-07\n2024-07-01,6.2,2024-08-02,6.3,2025-01-07\n',
    );
  });

  it('no network: one clear line naming ALFRED, nothing written', async () => {
    const out = tmp();
    const offline = async (url: string): Promise<string> => {
      throw networkError(url, Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    };
    const post = async (): Promise<Uint8Array> => {
      throw new Error('never reached');
    };
    await expect(fetchFred(['GDPC1'], { out, firstRelease: true }, { ...quiet, http: offline, post })).rejects.toThrow(/^cannot reach alfred\.stlouisfed\.org: no network\? \(ENOTFOUND\)$/);
    expect(existsSync(join(out, 'macro'))).toBe(false);
  });

  it('a web page where the ZIP should be, a page without the form, or a table without vintage columns: one line each, nothing written', async () => {
    const out = tmp();
    const html = formPage('2023-10-01', '2024-04-01', XGDP_VINTAGES);
    const asPage = alfredStub(html, new TextEncoder().encode('<!DOCTYPE html>\n<html><body>Too many vintages</body></html>'));
    await expect(fetchFred(['XGDP'], { out, firstRelease: true }, asPage.deps)).rejects.toThrow(
      `ALFRED XGDP: POST ${PAGE('XGDP')}: expected a ZIP archive, received 59 bytes starting "<!DOCTYPE html> <html><body>Too many vintages</body></html>"`,
    );
    const noForm = alfredStub('<html><body>Series not found</body></html>', zip(XGDP_WIDE, 'x.csv'));
    await expect(fetchFred(['NOPE'], { out, firstRelease: true }, noForm.deps)).rejects.toThrow(
      `ALFRED NOPE: the download form at ${PAGE('NOPE')} has no form_obs_start_date input (unknown series, or the page changed?)`,
    );
    const wrongTable = alfredStub(html, zip('observation_date,XGDP\n2024-01-01,101\n', 'XGDP.csv'));
    await expect(fetchFred(['XGDP'], { out, firstRelease: true }, wrongTable.deps)).rejects.toThrow(
      'alfred:XGDP/XGDP.csv:1: expected a header observation_date,XGDP_YYYYMMDD,… (one column per vintage), found observation_date,XGDP',
    );
    const badCell = alfredStub(html, zip(XGDP_WIDE.replace('101.2', 'n/a'), 'XGDP.csv'));
    await expect(fetchFred(['XGDP'], { out, firstRelease: true }, badCell.deps)).rejects.toThrow('alfred:XGDP/XGDP.csv:3: XGDP_20240530 must be a number, found "n/a"');
    expect(existsSync(join(out, 'macro'))).toBe(false);
  });

  it('the form parser takes the default range and every vintage, oldest first', () => {
    expect(parseAlfredForm('X', formPage('1947-01-01', '2025-10-01', ['1991-12-04', '2025-12-23', '1992-01-29']))).toEqual({
      obsStart: '1947-01-01',
      obsEnd: '2025-10-01',
      vintages: ['1991-12-04', '1992-01-29', '2025-12-23'],
    });
    expect(() => parseAlfredForm('X', formPage('1947-01-01', '2025-10-01', []))).toThrow('lists no vintage dates in form_selected_vintage_dates');
  });
});

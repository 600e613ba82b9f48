import { RotorError } from '../../engine/errors.ts';
import { isIsoDate } from '../csv-lines.ts';

/**
 * ALFRED serves every vintage of a series through its download page, not through a CSV URL: GET the page (an HTML
 * form listing the vintage dates and the default observation range), then POST the form back with the vintages
 * wanted; the answer is a ZIP holding one wide CSV, a column per vintage (see alfred-vintages.ts).
 */
export const alfredDownloadUrl = (series: string) => `https://alfred.stlouisfed.org/series/downloaddata?seid=${encodeURIComponent(series)}`;

/** What the download form offers: the default observation range and every vintage date, oldest first. */
export interface AlfredForm {
  obsStart: string;
  obsEnd: string;
  vintages: string[];
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];

/** The value of the `<input id="…">` of that id (attribute order varies between page versions, so read each tag). */
function inputValue(html: string, id: string): string | undefined {
  for (const m of html.matchAll(/<input\b[^>]*>/gi)) if (attr(m[0], 'id') === id) return attr(m[0], 'value');
  return undefined;
}

/** Read the form of `alfredDownloadUrl(series)`; a page without it (unknown series, a changed site) is one line. */
export function parseAlfredForm(series: string, html: string): AlfredForm {
  const where = `ALFRED ${series}: the download form at ${alfredDownloadUrl(series)}`;
  const date = (id: string) => {
    const v = inputValue(html, id);
    if (v === undefined) throw new RotorError(`${where} has no ${id} input (unknown series, or the page changed?)`);
    if (!isIsoDate(v.trim())) throw new RotorError(`${where}: ${id} must be a date YYYY-MM-DD, found "${v}"`);
    return v.trim();
  };
  const obsStart = date('form_obs_start_date');
  const obsEnd = date('form_obs_end_date');
  const select = /<select\b[^>]*\bid\s*=\s*["']form_selected_vintage_dates["'][^>]*>([\s\S]*?)<\/select>/i.exec(html);
  const vintages = [...new Set([...(select?.[1] ?? '').matchAll(/<option\b[^>]*>/gi)].map((m) => attr(m[0], 'value')?.trim() ?? '').filter(isIsoDate))].sort();
  if (vintages.length === 0) throw new RotorError(`${where} lists no vintage dates in form_selected_vintage_dates (unknown series, or the page changed?)`);
  return { obsStart, obsEnd, vintages };
}

/** The form fields that ask for every vintage as one CSV in a ZIP (`file_type` 2: observations by vintage, wide). */
export function alfredFormFields(form: AlfredForm): [string, string][] {
  return [
    ['form[units]', 'lin'],
    ['form[obs_start_date]', form.obsStart],
    ['form[obs_end_date]', form.obsEnd],
    ['form[file_type]', '2'],
    ['form[file_format]', 'csv'],
    ['form[download_data]', 'Download data'],
    ...form.vintages.map((v): [string, string] => ['form[selected_vintage_dates][]', v]),
  ];
}

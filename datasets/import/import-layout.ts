import { detectPriceLayout, normaliseHeader, type PriceFormat } from '../formats.ts';

/** What `rotor data import --format` accepts besides auto: the layouts users download. */
export const IMPORT_FORMATS = ['yahoo', 'stooq', 'fred', 'investing'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** rotor's output columns an import fills, by the export's header names. */
export type ImportField = 'open' | 'high' | 'low' | 'close' | 'adj_close' | 'volume';

/** Where an export keeps each field, and what it becomes: a price file, or (FRED) a macro series. */
export interface ImportLayout {
  /** As recognised: rotor's own layout and Stooq's bulk layout are told apart from Yahoo's and Stooq's. */
  format: PriceFormat | 'investing';
  kind: 'prices' | 'macro';
  /** Header name of the date column. */
  date: string;
  /** Header name of each field the export has (FRED: its series column as `close`). */
  fields: Partial<Record<ImportField, string>>;
  /** Volumes written as 1.23M / 456K (Investing.com). */
  volumeSuffixes: boolean;
}

const FIELD_OF = { open: 'open', high: 'high', low: 'low', close: 'close', adjClose: 'adj_close', volume: 'volume' } as const;

/** Which --format names cover a recognised layout (rotor's own layout is Yahoo's columns renamed). */
const COVERS: Readonly<Record<ImportFormat, readonly ImportLayout['format'][]>> = {
  yahoo: ['yahoo', 'rotor'],
  stooq: ['stooq', 'stooq-ascii'],
  fred: ['fred'],
  investing: ['investing'],
};

export const EXPECTED_HEADERS: Readonly<Record<ImportFormat, string>> = {
  yahoo: 'Date,Open,High,Low,Close,Adj Close,Volume',
  stooq: 'Date,Open,High,Low,Close[,Volume] or <TICKER>,<PER>,<DATE>,…',
  fred: 'observation_date,SERIES (or DATE,SERIES)',
  investing: 'Date,Price,Open,High,Low,Vol.,Change %',
};

/**
 * The layout of an export from its header: Investing.com's (`Price` is the close; `Vol.`, `Change %`), else whatever
 * rotor's reader recognises (datasets/formats.ts). A header that is none of them, or not the `--format` asked for,
 * gets the reason.
 */
export function detectImportLayout(header: readonly string[], wanted: ImportFormat | 'auto' = 'auto'): ImportLayout | { reason: string } {
  const layout = recognise(header);
  if (!layout) {
    const expected = wanted === 'auto' ? Object.values(EXPECTED_HEADERS).join('; ') : EXPECTED_HEADERS[wanted];
    return { reason: `expected a header ${expected}; found ${header.join(',')}` };
  }
  if (wanted !== 'auto' && !COVERS[wanted].includes(layout.format)) {
    return { reason: `--format ${wanted} expects ${EXPECTED_HEADERS[wanted]}; this header is ${layout.format}'s: ${header.join(',')}` };
  }
  return layout;
}

function recognise(header: readonly string[]): ImportLayout | undefined {
  const keys = header.map(normaliseHeader);
  const name = (k: string) => header[keys.indexOf(k)];
  if (['date', 'price', 'open', 'high', 'low'].every((k) => keys.includes(k)) && (keys.includes('vol.') || keys.includes('change_%'))) {
    const fields: ImportLayout['fields'] = { open: name('open'), high: name('high'), low: name('low'), close: name('price') };
    if (keys.includes('vol.')) fields.volume = name('vol.');
    return { format: 'investing', kind: 'prices', date: name('date'), fields, volumeSuffixes: true };
  }
  const found = detectPriceLayout(header);
  if ('missingColumn' in found) return undefined;
  const fields: ImportLayout['fields'] = {};
  for (const [field, i] of Object.entries(found.columns)) if (i !== undefined) fields[FIELD_OF[field as keyof typeof FIELD_OF]] = header[i];
  return { format: found.format, kind: found.format === 'fred' ? 'macro' : 'prices', date: header[found.dateColumn], fields, volumeSuffixes: false };
}

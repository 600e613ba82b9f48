import { throwIfErrors, type DataIssue } from '../issues.ts';
import { checkPriceSeries } from '../price-rules.ts';
import { parseMacroTable } from '../read-macro.ts';
import { parsePrices } from '../read-prices.ts';
import type { NormalisedExport } from './normalise-export.ts';

/**
 * Check an import with rotor's own readers, as a run would read it (no second validator): row errors and series
 * warnings, each reported at the export's own line. The readers see the normalised rows, whose line k+2 is source
 * line `lines[k]`; references to lines inside messages (`from 2024-07-01 (line 3)`) are translated the same way.
 * Throws the first error (and how many more); returns the warnings.
 */
export function checkImport(path: string, n: NormalisedExport): DataIssue[] {
  const text = [n.columns.join(','), ...n.rows].join('\n') + '\n';
  const source = (line: number) => n.lines[line - 2] ?? line;
  let issues: DataIssue[];
  if (n.layout.kind === 'prices') {
    const table = parsePrices(path, text);
    issues = table.issues.some((i) => i.severity === 'error') ? table.issues : [...table.issues, ...checkPriceSeries(table)];
  } else {
    issues = parseMacroTable(path, text).issues;
  }
  const mapped = issues.map((i) => ({
    ...i,
    ...(i.line === undefined ? {} : { line: source(i.line) }),
    message: i.message.replace(/\bline (\d+)\b/g, (_, l: string) => `line ${source(Number(l))}`),
  }));
  throwIfErrors(mapped);
  return mapped;
}

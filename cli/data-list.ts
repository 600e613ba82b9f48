import { inventory, type InventoryEntry } from '../datasets/inventory.ts';
import { textTable } from './data-table.ts';

function releases(e: InventoryEntry): string {
  if (e.releaseKind === undefined) return '—';
  if (!e.releaseDates) return `${e.releaseKind} lag`;
  return e.releaseDates >= e.rows ? 'all dated' : `${e.releaseDates} dated, rest ${e.releaseKind} lag`;
}

/** Wide tables (ALFRED's has 19 columns) would push the line off any screen; --json has them all. */
function columns(names: readonly string[]): string {
  const all = names.join(',');
  return all.length <= 60 ? all : `${names.slice(0, 3).join(',')},… (${names.length} columns)`;
}

/** `rotor data list DIR`: what a data folder holds, one line per file. */
export function dataList(dir: string, json = false): string {
  const entries = inventory(dir);
  if (json) return JSON.stringify(entries.map(({ issues, ...e }) => ({ ...e, errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length })), null, 2);
  const prices = entries.filter((e) => e.kind === 'prices');
  const macro = entries.filter((e) => e.kind === 'macro');
  const status = (e: InventoryEntry) => {
    const errors = e.issues.filter((i) => i.severity === 'error').length;
    const warnings = e.issues.length - errors;
    return errors ? `${errors} error${errors > 1 ? 's' : ''}` : warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : 'ok';
  };
  const out: string[] = [];
  if (prices.length) {
    out.push(`Prices (${prices.length} symbols)`, '');
    out.push(textTable(['symbol', 'format', 'rows', 'first', 'last', 'sha256', 'check', 'columns'], prices.map((e) => [e.name, e.format, String(e.rows), e.first, e.last, e.sha256.slice(0, 12), status(e), columns(e.columns)])));
    out.push('');
  }
  if (macro.length) {
    out.push(`Macro (${macro.length} files)`, '');
    out.push(
      textTable(
        ['file', 'format', 'rows', 'first', 'last', 'sha256', 'check', 'releases', 'series', 'columns'],
        macro.map((e) => [
          e.name,
          e.format,
          String(e.rows),
          e.first,
          e.last,
          e.sha256.slice(0, 12),
          status(e),
          releases(e),
          e.series?.length ? (e.series.length > 3 ? `${e.series.slice(0, 2).join(', ')}, … (${e.series.length})` : e.series.join(', ')) : '— (no numeric column)',
          columns(e.columns),
        ]),
      ),
    );
    out.push('');
  }
  out.push('check: `rotor data check DIR` lists every finding; releases: rows with their own release_date, and the default lag used for the rest (README: Point-in-time macro).');
  return out.join('\n');
}

import { RotorError } from '../../engine/index.ts';

/**
 * Rows of a CSV written by rotor: RFC 4180 quotes, quoted cells may hold commas, quotes and newlines (a decision
 * summary can span lines, which the line-based reader of datasets/csv-lines.ts cannot take).
 */
export function parseCsvText(text: string, file: string): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (quoted) throw new RotorError(`${file}: a quoted cell is not closed`);
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  if (rows.length === 0) throw new RotorError(`${file}: empty, expected a header line`);
  const [header, ...body] = rows;
  body.forEach((r, i) => {
    if (r.length !== header.length) throw new RotorError(`${file}:${i + 2}: ${r.length} cells, expected ${header.length} (${header.join(',')})`);
  });
  return { header, rows: body };
}

/** A number cell; empty reads as NaN (how rotor writes an undefined value). */
export function numberCell(text: string, file: string, line: number, column: string): number {
  if (text === '') return NaN;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new RotorError(`${file}:${line}: ${column} "${text}" is not a number`);
  return v;
}

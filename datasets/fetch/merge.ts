/**
 * Merge fetched rows into an existing CSV of the same layout, by date (the first cell): no date twice, sorted, and
 * the fetched row wins on a date both have (providers correct their history). Where both carry an adjusted close
 * (`adjColumn`), older rows are rescaled so that the adjusted series stays one series: Yahoo rebases adj_close on
 * every download, and mixing two bases would fake a return at the seam.
 */
export function mergeRows(header: string, existing: string | undefined, fetched: readonly string[], adjColumn?: number): { text: string; added: number; replaced: number } {
  const old = new Map<string, string[]>();
  if (existing) {
    for (const line of existing.split(/\r?\n/).slice(1)) if (line.trim()) old.set(line.split(',')[0], line.split(','));
  }
  const next = new Map<string, string[]>(fetched.map((r) => [r.split(',')[0], r.split(',')]));
  let factor = 1;
  if (adjColumn !== undefined) {
    const overlap = [...next.keys()].sort().find((d) => old.has(d) && Number(old.get(d)![adjColumn]) > 0 && Number(next.get(d)![adjColumn]) > 0);
    if (overlap) factor = Number(next.get(overlap)![adjColumn]) / Number(old.get(overlap)![adjColumn]);
  }
  let replaced = 0;
  const merged = new Map<string, string[]>();
  for (const [d, cells] of old) {
    if (next.has(d)) {
      replaced++;
      continue;
    }
    if (adjColumn !== undefined && factor !== 1 && cells[adjColumn] !== '') {
      cells[adjColumn] = String(Number((Number(cells[adjColumn]) * factor).toPrecision(12)));
    }
    merged.set(d, cells);
  }
  for (const [d, cells] of next) merged.set(d, cells);
  const dates = [...merged.keys()].sort();
  return { text: [header, ...dates.map((d) => merged.get(d)!.join(','))].join('\n') + '\n', added: next.size - replaced, replaced };
}

import type { DataIssue } from './issues.ts';
import type { UsedRange } from './used-ranges.ts';

/**
 * The data warnings that concern a run: those about the files it read, dated inside the part of each file it used
 * (usedRanges: price rows in the run's window, macro observations released by its end). A 1933 gap in GSPC.csv says
 * nothing about a 2000–2025 run. Findings about a whole file (OHLC unavailable) are kept whenever the file is read.
 */
export function warningsForRun(warnings: readonly DataIssue[], used: readonly UsedRange[]): { kept: DataIssue[]; outside: number } {
  const range = new Map(used.map((u) => [u.file, u]));
  const kept = warnings.filter((w) => {
    const u = range.get(w.file);
    if (w.date === undefined || u === undefined) return true; // whole-file finding, or a file this filter does not know: keep
    return u.rows > 0 && w.date >= u.first && w.date <= u.last;
  });
  return { kept, outside: warnings.length - kept.length };
}

import { RotorError } from '../engine/errors.ts';

export type IssueSeverity = 'error' | 'warning';

/**
 * One finding about a data file. Errors stop a run before anything is written; warnings are kept in the run's
 * metadata and report. `line` is 1-based in the source file (absent for whole-file findings).
 */
export interface DataIssue {
  file: string;
  line?: number;
  severity: IssueSeverity;
  /** A short stable name of the check, e.g. `high-below-low`, `calendar-gap`. */
  rule: string;
  /** The offending value as found (a cell, a date, a return), for the table. */
  value?: string;
  /** What was expected vs found, without the file:line prefix. */
  message: string;
  /**
   * The date of the row or period the finding is about (a gap's later row, a missing period), so that a run lists
   * only findings inside the dates it used; absent for findings about the whole file (e.g. OHLC unavailable).
   */
  date?: string;
}

/** `file:line: message`, the one-line form used in errors and logs. */
export function issueText(issue: DataIssue): string {
  return `${issue.file}${issue.line === undefined ? '' : `:${issue.line}`}: ${issue.message}`;
}

/** Collects every finding of a read, so `rotor data check` can show them all and a run can stop on the first. */
export class IssueLog {
  readonly issues: DataIssue[] = [];

  constructor(readonly file: string) {}

  error(line: number | undefined, rule: string, message: string, value?: string, date?: string): void {
    this.issues.push(clean({ file: this.file, line, severity: 'error', rule, value, message, date }));
  }

  warn(line: number | undefined, rule: string, message: string, value?: string, date?: string): void {
    this.issues.push(clean({ file: this.file, line, severity: 'warning', rule, value, message, date }));
  }

  get errorCount(): number {
    return countErrors(this.issues);
  }
}

/** Drop undefined fields so issues compare and serialise cleanly. */
function clean(issue: DataIssue): DataIssue {
  const out: DataIssue = { file: issue.file, severity: issue.severity, rule: issue.rule, message: issue.message };
  if (issue.line !== undefined) out.line = issue.line;
  if (issue.value !== undefined) out.value = issue.value;
  if (issue.date !== undefined) out.date = issue.date;
  return out;
}

export function countErrors(issues: readonly DataIssue[]): number {
  let n = 0;
  for (const i of issues) if (i.severity === 'error') n++;
  return n;
}

/**
 * Throw the first error as one line; when there are more, say how many and where to see them all (a run should not
 * print hundreds of lines, `rotor data check` does).
 */
export function throwIfErrors(issues: readonly DataIssue[], dir?: string): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return;
  const more = errors.length - 1;
  const hint = more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''}: see rotor data check${dir ? ` ${dir}` : ''})` : '';
  throw new RotorError(issueText(errors[0]) + hint);
}

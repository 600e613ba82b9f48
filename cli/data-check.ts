import { inventory } from '../datasets/inventory.ts';
import type { PriceRuleOptions } from '../datasets/price-rules.ts';
import { textTable } from './data-table.ts';

export interface CheckResult {
  text: string;
  errors: number;
  warnings: number;
}

/** `rotor data check DIR`: every finding of every file, parsed afresh from the bytes on disk (no cache). */
export function dataCheck(dir: string, rules: PriceRuleOptions = {}, json = false): CheckResult {
  const entries = inventory(dir, { rules, cache: false });
  const issues = entries.flatMap((e) => e.issues.map((i) => ({ ...i, file: e.file })));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (json) return { text: JSON.stringify({ files: entries.length, errors, warnings, issues }, null, 2), errors, warnings };
  const out: string[] = [];
  if (issues.length) {
    out.push(textTable(['file', 'line', 'severity', 'rule', 'value', 'message'], issues.map((i) => [i.file, i.line === undefined ? '' : String(i.line), i.severity, i.rule, i.value ?? '', i.message])));
    out.push('');
  }
  const clean = entries.filter((e) => e.issues.length === 0).length;
  out.push(`${entries.length} files checked (${clean} clean): ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.${errors ? ' Errors stop any run that reads those files.' : ''}`);
  return { text: out.join('\n'), errors, warnings };
}

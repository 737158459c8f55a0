/**
 * Problems as the user sees them: a capped list for the terminal and a CSV
 * for Excel. Values come from the user's own files, so the CSV defuses any
 * cell Excel would run as a formula.
 */
import { formatProblem, type Problem } from '../errors.js';
import { messages } from '../messages.js';
import { csvCell } from '../output/csv.js';

const CSV_HEADER = ['severity', 'file', 'line', 'column', 'value', 'expected'] as const;
const BOM = '\ufeff';

export function problemsToCsv(problems: readonly Problem[]): string {
  const rows = problems.map((p) => [p.severity, p.file, p.line === null ? '' : String(p.line), p.column ?? '', p.value ?? '', p.expected]);
  return BOM + [[...CSV_HEADER], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The lines to print: the first `cap` problems, then one line counting the rest. */
export function formatProblemList(problems: readonly Problem[], cap = 50): string[] {
  const lines = problems.slice(0, cap).map(formatProblem);
  if (problems.length > cap) lines.push(messages.moreProblems.text({ count: problems.length - cap }));
  return lines;
}

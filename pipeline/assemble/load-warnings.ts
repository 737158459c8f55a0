/**
 * The load's warnings (rows loaded as written, such as an unknown offence
 * category, and unknown columns) summarised for the data quality section:
 * by file and column, with how many rows, never with the values (a value
 * could be a date of birth or a child's id).
 *
 * The validator lists the first rows of each rule and then one line counting
 * the rest; that line is read back with the catalogue's own wording.
 */
import type { Problem } from '../errors.js';
import { expected } from '../messages.js';
import type { DataQualityInput, LoadWarning } from './model.js';

export interface WarningSummary {
  /** Per file: rows with a warning, and whether that is a lower bound. */
  byFile: Map<string, { rows: number; atLeast: boolean }>;
  warnings: LoadWarning[];
}

export function summariseLoadWarnings(problems: readonly Problem[]): WarningSummary {
  const warnings = problems.filter((p) => p.severity === 'warning');
  const groups: { file: string; column: string | null; expected: string; lines: Set<number>; more: number }[] = [];
  for (const p of warnings) {
    if (p.line === null) continue;
    let g = groups.find((x) => x.file === p.file && x.column === p.column && x.expected === p.expected);
    if (!g) groups.push(g = { file: p.file, column: p.column, expected: p.expected, lines: new Set(), more: 0 });
    // Header warnings (unknown columns) sit on line 1 with no column: they describe the file, not rows.
    if (!(p.line === 1 && p.column === null)) g.lines.add(p.line);
  }
  // "… and N more row(s)" closes the list of its file and column.
  for (const p of warnings) {
    const more = p.line === null ? unlistedCount(p.expected) : null;
    const owner = more === null ? undefined : groups.find((x) => x.file === p.file && x.column === p.column);
    if (owner && more !== null) owner.more += more;
  }

  const byFile = new Map<string, { rows: number; atLeast: boolean }>();
  for (const file of [...new Set(groups.map((g) => g.file))]) {
    const mine = groups.filter((g) => g.file === file);
    const listedLines = new Set(mine.flatMap((g) => [...g.lines])).size;
    const hasMore = mine.some((g) => g.more > 0);
    // Columns may share rows, so with unlisted rows the file's total is only known to be at least its largest column.
    const rows = hasMore ? Math.max(listedLines, ...mine.map((g) => g.lines.size + g.more)) : listedLines;
    byFile.set(file, { rows, atLeast: hasMore });
  }
  return {
    byFile,
    warnings: groups.map((g) => ({ file: g.file, column: g.column, rows: g.lines.size + g.more, expected: g.expected })),
  };
}

/** N from "… and N more row(s) …", or null when the text is something else. */
function unlistedCount(text: string): number | null {
  const [before, after] = expected.moreRows(0).split('0') as [string, string];
  if (!text.startsWith(before) || !text.endsWith(after)) return null;
  const n = Number(text.slice(before.length, text.length - after.length).replace(/,/g, ''));
  return Number.isInteger(n) ? n : null;
}

/** The files of a data-quality input with their warning rows filled in. */
export function withWarningRows(files: DataQualityInput['files'], summary: WarningSummary): DataQualityInput['files'] {
  return files.map((f) => {
    const w = summary.byFile.get(f.file);
    return { ...f, warningRows: w?.rows ?? 0, warningRowsAtLeast: w?.atLeast ?? false };
  });
}

/**
 * Matches a file's header to the contract's columns: where each contract
 * column is, which required ones are missing, which extra ones are ignored.
 */
import type { Problem } from '../errors.js';
import type { FileSpec } from '../contract/files.js';
import { expected } from '../messages.js';
import { headerKey } from './header.js';
import { trimInvisible } from './invisible.js';

export interface ColumnMatch {
  /** Contract column name → 0-based position in the file. */
  position: ReadonlyMap<string, number>;
  missing: string[];
  extra: string[];
  /** Contract columns named twice in the header: the later position and the first. */
  repeated: { name: string; position: number; first: number }[];
}

export function matchColumns(spec: FileSpec, header: readonly string[]): ColumnMatch {
  const known = new Set(spec.columns.map((c) => c.name));
  const byKey = new Map<string, number>();
  const repeated: ColumnMatch['repeated'] = [];
  header.forEach((name, i) => {
    const key = headerKey(name);
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, i);
    // A repeated unknown name (Excel's trailing blank columns) is just another ignored column.
    else if (known.has(key)) repeated.push({ name: trimInvisible(name), position: i, first });
  });
  const position = new Map<string, number>();
  const missing: string[] = [];
  for (const column of spec.columns) {
    const at = byKey.get(column.name);
    if (at !== undefined) position.set(column.name, at);
    else if (column.present) missing.push(column.name);
  }
  const extra = [...byKey.keys()].filter((k) => !known.has(k)).map((k) => trimInvisible(header[byKey.get(k)!]!) || '(blank)');
  return { position, missing, extra, repeated };
}

/** Header problems, all reported on line 1. */
export function headerProblems(fileName: string, match: ColumnMatch): Problem[] {
  const problems: Problem[] = [];
  const at = (p: Omit<Problem, 'file' | 'line'>): Problem => ({ file: fileName, line: 1, ...p });
  for (const name of match.missing) {
    problems.push(at({ column: name, value: null, expected: expected.column(), severity: 'error' }));
  }
  for (const r of match.repeated) {
    problems.push(at({ column: r.name, value: null, expected: expected.uniqueHeader(r.first + 1), severity: 'error' }));
  }
  if (match.extra.length > 0) {
    problems.push(at({ column: null, value: null, expected: expected.extraColumns(match.extra), severity: 'warning' }));
  }
  return problems;
}

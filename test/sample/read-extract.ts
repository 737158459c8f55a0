/** Reads a generated extract back for tests: header and rows as objects keyed by column. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface Table {
  header: string[];
  rows: Record<string, string>[];
}

export function readTable(dir: string, fileName: string): Table {
  const text = readFileSync(join(dir, fileName), 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return { header, rows };
}

/** Financial year (April to March) of an ISO date, named by the year it starts. */
export function financialYear(isoDay: string): number {
  const year = Number(isoDay.slice(0, 4));
  return Number(isoDay.slice(5, 7)) >= 4 ? year : year - 1;
}

export function countBy<T>(items: readonly T[], key: (t: T) => string | number): Map<string | number, number> {
  const out = new Map<string | number, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

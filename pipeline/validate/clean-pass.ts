/**
 * The first, optimistic reading of a file. Most extracts are clean, and the
 * raw text the normalised table keeps beside each parsed value
 * (normalise-sql.ts) is there only to show the officer a value that did not
 * parse. So a file is first read into a table of the store's columns alone,
 * plus one column saying whether the record fails any check (rules.ts), the
 * children it refers to joined in as it is read. Counting that column and
 * the repeated keys then proves the file clean, and that table is what the
 * store is written from.
 *
 * A file not proved clean is read again in full and its problems listed
 * (run-checks.ts). Both readings evaluate the same checks as the same SQL,
 * so they cannot disagree on whether a file has a problem; the second only
 * says where. A clean national extract is read once, and the checks cost
 * one scan less (docs/performance.md).
 */
import type { FileSpec } from '../contract/files.js';
import type { Store } from '../store/db.js';
import type { ColumnMatch } from './columns.js';
import { raw } from './normalise-sql.js';
import type { RowCheck } from './rules.js';
import { fromClause, recordKey } from './run-checks.js';

/** The column of the first reading that is true where a record fails a check. */
export const FAILS_CHECK = 'yj_fails_check';

export interface CleanPass {
  /** Wraps the normalising SELECT: the store's columns and FAILS_CHECK. */
  select: (normalised: string) => string;
  /** SQL counting the problems the first reading can see; 0 proves the file clean. */
  problemCountSql: (table: string) => string;
}

export interface CleanPassInput {
  spec: FileSpec;
  match: ColumnMatch;
  checks: readonly RowCheck[];
  /** Known-children table (run-checks.ts, knownChildrenSql), when child references are checked. */
  childrenTable: string | null;
}

/** A value's raw-text column, where it is kept apart from the parsed one. */
const RAW_ONLY = /"r_[a-z_]+"/;

/**
 * The first reading of a file, or null when telling its keys apart needs
 * the raw text (a key that may be blank and is parsed, as population.csv's
 * sex): such a file is read in full at once.
 */
export function cleanPass(input: CleanPassInput): CleanPass | null {
  const key = recordKey(input.spec, input.match);
  if (key !== null && RAW_ONLY.test(key.usable)) return null;
  const rawOnly = input.spec.columns.map(raw).filter((column) => RAW_ONLY.test(column));
  // NULL from a check is not a failure, as in run-checks.ts's FILTER: OR keeps that (NULL OR NULL is NULL).
  const fails = input.checks.length === 0 ? 'false' : input.checks.map((c) => `(${c.bad})`).join(' OR ');
  return {
    // The children are joined in as the record is read: this table's rows need no order (the full reading keeps it).
    select: (normalised) => `SELECT n.* ${rawOnly.length > 0 ? `EXCLUDE (${rawOnly.join(', ')}) ` : ''}, ${fails} AS ${FAILS_CHECK}
FROM ${fromClause({ table: `(${normalised})`, checks: input.checks, childrenTable: input.childrenTable })}`,
    problemCountSql: (table) => {
      // Keys are told apart by their 64-bit hash, which is cheaper than by value. Two keys that share one (for the
      // 1.2 million arrests of a national extract, a chance of about one in 25 million) only send the file to the
      // full reading, whose exact count then finds no duplicate.
      const counts = [
        `SELECT count(*) FILTER (WHERE ${FAILS_CHECK}) FROM ${table}`,
        ...(key === null ? [] : [`SELECT count(*) - count(DISTINCT hash(${key.columns})) FROM ${table} n WHERE ${key.usable}`]),
      ];
      return `SELECT CAST(${counts.map((sql) => `(${sql})`).join(' + ')} AS INTEGER) AS n`;
    },
  };
}

/** Whether the first reading (in `table`) shows no problem at all. */
export async function provedClean(store: Store, table: string, pass: CleanPass): Promise<boolean> {
  const [row] = await store.query<{ n: number }>(pass.problemCountSql(table));
  return (row?.n ?? 1) === 0;
}

/**
 * Runs the first reading. DuckDB guesses a CSV read without its sniffer at a
 * few dozen rows, so it would build the join's hash table from the file
 * (every column of every record) rather than from the known children: at
 * national volume that costs as much again as the reading. Its choice of
 * build side is turned off for this statement alone.
 */
export async function readingFirst<T>(store: Store, read: () => Promise<T>): Promise<T> {
  await store.run(`SET disabled_optimizers = 'build_side_probe_side'`);
  try {
    return await read();
  } finally {
    await store.run('RESET disabled_optimizers');
  }
}

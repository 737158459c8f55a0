/**
 * Facts about what the store holds, for choosing the period and for the
 * data-quality section.
 */
import type { Store } from './db.js';

/** Earliest and latest event dates in the store (offences by outcome date, other records by their own date). */
export const EXTRACT_DATE_RANGE_SQL = `
WITH dates AS (
  SELECT min(offence_date) AS lo, max(outcome_date) AS hi FROM offences
  UNION ALL SELECT min(start_date), max(start_date) FROM interventions
  UNION ALL SELECT min(start_date), max(start_date) FROM ete
  UNION ALL SELECT min(decision_date), max(decision_date) FROM remands
  UNION ALL SELECT min(arrest_date), max(arrest_date) FROM arrests
)
SELECT CAST(min(lo) AS VARCHAR) AS "from", CAST(max(hi) AS VARCHAR) AS "to" FROM dates`;

export async function extractDateRange(store: Store): Promise<{ from: string | null; to: string | null }> {
  const [row] = await store.query<{ from: string | null; to: string | null }>(EXTRACT_DATE_RANGE_SQL);
  return { from: row?.from ?? null, to: row?.to ?? null };
}

/**
 * For a run on a store file: each input file as most recently loaded (the
 * loads table keeps every load's files with their SHA-256), so the pack's
 * data-quality section and the manifest can name what the store was built from.
 */
export const LOADED_FILES_SQL = `
WITH files AS (
  SELECT l.load_id, CAST(l.loaded_at AS VARCHAR) AS loaded_at, unnest(from_json(l.files, '["json"]')) AS f FROM loads l
)
SELECT f->>'file' AS file, f->>'sha256' AS sha256, CAST(f->>'rows' AS BIGINT) AS rows, CAST(f->>'bytes' AS BIGINT) AS bytes
FROM files
QUALIFY row_number() OVER (PARTITION BY f->>'file' ORDER BY load_id DESC) = 1
ORDER BY file`;

export interface LoadedFile { file: string; sha256: string; rows: number; bytes: number }

export async function loadedFiles(store: Store): Promise<LoadedFile[]> {
  return store.query<LoadedFile & Record<string, string | number>>(LOADED_FILES_SQL);
}

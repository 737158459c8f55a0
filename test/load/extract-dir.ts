/**
 * Writes a tiny extract folder from inline file contents, for tests that
 * need files on disk. Strings are written as UTF-8; byte arrays as given.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.js';

export const CHILDREN_HEADER = 'child_id,date_of_birth,sex,ethnicity';
export const OFFENCES_HEADER = 'offence_id,child_id,offence_date,outcome_date,outcome,offence_category,gravity';

/** The run's clock in these tests: dates after its day are refused. */
export const NOW = new Date('2026-11-23T12:00:00Z');

/** The smallest valid extract: one child (line 2) with one offence (line 2). */
export const MINIMAL = {
  'children.csv': `${CHILDREN_HEADER}\nC1,2008-05-01,M,WBRI\n`,
  'offences.csv': `${OFFENCES_HEADER}\nO1,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2\n`,
};

export async function extractDir(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempDir('yjpack-extract-');
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** Lines joined with LF and a final newline. */
export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

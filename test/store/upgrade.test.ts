/**
 * A store made before the KPI files (schema version 1): opened for writing it
 * gains the new tables and children.resident_in_area; opened read-only it is
 * refused with a message saying how to upgrade, not failed on a missing table.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../pipeline/store/db.js';
import { SCHEMA_VERSION } from '../../pipeline/store/schema.js';
import { tempDir } from '../support/temp-dir.js';

async function versionOneStore(): Promise<string> {
  const path = join(await tempDir('yj-v1-'), 'old.duckdb');
  const store = await openStore(path);
  await store.run(`UPDATE meta SET value = '1' WHERE key = 'schema_version';
    DROP TABLE accommodation; DROP TABLE needs; DROP TABLE care_status; DROP TABLE victims; DROP TABLE board_attendance;
    ALTER TABLE children DROP COLUMN resident_in_area`);
  store.close();
  return path;
}

describe('a version 1 store', () => {
  it('is refused read-only with storeTooOld', async () => {
    const path = await versionOneStore();
    await expect(openStore(path, { readOnly: true })).rejects.toMatchObject({ messageId: 'storeTooOld' });
  });

  it('is upgraded when opened for writing, and then reads', async () => {
    const path = await versionOneStore();
    const writer = await openStore(path);
    writer.close();
    const reader = await openStore(path, { readOnly: true });
    try {
      expect(await reader.query(`SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([{ value: String(SCHEMA_VERSION) }]);
      expect(await reader.query('SELECT count(*)::INTEGER AS n, count(resident_in_area)::INTEGER AS r FROM children, board_attendance'))
        .toEqual([{ n: 0, r: 0 }]);
    } finally {
      reader.close();
    }
  });
});

/**
 * writeExtract on its own: merging composite keys, and the one transaction
 * that leaves nothing behind when a write fails half way.
 */
import { describe, expect, it } from 'vitest';
import { fileSpec } from '../../pipeline/contract/files.js';
import { openStore, type Store } from '../../pipeline/store/db.js';
import { writeExtract } from '../../pipeline/store/write.js';

const AT = new Date('2026-01-01T00:00:00Z');
const load = (mode: 'merge' | 'full') => ({ mode, loadedAt: AT, sourceDir: '/x', files: [] });

async function eteSource(store: Store, name: string, rows: string): Promise<string> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT child_id, CAST(start_date AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
    provision, suitability, hours_offered, CAST(NULL AS DOUBLE) AS hours_attended
    FROM (VALUES ${rows}) AS v(child_id, start_date, provision, suitability, hours_offered)`);
  return name;
}

describe('writeExtract', () => {
  it('merges on a composite key: a changed record is replaced, an identical one keeps its load', async () => {
    const store = await openStore(null);
    const first = await eteSource(store, 'a', "('C1', '2024-01-01', 'PRU', 'SUITABLE', 10.0), ('C2', '2024-01-01', 'PRU', 'SUITABLE', 10.0)");
    await writeExtract(store, [{ spec: fileSpec('ete'), table: first }], load('merge'));
    // C1 same key with 12 hours (changed); C2 identical; C1 at COLLEGE is a new key.
    const second = await eteSource(store, 'b',
      "('C1', '2024-01-01', 'PRU', 'SUITABLE', 12.0), ('C2', '2024-01-01', 'PRU', 'SUITABLE', 10.0), ('C1', '2024-01-01', 'COLLEGE', 'SUITABLE', 5.0)");
    const result = await writeExtract(store, [{ spec: fileSpec('ete'), table: second }], load('merge'));
    expect(await store.query('SELECT child_id, provision, hours_offered, load_id FROM ete ORDER BY ALL')).toEqual([
      { child_id: 'C1', provision: 'COLLEGE', hours_offered: 5, load_id: 2 },
      { child_id: 'C1', provision: 'PRU', hours_offered: 12, load_id: 2 },
      { child_id: 'C2', provision: 'PRU', hours_offered: 10, load_id: 1 },
    ]);
    expect(result).toMatchObject({ loadId: 2, rowsWritten: { ete: 2 } });
    store.close();
  });

  it('writes nothing at all when a later table fails', async () => {
    const store = await openStore(null);
    await store.run(`CREATE TEMP TABLE kids AS SELECT 'C1' AS child_id, DATE '2008-01-01' AS date_of_birth, 'M' AS sex,
      CAST(NULL AS VARCHAR) AS ethnicity, 'Not known' AS ethnic_group, CAST(NULL AS BOOLEAN) AS looked_after,
      CAST(NULL AS BOOLEAN) AS send, CAST(NULL AS BOOLEAN) AS ehcp, CAST(NULL AS BOOLEAN) AS resident_in_area`);
    // An offence with no outcome breaks offences' NOT NULL constraint after children were written.
    await store.run(`CREATE TEMP TABLE offs AS SELECT 'O1' AS offence_id, 'C1' AS child_id, DATE '2024-01-01' AS offence_date,
      DATE '2024-02-01' AS outcome_date, CAST(NULL AS VARCHAR) AS outcome, CAST(NULL AS VARCHAR) AS outcome_tier,
      CAST(NULL AS VARCHAR) AS offence_category, CAST(NULL AS INTEGER) AS gravity`);
    await expect(writeExtract(store, [
      { spec: fileSpec('children'), table: 'kids' }, { spec: fileSpec('offences'), table: 'offs' },
    ], load('full'))).rejects.toThrow(/NOT NULL/);
    expect(await store.query('SELECT (SELECT count(*) FROM children)::INTEGER AS children, (SELECT count(*) FROM loads)::INTEGER AS loads'))
      .toEqual([{ children: 0, loads: 0 }]);
    store.close();
  });
});

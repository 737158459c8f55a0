/**
 * loadExtract: what lands in the store, merging by id, replacing history,
 * and leaving the store exactly as it was when an extract is refused.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExtract } from '../../pipeline/load/index.js';
import { openStore, type Row, type Store } from '../../pipeline/store/db.js';
import { STORE_TABLES } from '../../pipeline/store/schema.js';
import { expected } from '../../pipeline/messages.js';
import { CHILDREN_HEADER, MINIMAL, OFFENCES_HEADER, csv, extractDir } from './extract-dir.js';
import { tempDir } from '../support/temp-dir.js';

const CLEAN = 'test/fixtures/extracts/clean';
const MESSY = 'test/fixtures/extracts/messy';
const BROKEN = 'test/fixtures/extracts/broken';
const AT = new Date('2026-11-23T12:00:00Z');

async function dump(store: Store, tables: readonly string[] = [...STORE_TABLES, 'loads', 'meta']): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of tables) out[t] = await store.query(`SELECT * FROM ${t} ORDER BY ALL`);
  return out;
}

async function loaded(dir: string, mode: 'merge' | 'full' = 'merge'): Promise<Store> {
  const store = await openStore(null);
  await loadExtract(store, dir, { mode, loadedAt: AT });
  return store;
}

describe('loadExtract: normalisation', () => {
  it('stores canonical codes, dates, booleans and derived columns', async () => {
    const store = await loaded(CLEAN);
    expect(await store.query('SELECT * FROM children ORDER BY child_id')).toEqual([
      { child_id: 'C1', date_of_birth: '2008-05-01', sex: 'M', ethnicity: 'WBRI', ethnic_group: 'White', looked_after: true, send: false, ehcp: false, load_id: 1, resident_in_area: null },
      { child_id: 'C2', date_of_birth: '2009-03-10', sex: 'F', ethnicity: 'BCRB', ethnic_group: 'Black', looked_after: false, send: true, ehcp: null, load_id: 1, resident_in_area: null },
      // Blank ethnicity and REFU are both "Not known"; the code is kept only when given.
      { child_id: 'C3', date_of_birth: '2007-11-30', sex: 'U', ethnicity: null, ethnic_group: 'Not known', looked_after: null, send: null, ehcp: null, load_id: 1, resident_in_area: null },
      { child_id: 'C4', date_of_birth: '2008-01-15', sex: 'M', ethnicity: 'REFU', ethnic_group: 'Not known', looked_after: false, send: false, ehcp: true, load_id: 1, resident_in_area: null },
    ]);
    expect(await store.query('SELECT offence_id, outcome, outcome_tier, offence_category, gravity FROM offences ORDER BY offence_id')).toEqual([
      { offence_id: 'O1', outcome: 'YC', outcome_tier: 'pre_court_substantive', offence_category: 'THEFT_AND_HANDLING', gravity: 2 },
      { offence_id: 'O2', outcome: 'CR', outcome_tier: 'pre_court_non_substantive', offence_category: 'CRIMINAL_DAMAGE', gravity: 2 },
      { offence_id: 'O3', outcome: 'RO', outcome_tier: 'first_tier', offence_category: 'VIOLENCE_AGAINST_THE_PERSON', gravity: 5 },
      { offence_id: 'O4', outcome: 'DTO', outcome_tier: 'custody', offence_category: null, gravity: null },
    ]);
    // ete C2: blank suitability is stored as UNKNOWN (counts as unsuitable).
    expect(await store.query('SELECT child_id, provision, suitability, hours_offered, hours_attended FROM ete ORDER BY child_id')).toEqual([
      { child_id: 'C1', provision: 'SCHOOL_FULL_TIME', suitability: 'SUITABLE', hours_offered: 25, hours_attended: 20.5 },
      { child_id: 'C2', provision: 'PRU', suitability: 'UNKNOWN', hours_offered: 10, hours_attended: null },
    ]);
    // Population: the band 10-17 gives 10 and 17; blank sex and group mean persons / all.
    expect(await store.query('SELECT year, age_from, age_to, sex, ethnic_group, population FROM population ORDER BY age_from')).toEqual([
      { year: 2024, age_from: 10, age_to: 17, sex: null, ethnic_group: null, population: 20000 },
      { year: 2024, age_from: 15, age_to: 15, sex: 'M', ethnic_group: 'White', population: 900 },
    ]);
    expect(await store.query('SELECT arrest_id, age, sex, ethnicity, ethnic_group FROM arrests ORDER BY arrest_id')).toEqual([
      { arrest_id: 'A1', age: 15, sex: 'M', ethnicity: 'WBRI', ethnic_group: 'White' },
      { arrest_id: 'A2', age: 16, sex: 'F', ethnicity: null, ethnic_group: 'Not known' },
      { arrest_id: 'A3', age: 14, sex: 'M', ethnicity: 'WBRI', ethnic_group: 'White' },
    ]);
    store.close();
  });

  it('loads BOM, CRLF, UK dates, odd header case, labels and padding to the same content as the clean extract', async () => {
    // The fixture must really be BOM + CRLF (test/fixtures/extracts/.gitattributes keeps git from converting it).
    const bytes = await readFile(join(MESSY, 'offences.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    const clean = await loaded(CLEAN);
    const messy = await loaded(MESSY);
    expect(await dump(messy, STORE_TABLES)).toEqual(await dump(clean, STORE_TABLES));
    clean.close();
    messy.close();
  });

  it('keeps an unknown code of an open list, upper-cased, with a warning', async () => {
    const dir = await extractDir({ ...MINIMAL, 'ete.csv': csv('child_id,start_date,end_date,provision,suitability,hours_offered', 'C1,2024-01-01,,home tutor,,') });
    const store = await openStore(null);
    const result = await loadExtract(store, dir, { mode: 'merge', loadedAt: AT });
    expect(result.warnings.map((w) => [w.file, w.line, w.column])).toEqual([['ete.csv', 2, 'provision']]);
    expect(await store.query('SELECT provision FROM ete')).toEqual([{ provision: 'HOME TUTOR' }]);
    store.close();
  });
});

describe('loadExtract: merging and replacing', () => {
  const first = {
    'children.csv': csv(CHILDREN_HEADER, 'C1,2008-05-01,M,WBRI', 'C2,2009-03-10,F,BCRB'),
    'offences.csv': csv(OFFENCES_HEADER, 'O1,C1,2024-01-10,2024-02-15,YC,,', 'O2,C2,2024-05-01,2024-06-01,CR,,'),
    'interventions.csv': csv('intervention_id,child_id,type,start_date,end_date', 'I1,C1,YC,2024-02-15,'),
    'population.csv': csv('year,age,sex,ethnic_group,population', '2024,10-17,,,20000'),
  };
  // The next quarter: C2's sex corrected, O2's outcome changed, O3 new; no interventions or population file.
  const second = {
    'children.csv': csv(CHILDREN_HEADER, 'C2,2009-03-10,U,BCRB', 'C3,2010-01-01,M,'),
    'offences.csv': csv(OFFENCES_HEADER, 'O2,C2,2024-05-01,2024-06-01,YC,,', 'O3,C3,2024-08-01,2024-09-01,CR,,'),
  };

  it('loading the same extract twice changes nothing but the loads table', async () => {
    const store = await loaded(CLEAN);
    const before = await dump(store, STORE_TABLES);
    const again = await loadExtract(store, CLEAN, { mode: 'merge', loadedAt: AT });
    expect(await dump(store, STORE_TABLES)).toEqual(before);
    expect(Object.values(again.rowsWritten).every((n) => n === 0)).toBe(true);
    expect(again.loadId).toBe(2);
    expect(await store.query('SELECT load_id, mode FROM loads ORDER BY load_id')).toEqual([
      { load_id: 1, mode: 'merge' }, { load_id: 2, mode: 'merge' },
    ]);
    store.close();
  });

  it('a later extract replaces records with the same ids and keeps the others', async () => {
    const store = await openStore(null);
    await loadExtract(store, await extractDir(first), { mode: 'merge', loadedAt: AT });
    const result = await loadExtract(store, await extractDir(second), { mode: 'merge', loadedAt: AT });
    expect(await store.query('SELECT child_id, sex, load_id FROM children ORDER BY child_id')).toEqual([
      { child_id: 'C1', sex: 'M', load_id: 1 }, { child_id: 'C2', sex: 'U', load_id: 2 }, { child_id: 'C3', sex: 'M', load_id: 2 },
    ]);
    expect(await store.query('SELECT offence_id, outcome, load_id FROM offences ORDER BY offence_id')).toEqual([
      { offence_id: 'O1', outcome: 'YC', load_id: 1 }, { offence_id: 'O2', outcome: 'YC', load_id: 2 }, { offence_id: 'O3', outcome: 'CR', load_id: 2 },
    ]);
    // Files the second extract lacks keep their records.
    expect(await store.query('SELECT intervention_id, load_id FROM interventions')).toEqual([{ intervention_id: 'I1', load_id: 1 }]);
    expect(await store.query('SELECT population, load_id FROM population')).toEqual([{ population: 20000, load_id: 1 }]);
    // Written: children C2 (changed) and C3 (new) = 2; offences O2 and O3 = 2.
    expect(result.rowsWritten).toMatchObject({ children: 2, offences: 2, interventions: 0, population: 0 });
    store.close();
  });

  it('--full replaces the whole history, keeping reference tables the extract does not bring', async () => {
    const store = await openStore(null);
    await loadExtract(store, await extractDir(first), { mode: 'merge', loadedAt: AT });
    await loadExtract(store, await extractDir(second), { mode: 'full', loadedAt: AT });
    expect(await store.query('SELECT child_id, load_id FROM children ORDER BY child_id')).toEqual([
      { child_id: 'C2', load_id: 2 }, { child_id: 'C3', load_id: 2 },
    ]);
    expect(await store.query('SELECT offence_id FROM offences ORDER BY offence_id')).toEqual([{ offence_id: 'O2' }, { offence_id: 'O3' }]);
    expect(await store.query('SELECT count(*)::INTEGER AS n FROM interventions')).toEqual([{ n: 0 }]);
    expect(await store.query('SELECT population, load_id FROM population')).toEqual([{ population: 20000, load_id: 1 }]);
    expect(await store.query('SELECT mode FROM loads ORDER BY load_id')).toEqual([{ mode: 'merge' }, { mode: 'full' }]);
    store.close();
  });

  it('replaces a reference table whole when its file is present', async () => {
    const store = await openStore(null);
    await loadExtract(store, await extractDir(first), { mode: 'merge', loadedAt: AT });
    await loadExtract(store, await extractDir({
      ...second, 'population.csv': csv('year,age,sex,ethnic_group,population', '2025,10-17,M,,9000', '2025,10-17,F,,8500'),
    }), { mode: 'merge', loadedAt: AT });
    expect(await store.query('SELECT year, sex, population, load_id FROM population ORDER BY sex')).toEqual([
      { year: 2025, sex: 'F', population: 8500, load_id: 2 }, { year: 2025, sex: 'M', population: 9000, load_id: 2 },
    ]);
    store.close();
  });

  it('records each load with its time, mode, folder and files', async () => {
    const dir = await extractDir(MINIMAL);
    const store = await openStore(null);
    const result = await loadExtract(store, dir, { mode: 'full', loadedAt: AT });
    const [row] = await store.query('SELECT load_id, CAST(loaded_at AS VARCHAR) AS loaded_at, mode, source_dir, CAST(files AS VARCHAR) AS files FROM loads');
    expect(row).toMatchObject({ load_id: 1, loaded_at: '2026-11-23 12:00:00', mode: 'full', source_dir: dir });
    const { createHash } = await import('node:crypto');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(JSON.parse(String(row!.files))).toEqual([
      { file: 'children.csv', sha256: sha(MINIMAL['children.csv']), rows: 1, bytes: Buffer.byteLength(MINIMAL['children.csv']) },
      { file: 'offences.csv', sha256: sha(MINIMAL['offences.csv']), rows: 1, bytes: Buffer.byteLength(MINIMAL['offences.csv']) },
    ]);
    expect(result.rowsWritten).toMatchObject({ children: 1, offences: 1 });
    store.close();
  });
});

describe('loadExtract: refusing an extract', () => {
  async function fileStore(): Promise<{ store: Store; path: string }> {
    const path = join(await tempDir('yjpack-store-'), 'store.duckdb');
    const store = await openStore(path);
    await loadExtract(store, CLEAN, { mode: 'merge', loadedAt: AT });
    return { store, path };
  }

  it('leaves every table exactly as before, also after reopening the store file', async () => {
    const { store, path } = await fileStore();
    const before = await dump(store);
    await expect(loadExtract(store, BROKEN, { mode: 'full', loadedAt: AT }))
      .rejects.toMatchObject({ messageId: 'invalidExtract', exitCode: 65 });
    expect(await dump(store)).toEqual(before);
    // No staging table is left behind on the connection.
    expect(await store.query("SELECT table_name FROM duckdb_tables() WHERE temporary")).toEqual([]);
    store.close();
    const reopened = await openStore(path);
    expect(await dump(reopened)).toEqual(before);
    reopened.close();
  });

  it('carries every problem of the extract on the error', async () => {
    const store = await openStore(null);
    const failure = await loadExtract(store, BROKEN, { mode: 'merge', loadedAt: AT }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ messageId: 'invalidExtract' });
    const problems = (failure as { problems: { file: string; line: number | null; severity: string }[] }).problems;
    // broken/ has 7 errors in children.csv and 8 in offences.csv, plus one warning (the extra 'notes' column).
    expect(problems.filter((p) => p.severity === 'error' && p.file === 'children.csv')).toHaveLength(7);
    expect(problems.filter((p) => p.severity === 'error' && p.file === 'offences.csv')).toHaveLength(8);
    expect(problems.filter((p) => p.severity === 'warning')).toHaveLength(1);
    store.close();
  });

  it('fails with exit 66 and writes nothing when children.csv is missing', async () => {
    const { store } = await fileStore();
    const before = await dump(store);
    await expect(loadExtract(store, await extractDir({ 'offences.csv': MINIMAL['offences.csv'] }), { mode: 'full', loadedAt: AT }))
      .rejects.toMatchObject({ messageId: 'requiredFileMissing', exitCode: 66 });
    expect(await dump(store)).toEqual(before);
    store.close();
  });

  it('fails with the file-level message when one unreadable file is the only error', async () => {
    const store = await openStore(null);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL['offences.csv'], 'utf16le')]);
    const failure = await loadExtract(store, await extractDir({ ...MINIMAL, 'offences.csv': utf16 }), { mode: 'merge', loadedAt: AT })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({
      messageId: 'notUtf8', exitCode: 65,
      problems: [{ file: 'offences.csv', line: 1, expected: expected.notUtf8(expected.utf16Bom('FF FE')) }],
    });
    await expect(loadExtract(store, await extractDir({ ...MINIMAL, 'offences.csv': '' }), { mode: 'merge', loadedAt: AT }))
      .rejects.toMatchObject({ messageId: 'emptyFile', exitCode: 65 });
    await expect(loadExtract(store, await extractDir({ ...MINIMAL, 'offences.csv': 'a;b;c\n1;2;3\n' }), { mode: 'merge', loadedAt: AT }))
      .rejects.toMatchObject({ messageId: 'notCommaSeparated', exitCode: 65 });
    expect(await store.query('SELECT count(*)::INTEGER AS n FROM loads')).toEqual([{ n: 0 }]);
    store.close();
  });
});

/**
 * The first reading (clean-pass.ts) may prove a file clean only when the
 * full reading would find no problem at all: each inline extract below has
 * one kind of problem (or none), and the test checks both which reading the
 * file's table came from and what was reported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkExtract } from '../../pipeline/load/check-extract.js';
import { FILES } from '../../pipeline/contract/files.js';
import { openStore, type Store } from '../../pipeline/store/db.js';
import { cleanPass, FAILS_CHECK, readingFirst } from '../../pipeline/validate/clean-pass.js';
import { matchColumns } from '../../pipeline/validate/columns.js';
import { rowChecks } from '../../pipeline/validate/rules.js';
import { CHILDREN_HEADER, MINIMAL, NOW, OFFENCES_HEADER, csv, extractDir } from '../load/extract-dir.js';

let store: Store;
beforeEach(async () => { store = await openStore(null); });
afterEach(() => store.close());

async function columnsOf(table: string): Promise<string[]> {
  const rows = await store.query<{ name: string }>(
    `SELECT column_name AS name FROM duckdb_columns() WHERE table_name = $table ORDER BY column_index`, { table });
  return rows.map((r) => r.name);
}

/** Checks an extract and says, per file, whether its table is the first reading's and how many problems it had. */
async function readings(files: Record<string, string>) {
  const checked = await checkExtract(store, await extractDir({ ...MINIMAL, ...files }), { now: NOW });
  const byFile: Record<string, { first: boolean; rawKept: boolean; errors: number; warnings: number }> = {};
  for (const f of checked.files.filter((x) => x.normalised !== null)) {
    const columns = await columnsOf(f.normalised!);
    byFile[f.located.spec.name] = {
      first: columns.includes(FAILS_CHECK),
      rawKept: columns.some((c) => c.startsWith('r_')),
      errors: f.errorCount,
      warnings: f.warningCount,
    };
  }
  return byFile;
}

const offences = (...rows: string[]) => ({ 'offences.csv': csv(OFFENCES_HEADER, ...rows) });
const O1 = 'O1,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2';

describe('the first reading', () => {
  it('keeps a clean file as read the first time: the store columns and the check column, no raw text', async () => {
    const result = await readings({});
    expect(result.children).toEqual({ first: true, rawKept: false, errors: 0, warnings: 0 });
    expect(result.offences).toEqual({ first: true, rawKept: false, errors: 0, warnings: 0 });
  });

  // One problem of each kind the first reading must see: its own value rules (an error and a warning),
  // the children joined in (an unknown child, an offence before birth) and the keys.
  const cases: [string, Record<string, string>, { errors: number; warnings: number }, string?][] = [
    ['a value that is not a date', offences(O1, 'O2,C1,2024-13-01,2024-02-15,YC,THEFT_AND_HANDLING,2'), { errors: 1, warnings: 0 }],
    ['a blank required value', offences(O1, 'O2,C1,2024-01-10,,YC,THEFT_AND_HANDLING,2'), { errors: 1, warnings: 0 }],
    ['an unknown code in an open list (a warning)', {
      'ete.csv': csv('child_id,start_date,end_date,provision,suitability,hours_offered,hours_attended',
        'C1,2024-01-10,,SCHOOL_FULL_TIME,SUITABLE,25,20', 'C1,2024-02-10,,NEW_PLACEMENT,SUITABLE,25,20'),
    }, { errors: 0, warnings: 1 }, 'ete'],
    ['a child not in children.csv', offences(O1, 'O2,C9,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2'), { errors: 1, warnings: 0 }],
    ['an offence before the child was born', offences(O1, 'O2,C1,2007-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2'), { errors: 1, warnings: 0 }],
    ['a repeated key', offences(O1, O1.replace('2024-01-10', '2024-01-11')), { errors: 1, warnings: 0 }],
    ['a record with too few fields', offences(O1, 'O2,C1,2024-01-10'), { errors: 1, warnings: 0 }],
  ];
  it.each(cases)('reads a file with %s again in full, and reports it', async (_label, files, counts, file = 'offences') => {
    const result = await readings(files);
    expect(result[file]).toEqual({ first: false, rawKept: true, ...counts });
    // The other file is still proved clean on its first reading.
    expect(result.children?.first).toBe(true);
  });

  it('reads children.csv again in full when it repeats a child, so its problem is listed by line', async () => {
    const result = await readings({ 'children.csv': csv(CHILDREN_HEADER, 'C1,2008-05-01,M,WBRI', 'C1,2008-05-02,M,WBRI') });
    expect(result.children).toEqual({ first: false, rawKept: true, errors: 1, warnings: 0 });
  });
});

describe('cleanPass', () => {
  const plan = (name: string, header: string[]) => {
    const spec = FILES.find((f) => f.name === name)!;
    const match = matchColumns(spec, header);
    return cleanPass({ spec, match, checks: rowChecks(spec, match, { childRefs: false, runDate: '2026-12-06', invisible: false }), childrenTable: null });
  };

  it('is not offered where a key may be blank and is parsed, as population.csv\'s sex is: telling keys apart needs the raw text', () => {
    expect(plan('population', ['year', 'age', 'sex', 'ethnic_group', 'population'])).toBeNull();
  });

  it('drops the raw text of parsed columns and keeps text columns as they are', () => {
    const pass = plan('offences', OFFENCES_HEADER.split(','));
    const sql = pass!.select('SELECT 1');
    expect(sql).toMatch(/EXCLUDE \("r_offence_date", "r_outcome_date", "r_outcome", "r_offence_category", "r_gravity"\)/);
    expect(sql).not.toMatch(/"r_offence_id"|"r_child_id"/);
  });
});

describe('readingFirst', () => {
  it('turns DuckDB\'s choice of build side back on afterwards, even when the reading fails', async () => {
    await expect(readingFirst(store, async () => { throw new Error('unreadable'); })).rejects.toThrow('unreadable');
    const [after] = await store.query<{ v: string }>(`SELECT current_setting('disabled_optimizers') AS v`);
    expect(after?.v).toBe('');
    const during = await readingFirst(store, () => store.query<{ v: string }>(`SELECT current_setting('disabled_optimizers') AS v`));
    expect(during[0]?.v).toMatch(/build_side_probe_side/);
  });
});

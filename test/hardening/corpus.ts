/**
 * The broken-extract corpus: each case is the clean fixture extract with one
 * thing wrong, as an officer's export or hand edit would get it wrong, and
 * where the refusal must point (file, line, column, value).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CLEAN = 'test/fixtures/extracts/clean';

/** File name → bytes. */
export type ExtractFiles = Record<string, Buffer>;

export async function readExtract(dir: string): Promise<ExtractFiles> {
  const files: ExtractFiles = {};
  for (const name of await readdir(dir)) files[name] = await readFile(join(dir, name));
  return files;
}

/** Replaces exactly one occurrence of `from` in a file (throws if it is not there once, so a case cannot silently stop breaking anything). */
export function edit(files: ExtractFiles, name: string, from: string, to: string): ExtractFiles {
  const text = files[name]!.toString('utf8');
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`corpus: '${from}' is not in ${name} exactly once`);
  return { ...files, [name]: Buffer.from(text.slice(0, at) + to + text.slice(at + from.length), 'utf8') };
}

export function replaceFile(files: ExtractFiles, name: string, bytes: Buffer | string): ExtractFiles {
  return { ...files, [name]: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8') };
}

export function withoutFile(files: ExtractFiles, name: string): ExtractFiles {
  const { [name]: _dropped, ...rest } = files;
  return rest;
}

export interface BrokenCase {
  name: string;
  break: (clean: ExtractFiles) => ExtractFiles;
  exit: 65 | 66;
  /** Where the problem list must point; line/column/value only where the problem has one. */
  at: { file: string; line?: number; column?: string; value?: string };
}

/*
 * The clean fixture, for reading the expected lines:
 *   children.csv  line 2 C1 2008-05-01 · line 3 C2 2009-03-10 · line 4 C3 · line 5 C4
 *   offences.csv  line 2 O1 C1 2024-01-10 → 2024-02-15 YC THEFT_AND_HANDLING 2
 *                 line 3 O2 C2 2024-05-01 → 2024-06-01 CR · line 4 O3 · line 5 O4
 *   ete.csv       line 2 C1 SCHOOL_FULL_TIME 25 · line 3 C2 PRU 10
 */
export const BROKEN_CASES: readonly BrokenCase[] = [
  {
    name: 'missing column',
    break: (f) => replaceFile(f, 'children.csv', f['children.csv']!.toString().replace(/^child_id,date_of_birth,/, 'child_id,').replace(/^(C\d),[^,]*,/gm, '$1,')),
    exit: 65, at: { file: 'children.csv', line: 1, column: 'date_of_birth' },
  },
  {
    name: 'impossible date',
    break: (f) => edit(f, 'offences.csv', 'O1,C1,2024-01-10', 'O1,C1,2024-02-30'),
    exit: 65, at: { file: 'offences.csv', line: 2, column: 'offence_date', value: '2024-02-30' },
  },
  {
    name: 'impossible UK date',
    break: (f) => edit(f, 'children.csv', 'C2,2009-03-10', 'C2,31/02/2009'),
    exit: 65, at: { file: 'children.csv', line: 3, column: 'date_of_birth', value: '31/02/2009' },
  },
  {
    name: 'US-style date',
    break: (f) => edit(f, 'children.csv', 'C2,2009-03-10', 'C2,03/25/2009'),
    exit: 65, at: { file: 'children.csv', line: 3, column: 'date_of_birth', value: '03/25/2009' },
  },
  {
    name: 'unknown child',
    break: (f) => edit(f, 'offences.csv', 'O2,C2', 'O2,C99'),
    exit: 65, at: { file: 'offences.csv', line: 3, column: 'child_id', value: 'C99' },
  },
  {
    name: 'duplicate id',
    break: (f) => edit(f, 'offences.csv', 'O3,C2', 'O1,C2'),
    exit: 65, at: { file: 'offences.csv', line: 4, column: 'offence_id', value: 'O1' },
  },
  {
    name: 'duplicate child',
    break: (f) => edit(f, 'children.csv', 'C4,2008-01-15', 'C1,2008-01-15'),
    exit: 65, at: { file: 'children.csv', line: 5, column: 'child_id', value: 'C1' },
  },
  {
    name: 'unknown code',
    break: (f) => edit(f, 'offences.csv', ',CR,', ',CAUTION,'),
    exit: 65, at: { file: 'offences.csv', line: 3, column: 'outcome', value: 'CAUTION' },
  },
  {
    name: 'outcome before offence',
    break: (f) => edit(f, 'offences.csv', '2024-05-01,2024-06-01', '2024-05-01,2024-04-01'),
    exit: 65, at: { file: 'offences.csv', line: 3, column: 'outcome_date', value: '2024-04-01' },
  },
  {
    name: 'semicolon-delimited file',
    break: (f) => replaceFile(f, 'offences.csv', f['offences.csv']!.toString().replace(/,/g, ';')),
    exit: 65, at: { file: 'offences.csv', line: 1 },
  },
  {
    name: 'tab-delimited file',
    break: (f) => replaceFile(f, 'children.csv', f['children.csv']!.toString().replace(/,/g, '\t')),
    exit: 65, at: { file: 'children.csv', line: 1 },
  },
  {
    name: 'UTF-16 file (with byte order mark)',
    break: (f) => replaceFile(f, 'children.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(f['children.csv']!.toString(), 'utf16le')])),
    exit: 65, at: { file: 'children.csv', line: 1 },
  },
  {
    name: 'UTF-16 file (no byte order mark)',
    break: (f) => replaceFile(f, 'offences.csv', Buffer.from(f['offences.csv']!.toString(), 'utf16le')),
    exit: 65, at: { file: 'offences.csv', line: 1 },
  },
  {
    name: 'Latin-1 file',
    break: (f) => replaceFile(f, 'comparators.csv', Buffer.from(`${f['comparators.csv']!.toString()}fte.rate,2024-25-Q2,Caf\u00e9 Nero,1.0,YJB\n`, 'latin1')),
    exit: 65, at: { file: 'comparators.csv', line: 3 },
  },
  {
    name: 'old Mac line ends (CR only)',
    break: (f) => replaceFile(f, 'remands.csv', f['remands.csv']!.toString().replace(/\n/g, '\r')),
    exit: 65, at: { file: 'remands.csv', line: 1 },
  },
  {
    name: 'stray CR inside a value',
    break: (f) => edit(f, 'children.csv', 'C2,2009-03-10,F,BCRB', 'C2,2009-03-10,F,BC\rRB'),
    exit: 65, at: { file: 'children.csv', line: 3 },
  },
  {
    // Past the first 4 KB (where NUL bytes mean UTF-16): a damaged file, not another encoding.
    name: 'NUL byte deep in a file',
    break: (f) => replaceFile(f, 'comparators.csv', `${f['comparators.csv']!.toString()}${
      Array.from({ length: 200 }, (_, i) => `fte.rate,2024-25-Q2,Area ${i + 1},1.0,YJB\n`).join('')}fte.rate,2024-25-Q2,Are\u0000a,1.0,YJB\n`),
    exit: 65, at: { file: 'comparators.csv', line: 203 },
  },
  {
    name: 'empty file',
    break: (f) => replaceFile(f, 'offences.csv', ''),
    exit: 65, at: { file: 'offences.csv', line: 1 },
  },
  {
    name: 'empty optional file',
    break: (f) => replaceFile(f, 'ete.csv', ''),
    exit: 65, at: { file: 'ete.csv', line: 1 },
  },
  {
    name: 'missing required file',
    break: (f) => withoutFile(f, 'offences.csv'),
    exit: 66, at: { file: 'offences.csv' },
  },
  {
    name: 'missing children file',
    break: (f) => withoutFile(f, 'children.csv'),
    exit: 66, at: { file: 'children.csv' },
  },
  {
    name: 'non-numeric number',
    break: (f) => edit(f, 'ete.csv', ',PRU,,10,', ',PRU,,ten,'),
    exit: 65, at: { file: 'ete.csv', line: 3, column: 'hours_offered', value: 'ten' },
  },
  {
    name: 'non-numeric gravity',
    break: (f) => edit(f, 'offences.csv', 'THEFT_AND_HANDLING,2', 'THEFT_AND_HANDLING,two'),
    exit: 65, at: { file: 'offences.csv', line: 2, column: 'gravity', value: 'two' },
  },
  {
    name: 'ragged row (too many fields)',
    break: (f) => edit(f, 'offences.csv', 'CRIMINAL_DAMAGE,2', 'CRIMINAL_DAMAGE,2,extra'),
    exit: 65, at: { file: 'offences.csv', line: 3 },
  },
  {
    name: 'ragged row (too few fields)',
    break: (f) => edit(f, 'children.csv', 'C2,2009-03-10,F,BCRB,N,Y,', 'C2,2009-03-10,F'),
    exit: 65, at: { file: 'children.csv', line: 3 },
  },
  {
    name: 'unterminated quote',
    break: (f) => edit(f, 'offences.csv', 'O3,C2,', '"O3,C2,'),
    exit: 65, at: { file: 'offences.csv', line: 4 },
  },
  {
    name: 'markup in a code field',
    break: (f) => edit(f, 'offences.csv', 'CRIMINAL_DAMAGE', '<script>alert(1)</script>'),
    exit: 65, at: { file: 'offences.csv', line: 3, column: 'offence_category', value: '<script>alert(1)</script>' },
  },
  {
    name: 'markup in the ethnicity code',
    break: (f) => edit(f, 'children.csv', 'BCRB', '<img src=x onerror=alert(1)>'),
    exit: 65, at: { file: 'children.csv', line: 3, column: 'ethnicity', value: '<img src=x onerror=alert(1)>' },
  },
  {
    name: 'markup in an open code field (ETE provision)',
    break: (f) => edit(f, 'ete.csv', 'PRU', '<script>alert(1)</script>'),
    exit: 65, at: { file: 'ete.csv', line: 3, column: 'provision', value: '<script>alert(1)</script>' },
  },
  {
    name: 'out-of-range gravity (too high)',
    break: (f) => edit(f, 'offences.csv', 'VIOLENCE_AGAINST_THE_PERSON,5', 'VIOLENCE_AGAINST_THE_PERSON,9'),
    exit: 65, at: { file: 'offences.csv', line: 4, column: 'gravity', value: '9' },
  },
  {
    name: 'out-of-range gravity (zero)',
    break: (f) => edit(f, 'offences.csv', 'THEFT_AND_HANDLING,2', 'THEFT_AND_HANDLING,0'),
    exit: 65, at: { file: 'offences.csv', line: 2, column: 'gravity', value: '0' },
  },
  {
    name: 'fractional gravity',
    break: (f) => edit(f, 'offences.csv', 'THEFT_AND_HANDLING,2', 'THEFT_AND_HANDLING,2.5'),
    exit: 65, at: { file: 'offences.csv', line: 2, column: 'gravity', value: '2.5' },
  },
  {
    name: 'negative hours',
    break: (f) => edit(f, 'ete.csv', 'SUITABLE,25,', 'SUITABLE,-25,'),
    exit: 65, at: { file: 'ete.csv', line: 2, column: 'hours_offered', value: '-25' },
  },
  {
    name: 'blank required value',
    break: (f) => edit(f, 'offences.csv', 'O2,C2,2024-05-01', 'O2,C2,'),
    exit: 65, at: { file: 'offences.csv', line: 3, column: 'offence_date' },
  },
  {
    name: 'spreadsheet formula in a date',
    break: (f) => edit(f, 'children.csv', 'C2,2009-03-10', 'C2,=DATE(2009;3;10)'),
    exit: 65, at: { file: 'children.csv', line: 3, column: 'date_of_birth', value: '=DATE(2009;3;10)' },
  },
];

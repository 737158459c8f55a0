/**
 * validateExtract on whole-file and record-shape problems: encodings,
 * separators, empty files, headers, ragged rows, broken quotes, and lines
 * counted as the user counts them (quoted newlines, blank lines, CRLF).
 */
import { describe, expect, it } from 'vitest';
import { validateExtract } from '../../pipeline/load/index.js';
import { expected } from '../../pipeline/messages.js';
import type { Problem } from '../../pipeline/errors.js';
import { CHILDREN_HEADER, MINIMAL, OFFENCES_HEADER, csv, extractDir, NOW } from './extract-dir.js';

const fileError = (file: string, text: string, line: number | null = 1, value: string | null = null): Problem =>
  ({ file, line, column: null, value, expected: text, severity: 'error' });

async function validate(files: Record<string, string | Uint8Array>) {
  return validateExtract(await extractDir({ ...MINIMAL, ...files }), { now: NOW });
}

describe('validateExtract: files', () => {
  it('says a UTF-16 file is UTF-16, from its byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL['children.csv'], 'utf16le')]);
    const report = await validate({ 'children.csv': utf16 });
    expect(report.problems).toEqual([fileError('children.csv', expected.notUtf8(expected.utf16Bom('FF FE')))]);
  });

  it('says a UTF-16 file without a byte order mark looks like UTF-16', async () => {
    const report = await validate({ 'children.csv': Buffer.from(MINIMAL['children.csv'], 'utf16le') });
    expect(report.problems).toEqual([fileError('children.csv', expected.notUtf8(expected.utf16NoBom()))]);
  });

  it('names the first byte that is not UTF-8 and its line (Latin-1 from Excel)', async () => {
    // "£" in Latin-1 is the single byte 0xA3, here on line 3.
    const latin1 = Buffer.from(csv(CHILDREN_HEADER, 'C1,2008-05-01,M,WBRI', 'C2,2008-05-01,M,OOTH £'), 'latin1');
    const report = await validate({ 'children.csv': latin1 });
    // Located on line 3, with the field holding the byte read as Latin-1, so the officer can find it.
    expect(report.problems).toEqual([fileError('children.csv', expected.notUtf8(expected.invalidByte('0xA3', 3)), 3, 'OOTH £')]);
  });

  it.each([['semicolon', ';'], ['tab', '\t']])('refuses a %s-separated file', async (name, sep) => {
    const text = csv(OFFENCES_HEADER.replaceAll(',', sep), ['O1', 'C1', '2024-01-10', '2024-02-15', 'YC', '', '2'].join(sep));
    const report = await validate({ 'offences.csv': text });
    expect(report.problems).toEqual([fileError('offences.csv', expected.notCommaSeparated(name), 1, OFFENCES_HEADER.replaceAll(',', sep))]);
  });

  it.each([['no bytes', ''], ['only a byte order mark', '\ufeff'], ['only blank lines', '\r\n\r\n']])(
    'refuses an empty file (%s)', async (_name, text) => {
      const report = await validate({ 'offences.csv': text });
      expect(report.problems).toEqual([fileError('offences.csv', expected.emptyFile())]);
    });

  it('accepts a header with no rows', async () => {
    const report = await validate({ 'offences.csv': csv(OFFENCES_HEADER) });
    expect(report.problems).toEqual([]);
    expect(report.files[1]).toMatchObject({ file: 'offences.csv', rows: 0 });
  });

  it('refuses a file missing a required column, naming it on line 1', async () => {
    const report = await validate({ 'offences.csv': csv('offence_id,child_id,offence_date,outcome_date,gravity', 'O1,C1,2024-01-10,2024-02-15,2') });
    expect(report.problems).toEqual([
      { file: 'offences.csv', line: 1, column: 'outcome', value: null, expected: expected.column(), severity: 'error' },
      { file: 'offences.csv', line: 1, column: 'offence_category', value: null, expected: expected.column(), severity: 'error' },
    ]);
  });

  it('refuses a contract column named twice', async () => {
    const report = await validate({ 'children.csv': csv(`${CHILDREN_HEADER},SEX`, 'C1,2008-05-01,M,WBRI,F') });
    expect(report.problems).toEqual([
      { file: 'children.csv', line: 1, column: 'SEX', value: null, expected: expected.uniqueHeader(3), severity: 'error' },
    ]);
  });

  it('warns once per file about unknown columns, listing them all', async () => {
    const report = await validate({ 'children.csv': csv(`${CHILDREN_HEADER},Worker,Notes`, 'C1,2008-05-01,M,WBRI,Sam,x') });
    expect(report.problems).toEqual([{
      file: 'children.csv', line: 1, column: null, value: null,
      expected: expected.extraColumns(['Worker', 'Notes']), severity: 'warning',
    }]);
    expect(report.errorCount).toBe(0);
  });

  it('refuses rows with too few or too many fields, on their lines', async () => {
    const report = await validate({
      'offences.csv': csv(OFFENCES_HEADER,
        'O1,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2',
        'O2,C1,2024-01-10',
        'O3,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2,extra,more',
        'O4,C1,2024-01-10,2024-02-15,XYZ,THEFT_AND_HANDLING,2'),
    });
    expect(report.problems).toEqual([
      { file: 'offences.csv', line: 3, column: null, value: 'O2,C1,2024-01-10', expected: expected.fieldCount(7, 3), severity: 'error' },
      { file: 'offences.csv', line: 4, column: null, value: 'O3,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2,extra,more', expected: expected.fieldCount(7, 9), severity: 'error' },
      // Refused rows are not staged: the next staged row is still found on its own line.
      { file: 'offences.csv', line: 5, column: 'outcome', value: 'XYZ', expected: expected.oneOf(['CR', 'OUTCOME_22', 'OUTCOME_20_21', 'YC', 'YCC', 'AD', 'CD', 'FINE', 'RO', 'REPARATION', 'OTHER_FIRST_TIER', 'YRO', 'YRO_ISS', 'DTO', 'S250', 'S254', 'S258', 'S259', 'NFA', 'NOT_GUILTY', 'WITHDRAWN']), severity: 'error' },
    ]);
    expect(report.files[1]).toMatchObject({ rows: 4, refusedRows: 3 });
  });

  it('refuses an unterminated quote on the line where it opens', async () => {
    const report = await validate({
      'children.csv': csv(CHILDREN_HEADER, 'C1,2008-05-01,M,WBRI', 'C2,"2008-05-01,M,WBRI', 'C3,2008-05-01,M,WBRI'),
    });
    expect(report.problems).toEqual([
      // The quote opens in the second field (date_of_birth); the value is the record's line as written.
      { file: 'children.csv', line: 3, column: 'date_of_birth', value: 'C2,"2008-05-01,M,WBRI', expected: expected.quoting(), severity: 'error' },
    ]);
  });

  it('counts physical lines past quoted newlines, blank lines and CRLF', async () => {
    // Line 2-3: one record with a newline inside quotes; line 4 blank; line 5: bad outcome.
    const text = [OFFENCES_HEADER, 'O1,C1,2024-01-10,2024-02-15,YC,"THEFT_AND', 'HANDLING",2', '',
      'O2,C1,2024-01-10,2024-02-15,XYZ,,'].join('\r\n');
    const report = await validate({ 'offences.csv': text });
    expect(report.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [2, 'offence_category', 'THEFT_AND\r\nHANDLING'],
      [5, 'outcome', 'XYZ'],
    ]);
  });

  it('matches header names case-insensitively after trimming, and reads a BOM and CRLF', async () => {
    const text = `\ufeff OFFENCE_ID ,Child_Id,Offence_Date,OUTCOME_DATE,Outcome,Offence_Category,Gravity\r\nO1,C1,10/01/2024,15/02/2024,Youth Caution,,\r\n`;
    const report = await validate({ 'offences.csv': text });
    expect(report.problems).toEqual([]);
  });
});

describe('validateExtract: the folder', () => {
  it('fails with exit 66 when the folder does not exist', async () => {
    await expect(validateExtract('/no/such/folder', { now: NOW })).rejects.toMatchObject({ messageId: 'dataDirMissing', exitCode: 66 });
  });

  it('fails with exit 66 when offences.csv is missing, carrying every other problem', async () => {
    const dir = await extractDir({ 'children.csv': csv(CHILDREN_HEADER, 'C1,2008-05-01,X,WBRI') });
    const failure = validateExtract(dir, { now: NOW });
    await expect(failure).rejects.toMatchObject({ messageId: 'requiredFileMissing', exitCode: 66 });
    const problems = await failure.catch((e: { problems: Problem[] }) => e.problems);
    expect(problems).toEqual([
      { file: 'children.csv', line: 2, column: 'sex', value: 'X', expected: expected.sex(), severity: 'error' },
      fileError('offences.csv', expected.requiredFile(dir), null),
    ]);
  });

  it('finds files whose names differ only in case', async () => {
    const dir = await extractDir({ 'Children.CSV': MINIMAL['children.csv'], 'offences.csv': MINIMAL['offences.csv'] });
    const report = await validateExtract(dir, { now: NOW });
    expect(report.errorCount).toBe(0);
    expect(report.files[0]).toMatchObject({ file: 'Children.CSV', present: true, rows: 1 });
  });

  it('summarises each file with its SHA-256, size and rows', async () => {
    const report = await validate({});
    // sha256 of the exact bytes of MINIMAL children.csv, worked out with node:crypto independently of yjpack.
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(MINIMAL['children.csv']).digest('hex');
    expect(report.files[0]).toEqual({
      file: 'children.csv', present: true, sha256: sha, bytes: Buffer.byteLength(MINIMAL['children.csv']), rows: 1, refusedRows: 0,
    });
    expect(report.files[2]).toEqual({ file: 'interventions.csv', present: false, sha256: '', bytes: 0, rows: 0, refusedRows: 0 });
  });

  it('reports progress file by file', async () => {
    const seen: [string, number][] = [];
    await validateExtract(await extractDir(MINIMAL), { now: NOW, onProgress: (file, rows) => seen.push([file, rows]) });
    expect(seen).toEqual([['children.csv', 1], ['offences.csv', 1]]);
  });
});

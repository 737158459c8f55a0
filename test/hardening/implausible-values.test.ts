/**
 * Values that parse but cannot be right, or are rare enough to check (issue
 * 10 item 7). Errors refuse the extract (exit 65) naming file, line, column
 * and value; warnings load (exit 0) and are listed in the problems file and
 * the pack's data-quality section. The run date is the CLI's clock
 * (cli.ts NOW, 2026-11-23), never the machine's.
 *
 * The clean fixture, for reading the expected lines (corpus.ts):
 *   children.csv  C1 2008-05-01 (line 2) · C2 2009-03-10 (3) · C3 2007-11-30 (4) · C4 2008-01-15 (5)
 *   offences.csv  O1 C1 2024-01-10 (2) · O2 C2 2024-05-01 (3) · O3 C2 2024-07-01 (4) · O4 C4 2024-07-02 (5)
 *   interventions I1 C2 RO 2024-08-20 → 2025-02-20 (2) · I2 C4 CUSTODY 2024-08-20 → open (3)
 *   ete.csv       C1 2024-01-01 → open 25/20.5 h (2) · C2 2024-02-01 → 2024-06-30 10 h (3)
 *   remands.csv   R1 C4 2024-07-03 → 2024-08-20 (2) · arrests.csv A1 2024-01-05 (2) · A2 2024-02-05 (3)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expected } from '../../pipeline/messages.js';
import { EARLIEST_DATE } from '../../pipeline/validate/plausibility.js';
import { STACK_FRAME, cli, cliAt, writeExtract } from './cli.js';
import { CLEAN, edit, readExtract, replaceFile, type ExtractFiles } from './corpus.js';

let clean: ExtractFiles;
beforeAll(async () => { clean = await readExtract(CLEAN); });

interface Case {
  name: string;
  break: (f: ExtractFiles) => ExtractFiles;
  at: { file: string; line: number; column: string; value: string };
  expected: string;
}

/** Five groups of 10–17 persons for 2024 after the fixture's total of 20,000, adding up to `sum`. */
function populationWithGroups(f: ExtractFiles, sum: number): ExtractFiles {
  const groups = ['Asian', 'Black', 'Mixed', 'Other', 'White'];
  const each = Math.floor(sum / 5);
  const rows = groups.map((g, i) => `2024,10-17,,${g},${i === 0 ? sum - each * 4 : each}`);
  return replaceFile(f, 'population.csv', `year,age,sex,ethnic_group,population\n2024,10-17,,,20000\n${rows.join('\n')}\n`);
}

const ERRORS: readonly Case[] = [
  {
    name: 'date of birth after the offence',
    break: (f) => edit(f, 'children.csv', 'C1,2008-05-01', 'C1,2024-02-01'),
    at: { file: 'offences.csv', line: 2, column: 'offence_date', value: '2024-01-10' },
    expected: expected.bornAfter('2024-02-01'),
  },
  {
    name: 'date of birth after an ETE placement starts',
    break: (f) => edit(f, 'children.csv', 'C1,2008-05-01', 'C1,2024-02-01'),
    at: { file: 'ete.csv', line: 2, column: 'start_date', value: '2024-01-01' },
    expected: expected.bornAfter('2024-02-01'),
  },
  {
    name: 'child aged 9 at the offence',
    break: (f) => edit(f, 'children.csv', 'C2,2009-03-10', 'C2,2014-05-02'),
    at: { file: 'offences.csv', line: 3, column: 'offence_date', value: '2024-05-01' },
    expected: expected.underTen('2014-05-02'),
  },
  {
    name: 'child aged 10 the next day (a day short)',
    break: (f) => edit(f, 'children.csv', 'C1,2008-05-01', 'C1,2014-01-11'),
    at: { file: 'offences.csv', line: 2, column: 'offence_date', value: '2024-01-10' },
    expected: expected.underTen('2014-01-11'),
  },
  {
    name: 'offence date before 1990',
    break: (f) => edit(f, 'offences.csv', 'O1,C1,2024-01-10', 'O1,C1,1989-12-31'),
    at: { file: 'offences.csv', line: 2, column: 'offence_date', value: '1989-12-31' },
    expected: expected.dateTooEarly(EARLIEST_DATE),
  },
  {
    name: 'date of birth before 1990 (UK format)',
    break: (f) => edit(f, 'children.csv', 'C3,2007-11-30', 'C3,30/11/1907'),
    at: { file: 'children.csv', line: 4, column: 'date_of_birth', value: '30/11/1907' },
    expected: expected.dateTooEarly(EARLIEST_DATE),
  },
  {
    name: 'arrest after the run date',
    break: (f) => edit(f, 'arrests.csv', 'A2,2024-02-05', 'A2,2026-11-24'),
    at: { file: 'arrests.csv', line: 3, column: 'arrest_date', value: '2026-11-24' },
    expected: expected.dateAfterRun('2026-11-23'),
  },
  {
    name: 'date of birth after the run date',
    break: (f) => edit(f, 'children.csv', 'C3,2007-11-30', 'C3,2027-11-30'),
    at: { file: 'children.csv', line: 4, column: 'date_of_birth', value: '2027-11-30' },
    expected: expected.dateAfterRun('2026-11-23'),
  },
  {
    name: 'outcome after the run date',
    break: (f) => edit(f, 'offences.csv', '2024-05-01,2024-06-01', '2024-05-01,2026-12-01'),
    at: { file: 'offences.csv', line: 3, column: 'outcome_date', value: '2026-12-01' },
    expected: expected.dateAfterRun('2026-11-23'),
  },
  {
    name: 'five-digit year',
    break: (f) => edit(f, 'offences.csv', '2024-05-01,2024-06-01', '2024-05-01,20240-06-01'),
    at: { file: 'offences.csv', line: 3, column: 'outcome_date', value: '20240-06-01' },
    expected: expected.dateYearDigits(),
  },
  {
    name: 'five-digit year (UK format)',
    break: (f) => edit(f, 'remands.csv', 'R1,C4,2024-07-03', 'R1,C4,03/07/20245'),
    at: { file: 'remands.csv', line: 2, column: 'decision_date', value: '03/07/20245' },
    expected: expected.dateYearDigits(),
  },
  {
    name: 'intervention ending before it starts',
    break: (f) => edit(f, 'interventions.csv', '2024-08-20,2025-02-20', '2024-08-20,2024-08-19'),
    at: { file: 'interventions.csv', line: 2, column: 'end_date', value: '2024-08-19' },
    expected: expected.notBefore('start_date', '2024-08-20'),
  },
  {
    name: 'ETE placement ending before it starts',
    break: (f) => edit(f, 'ete.csv', '2024-02-01,2024-06-30', '2024-02-01,2024-01-30'),
    at: { file: 'ete.csv', line: 3, column: 'end_date', value: '2024-01-30' },
    expected: expected.notBefore('start_date', '2024-02-01'),
  },
  {
    name: 'remand ending before the decision',
    break: (f) => edit(f, 'remands.csv', '2024-07-03,2024-08-20', '2024-07-03,2024-07-02'),
    at: { file: 'remands.csv', line: 2, column: 'end_date', value: '2024-07-02' },
    expected: expected.notBefore('decision_date', '2024-07-03'),
  },
  {
    name: 'hours attended above hours offered',
    break: (f) => edit(f, 'ete.csv', 'SUITABLE,25,20.5', 'SUITABLE,25,25.5'),
    at: { file: 'ete.csv', line: 2, column: 'hours_attended', value: '25.5' },
    expected: expected.notAbove('hours_offered', '25'),
  },
  {
    name: 'five ethnic groups adding up to far less than the total',
    break: (f) => populationWithGroups(f, 15000),
    at: { file: 'population.csv', line: 2, column: 'population', value: '20000' },
    expected: expected.partsDiffer('five ethnic groups', '20,000', '15,000'),
  },
  {
    name: 'single ages adding up to more than the 10–17 row',
    break: (f) => replaceFile(f, 'population.csv', `year,age,sex,ethnic_group,population\n2024,10-17,,,20000\n${
      Array.from({ length: 8 }, (_, i) => `2024,${10 + i},,,3000`).join('\n')}\n`),
    at: { file: 'population.csv', line: 2, column: 'population', value: '20000' },
    expected: expected.partsDiffer('single ages', '20,000', '24,000'),
  },
  {
    name: 'boys and girls adding up to less than persons',
    break: (f) => replaceFile(f, 'population.csv', 'year,age,sex,ethnic_group,population\n2024,10-17,,,20000\n2024,10-17,M,,9000\n2024,10-17,F,,9000\n'),
    at: { file: 'population.csv', line: 2, column: 'population', value: '20000' },
    expected: expected.partsDiffer('boys and girls', '20,000', '18,000'),
  },
];

const WARNINGS: readonly Case[] = [
  {
    name: 'child aged 18 at the offence (a breach after 18 can be)',
    break: (f) => edit(f, 'children.csv', 'C4,2008-01-15', 'C4,2006-07-02'),
    at: { file: 'offences.csv', line: 5, column: 'offence_date', value: '2024-07-02' },
    expected: expected.eighteenOrOver(),
  },
  {
    name: 'planned end of an intervention after the run date',
    break: (f) => edit(f, 'interventions.csv', '2024-08-20,2025-02-20', '2024-08-20,2027-02-20'),
    at: { file: 'interventions.csv', line: 2, column: 'end_date', value: '2027-02-20' },
    expected: expected.plannedDateAfterRun(),
  },
  {
    name: 'five ethnic groups within 1% of the total (rounding)',
    break: (f) => populationWithGroups(f, 19900),
    at: { file: 'population.csv', line: 2, column: 'population', value: '20000' },
    expected: expected.partsRounded(),
  },
];

const located = (c: Case) => `${c.at.file}:${c.at.line}: column '${c.at.column}' value '${c.at.value}': `;

describe('values that cannot be right are errors (exit 65), located', () => {
  it.each(ERRORS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = await writeExtract(c.break(clean));
    const validate = await cli('validate', '--data', dir, '--problems', join(dir, 'problems.csv'));
    expect(validate.code).toBe(65);
    expect(validate.err).not.toMatch(STACK_FRAME);
    expect(validate.out.split('\n')).toContain(`${located(c)}${c.expected}`);
    const load = await cli('load', '--data', dir, '--db', join(dir, 'store.duckdb'), '--problems', join(dir, 'load-problems.csv'));
    expect(load.code).toBe(65);
    expect(await readFile(join(dir, 'load-problems.csv'), 'utf8')).toContain(`error,${c.at.file},${c.at.line},${c.at.column},${c.at.value},`);
  });
});

describe('values that are rare but real are warnings: loaded, listed in the problems file and the pack', () => {
  it.each(WARNINGS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = await writeExtract(c.break(clean));
    const validate = await cli('validate', '--data', dir, '--problems', join(dir, 'problems.csv'));
    expect(validate.code, validate.out).toBe(0);
    expect(validate.out.split('\n')).toContain(`warning: ${located(c)}${c.expected}`);
    expect(await readFile(join(dir, 'problems.csv'), 'utf8')).toContain(`warning,${c.at.file},${c.at.line},${c.at.column},${c.at.value},`);
    const run = await cli('run', '--data', dir, '--out', join(dir, 'reports'), '--period', '2024-25-Q2', '--no-pdf');
    expect(run.code, run.err).toBe(0);
    const html = await readFile(join(dir, 'reports', '2024-25-Q2', 'board', 'board-pack.html'), 'utf8');
    // The data-quality section names the file, column and what to check; never the value (it may be a date of birth).
    expect(html).toContain(escapeHtml(c.expected));
  });
});

describe('the run date is the clock of the run, not of the machine', () => {
  it('an arrest dated after one run date is accepted by a run a month later', async () => {
    const dir = await writeExtract(edit(clean, 'arrests.csv', 'A2,2024-02-05', 'A2,2026-12-10'));
    expect((await cliAt(new Date('2026-12-09T23:00:00Z'), 'validate', '--data', dir)).code).toBe(65);
    expect((await cliAt(new Date('2026-12-10T09:00:00Z'), 'validate', '--data', dir)).code).toBe(0);
  });

  it('a refused five-digit year leaves the store as it was, so the next load and run work', async () => {
    const bad = await writeExtract(edit(clean, 'offences.csv', '2024-05-01,2024-06-01', '2024-05-01,20240-06-01'));
    const good = await writeExtract(clean);
    const db = join(good, 'store.duckdb');
    expect((await cli('load', '--data', bad, '--db', db, '--problems', join(bad, 'p.csv'))).code).toBe(65);
    expect((await cli('load', '--data', good, '--db', db)).code).toBe(0);
    const run = await cli('run', '--db', db, '--out', join(good, 'reports'), '--no-pdf');
    expect(run.code, run.err).toBe(0);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

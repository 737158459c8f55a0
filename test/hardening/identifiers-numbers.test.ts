/**
 * Identifiers padded with, or made only of, characters a spreadsheet shows
 * as nothing, and numbers that are not finite (issue 10 item 9). Padding is
 * trimmed as a space is, so padded duplicates are found and padded references
 * match; an id of invisible characters only is blank, and one with an
 * invisible character inside is refused. NaN and Infinity never reach a pack:
 * the config is refused with exit 78 naming the setting, comparators.csv with
 * exit 65 naming line and column.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expected } from '../../pipeline/messages.js';
import { STACK_FRAME, cli, writeExtract } from './cli.js';
import { CLEAN, edit, readExtract, type ExtractFiles } from './corpus.js';
import { dumpStore } from './store-dump.js';

let clean: ExtractFiles;
beforeAll(async () => { clean = await readExtract(CLEAN); });

const INVISIBLE = {
  tab: '\t', 'no-break space': '\u00a0', 'zero-width space': '\u200b', 'byte order mark': '\ufeff',
  'word joiner': '\u2060', 'narrow no-break space': '\u202f', 'ideographic space': '\u3000',
} as const;
const KINDS = Object.entries(INVISIBLE);

async function validate(files: ExtractFiles): Promise<{ code: number; lines: string[] }> {
  const dir = await writeExtract(files);
  const r = await cli('validate', '--data', dir);
  expect(r.err).not.toMatch(STACK_FRAME);
  return { code: r.code, lines: r.out.split('\n').filter(Boolean) };
}

describe('ids of invisible characters only are refused as blank', () => {
  it.each(KINDS)('%s', async (_name, ch) => {
    const r = await validate(edit(clean, 'children.csv', 'C3,2007-11-30', `${ch}${ch},2007-11-30`));
    expect(r.code).toBe(65);
    expect(r.lines).toContain(`children.csv:4: column 'child_id': ${expected.notBlank()}`);
  });
});

describe('ids padded with invisible characters are the same id', () => {
  it.each(KINDS)('a duplicate child padded with a %s is found', async (_name, ch) => {
    const r = await validate(edit(clean, 'children.csv', 'C4,2008-01-15', `${ch}C1${ch},2008-01-15`));
    expect(r.code).toBe(65);
    expect(r.lines).toContain(`children.csv:5: column 'child_id' value 'C1': ${expected.unique(2)}`);
  });

  it.each(KINDS)('a duplicate offence padded with a %s is found', async (_name, ch) => {
    const r = await validate(edit(clean, 'offences.csv', 'O3,C2', `O1${ch},C2`));
    expect(r.code).toBe(65);
    expect(r.lines).toContain(`offences.csv:4: column 'offence_id' value 'O1': ${expected.unique(2)}`);
  });

  it('padded references, codes and dates load as their plain values', async () => {
    const padded = edit(edit(edit(clean, 'offences.csv', 'O2,C2,2024-05-01', `O2,\u00a0C2\u200b,\ufeff2024-05-01\u00a0`),
      'children.csv', 'C1,2008-05-01,M,WBRI', 'C1,2008-05-01,M\u00a0,\u200bWBRI'), 'ete.csv', ',PRU,', ',PRU\t,');
    const dir = await writeExtract(padded);
    const load = await cli('load', '--data', dir, '--db', join(dir, 'padded.duckdb'));
    expect(load.code, load.err).toBe(0);
    const plain = await writeExtract(clean);
    expect((await cli('load', '--data', plain, '--db', join(plain, 'plain.duckdb'))).code).toBe(0);
    const [a, b] = [await dumpStore(join(dir, 'padded.duckdb')), await dumpStore(join(plain, 'plain.duckdb'))];
    for (const table of ['children', 'offences', 'ete'] as const) expect(a[table]).toEqual(b[table]);
  });

  it('a header name padded with a zero-width space or no-break space is still the column', async () => {
    const r = await validate(edit(clean, 'offences.csv', 'offence_id,child_id,', '\u200boffence_id\u00a0,child_id,'));
    expect(r).toEqual({ code: 0, lines: [] });
  });
});

describe('an id with an invisible character inside is refused', () => {
  it.each(KINDS.filter(([name]) => name !== 'tab'))('%s', async (_name, ch) => {
    const r = await validate(edit(clean, 'offences.csv', 'O4,C4', `O${ch}4,C4`));
    expect(r.code).toBe(65);
    expect(r.lines).toContain(`offences.csv:5: column 'offence_id' value 'O${ch}4': ${expected.invisibleInId()}`);
  });

  it('a tab', async () => {
    const r = await validate(edit(clean, 'offences.csv', 'O4,C4', 'O\t4,C4'));
    expect(r.code).toBe(65);
    expect(r.lines).toContain(`offences.csv:5: column 'offence_id' value 'O\t4': ${expected.invisibleInId()}`);
  });

  it('a space inside stays part of the id (it shows)', async () => {
    expect((await validate(edit(clean, 'offences.csv', 'O4,C4', 'O 4,C4'))).code).toBe(0);
  });
});

describe('numbers must be finite', () => {
  async function withConfig(yaml: string) {
    const dir = await writeExtract(clean);
    await writeFile(join(dir, 'yjpack.yaml'), yaml);
    return cli('run', '--data', dir, '--config', join(dir, 'yjpack.yaml'), '--out', join(dir, 'reports'), '--no-pdf');
  }

  it.each([
    ['.nan', '.nan', 'NaN'], ['.NaN', '.NaN', 'NaN'], ['.inf', '.inf', 'Infinity'], ['-.Inf', '-.Inf', '-Infinity'],
    ['401 digits', `1${'0'.repeat(400)}`, 'Infinity'],
  ])('a config target of %s: exit 78 naming the setting', async (_name, value, shown) => {
    const run = await withConfig(`targets:\n  fte.rate: { value: ${value}, better: lower }\n`);
    expect(run.code).toBe(78);
    expect(run.err).toContain(`targets.fte.rate.value: expected a finite number, not ${shown}.`);
  });

  it.each([
    ['value', `1${'0'.repeat(400)}`],
    ['value', `${'9'.repeat(330)}.5`],
    ['numerator', `${'9'.repeat(400)}`],
  ])('comparators.csv with a %s of hundreds of digits: exit 65 at its line and column', async (column, number) => {
    const row = column === 'value' ? `fte.rate,2024-25-Q2,Our family,${number},3,4,YJB` : `fte.rate,2024-25-Q2,Our family,1.5,${number},4,YJB`;
    const dir = await writeExtract({ ...clean, 'comparators.csv': Buffer.from(`indicator,period,area,value,numerator,denominator,source\n${row}\n`) });
    const load = await cli('load', '--data', dir, '--db', join(dir, 'store.duckdb'), '--problems', join(dir, 'p.csv'));
    expect(load.code).toBe(65);
    const problems = await readFile(join(dir, 'p.csv'), 'utf8');
    expect(problems).toContain(`error,comparators.csv,2,${column},${number},"${expected.numberTooLong()}"`);
    const run = await cli('run', '--data', dir, '--out', join(dir, 'reports'), '--no-pdf');
    expect(run.code).toBe(65);
  });
});

/**
 * Inputs too big or not files at all (issue 10 items 1, 4 and 5), through the
 * CLI as an officer would meet them: a record too long to read, a file that
 * never ends (/dev/zero) or blocks (a FIFO), a header of one endless cell or
 * of a million columns. Each is refused with its own exit code and message,
 * located by line where it has one; nothing is loaded or dropped silently, no
 * run hangs and none exits 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../pipeline/load/read-extract.js';
import { MAX_LOGO_BYTES } from '../../pipeline/load/logo.js';
import { expected, messages } from '../../pipeline/messages.js';
import { MAX_COLUMNS, MAX_HEADER_BYTES } from '../../pipeline/validate/header.js';
import { FIELD_TOLERANCE, MAX_RECORD_BYTES } from '../../pipeline/validate/oversize.js';
import { STACK_FRAME, cli, writeExtract } from './cli.js';
import { CLEAN, readExtract, type ExtractFiles } from './corpus.js';
import { dumpStore } from './store-dump.js';

let clean: ExtractFiles;
beforeAll(async () => { clean = await readExtract(CLEAN); });

const made: string[] = [];
afterEach(async () => {
  // Some cases write tens of megabytes: gone as soon as the case is done.
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function extract(files: ExtractFiles): Promise<string> {
  const dir = await writeExtract(files);
  made.push(dir);
  return dir;
}

/** offences.csv line 3 (O2) with `field` in place of its offence category. */
function offencesWith(field: string): string {
  return clean['offences.csv']!.toString().replace('O2,C2,2024-05-01,2024-06-01,CR,CRIMINAL_DAMAGE,2', `O2,C2,2024-05-01,2024-06-01,CR,${field},2`);
}

interface Refusal { code: number; message: string; problems: string[]; loaded: boolean }

/** load (into a new store) and validate; what load said and whether anything reached the store. */
async function refuse(dir: string): Promise<Refusal> {
  const db = join(dir, 'store.duckdb');
  const load = await cli('load', '--data', dir, '--db', db, '--problems', join(dir, 'problems.csv'));
  expect(load.err).not.toMatch(STACK_FRAME);
  expect(load.err).not.toContain('failed unexpectedly');
  const validate = await cli('validate', '--data', dir);
  expect(validate.code).toBe(load.code);
  const message = load.err.split('\n').find((l) => l.startsWith('yjpack: ') && !/…$|: failed$/.test(l)) ?? '';
  // A refused load leaves the new store with its empty tables at most: no offence of the extract in it.
  const offences = load.code === 0 ? [] : await dumpStore(db).then((d) => d.offences ?? [], () => []);
  return {
    code: load.code, message: message.replace(/^yjpack: /, ''),
    problems: validate.out.split('\n').filter(Boolean), loaded: offences.length > 0,
  };
}

/** The CLI's one-line message, which may go on to name the problems file. */
function expectMessage(r: Refusal, text: string): void {
  expect(r.message.slice(0, text.length)).toBe(text);
}

describe('a record too long to read is refused with its line, never dropped (item 1)', () => {
  // The example: 33 MB, past DuckDB's 32 MB read buffer, which dropped it without a word.
  it.each([
    ['unquoted, 33 MB', 'X'.repeat(33_000_000), '33 MB'],
    ['quoted, 33 MB', `"${'X'.repeat(33_000_000)}"`, '33 MB'],
    ['unquoted, just over the limit', 'X'.repeat(MAX_RECORD_BYTES), '1 MB'],
    ['quoted over many lines', `"${'X\n'.repeat(600_000)}"`, '1.2 MB'],
  ])('%s', async (_name, field, size) => {
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(offencesWith(field)) }));
    expect(r.code).toBe(65);
    expect(r.message).toMatch(/^offences\.csv has a record on line 3 that cannot be read: /);
    expect(r.message).toContain(`is ${size}`);
    expect(r.problems[0]).toMatch(/^offences\.csv:3: expected a record \(one row\) of at most 1 MB/);
    expect(r.loaded).toBe(false);
  }, 60_000);

  it('a record spanning lines says a quote is most likely never closed', async () => {
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(offencesWith(`"${'X\n'.repeat(600_000)}"`)) }));
    expect(r.problems[0]).toContain('over 600,001 lines: most likely a quote opened here is never closed');
  });

  it('lists every such record of every file, in one refusal', async () => {
    const long = 'X'.repeat(MAX_RECORD_BYTES + 1);
    const offences = offencesWith(long).replace('O4,C4,2024-07-02,2024-08-20,DTO,,', `O4,C4,2024-07-02,2024-08-20,DTO,${long},`);
    const children = clean['children.csv']!.toString().replace('C3,2007-11-30,U,,,,', `C3,2007-11-30,U,,,,${long}`);
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(offences), 'children.csv': Buffer.from(children) }));
    expect(r.code).toBe(65);
    expectMessage(r, messages.invalidExtract.text({ dir: r.message.match(/'(.*)'/)![1], errors: 3, files: 'children.csv, offences.csv' }));
    expect(r.problems.map((p) => p.split(': ')[0])).toEqual(['children.csv:4', 'offences.csv:3', 'offences.csv:5']);
  });

  it('a record at the limit loads whole', async () => {
    // comparators.csv: indicator,period,area,value,source; the source fills the record to exactly the limit.
    const head = 'fte.rate,2024-25-Q2,Our family,150.5,';
    const record = head + 'S'.repeat(MAX_RECORD_BYTES - head.length);
    const dir = await extract({ ...clean, 'comparators.csv': Buffer.from(`indicator,period,area,value,source\n${record}\n`) });
    const load = await cli('load', '--data', dir, '--db', join(dir, 'store.duckdb'));
    expect(load.code, load.err).toBe(0);
    const dump = await dumpStore(join(dir, 'store.duckdb'));
    expect(dump.comparators).toHaveLength(1);
    expect(String(dump.comparators![0]!.source)).toHaveLength(MAX_RECORD_BYTES - head.length);
  });

  it('a record of 100,000 fields is refused by line, at once (DuckDB would take minutes over it)', async () => {
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(offencesWith(`CRIMINAL_DAMAGE${',x'.repeat(100_000)}`)) }));
    expect(r.code).toBe(65);
    expect(r.problems[0]).toBe(`offences.csv:3: ${expected.fieldCount(7, 100_007)}`);
  });

  it('the same in a quoted file whose fields hold newlines', async () => {
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(offencesWith(`"CRIMINAL_DAMAGE"${',"x\n"'.repeat(5_000)}`)) }));
    expect(r.code).toBe(65);
    expect(r.problems[0]).toBe(`offences.csv:3: ${expected.fieldCount(7, 5_007)}`);
  });

  it('short rows under a header of 1,000 columns are refused by line, at once (DuckDB took gigabytes)', async () => {
    const header = ['offence_id', 'child_id', 'offence_date', 'outcome_date', 'outcome', 'offence_category', 'gravity',
      ...Array.from({ length: 993 }, (_, i) => `x${i}`)].join(',');
    const rows = Array.from({ length: 2000 }, (_, i) => `P${i},C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2`);
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(`${header}\n${rows.join('\n')}\n`) }));
    expect(r.code).toBe(65);
    expect(r.problems[0]).toBe(`offences.csv:2: ${expected.fieldCount(1000, 7)}`);
    // Every row is counted; the first thousand are listed.
    expect(r.problems).toContain(`offences.csv: ${expected.moreRows(1000)}`);
  });

  it(`a row ${FIELD_TOLERANCE} fields off is left to DuckDB, which reports it the same way among the file's other problems`, async () => {
    const offences = offencesWith(`CRIMINAL_DAMAGE${',x'.repeat(FIELD_TOLERANCE)}`).replace('O1,C1', 'O1,C99');
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(offences) }));
    expect(r.code).toBe(65);
    expect(r.problems.some((p) => p.startsWith("offences.csv:3: value 'O2,C2,") && p.endsWith(expected.fieldCount(7, 17))), r.problems.join('\n')).toBe(true);
    expect(r.problems).toContain(`offences.csv:2: column 'child_id' value 'C99': ${expected.childExists()}`);
  });
});

describe('only ordinary files are read (item 4)', () => {
  it.each([
    ['a link to /dev/zero', 'offences.csv', async (path: string) => symlink('/dev/zero', path), 'a device'],
    ['a FIFO', 'children.csv', async (path: string) => { execFileSync('mkfifo', [path]); }, 'a named pipe (FIFO)'],
    ['a folder', 'ete.csv', async (path: string) => { await mkdir(path); }, 'a folder'],
    ['a link to a FIFO', 'remands.csv', async (path: string) => { execFileSync('mkfifo', [`${path}.fifo`]); await symlink(`${path}.fifo`, path); }, 'a named pipe (FIFO)'],
  ])('%s as %s: exit 66, nothing read', async (_name, file, make, what) => {
    const { [file]: _gone, ...rest } = clean;
    const dir = await extract(rest);
    await make(join(dir, file));
    const r = await refuse(dir);
    expect(r.code).toBe(66);
    expectMessage(r, messages.extractFileNotFile.text({ file, dir, what }));
  });

  it.each([
    ['a file', (dir: string) => join(dir, 'children.csv'), 'a file'],
    ['/dev/zero', () => '/dev/zero', 'a device'],
  ])('--data naming %s rather than a folder: exit 66', async (_name, path, what) => {
    const dir = await extract(clean);
    const r = await cli('validate', '--data', path(dir));
    expect(r.code).toBe(66);
    expect(r.err).toContain(messages.dataDirNotFolder.text({ path: path(dir), what }));
  });

  it('a socket: exit 66', async () => {
    const { ['arrests.csv']: _gone, ...rest } = clean;
    const dir = await extract(rest);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'arrests.csv'), resolve));
    try {
      const r = await refuse(dir);
      expect(r.code).toBe(66);
      expectMessage(r, messages.extractFileNotFile.text({ file: 'arrests.csv', dir, what: 'a socket' }));
    } finally {
      server.close();
    }
  });

  it('a file over the size limit is refused by its size, without reading it (a sparse file of 3 GB)', async () => {
    const dir = await extract(clean);
    await truncate(join(dir, 'arrests.csv'), 3_000_000_000);
    const r = await refuse(dir);
    expect(r.code).toBe(65);
    expectMessage(r, messages.fileTooLarge.text({ file: 'arrests.csv', size: '3,000', limit: (MAX_FILE_BYTES / 1e6).toLocaleString('en-GB') }));
  });

  describe('the logo and the config', () => {
    async function runWith(config: string, logo?: (path: string) => Promise<void>) {
      const dir = await extract(clean);
      if (logo) await logo(join(dir, 'logo.png'));
      await writeFile(join(dir, 'yjpack.yaml'), config);
      return { dir, run: await cli('run', '--data', dir, '--config', join(dir, 'yjpack.yaml'), '--out', join(dir, 'reports'), '--no-pdf') };
    }

    it.each([
      ['a link to /dev/zero', (path: string) => symlink('/dev/zero', path), 'a device'],
      ['a FIFO', async (path: string) => { execFileSync('mkfifo', [path]); }, 'a named pipe (FIFO)'],
    ])('a logo that is %s: exit 66', async (_name, make, what) => {
      const { dir, run } = await runWith('logo: logo.png\n', make);
      expect(run.code).toBe(66);
      expect(run.err).toContain(messages.logoNotFile.text({ path: join(dir, 'logo.png'), what }));
    });

    it('a logo over the limit is refused by its size before a byte is read (a sparse file of 10 GB)', async () => {
      const { dir, run } = await runWith('logo: logo.png\n', async (path) => { await writeFile(path, ''); await truncate(path, 10_000_000_000); });
      expect(run.code).toBe(78);
      expect(run.err).toContain(messages.logoTooLarge.text({ path: join(dir, 'logo.png'), size: Math.ceil(10_000_000_000 / 1024), limit: MAX_LOGO_BYTES / 1024 }));
    });

    it.each([
      ['a link to /dev/zero', (path: string) => symlink('/dev/zero', path), 'a device'],
      ['a FIFO', async (path: string) => { execFileSync('mkfifo', [path]); }, 'a named pipe (FIFO)'],
    ])('a config file that is %s: exit 66', async (_name, make, what) => {
      const dir = await extract(clean);
      await make(join(dir, 'yjpack.yaml'));
      const run = await cli('validate', '--data', dir);
      expect(run.code).toBe(0);
      const indicators = await cli('indicators', '--data', dir, '--config', join(dir, 'yjpack.yaml'));
      expect(indicators.code).toBe(66);
      expect(indicators.err).toContain(messages.configNotFile.text({ path: join(dir, 'yjpack.yaml'), what }));
    });
  });
});

describe('a huge header is refused with exit 65 (item 5)', () => {
  it('one cell of 20 MB (the issue had 200 MB: the same path, ten times the bytes): the header is read only so far', async () => {
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.concat([Buffer.alloc(20_000_000, 'h'), Buffer.from(`\n${offencesWith('CRIMINAL_DAMAGE')}`)]) }));
    expect(r.code).toBe(65);
    expectMessage(r, messages.headerTooLong.text({ file: 'offences.csv', limit: MAX_HEADER_BYTES / 1024 }));
    expect(r.problems).toEqual([`offences.csv:1: expected a header row of column names, but line 1 runs past ${MAX_HEADER_BYTES / 1024} KB without ending`]);
  }, 60_000);

  it('a million columns: too many columns, and no stack overflow', async () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',');
    const r = await refuse(await extract({ ...clean, 'offences.csv': Buffer.from(`${header}\n${clean['offences.csv']!.toString().split('\n').slice(1).join('\n')}`) }));
    expect(r.code).toBe(65);
    expect(r.message).toMatch(/^offences\.csv: its header row has at least [\d,]+ columns; yjpack reads at most 1,000\./);
  });

  it('one column more than the limit', async () => {
    const extra = Array.from({ length: MAX_COLUMNS - 6 }, (_, i) => `extra_${i}`).join(',');
    const children = clean['children.csv']!.toString().replace(/^(.*)\n/, `$1,${extra}\n`);
    const r = await refuse(await extract({ ...clean, 'children.csv': Buffer.from(children) }));
    expect(r.code).toBe(65);
    expectMessage(r, messages.tooManyColumns.text({ file: 'children.csv', count: (MAX_COLUMNS + 1).toLocaleString('en-GB'), limit: MAX_COLUMNS.toLocaleString('en-GB') }));
  });

  it('a header with all the columns allowed loads, its extra columns listed as ignored', async () => {
    const extra = Array.from({ length: MAX_COLUMNS - 7 }, (_, i) => `extra_${i}`);
    const [header, ...rows] = clean['children.csv']!.toString().trimEnd().split('\n');
    const children = [`${header},${extra.join(',')}`, ...rows.map((r) => r + ','.repeat(extra.length))].join('\n');
    const dir = await extract({ ...clean, 'children.csv': Buffer.from(`${children}\n`) });
    const validate = await cli('validate', '--data', dir, '--problems', join(dir, 'problems.csv'));
    expect(validate.code, validate.err).toBe(0);
    expect(await readFile(join(dir, 'problems.csv'), 'utf8')).toContain(`${extra[0]}, ${extra[1]}`);
  });
});

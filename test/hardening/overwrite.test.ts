/**
 * Inputs are never overwritten (issue 10, item 8): an output path that holds
 * a file is refused with exit 73 naming the file and --force; a file of an
 * extract is never replaced by another kind of output, even with --force.
 * And a problems file that cannot be written is said so, with why, never
 * "the full list is in" it (item 9), and then every problem is listed.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.js';
import { problemsToCsv } from '../../pipeline/load/index.js';
import { CLEAN } from './corpus.js';
import { cli, snapshot, tempDir } from './cli.js';

const BROKEN = 'test/fixtures/extracts/broken';
/** The fixed words of a message after its path (or the extract file's name), so tests name messages by id. */
const FIXED = {
  wouldOverwrite: messages.wouldOverwrite.text({ path: '\u0000', option: 'P' }).split('\u0000')[1]!.split(',')[0]!,
  wouldOverwriteInput: messages.wouldOverwriteInput.text({ path: '\u0000', name: '\u0000', output: '\u0000', option: 'P' }).split('\u0000')[2]!,
};
const after = (id: keyof typeof FIXED): string => {
  expect(FIXED[id].length).toBeGreaterThan(10);
  return FIXED[id];
};

async function extractCopy(from = CLEAN): Promise<string> {
  const dir = await tempDir('yj-extract-');
  await cp(from, dir, { recursive: true });
  return dir;
}

describe('an output path that holds a file', () => {
  it('sample --out an extract: exit 73 naming the file and --force; the extract is untouched', async () => {
    const dir = await extractCopy();
    const before = await snapshot(dir);
    const r = await cli('sample', '--out', dir, '--children', '50');
    expect(r.code).toBe(73);
    expect(r.err).toContain(after('wouldOverwrite'));
    expect(r.err).toContain('--force');
    expect(r.err).toMatch(/children\.csv/);
    expect(await snapshot(dir)).toEqual(before);
  }, 60_000);

  it('sample --out a folder holding only a population.csv note: still refused', async () => {
    const dir = await tempDir('yj-sample-');
    await writeFile(join(dir, 'population.csv.README.txt'), 'my notes');
    expect((await cli('sample', '--out', dir, '--children', '50')).code).toBe(73);
    expect(await readdir(dir)).toEqual(['population.csv.README.txt']);
  }, 60_000);

  it('sample --out an extract --force replaces it (a sample is a whole extract)', async () => {
    const dir = await extractCopy();
    const before = await readFile(join(dir, 'children.csv'));
    const r = await cli('sample', '--out', dir, '--children', '50', '--force', '--to', '2024-25-Q3');
    expect(r.code, r.err).toBe(0);
    expect((await readFile(join(dir, 'children.csv'))).equals(before)).toBe(false);
  }, 60_000);

  it.each([
    ['validate --problems <extract>/offences.csv', (d: string) => ['validate', '--data', d, '--problems', join(d, 'offences.csv')], 'offences.csv'],
    ['validate --problems <extract>/children.csv --force', (d: string) => ['validate', '--data', d, '--problems', join(d, 'children.csv'), '--force'], 'children.csv'],
    ['population --out <extract>/children.csv', (d: string) => ['population', '--area', 'E08000031', '--out', join(d, 'children.csv')], 'children.csv'],
    ['population --out <extract>/children.csv --force', (d: string) => ['population', '--area', 'E08000031', '--out', join(d, 'children.csv'), '--force'], 'children.csv'],
  ])('%s: exit 73, the extract file is never replaced, even with --force', async (_name, args, file) => {
    const dir = await extractCopy();
    const before = await snapshot(dir);
    const r = await cli(...args(dir));
    expect(r.code).toBe(73);
    expect(r.err).toContain(after('wouldOverwriteInput'));
    expect(r.err).toContain(join(dir, file));
    expect(await snapshot(dir)).toEqual(before);
  }, 60_000);

  it('population --out an existing population.csv: refused without --force, replaced with it', async () => {
    const dir = await extractCopy();
    const path = join(dir, 'population.csv');
    const before = await readFile(path);
    const refused = await cli('population', '--area', 'E08000031', '--out', path);
    expect(refused.code).toBe(73);
    expect(refused.err).toContain(after('wouldOverwrite'));
    expect((await readFile(path)).equals(before)).toBe(true);
    expect((await cli('population', '--area', 'E08000031', '--out', path, '--force')).code).toBe(0);
    expect((await readFile(path)).equals(before)).toBe(false);
  }, 60_000);

  it('validate --problems over any other file: refused without --force, replaced with it', async () => {
    const dir = await tempDir('yj-notes-');
    const path = join(dir, 'notes.csv');
    await writeFile(path, 'my,own,notes\n');
    const refused = await cli('validate', '--data', BROKEN, '--problems', path);
    expect(refused.code).toBe(73);
    expect(await readFile(path, 'utf8')).toBe('my,own,notes\n');
    expect((await cli('validate', '--data', BROKEN, '--problems', path, '--force')).code).toBe(65);
    expect(await readFile(path, 'utf8')).toMatch(/^\ufeffseverity,file,line/);
  }, 60_000);

  it('a problems CSV from an earlier run is replaced without --force (load and run write one on every refusal)', async () => {
    const dir = await tempDir('yj-problems-');
    const path = join(dir, 'problems.csv');
    await writeFile(path, problemsToCsv([{ file: 'old.csv', line: 2, column: 'x', value: 'y', expected: 'z', severity: 'error' }]));
    const r = await cli('validate', '--data', BROKEN, '--problems', path);
    expect(r.code).toBe(65);
    expect(await readFile(path, 'utf8')).not.toContain('old.csv');
  }, 60_000);
});

describe('a problems file that cannot be written', () => {
  it('load says it could not be written and why, never "the full list is in", and lists every problem', async () => {
    const dir = await extractCopy(BROKEN);
    const db = join(await tempDir('yj-db-'), 'yjpack.duckdb');
    const target = join(dir, 'offences.csv');
    const r = await cli('load', '--data', dir, '--db', db, '--problems', target);
    expect(r.code).toBe(65);
    expect(r.err).not.toContain(`The full list is in ${target}`);
    expect(r.err).toContain(messages.problemsFileUnwritten.text({ path: target, detail: '\u0000' }).split('\u0000')[0]);
    // Every problem is on the terminal instead: the broken fixture has more than none, and no "see the problems file".
    const listed = r.err.split('\n').filter((l) => l.startsWith('  ')).length;
    const validate = await cli('validate', '--data', dir);
    expect(listed).toBe(validate.out.trim().split('\n').length);
    expect(r.err).not.toContain(messages.moreProblems.text({ count: 0 }).split('0')[0]);
  }, 60_000);

  it('run says so too, when its problems.csv is a folder', async () => {
    const out = await tempDir('yj-out-');
    await cp(CLEAN, join(out, 'problems.csv'), { recursive: true });
    const r = await cli('run', '--data', BROKEN, '--out', out, '--no-pdf');
    expect(r.code).toBe(65);
    expect(r.err).not.toMatch(/The full list is in/);
    expect(r.err).toContain(messages.problemsFileUnwritten.text({ path: join(out, 'problems.csv'), detail: '\u0000' }).split('\u0000')[0]);
  }, 60_000);
});

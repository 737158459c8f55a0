/**
 * Broken extracts, each the clean fixture with one thing wrong (corpus.ts),
 * through the CLI as an officer would meet them: refused with exit 65 (66 for
 * a missing required file), the problem located by file, line, column and
 * value, no stack trace, nothing loaded and no pack written.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_CASES, CLEAN, readExtract, type BrokenCase, type ExtractFiles } from './corpus.js';
import { STACK_FRAME, cli, writeExtract } from './cli.js';

let clean: ExtractFiles;
beforeAll(async () => { clean = await readExtract(CLEAN); });

/** How formatProblem starts the line for the case's location: `file:line: column 'c' value 'v'`. */
function locationPrefix(at: BrokenCase['at']): string {
  const where = at.line === undefined ? at.file : `${at.file}:${at.line}`;
  return `${where}:${at.column ? ` column '${at.column}'` : ''}${at.value ? ` value '${at.value}'` : ''}`;
}

describe('broken extracts are refused, located, and change nothing', () => {
  it('the corpus covers every kind of breakage the issue lists', () => {
    const names = BROKEN_CASES.map((c) => c.name);
    for (const kind of ['missing column', 'impossible date', 'US-style date', 'unknown child', 'duplicate id', 'unknown code',
      'outcome before offence', 'semicolon-delimited file', 'UTF-16 file', 'empty file', 'missing required file',
      'non-numeric number', 'ragged row', 'unterminated quote', 'markup in a code field', 'out-of-range gravity']) {
      expect(names.some((n) => n.startsWith(kind)), kind).toBe(true);
    }
  });

  it.each(BROKEN_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = await writeExtract(c.break(clean));
    const db = join(dir, 'store.duckdb');
    const problems = join(dir, 'problems.csv');

    const load = await cli('load', '--data', dir, '--db', db, '--problems', problems);
    expect(load.code).toBe(c.exit);
    expect(load.err).not.toMatch(STACK_FRAME);
    expect(load.err).not.toContain('failed unexpectedly');
    // The problem list on stderr names the file, line, column and value.
    expect(load.err.split('\n').some((l) => l.startsWith(`  ${locationPrefix(c.at)}`)), load.err).toBe(true);
    expect(load.out).toBe('');
    // The full list is written for Excel, naming the same place.
    const csv = await readFile(problems, 'utf8');
    expect(csv).toContain(c.at.file);
    if (c.at.line !== undefined) expect(csv).toMatch(new RegExp(`,${c.at.file.replace('.', '\\.')},${c.at.line},`));

    // validate agrees, and lists the problem on stdout.
    const validate = await cli('validate', '--data', dir);
    expect(validate.code).toBe(c.exit);
    expect(`${validate.out}${validate.err}`).toContain(locationPrefix(c.at));
    expect(validate.err).not.toMatch(STACK_FRAME);

    // run refuses it the same way and writes no pack.
    const out = join(dir, 'reports');
    const run = await cli('run', '--data', dir, '--out', out, '--no-pdf');
    expect(run.code).toBe(c.exit);
    expect(run.err).not.toMatch(STACK_FRAME);
    expect(existsSync(join(out, '2024-25-Q2'))).toBe(false);
  });

  it('a refused first load leaves no store at all', async () => {
    const broken = BROKEN_CASES.find((c) => c.name === 'unknown child')!;
    const dir = await writeExtract(broken.break(clean));
    const db = join(dir, 'store.duckdb');
    expect((await cli('load', '--data', dir, '--db', db, '--problems', join(dir, 'p.csv'))).code).toBe(65);
    // A load works on a copy (store/replace.ts): the store file it would have created is not left behind,
    // so there is nothing to report: 66 (no store), not a pack of zeros.
    expect(existsSync(db)).toBe(false);
    const indicators = await cli('indicators', '--db', db);
    expect(indicators.code).toBe(66);
    expect(indicators.out).toBe('');
  });
});

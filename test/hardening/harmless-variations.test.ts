/**
 * Harmless variations (variations.ts) of a small synthetic extract give
 * indicators identical to the original: compared as the whole
 * `indicators --json` output, byte for byte.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipeline/sample/index.js';
import { addQuarters, parsePeriod } from '../../pipeline/period.js';
import { readExtract, type ExtractFiles } from './corpus.js';
import { cli, tempDir, writeExtract } from './cli.js';
import { bomAndCrlf, extraColumnsOddHeaders, labelsForCodes, ukDates } from './variations.js';

const PERIOD = '2024-25-Q3';
let original: ExtractFiles;
let expectedJson: string;

beforeAll(async () => {
  const dir = await tempDir('yj-sample-');
  // A quarter past PERIOD: 80 children leave days without records, and the period guard reports no
  // quarter ending after the last record.
  await generateSample({ outDir: dir, children: 80, seed: 11, to: addQuarters(parsePeriod(PERIOD), 1) });
  original = await readExtract(dir);
  const run = await cli('indicators', '--data', dir, '--period', PERIOD, '--json');
  expect(run.code).toBe(0);
  expectedJson = run.out;
}, 60_000);

const all = (f: ExtractFiles) => bomAndCrlf(ukDates(labelsForCodes(extraColumnsOddHeaders(f))));

describe('harmless variations give identical indicators', () => {
  it('the original has records worth comparing (not an empty pack)', () => {
    const records = JSON.parse(expectedJson) as { id: string; numerator?: number | null }[];
    expect(records.length).toBeGreaterThan(100);
    expect(records.some((r) => r.id === 'fte.count' && (r.numerator ?? 0) > 0)).toBe(true);
  });

  it.each([
    ['BOM with CRLF', bomAndCrlf],
    ['UK dates throughout', ukDates],
    ['extra columns with odd header case and spaces', extraColumnsOddHeaders],
    ['labels instead of codes', labelsForCodes],
    ['all of them at once', all],
  ] as const)('%s', async (_name, vary) => {
    const varied = vary(original);
    // The variation really changed the files every indicator reads.
    for (const name of ['children.csv', 'offences.csv', 'interventions.csv', 'ete.csv', 'remands.csv', 'arrests.csv']) {
      expect(varied[name]!.equals(original[name]!), name).toBe(false);
    }
    const dir = await writeExtract(varied);
    const run = await cli('indicators', '--data', dir, '--period', PERIOD, '--json');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toBe(expectedJson);
    // And validation passes with warnings at most.
    expect((await cli('validate', '--data', dir)).code).toBe(0);
  }, 30_000);

  it('the varied files load into a store that reports the same', async () => {
    const dir = await writeExtract(all(original));
    const db = join(await tempDir(), 'store.duckdb');
    expect((await cli('load', '--data', dir, '--db', db)).code).toBe(0);
    const run = await cli('indicators', '--db', db, '--period', PERIOD, '--json');
    expect(run.out).toBe(expectedJson);
  }, 30_000);
});

/**
 * The period guard as a user meets it (issue 9): every command that takes
 * --period refuses a quarter the data does not cover to its last day, or that
 * has not ended on the run date, with exit 65, a message naming the period,
 * the data's last date and the last reportable quarter, and nothing written.
 * The clock is frozen: the sample's data runs to 30 September 2026.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAt } from '../hardening/cli.js';
import { tempDir } from '../support/temp-dir.js';

const SAMPLE = 'data-samples';
const TINY = 'test/fixtures/cli/tiny';
const RUN_DATE = new Date('2026-11-23T12:00:00Z');

describe('yjpack run --period after the data', () => {
  it.each([
    // The quarter after the data: read as a partial year, it would show first time entrants "lower".
    ['2026-27-Q3'],
    // Decades after the data: a pack of zeros.
    ['2090-91-Q1'],
  ])('%s exits 65, names the period, the last date (2026-09-30) and the last reportable quarter, and writes nothing', async (asked) => {
    const out = await tempDir('yj-guard-');
    const r = await cliAt(RUN_DATE, 'run', '--data', SAMPLE, '--period', asked, '--out', out, '--no-pdf');
    expect(r.code).toBe(65);
    expect(r.err).toContain(asked);
    expect(r.err).toContain('2026-09-30');
    expect(r.err).toContain('2026-27-Q2');
    expect(r.err).not.toContain('    at ');
    expect(existsSync(join(out, asked))).toBe(false);
  }, 60_000);
});

describe('yjpack indicators --period', () => {
  it('refuses a quarter after the data with exit 65 and prints no records', async () => {
    // tiny's last record is the NFA outcome on 2024-09-30; 2024-25-Q3 runs to 31 December 2024.
    const r = await cliAt(RUN_DATE, 'indicators', '--data', TINY, '--period', '2024-25-Q3');
    expect(r.code).toBe(65);
    expect(r.out).toBe('');
    expect(r.err).toContain('2024-25-Q3');
    expect(r.err).toContain('2024-09-30');
    expect(r.err).toContain('2024-25-Q2');
  });

  it('refuses a quarter that has not ended on the run date, even though the data reaches its last day', async () => {
    // On 30 September 2024 the quarter 2024-25-Q2 (July–September) is still running: the last complete one is Q1.
    const r = await cliAt(new Date('2024-09-30T15:00:00Z'), 'indicators', '--data', TINY, '--period', '2024-25-Q2');
    expect(r.code).toBe(65);
    expect(r.out).toBe('');
    expect(r.err).toContain('has not ended');
    expect(r.err).toContain('2024-25-Q1');
    // The next day it has ended and is reported.
    expect((await cliAt(new Date('2024-10-01T09:00:00Z'), 'indicators', '--data', TINY, '--period', '2024-25-Q2')).code).toBe(0);
  });

  it('still refuses a quarter before the data (usage, exit 64)', async () => {
    // tiny's first record is the offence of 10 January 2024; 2023-24-Q2 ended on 30 September 2023.
    const r = await cliAt(RUN_DATE, 'indicators', '--data', TINY, '--period', '2023-24-Q2');
    expect(r.code).toBe(64);
    expect(r.out).toBe('');
  });

  it('without --period takes the last quarter the data covers and that has ended', async () => {
    const r = await cliAt(RUN_DATE, 'indicators', '--data', TINY, '--csv');
    expect(r.code).toBe(0);
    expect(r.err).toContain('compute indicators for 2024-25-Q2');
  });

  it('refuses a period after the data in a store as well', async () => {
    const db = join(await tempDir('yj-guard-db-'), 'store.duckdb');
    expect((await cliAt(RUN_DATE, 'load', '--data', TINY, '--db', db)).code).toBe(0);
    const r = await cliAt(RUN_DATE, 'indicators', '--db', db, '--period', '2025-26-Q1');
    expect(r.code).toBe(65);
    expect(r.err).toContain('2025-26-Q1');
  });
});

describe('population honesty on stderr (issue 9)', () => {
  it('warns that the sample\'s rates for recent years rest on the mid-2021 estimate, 3 to 5 years older than they need', async () => {
    // data-samples/population.csv holds mid-2018 to mid-2021 only. The trend window of 2026-27-Q2 runs from the year to
    // 2023-24-Q3 (needs mid-2023: 2 years, fine) to the year to 2026-27-Q2 (needs mid-2026: 5 years); the year to
    // 2024-25-Q1 (July 2023 to June 2024) is the first to need mid-2024, 3 years after mid-2021.
    const r = await cliAt(RUN_DATE, 'indicators', '--data', SAMPLE, '--period', '2026-27-Q2', '--csv');
    expect(r.code).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.includes('warning: Rates per head of population'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the years to each quarter from 2024-25-Q1 to 2026-27-Q2 use the ONS mid-2021 estimate');
    expect(warnings[0]).toContain('3 to 5 years older than the mid-2024 to mid-2026 estimates');
    expect(r.out).not.toContain('warning');
  }, 60_000);
});

describe('yjpack run: the stale estimate in the pack and on stderr', () => {
  it('prints the warning while running and lists it under Warnings in the pack\'s data-quality section', async () => {
    const out = await tempDir('yj-guard-run-');
    const r = await cliAt(RUN_DATE, 'run', '--data', SAMPLE, '--out', out, '--no-pdf');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('warning: Rates per head of population for the years to each quarter from 2024-25-Q1 to 2026-27-Q2');
    const html = await readFile(join(out, '2026-27-Q2', 'board', 'board-pack.html'), 'utf8');
    const dataQuality = html.slice(html.indexOf('id="data-quality"'));
    expect(dataQuality).toContain('ONS mid-2021 population estimate for the year to this period');
    expect(dataQuality).toContain('<h3>Warnings</h3>');
    expect(dataQuality).toContain('use the ONS mid-2021 estimate of children aged 10–17, 3 to 5 years older');
    expect(html).not.toContain('mid-2026 population estimate');
  }, 120_000);
});

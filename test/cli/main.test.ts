/**
 * The CLI as a user meets it: exit codes, stdout carrying only the requested
 * output, and messages on stderr. Runs main() in-process with captured streams.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../pipeline/cli/main.js';
import { tempDir } from '../support/temp-dir.js';

const TINY = 'test/fixtures/cli/tiny';

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '', err: '',
    stdout: { write: (s: string) => { io.out += s; return true; } },
    stderr: { write: (s: string) => { io.err += s; return true; } },
    env: {}, now: () => new Date('2026-11-23T12:00:00Z'), cwd: process.cwd(),
  };
  return io;
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('yjpack CLI', () => {
  it('prints the FTE records of a hand-worked extract as JSON on stdout only', async () => {
    const r = await cli('indicators', '--data', TINY, '--period', '2024-25-Q2', '--json');
    expect(r.code).toBe(0);
    const records = JSON.parse(r.out) as { id: string; period: string; breakdown: object; value: number }[];
    const at = (id: string) => records.find((x) => x.id === id && x.period === '2024-25-Q2' && Object.keys(x.breakdown).length === 0);
    // Year to 2024-25-Q2 = October 2023 to September 2024.
    // C1: first substantive outcome YC on 2024-02-15, aged 15 at the offence → entrant (1 offence).
    // C2: CR on 2024-06-01 does not count; RO on 2024-08-20 for O3 and O4 → entrant (2 offences).
    // C3: born 2001, aged 23 at the offence → not an entrant (O6, NFA on 2024-09-30, is not proven: it only
    // shows that the extract runs to the end of the quarter, so the period guard lets 2024-25-Q2 be reported).
    expect(at('fte.count')?.value).toBe(2);
    expect(at('fte.offences')?.value).toBe(3);
    // 2 / 20,000 × 100,000 = 10 per 100,000.
    expect(at('fte.rate')?.value).toBeCloseTo(10, 10);
    expect(r.err).not.toContain('{');
  });

  it('prints CSV with --csv', async () => {
    const r = await cli('indicators', '--data', TINY, '--period', '2024-25-Q2', '--csv');
    expect(r.code).toBe(0);
    expect(r.out.split('\r\n')[0]).toMatch(/^id,period,cohort,/);
  });

  it('writes the KPI return with kpis, saying where, and nothing on stdout', async () => {
    const out = join(await tempDir('yjpack-kpis-'), 'return.csv');
    const r = await cli('kpis', '--data', 'test/fixtures/extracts/kpi', '--period', '2024-25-Q2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain(out);
    // No config: the YJB code column is blank, and the officer is told how to fill it.
    expect(r.err).toContain('yjb_code');
    const lines = (await readFile(out, 'utf8')).split('\r\n');
    expect(lines[0]).toMatch(/^yjb_code,service,period,kpi_version,kpi,/);
    // The hand-worked headline (test/compute/indicators/kpi/hand-extract.test.ts): 1 of 4 in suitable accommodation at the end.
    expect(lines.find((l) => l.includes('kpi.accommodation.end,All,All,'))).toMatch(/,1,4,25,%,,$/);
    expect((await cli('kpis', '--period', '2024-25-Q2')).code).toBe(64);
  });

  it('refuses a bad period with usage exit 64 and shows the form', async () => {
    const r = await cli('indicators', '--data', TINY, '--period', '2024/25 Q3');
    expect(r.code).toBe(64);
    expect(r.err).toContain('2024-25-Q3');
    expect(r.out).toBe('');
  });

  it('exits 64 on an unknown command or option', async () => {
    expect((await cli('frobnicate')).code).toBe(64);
    expect((await cli('run', '--colour', 'red')).code).toBe(64);
    expect((await cli('indicators', '--data', TINY, '--db', 'x.duckdb')).code).toBe(64);
  });

  it('exits 66 when the extract folder or store does not exist', async () => {
    expect((await cli('validate', '--data', 'no/such/folder')).code).toBe(66);
    expect((await cli('indicators', '--db', 'no/such/store.duckdb')).code).toBe(66);
  });

  it('shows help with examples and exits 0', async () => {
    const r = await cli('run', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
  });

  it('validates a clean extract with exit 0 and loads it into a store twice without change', async () => {
    expect((await cli('validate', '--data', TINY)).code).toBe(0);
    const dir = await tempDir('yj-cli-');
    const db = join(dir, 'store.duckdb');
    expect((await cli('load', '--data', TINY, '--db', db)).code).toBe(0);
    const first = await cli('indicators', '--db', db, '--period', '2024-25-Q2');
    expect((await cli('load', '--data', TINY, '--db', db)).code).toBe(0);
    const second = await cli('indicators', '--db', db, '--period', '2024-25-Q2');
    expect(second.out).toBe(first.out);
  });

  it('writes population.csv for an area, with the ONS total for mid-2020 (26,657 aged 10–17 in Wolverhampton)', async () => {
    const r = await cli('population', '--area', 'E08000031');
    expect(r.code).toBe(0);
    const total = r.out.split(/\r?\n/).find((l) => /^2020,10-17,,,/.test(l));
    expect(total?.split(',')[4]).toBe('26657');
  });

  it('refuses an unknown area code with a usage or data error, not a crash', async () => {
    const r = await cli('population', '--area', 'E99999999');
    expect([64, 65, 66]).toContain(r.code);
    expect(r.err).not.toContain('    at ');
  });

  it('writes a deterministic sample extract that then validates cleanly', async () => {
    const dir = await tempDir('yj-sample-');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect((await cli('sample', '--out', a, '--children', '300', '--seed', '7', '--to', '2024-25-Q3')).code).toBe(0);
    expect((await cli('sample', '--out', b, '--children', '300', '--seed', '7', '--to', '2024-25-Q3')).code).toBe(0);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(a, 'offences.csv'), 'utf8')).toBe(await readFile(join(b, 'offences.csv'), 'utf8'));
    expect((await cli('validate', '--data', a)).code).toBe(0);
  });
});


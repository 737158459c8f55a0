/**
 * Signals (issue 10, item 2). SIGTERM or SIGINT at any moment of a run ends
 * it with exit 143 or 130, and the pack in reports/<period>/ is then either
 * the previous one, byte for byte, or wholly the new one, with no temporary,
 * backup or journal beside it. A run killed outright (SIGKILL) mid-swap
 * leaves a journal from which the next run finishes the swap. The previous
 * pack is made from a different extract than the new one, so every file
 * differs between the two and a mixed pack would show.
 */
import { copyFile, cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipeline/sample/index.js';
import { parsePeriod } from '../../pipeline/period.js';
import { recoverInterruptedWrites } from '../../pipeline/output/atomic.js';
import { CLEAN } from './corpus.js';
import { cli, snapshot, tempDir } from './cli.js';
import { runCli } from './process.js';
import { fingerprintStore } from './store-dump.js';

const PERIOD = '2024-25-Q2';
/** The files of a pack without a PDF, under board/ and public/ with the manifest on top (pipeline/output/layout.ts). */
const PACK = ['board/board-pack.html', 'board/indicators.csv', 'board/indicators.json', 'board/kpi-return.csv', 'manifest.json', 'public/indicators.csv'];
const PDF_PACK = [...PACK, 'public/scrutiny-pack.pdf'].sort();
/** The files that carry no timestamp, so the new run's are known in advance. */
const RECORDS = ['board/indicators.csv', 'board/indicators.json', 'public/indicators.csv'];
const folders = (out: string): string[] => ['', 'board', 'public'].map((f) => join(out, PERIOD, f));

let previousExtract: string;
/** A previous pack without and with a PDF, made once and copied for each test. */
const made: Record<'plain' | 'pdf', string> = { plain: '', pdf: '' };
/** The new run's indicators (from CLEAN): the files that carry no timestamp. */
let newIndicators: Record<string, Buffer>;

beforeAll(async () => {
  previousExtract = await tempDir('yj-previous-');
  await generateSample({ outDir: previousExtract, children: 40, seed: 5, to: parsePeriod('2024-25-Q4') });
  const reference = await tempDir('yj-reference-');
  expect((await cli('run', '--data', CLEAN, '--out', reference, '--period', PERIOD, '--no-pdf')).code).toBe(0);
  newIndicators = await snapshot(join(reference, PERIOD));
  for (const kind of ['plain', 'pdf'] as const) {
    made[kind] = await tempDir('yj-previous-pack-');
    const run = await cli('run', '--data', previousExtract, '--out', made[kind], '--period', PERIOD, ...(kind === 'pdf' ? [] : ['--no-pdf']));
    expect(run.code, run.err).toBe(0);
  }
}, 180_000);

async function previousPack(pdf: boolean): Promise<{ out: string; before: Record<string, Buffer> }> {
  const out = await tempDir('yj-signal-');
  await cp(made[pdf ? 'pdf' : 'plain'], out, { recursive: true });
  return { out, before: await snapshot(join(out, PERIOD)) };
}

type Outcome = 'previous' | 'new';

/** Which whole pack is there; fails on a mixed pack or on any file left beside it. */
async function wholePack(out: string, before: Record<string, Buffer>): Promise<Outcome> {
  const dir = join(out, PERIOD);
  const after = await snapshot(dir);
  const names = Object.keys(after).sort();
  if (names.length === Object.keys(before).length && names.every((n) => before[n]?.equals(after[n]!))) return 'previous';
  // Wholly new: the files of the new set only, none of them the previous one's, the indicators those of the new extract.
  expect(names).toEqual(PACK);
  for (const name of PACK) expect(after[name]!.equals(before[name]!), `${name} is still the previous one`).toBe(false);
  for (const name of RECORDS) expect(after[name]!.equals(newIndicators[name]!), name).toBe(true);
  return 'new';
}

const runArgs = (out: string, pdf = false) => ['run', '--data', CLEAN, '--out', out, '--period', PERIOD, ...(pdf ? [] : ['--no-pdf'])];

describe('a signal during a phase before the swap', () => {
  it.each<[string, NodeJS.Signals, number, RegExp]>([
    ['load', 'SIGTERM', 143, /yjpack: load .*…\n/],
    ['compute', 'SIGINT', 130, /compute indicators for .*…\n/],
    ['assemble and render', 'SIGTERM', 143, /assemble and render the pack…\n/],
  ])('%s, %s: exit %i, and the previous pack is left byte for byte', async (_phase, signal, exit, pattern) => {
    const { out, before } = await previousPack(false);
    const run = await runCli(runArgs(out), { signalOn: { pattern, signal } });
    expect(run.code, run.err).toBe(exit);
    expect(run.err).not.toMatch(/bug|^\s+at /m);
    expect(await wholePack(out, before)).toBe('previous');
  }, 60_000);

  it('SIGTERM while Chromium starts is a stop, not "no browser": exit 143, the previous pack and its PDF untouched', async () => {
    const { out, before } = await previousPack(true);
    expect(Object.keys(before).sort()).toEqual(PDF_PACK);
    const run = await runCli(runArgs(out, true), { shim: true, env: { YJ_SIGNAL_DURING_LAUNCH: 'SIGTERM' } });
    expect(run.code, run.err).toBe(143);
    expect(run.err).not.toMatch(/No browser could be started/);
    expect(await wholePack(out, before)).toBe('previous');
  }, 90_000);

  it('SIGINT while the PDF prints: exit 130, the previous pack and its PDF untouched', async () => {
    const { out, before } = await previousPack(true);
    const run = await runCli(runArgs(out, true), { shim: true, env: { YJ_SIGNAL_AFTER_LAUNCH: '100:SIGINT' } });
    expect(run.code, run.err).toBe(130);
    expect(await wholePack(out, before)).toBe('previous');
  }, 90_000);
});

// Renames of temporaries in a swap of the five-file pack: the journal (1), then each file (2–6).
// One rename per file of the pack, and one more step for the journal's removal of files the new set drops.
const SWAP_STEPS = [...PACK.map((_, i) => i + 1), PACK.length + 1];

describe('a signal during the swap', () => {
  it.each(SWAP_STEPS)('SIGTERM before rename %i: the swap completes, exit 143, the new pack whole', async (step) => {
    const { out, before } = await previousPack(false);
    const run = await runCli(runArgs(out), { shim: true, env: { YJ_SIGNAL_ON_RENAME: `${step}:SIGTERM` } });
    expect(run.code, run.err).toBe(143);
    expect(await wholePack(out, before)).toBe('new');
  }, 60_000);

  it('SIGINT during the swap: exit 130, the new pack whole', async () => {
    const { out, before } = await previousPack(false);
    const run = await runCli(runArgs(out), { shim: true, env: { YJ_SIGNAL_ON_RENAME: '3:SIGINT' } });
    expect(run.code, run.err).toBe(130);
    expect(await wholePack(out, before)).toBe('new');
  }, 60_000);
});

describe('a run killed outright (SIGKILL) during the swap', () => {
  it.each(SWAP_STEPS)('killed before rename %i: the next run finishes or undoes the swap and cleans up', async (step) => {
    const { out, before } = await previousPack(false);
    const run = await runCli(runArgs(out), { shim: true, env: { YJ_SIGNAL_ON_RENAME: `${step}:SIGKILL` } });
    expect(run.signal).toBe('SIGKILL');
    const dir = join(out, PERIOD);
    const leftovers = Object.keys(await snapshot(dir)).filter((n) => n.split('/').some((part) => part.startsWith('.')));
    expect(leftovers.length, 'the kill left nothing to recover').toBeGreaterThan(0);
    // What the next write to this folder does first.
    await recoverInterruptedWrites(dir, folders(out));
    // Before the journal was in place the previous set stands; after it, the new one.
    expect(await wholePack(out, before)).toBe(step === 1 ? 'previous' : 'new');
    // And the next whole run succeeds.
    expect((await cli(...runArgs(out))).code).toBe(0);
    expect(await wholePack(out, before)).toBe('new');
  }, 60_000);
});

describe('a signal during a load', () => {
  it.each<[string, NodeJS.Signals, number, Record<string, string>, 'before' | 'whole']>([
    // While the store is copied and loaded into: the store stays as it was.
    ['while it loads into its working copy', 'SIGTERM', 143, { YJ_SIGNAL_ON_OPEN: '.loading:SIGTERM' }, 'before'],
    // Just before the working copy is renamed over the store: that swap completes.
    ['as the working copy replaces the store', 'SIGINT', 130, { YJ_SIGNAL_ON_RENAME: '1:SIGINT:.loading' }, 'whole'],
  ])('%s, %s: exit %i; the store is as it was or holds the whole load, and no working copy is left', async (_when, _signal, exit, env, expected) => {
    const folder = await tempDir('yj-load-signal-');
    const db = join(folder, 'yjpack.duckdb');
    expect((await cli('load', '--data', CLEAN, '--db', db)).code).toBe(0);
    const before = await fingerprintStore(db);
    const complete = join(folder, 'complete.duckdb');
    await copyFile(db, complete);
    expect((await cli('load', '--data', previousExtract, '--db', complete)).code).toBe(0);
    const whole = await fingerprintStore(complete);
    const records = (f: typeof before) => JSON.stringify({ ...f, loads: f.loads?.rows });
    expect(records(whole)).not.toBe(records(before));
    const run = await runCli(['load', '--data', previousExtract, '--db', db], { shim: true, env });
    expect(run.code, run.err).toBe(exit);
    expect(records(await fingerprintStore(db))).toBe(records(expected === 'before' ? before : whole));
    expect((await readdir(folder)).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('a signal while `yjpack sample` writes', () => {
  const sampleArgs = (out: string) => ['sample', '--out', out, '--children', '200', '--to', '2024-25-Q4'];

  it.each<[NodeJS.Signals, number]>([['SIGINT', 130], ['SIGTERM', 143]])(
    '%s as its first file opens: exit %i, and neither a file of the sample nor a temporary is left in --out',
    async (signal, exit) => {
      const out = await tempDir('yj-sample-signal-');
      const run = await runCli(sampleArgs(out), { shim: true, env: { YJ_SIGNAL_ON_OPEN: `.tmp:${signal}` } });
      expect(run.code, run.err).toBe(exit);
      expect(run.err).not.toMatch(/bug|^\s+at /m);
      expect(await readdir(out)).toEqual([]);
    }, 60_000);

  it('SIGINT as the finished files are moved into place: the sample is whole, exit 130', async () => {
    const out = await tempDir('yj-sample-signal-');
    // The third rename of a temporary: two files of the sample are in place, the rest not yet.
    const run = await runCli(sampleArgs(out), { shim: true, env: { YJ_SIGNAL_ON_RENAME: '3:SIGINT' } });
    expect(run.code, run.err).toBe(130);
    const reference = await tempDir('yj-sample-reference-');
    expect((await cli(...sampleArgs(reference))).code).toBe(0);
    expect(await snapshot(out)).toEqual(await snapshot(reference));
  }, 60_000);
});

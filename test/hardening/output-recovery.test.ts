/**
 * The output swap survives dying at any point (issue 10, item 2). The process
 * "dies" at the k-th file-system change of a write (every later change fails,
 * as nothing runs after a kill), for every k; then the next write's recovery
 * runs. The set is always wholly the previous one or wholly the new one, with
 * nothing of yjpack's left beside it, and a user's own hidden files stay.
 * Also when the swap was rolling back (a rename refused) as it died.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recoverInterruptedWrites, writeFilesAtomically } from '../../pipeline/output/atomic.js';
import { tempDir } from '../support/temp-dir.js';

const fault = vi.hoisted(() => ({ dieAt: 0, ops: 0, dead: false, refuseRenameOnto: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  /** A change to the file system: counted, and refused once the process is "dead". */
  const change = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    if (fault.dead) throw new Error('the process is dead');
    fault.ops += 1;
    if (fault.dieAt > 0 && fault.ops >= fault.dieAt) {
      fault.dead = true;
      throw new Error('killed');
    }
    return fn(...a);
  };
  return {
    ...real,
    writeFile: change(real.writeFile),
    rename: change(async (from: string, to: string) => {
      if (fault.refuseRenameOnto !== null && String(to).endsWith(fault.refuseRenameOnto) && String(from).endsWith('.tmp')) {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      }
      return real.rename(from, to);
    }),
    rm: change(real.rm),
    link: change(real.link),
    copyFile: change(real.copyFile),
  };
});

afterEach(() => Object.assign(fault, { dieAt: 0, ops: 0, dead: false, refuseRenameOnto: null }));

const OLD = { 'board-pack.html': 'old html', 'indicators.json': 'old json', 'scrutiny-pack.pdf': 'old pdf', 'manifest.json': 'old manifest' };
const NEW = { 'board-pack.html': 'new html', 'indicators.json': 'new json', 'indicators.csv': 'new csv', 'manifest.json': 'new manifest' };
const USERS_OWN = '.notes.2.bak';

async function previousSet(): Promise<string> {
  const dir = await tempDir('yj-recovery-');
  for (const [name, text] of Object.entries(OLD)) await writeFile(join(dir, name), text);
  await writeFile(join(dir, USERS_OWN), 'a file of the user');
  return dir;
}

/** The new set drops the old PDF (as a run does when no browser could start) and adds indicators.csv. */
function write(dir: string): Promise<void> {
  return writeFilesAtomically(Object.entries(NEW).map(([name, data]) => ({ path: join(dir, name), data })),
    { remove: [join(dir, 'scrutiny-pack.pdf')] });
}

async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) out[name] = await readFile(join(dir, name), 'utf8');
  return out;
}

async function expectWholeSet(dir: string): Promise<'previous' | 'new'> {
  const found = await contents(dir);
  expect(found[USERS_OWN]).toBe('a file of the user');
  delete found[USERS_OWN];
  if (JSON.stringify(found) === JSON.stringify(sorted(OLD))) return 'previous';
  expect(found).toEqual(sorted(NEW));
  return 'new';
}

const sorted = (o: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** How many file-system changes a write makes when nothing goes wrong. */
async function changesOfAWrite(refuse: string | null): Promise<number> {
  const dir = await previousSet();
  fault.refuseRenameOnto = refuse;
  await write(dir).catch(() => undefined);
  const n = fault.ops;
  Object.assign(fault, { ops: 0, refuseRenameOnto: null });
  return n;
}

describe('dying at every step of a write', () => {
  it('after recovery, the set is wholly the previous one or wholly the new one; both happen', async () => {
    const total = await changesOfAWrite(null);
    expect(total).toBeGreaterThan(10);
    const outcomes = new Set<string>();
    for (let k = 1; k <= total; k++) {
      const dir = await previousSet();
      fault.dieAt = k;
      await expect(write(dir)).rejects.toThrow();
      Object.assign(fault, { dieAt: 0, ops: 0, dead: false });
      await recoverInterruptedWrites(dir, [dir]);
      outcomes.add(await expectWholeSet(dir));
    }
    expect([...outcomes].sort()).toEqual(['new', 'previous']);
  });

  it('dying while a refused rename is being rolled back: recovery leaves a whole set', async () => {
    const total = await changesOfAWrite('manifest.json');
    const outcomes: string[] = [];
    for (let k = 1; k <= total; k++) {
      const dir = await previousSet();
      fault.refuseRenameOnto = 'manifest.json';
      fault.dieAt = k;
      await expect(write(dir)).rejects.toThrow();
      Object.assign(fault, { dieAt: 0, ops: 0, dead: false, refuseRenameOnto: null });
      await recoverInterruptedWrites(dir, [dir]);
      outcomes.push(await expectWholeSet(dir));
    }
    // Dying after the journal says "rollback" (the last steps) always ends with the previous set; dying before it,
    // the journal still says "commit" and recovery may finish the new set (the rename no longer refused).
    expect(outcomes.at(-1)).toBe('previous');
    expect(outcomes.at(-2)).toBe('previous');
  });

  it('the next write after a death writes its set in full', async () => {
    const dir = await previousSet();
    fault.dieAt = 12;
    await expect(write(dir)).rejects.toThrow();
    Object.assign(fault, { dieAt: 0, ops: 0, dead: false });
    await write(dir);
    expect(await expectWholeSet(dir)).toBe('new');
  });
});

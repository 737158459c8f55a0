/**
 * Writes a set of outputs so that, whatever happens (a failed write, a full
 * disk, a file locked by another program, a signal, a killed process), the
 * set afterwards is either wholly the previous one or wholly the new one.
 *
 *  1. Every new file is written to a hidden temporary beside its target
 *     (`.name.<pid>.yjpack.tmp`, same folder so rename is atomic) and flushed.
 *  2. The current version of every target is kept under a second name
 *     (`.name.<pid>.yjpack.bak`, a hard link, so no copying).
 *  3. A journal (`.yjpack-swap.<pid>.json`, in the folder common to the set)
 *     is written, atomically. From this moment the new set is committed.
 *  4. The temporaries are renamed over their targets and files the new set
 *     drops are removed; then the backups and the journal go.
 *
 * A failure during 4 puts the backups back (the journal first says so, in
 * case that is interrupted too). The next write to the same place finishes
 * the work of an interrupted one before doing its own: a journal that says
 * "commit" is rolled forward (every remaining temporary renamed in), one that
 * says "rollback" is rolled back, and temporaries and backups with no journal
 * (a run stopped before step 3) are deleted, leaving the previous set. Steps
 * 2 to 4 run as a critical section, which a signal waits for.
 */
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { errorText, YjpackError } from '../errors.js';
import { criticalSection, throwIfStopped } from '../interrupt.js';


export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

export interface WriteOptions {
  /** Files the new set no longer has (an older PDF the run could not replace): removed in the same swap. */
  remove?: readonly string[];
  /** Names this run's temporaries; defaults to the process id, so a later run can tell a live writer from a dead one. */
  runTag?: string;
}

interface JournalEntry {
  /** Paths relative to the journal's folder. */
  target: string;
  temp: string | null;
  backup: string | null;
}

interface Journal {
  state: 'commit' | 'rollback';
  entries: JournalEntry[];
}

const JOURNAL = /^\.yjpack-swap\.(.+)\.json(\.tmp)?$/;
/** Only names yjpack makes: a user's own hidden `.notes.2.bak` is never taken for a leftover. */
const LEFTOVER = /^\..+\.([^.]+)\.yjpack\.(tmp|bak)$/;

export async function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  throwIfStopped();
  const remove = (options.remove ?? []).map((p) => resolve(p));
  const targets = files.map((f) => resolve(f.path));
  const root = commonFolder([...targets, ...remove]);
  const tag = options.runTag ?? `${process.pid}`;
  for (const dir of new Set(targets.map(dirname))) await ensureDir(dir);
  await recoverInterruptedWrites(root, [...new Set([...targets, ...remove].map(dirname))]);

  const temps: string[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const temp = sibling(targets[i]!, tag, 'tmp');
      temps.push(temp);
      await writeOrFail(temp, f.data, targets[i]!);
    }
    // A signal while the temporaries were written: nothing has been replaced yet.
    throwIfStopped();
  } catch (e) {
    await removeAll(temps);
    throw e;
  }
  await criticalSection(() => swapIn(root, tag, [
    ...targets.map((target, i) => ({ target, temp: temps[i]! })),
    ...remove.filter((p) => !targets.includes(p)).map((target) => ({ target, temp: null })),
  ]));
}

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomically([{ path, data }]);
}

async function swapIn(root: string, tag: string, changes: readonly { target: string; temp: string | null }[]): Promise<void> {
  const journalPath = join(root, `.yjpack-swap.${tag}.json`);
  const entries: JournalEntry[] = [];
  try {
    for (const c of changes) {
      const backup = await keepPrevious(c.target, sibling(c.target, tag, 'bak'));
      entries.push({ target: c.target, temp: c.temp, backup });
    }
    await writeJournal(journalPath, root, { state: 'commit', entries });
  } catch (e) {
    // Not committed: the targets are untouched.
    await removeAll([...changes.map((c) => c.temp), ...entries.map((x) => x.backup), `${journalPath}.tmp`]);
    throw e;
  }
  try {
    for (const entry of entries) {
      if (entry.temp) {
        await rename(entry.temp, entry.target).catch((e: unknown) => {
          throw new YjpackError('cannotWrite', { path: entry.target, detail: errorText(e) }, { cause: e });
        });
      } else {
        await rm(entry.target, { force: true }).catch((e: unknown) => {
          throw new YjpackError('cannotWrite', { path: entry.target, detail: errorText(e) }, { cause: e });
        });
      }
    }
  } catch (e) {
    // Best effort: the original error is what the user needs to see; a rollback cut short is finished by the next run.
    await writeJournal(journalPath, root, { state: 'rollback', entries }).catch(() => undefined);
    await rollBack(entries).catch(() => undefined);
    await rm(journalPath, { force: true }).catch(() => undefined);
    throw e;
  }
  await removeAll(entries.map((x) => x.backup));
  await rm(journalPath, { force: true });
}

/** Every target gets its previous version back; targets that had none are removed; temporaries go. */
async function rollBack(entries: readonly JournalEntry[]): Promise<void> {
  for (const entry of entries) {
    if (entry.backup !== null) {
      if (await exists(entry.backup)) await rename(entry.backup, entry.target);
      // A backup and its target that are one file (never swapped): rename leaves both names.
      await rm(entry.backup, { force: true });
    } else if (entry.temp !== null) {
      await rm(entry.target, { force: true });
    }
    if (entry.temp !== null) await rm(entry.temp, { force: true });
  }
}

/** Every remaining temporary renamed in, every dropped file removed; then the backups go. */
async function rollForward(entries: readonly JournalEntry[]): Promise<void> {
  for (const entry of entries) {
    if (entry.temp === null) await rm(entry.target, { force: true });
    else if (await exists(entry.temp)) await rename(entry.temp, entry.target);
  }
  await removeAll(entries.map((x) => x.backup));
}

/**
 * Finishes what an interrupted write to the same place left: journals in the
 * root folder first, then temporaries and backups without one. Files of a
 * yjpack process that is still running are left alone.
 */
export async function recoverInterruptedWrites(root: string, dirs: readonly string[]): Promise<void> {
  try {
    for (const name of await listDir(root)) {
      const m = JOURNAL.exec(name);
      if (!m || isLiveOtherProcess(m[1]!)) continue;
      const path = join(root, name);
      if (m[2]) { await rm(path, { force: true }); continue; }
      const journal = await readJournal(path, root);
      if (journal) await (journal.state === 'commit' ? rollForward(journal.entries) : rollBack(journal.entries));
      await rm(path, { force: true });
    }
    for (const dir of dirs) {
      for (const name of await listDir(dir)) {
        const m = LEFTOVER.exec(name);
        if (m && !isLiveOtherProcess(m[1]!)) await rm(join(dir, name), { force: true });
      }
    }
  } catch (e) {
    throw new YjpackError('cannotWrite', { path: root, detail: `finishing an interrupted earlier write: ${errorText(e)}` }, { cause: e });
  }
}

async function writeJournal(path: string, root: string, journal: Journal): Promise<void> {
  const rel = (p: string | null): string | null => (p === null ? null : relative(root, p));
  const body = JSON.stringify({
    state: journal.state,
    entries: journal.entries.map((e) => ({ target: rel(e.target), temp: rel(e.temp), backup: rel(e.backup) })),
  });
  await writeFile(`${path}.tmp`, body, { flush: true });
  await rename(`${path}.tmp`, path);
}

async function readJournal(path: string, root: string): Promise<Journal | null> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as Journal;
    const abs = (p: string | null): string | null => (p === null ? null : resolve(root, p));
    return {
      state: raw.state === 'rollback' ? 'rollback' : 'commit',
      entries: raw.entries.map((e) => ({ target: abs(e.target)!, temp: abs(e.temp), backup: abs(e.backup) })),
    };
  } catch {
    return null;
  }
}

/** A second name for the current file (null when there is none yet): a hard link, or a copy where links are not supported. */
async function keepPrevious(path: string, backup: string): Promise<string | null> {
  await rm(backup, { force: true });
  try {
    await link(path, backup);
    return backup;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    try {
      await copyFile(path, backup, constants.COPYFILE_FICLONE);
      return backup;
    } catch (copyError) {
      throw new YjpackError('cannotWrite', { path: backup, detail: errorText(copyError) }, { cause: copyError });
    }
  }
}

/** `.name.<tag>.yjpack.<kind>` beside the target: hidden, and on the same file system so rename is atomic. */
function sibling(path: string, runTag: string, kind: 'tmp' | 'bak'): string {
  return join(dirname(path), `.${basename(path)}.${runTag}.yjpack.${kind}`);
}

function commonFolder(paths: readonly string[]): string {
  const parts = paths.map((p) => dirname(p).split(sep));
  const first = parts[0] ?? [process.cwd()];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

/** True when the tag is the id of another process that is still running (a concurrent yjpack). */
function isLiveOtherProcess(tag: string): boolean {
  const pid = Number(tag);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

async function removeAll(paths: readonly (string | null)[]): Promise<void> {
  await Promise.all(paths.filter((p): p is string => p !== null).map((p) => rm(p, { force: true })));
}

async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new YjpackError('cannotWrite', { path: dir, detail: errorText(e) }, { cause: e });
  }
}

async function writeOrFail(temp: string, data: string | Uint8Array, target: string): Promise<void> {
  try {
    // Flushed, so a committed set does not point at files still in the page cache when the power goes.
    await writeFile(temp, data, { flush: true });
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new YjpackError('cannotWrite', { path: target, detail: errorText(e) }, { cause: e });
  }
}

function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/**
 * Temporary folders for tests: every folder made here is removed, with all
 * it holds, when the test file that made it has run (pass or fail), so a run
 * of the suite leaves nothing in the system's temporary folder.
 *
 * Importing this module registers the removal as an afterAll hook of the
 * importing test file (vitest evaluates it afresh for each file). Import it
 * statically, at the top of a test file or of a helper a test file imports;
 * call tempDir() from a hook, a test or a helper.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made = new Set<string>();

/** A new, empty folder under the system's temporary folder, named `${prefix}XXXXXX`. */
export async function tempDir(prefix = 'yj-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder tempDir has made and not yet removed: what the afterAll hook runs. */
export async function removeTempDirs(): Promise<void> {
  const dirs = [...made];
  made.clear();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 3 })));
}

afterAll(removeTempDirs);

/**
 * Buffered CSV writing for the sample: rows are gathered into chunks of about
 * 64 KB and handed to a file stream, waiting for it to drain, so a national
 * sample never holds more than a chunk per file in memory. Each file is
 * written under a temporary name and renamed into place only when the whole
 * sample is done, so a failed or stopped run (Ctrl-C) leaves no half-written
 * extract and no temporary behind. Between chunks is a safe point: a stop
 * requested there (pipeline/interrupt.ts) ends the sample.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorText, YjpackError } from '../errors.js';
import { throwIfStopped } from '../interrupt.js';

const CHUNK_CHARS = 64 * 1024;

/** A pseudonymous id such as C000123: a prefix and a zero-padded serial number. */
export function idOf(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, '0')}`;
}

export class CsvWriter {
  readonly path: string;
  rows = 0;
  private readonly temp: string;
  private readonly stream: WriteStream;
  private chunk: string[] = [];
  private chunkChars = 0;
  private failure: Error | null = null;

  constructor(path: string, header: readonly string[]) {
    this.path = path;
    this.temp = tempPathFor(path);
    this.stream = createWriteStream(this.temp, { encoding: 'utf8' });
    this.stream.on('error', (e) => { this.failure = e; });
    this.chunk.push(`${header.join(',')}\n`);
  }

  /** Adds one row; values must not need quoting (the sample writes codes, dates and numbers only). */
  add(values: readonly (string | number)[]): void {
    const line = `${values.join(',')}\n`;
    this.chunk.push(line);
    this.chunkChars += line.length;
    this.rows += 1;
  }

  /** Hands the chunk to the stream once it is big enough; resolves when the stream can take more. */
  async flushIfFull(): Promise<void> {
    if (this.chunkChars >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    throwIfStopped();
    this.check();
    if (this.chunk.length === 0) return;
    const text = this.chunk.join('');
    this.chunk = [];
    this.chunkChars = 0;
    if (!this.stream.write(text)) await settle(this.stream, 'drain');
    this.check();
  }

  /** Writes what is left and closes the temporary file. */
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await settle(this.stream, 'finish');
    this.check();
  }

  /** Moves the finished file into place. */
  async commit(): Promise<void> {
    await rename(this.temp, this.path).catch(cannotWrite(this.path));
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }

  private check(): void {
    if (this.failure) throw new YjpackError('cannotWrite', { path: this.path, detail: this.failure.message }, { cause: this.failure });
  }
}

/** A small file the sample writes whole (population.csv and its notes), staged under a temporary name like a CsvWriter's file. */
export class StagedText {
  private readonly temp: string;

  constructor(readonly path: string, private readonly text: string) {
    this.temp = tempPathFor(path);
  }

  async write(): Promise<void> {
    await writeFile(this.temp, this.text, 'utf8').catch(cannotWrite(this.path));
  }

  async commit(): Promise<void> {
    await rename(this.temp, this.path).catch(cannotWrite(this.path));
  }

  async discard(): Promise<void> {
    await rm(this.temp, { force: true });
  }
}

/** `.children.csv.1234.tmp` beside `children.csv`: hidden, and named by the process that writes it. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Removes the temporaries an earlier sample left in `dir` when it was killed
 * outright (a forced exit has no clean-up): only those of the files named,
 * and only where the process that wrote them is gone.
 */
export async function removeLeftoverTemps(dir: string, names: readonly string[]): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const m = /^\.(.+)\.(\d+)\.tmp$/.exec(entry);
    if (!m || !names.includes(m[1]!) || processAlive(Number(m[2]))) continue;
    await rm(join(dir, entry), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A failed write or rename of the sample's file at `path`, as the error the CLI reports (exit 73). */
function cannotWrite(path: string): (e: unknown) => never {
  return (e) => {
    throw new YjpackError('cannotWrite', { path, detail: errorText(e) }, { cause: e });
  };
}

/** Resolves on the event or on a stream error (kept by the writer and reported by check()). */
function settle(stream: WriteStream, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      stream.off('error', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('error', done);
  });
}

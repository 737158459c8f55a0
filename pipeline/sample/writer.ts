/**
 * Buffered CSV writing for the sample: rows are gathered into chunks of about
 * 64 KB and handed to a file stream, waiting for it to drain, so a national
 * sample never holds more than a chunk per file in memory. Each file is
 * written under a temporary name and renamed into place only when the whole
 * sample is done, so a failed run leaves no half-written extract behind.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { YjpackError } from '../errors.js';

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
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
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
    await rename(this.temp, this.path).catch((e: unknown) => {
      throw new YjpackError('cannotWrite', { path: this.path, detail: e instanceof Error ? e.message : String(e) }, { cause: e });
    });
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }

  private check(): void {
    if (this.failure) throw new YjpackError('cannotWrite', { path: this.path, detail: this.failure.message }, { cause: this.failure });
  }
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

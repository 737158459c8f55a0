/**
 * stdout and stderr as the CLI writes them. A reader that goes away early
 * (`yjpack indicators … | head -c 100`) is not an error: whatever yjpack
 * still had to print is dropped and the command finishes with its own exit
 * code. A stream that cannot be written for any other reason (a full disk:
 * `> /dev/full`, an I/O error) makes the command exit 73 with a message,
 * because the output the user asked for is incomplete. Without this, Node
 * reports either case as an unhandled 'error' event with a stack trace.
 */
import { YjpackError } from '../errors.js';

/** Errors that mean "the reader has gone", not "the output could not be stored". */
const READER_GONE = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

export interface WritableLike {
  write(text: string, callback?: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  isTTY?: boolean;
}

export interface GuardedStream {
  write(text: string): boolean;
  readonly isTTY?: boolean;
}

export interface StreamFailure {
  stream: 'standard output' | 'standard error';
  error: NodeJS.ErrnoException;
}

export interface GuardedStreams {
  stdout: GuardedStream;
  stderr: GuardedStream;
  /** Waits until everything written so far has reached the operating system (or failed). */
  flush(): Promise<void>;
  /** The first write failure that was not a reader going away, if any. */
  failure(): StreamFailure | null;
}

export function guardStreams(stdout: WritableLike, stderr: WritableLike): GuardedStreams {
  let failure: StreamFailure | null = null;
  const record = (f: StreamFailure): void => { failure ??= f; };
  const out = guard(stdout, 'standard output', record);
  const err = guard(stderr, 'standard error', record);
  return {
    stdout: out.stream,
    stderr: err.stream,
    flush: async () => { await out.flush(); await err.flush(); },
    failure: () => failure,
  };
}

/** The message for a stream that could not be written (exit 73). */
export function streamFailureError(f: StreamFailure): YjpackError {
  return new YjpackError('outputStreamFailed', { stream: f.stream, detail: f.error.message ?? String(f.error) }, { cause: f.error });
}

function guard(target: WritableLike, name: StreamFailure['stream'], record: (f: StreamFailure) => void):
  { stream: GuardedStream; flush(): Promise<void> } {
  let open = true;
  let written = false;
  const stop = (e: unknown): void => {
    if (!open) return;
    open = false;
    const error = e as NodeJS.ErrnoException;
    if (!READER_GONE.has(error?.code ?? '')) record({ stream: name, error });
  };
  target.on('error', stop);
  return {
    stream: {
      isTTY: target.isTTY,
      write(text: string): boolean {
        if (!open) return true;
        written = true;
        try {
          return target.write(text, (e) => { if (e) stop(e); });
        } catch (e) {
          stop(e);
          return true;
        }
      },
    },
    flush: () => new Promise<void>((resolve) => {
      // An empty write still reaches the disk on some streams (/dev/full refuses it), so only flush after output.
      if (!open || !written) { resolve(); return; }
      try {
        target.write('', (e) => { if (e) stop(e); resolve(); });
      } catch (e) {
        stop(e);
        resolve();
      }
    }),
  };
}

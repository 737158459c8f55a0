/**
 * A closed or full stdout or stderr (issue 10, item 3). A reader that goes
 * away (`yjpack indicators … | head -c 100`) is not an error: the rest of the
 * output is dropped and the command ends with its own exit code (0, or 65 for
 * validate finding problems), quietly. A stream that cannot be written
 * (`> /dev/full`) is exit 73 with a message. Never an unhandled 'error' event
 * with a stack trace, never exit 1.
 */
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guardStreams, type WritableLike } from '../../pipeline/cli/streams.js';
import { messages } from '../../pipeline/messages.js';
import { CLEAN } from './corpus.js';
import { runCli } from './process.js';

const BROKEN = 'test/fixtures/extracts/broken';
const HAS_DEV_FULL = existsSync('/dev/full');
const STACK = /^\s+at .+:\d+:\d+\)?$/m;
/** The start of the message for a stream that could not be written, up to its details. */
const CANNOT_WRITE = (stream: string) => messages.outputStreamFailed.text({ stream, detail: '' }).split('(')[0]!;

/** A stream that fails its writes the way Node's do: an error in the callback and an 'error' event, on the next tick. */
function failingStream(code: string, afterWrites = 0): WritableLike & { writes: string[] } {
  const emitter = new EventEmitter();
  const writes: string[] = [];
  return {
    writes,
    on: (event, listener) => emitter.on(event, listener),
    write(text, callback) {
      if (writes.length < afterWrites) {
        writes.push(text);
        callback?.(null);
        return true;
      }
      const error = Object.assign(new Error(`${code}: failed, write`), { code });
      process.nextTick(() => { callback?.(error); emitter.emit('error', error); });
      return false;
    },
  };
}

describe('guarded streams', () => {
  it('a closed pipe (EPIPE) stops output quietly: no failure, later writes dropped', async () => {
    const out = failingStream('EPIPE', 1);
    const streams = guardStreams(out, failingStream('EPIPE', 99));
    streams.stdout.write('first');
    streams.stdout.write('second');
    await streams.flush();
    streams.stdout.write('third');
    expect(out.writes).toEqual(['first']);
    expect(streams.failure()).toBeNull();
  });

  it('a full disk (ENOSPC) on either stream is a failure naming the stream', async () => {
    for (const [which, stream] of [['stdout', 'standard output'], ['stderr', 'standard error']] as const) {
      const streams = which === 'stdout'
        ? guardStreams(failingStream('ENOSPC'), failingStream('EPIPE', 99))
        : guardStreams(failingStream('EPIPE', 99), failingStream('ENOSPC'));
      streams[which].write('text');
      await streams.flush();
      expect(streams.failure()?.stream).toBe(stream);
      expect(streams.failure()?.error.code).toBe('ENOSPC');
    }
  });

  it('a write that throws at once is caught too', async () => {
    const throwing: WritableLike = {
      on: () => undefined,
      write: () => { throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }); },
    };
    const streams = guardStreams(throwing, failingStream('EPIPE', 99));
    expect(() => streams.stdout.write('x')).not.toThrow();
    expect(streams.failure()?.error.code).toBe('EIO');
  });
});

describe('the CLI with a closed stdout', () => {
  it('indicators | head -c 100: exit 0, nothing on stderr but progress', async () => {
    const run = await runCli(['indicators', '--data', CLEAN, '--period', '2024-25-Q2', '--json'], { closeStdoutAfter: 100 });
    expect(run.code, run.err).toBe(0);
    expect(run.out.length).toBeGreaterThanOrEqual(100);
    expect(run.err).not.toMatch(STACK);
    expect(run.err).not.toMatch(/EPIPE|bug/);
  }, 60_000);

  it('validate | head -c 10 on a broken extract keeps its own exit code, 65', async () => {
    const run = await runCli(['validate', '--data', BROKEN], { closeStdoutAfter: 10 });
    expect(run.code, run.err).toBe(65);
    expect(run.err).not.toMatch(STACK);
  }, 60_000);

  it('population | head -c 10: exit 0', async () => {
    const run = await runCli(['population', '--area', 'E08000031'], { closeStdoutAfter: 10 });
    expect(run.code, run.err).toBe(0);
    expect(run.err).not.toMatch(STACK);
  }, 60_000);
});

describe.skipIf(!HAS_DEV_FULL)('the CLI with a full disk behind stdout or stderr (/dev/full)', () => {
  const withDevFull = async (args: string[], stream: 'stdout' | 'stderr') => {
    const fd = openSync('/dev/full', 'w');
    try {
      return await runCli(args, { stdio: stream === 'stdout' ? ['ignore', fd, 'pipe'] : ['ignore', 'pipe', fd] });
    } finally {
      closeSync(fd);
    }
  };

  it.each([
    ['validate (problems found)', ['validate', '--data', BROKEN]],
    ['indicators', ['indicators', '--data', CLEAN, '--period', '2024-25-Q2']],
    ['population', ['population', '--area', 'E08000031']],
  ])('%s > /dev/full: exit 73, saying standard output could not be written', async (_name, args) => {
    const run = await withDevFull(args, 'stdout');
    expect(run.code, run.err).toBe(73);
    expect(run.err).toContain(CANNOT_WRITE('standard output'));
    expect(run.err).not.toMatch(STACK);
  }, 60_000);

  it('validate on a clean extract > /dev/full prints nothing, so it succeeds: exit 0', async () => {
    const run = await withDevFull(['validate', '--data', CLEAN], 'stdout');
    expect(run.code, run.err).toBe(0);
  }, 60_000);

  it('2> /dev/full: exit 73 (the progress and any message were lost), no crash', async () => {
    const run = await withDevFull(['indicators', '--data', CLEAN, '--period', '2024-25-Q2'], 'stderr');
    expect(run.code).toBe(73);
    expect(run.out.length).toBeGreaterThan(1000);
  }, 60_000);
});

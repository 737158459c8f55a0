/**
 * Progress on stderr: a live step list with counts and times when stderr is a
 * terminal, plain one-line-per-event output otherwise (CI, scheduled jobs).
 * stdout is never touched: it carries only the requested output.
 */

export interface Progress {
  /** Starts a named step; the returned handle updates and finishes it. */
  step(name: string): StepHandle;
  /** A line for the user that is not a step (warnings, where the pack is). */
  info(text: string): void;
}

export interface StepHandle {
  update(detail: string): void;
  done(detail?: string): void;
  fail(detail?: string): void;
}

interface Writer {
  write(text: string): unknown;
  isTTY?: boolean;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function consoleProgress(stream: Writer, clock: () => number = () => performance.now()): Progress {
  return stream.isTTY ? liveProgress(stream, clock) : plainProgress(stream, clock);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function plainProgress(stream: Writer, clock: () => number): Progress {
  return {
    step(name) {
      const started = clock();
      stream.write(`yjpack: ${name}…\n`);
      return {
        update() { /* plain output stays quiet between start and end */ },
        done(detail) { stream.write(`yjpack: ${name}: done${detail ? ` (${detail})` : ''} in ${seconds(clock() - started)}\n`); },
        fail(detail) { stream.write(`yjpack: ${name}: failed${detail ? ` (${detail})` : ''}\n`); },
      };
    },
    info(text) { stream.write(`yjpack: ${text}\n`); },
  };
}

function liveProgress(stream: Writer, clock: () => number): Progress {
  return {
    step(name) {
      const started = clock();
      let frame = 0;
      let detail = '';
      const draw = (): void => {
        frame = (frame + 1) % SPINNER.length;
        stream.write(`\r\x1b[2K${SPINNER[frame]} ${name}${detail ? ` · ${detail}` : ''} · ${seconds(clock() - started)}`);
      };
      draw();
      const timer = setInterval(draw, 120);
      timer.unref();
      const finish = (mark: string, text?: string): void => {
        clearInterval(timer);
        stream.write(`\r\x1b[2K${mark} ${name}${text ? ` · ${text}` : ''} · ${seconds(clock() - started)}\n`);
      };
      return {
        update(d) { detail = d; },
        done(d) { finish('✔', d ?? detail); },
        fail(d) { finish('✖', d ?? detail); },
      };
    },
    info(text) { stream.write(`\r\x1b[2K${text}\n`); },
  };
}

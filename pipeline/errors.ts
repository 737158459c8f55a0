/**
 * The one error type of yjpack. Every failure a user can cause or fix is a
 * YjpackError carrying a sysexits code; anything else reaching the CLI is a
 * bug and exits 1 with a request to report it. Only the CLI entry exits.
 */
import { ExitCode } from './exit-codes.js';
import { messages, type MessageId, type MessageParams } from './messages.js';

export { ExitCode } from './exit-codes.js';

/** One problem found in an input file, located as precisely as the input allows. */
export interface Problem {
  file: string;
  /** 1-based physical line in the file (the header is line 1); null for file-level problems. */
  line: number | null;
  column: string | null;
  value: string | null;
  /** What was expected, in words a performance officer can act on. */
  expected: string;
  severity: 'error' | 'warning';
}

export class YjpackError extends Error {
  readonly exitCode: ExitCode;
  readonly messageId: MessageId;
  /** Data problems behind the error (validation), all of them, not just the first. */
  readonly problems: readonly Problem[];

  constructor(
    messageId: MessageId,
    params: MessageParams = {},
    options: { problems?: readonly Problem[]; cause?: unknown; /** replaces the catalogue text (re-raising with more context) */ text?: string } = {},
  ) {
    const entry = messages[messageId];
    super(options.text ?? entry.text(params), { cause: options.cause });
    this.name = 'YjpackError';
    this.messageId = messageId;
    this.exitCode = entry.exit;
    this.problems = options.problems ?? [];
  }
}

export function isYjpackError(e: unknown): e is YjpackError {
  return e instanceof YjpackError;
}

/** `offences.csv:40: column 'outcome' value 'XYZ': expected one of CR, ...` */
export function formatProblem(p: Problem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  const col = p.column === null ? '' : ` column '${p.column}'`;
  const val = p.value === null ? '' : ` value '${truncate(p.value, 60)}'`;
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${where}:${col}${val}: ${p.expected}`.replace(':: ', ': ');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** The message of anything thrown (an Error's message, else its string form), for a catalogue message's detail. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

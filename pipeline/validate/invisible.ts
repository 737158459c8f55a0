/**
 * Characters a spreadsheet shows as nothing: Unicode spaces (no-break space,
 * thin space…), format characters (zero-width space, byte order mark, word
 * joiner, direction marks) and control characters (tab, vertical tab, NEL).
 * Around a value they are padding to trim, as a space is; inside an id they
 * make two ids that look the same differ, so an id holding one is refused.
 */
import { isAscii } from 'node:buffer';

/** One invisible character, for RE2 (DuckDB) and for JavaScript with the u flag alike. */
export const INVISIBLE_CLASS = '[\\s\\x{0B}\\x{85}\\p{Z}\\p{Cf}\\p{Cc}]';
/** Inside an id, ordinary spaces aside: those are visible as a gap. */
export const INVISIBLE_INSIDE_CLASS = '[\\x{85}\\p{Zl}\\p{Zp}\\p{Cf}\\p{Cc}\\x{A0}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}\\x{1680}]';

const INVISIBLE_EDGES = new RegExp(`^${toJs(INVISIBLE_CLASS)}+|${toJs(INVISIBLE_CLASS)}+$`, 'gu');

/** A value with invisible characters and spaces trimmed from both ends. */
export function trimInvisible(text: string): string {
  return text.replace(INVISIBLE_EDGES, '');
}

/** SQL: the value trimmed of invisible characters at both ends. */
export function trimInvisibleSql(value: string): string {
  return `regexp_replace(${value}, '^${INVISIBLE_CLASS}+|${INVISIBLE_CLASS}+$', '', 'g')`;
}

/** SQL true when a value holds an invisible character (other than a plain space) anywhere. */
export function holdsInvisibleSql(value: string): string {
  return `regexp_matches(${value}, '${INVISIBLE_INSIDE_CLASS}')`;
}

/**
 * Whether a file may hold invisible characters at all: only a tab, another
 * control character or a byte outside ASCII can start one. Most extracts are
 * plain ASCII, and trimming by regular expression costs as much as the read.
 */
export function mayHoldInvisible(bytes: Uint8Array, start: number): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
  return !isAscii(text) || [0x09, 0x0b, 0x0c].some((control) => text.indexOf(control) !== -1);
}

/** RE2's \x{…} is \u{…} in JavaScript. */
function toJs(re2: string): string {
  return re2.replace(/\\x\{([0-9A-Fa-f]+)\}/g, '\\u{$1}');
}

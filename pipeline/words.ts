/**
 * Joining and capitalising words, shared by compute (note parameters) and
 * assemble (the pack's sentences), so both write lists the same way.
 */

/** "A", "A and B", "A, B and C" (no serial comma, as in the pack's house style); "" for none. */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first letter upper case, for a phrase that starts a sentence or a table cell. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

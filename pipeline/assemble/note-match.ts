/**
 * Recognising a compute note by the catalogue message it was written from.
 * Notes carry only their text, and the pack sometimes shows a fact better
 * than the note does (a table of unknown ethnicity instead of seven
 * sentences); matching the catalogue's own template keeps the two in step
 * when a message is reworded.
 */
import { messages, type MessageId, type MessageParams } from '../messages.js';

const SENTINEL = '\u0000';

/** A pattern matching any text the message can produce, whatever its parameters. */
export function messagePattern(id: MessageId): RegExp {
  // Every parameter renders as the sentinel, which then marks where free text may stand.
  const params = new Proxy({}, { get: () => SENTINEL }) as MessageParams;
  const parts = messages[id].text(params).split(SENTINEL).map(escapeRegExp);
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

export function isNoteFrom(text: string, ids: readonly MessageId[]): boolean {
  return ids.some((id) => messagePattern(id).test(text));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

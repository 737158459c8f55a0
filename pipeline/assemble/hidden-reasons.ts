/**
 * Why a public pack hides a figure, in the two reasons a reader can act on:
 * it is built on a small count, or it is hidden so that another hidden
 * figure cannot be worked out from it. Read from the disclosure log
 * (disclosure.ts), never guessed from the records: every figure on the same
 * children (the same family, period and breakdown, such as a group's rate,
 * RRI and share at one stage) is hidden for the reason of the first of them,
 * so a figure counts as "small" when any of its linked figures was hidden for
 * a small count (a primary suppression, or a complement: base less count
 * small), and as protecting another otherwise.
 */
import type { IndicatorRecord } from '../compute/record.js';
import type { DisclosureEntry } from './disclosure.js';

export type HiddenReason = 'small count' | 'protects another';

/** The reason a hidden record was hidden; null for a record that is shown (or was never in the log). */
export type HiddenReasonOf = (r: IndicatorRecord) => HiddenReason | null;

export const NO_HIDDEN_REASONS: HiddenReasonOf = () => null;

export function hiddenReasons(log: readonly Pick<DisclosureEntry, 'id' | 'period' | 'breakdown' | 'reason'>[]): HiddenReasonOf {
  const byKey = new Map<string, HiddenReason>();
  for (const e of log) {
    const key = linkKey(e.id, e.period, e.breakdown);
    // A small complement is a small count too: "6 of 8 diverted" would tell that 2 were not.
    if (e.reason === 'primary' || e.reason === 'complement') byKey.set(key, 'small count');
    else if (!byKey.has(key)) byKey.set(key, 'protects another');
  }
  return (r) => (r.suppressed ? byKey.get(linkKey(r.id, r.period, r.breakdown)) ?? null : null);
}

/** `dispro.rri` and `dispro.rate` of one stage and group share a key: they are built on the same children. */
function linkKey(id: string, period: string, breakdown: Readonly<Record<string, string | undefined>>): string {
  const family = id.slice(0, id.indexOf('.'));
  const entries = Object.entries(breakdown).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${family}|${period}|${JSON.stringify(entries)}`;
}

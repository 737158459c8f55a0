/**
 * A figure's status against the service's target and against published
 * comparators (shown by symbol + word + colour, never colour
 * alone). The test is indicators.md's: a difference is significant only when
 * the target or comparator lies outside the figure's 95% interval; otherwise
 * the figure is "similar". Judged on the figure the audience sees, so a
 * hidden figure has no status.
 */
import { CATALOGUE } from '../../compute/catalogue.js';
import type { Comparison } from '../../compute/comparators.js';
import type { IndicatorId, IndicatorRecord, Unit } from '../../compute/record.js';
import { significantAgainst } from '../../compute/statistics.js';
import { isShown } from '../cells.js';
import { formatValue } from '../format.js';
import type { Status, Target } from '../model.js';

/** Whether a higher figure is better, where the config sets no target to say so (the catalogue's `better`). */
export const BETTER_WHEN: Partial<Record<IndicatorId, 'higher' | 'lower'>> = Object.fromEntries(
  Object.entries(CATALOGUE).flatMap(([id, entry]) => (entry.better ? [[id, entry.better]] : [])),
);

const NOT_AVAILABLE = { word: 'not available', symbol: '–', tone: 'neutral' } as const;

/** Against the service's target, in the figure's unit (the catalogue's, where there is no figure). */
export function targetStatus(r: IndicatorRecord | undefined, target: Target, unit: Unit): Status {
  const detail = `${formatValue(target.value, unit)} or ${target.better}`;
  const judged = judge(r, target.value, target.better);
  const word = judged === 'better' ? 'met' : judged === 'worse' ? 'not met' : judged;
  switch (judged) {
    case 'better': return { against: 'Target', word, symbol: '✓', tone: 'good', detail };
    case 'worse': return { against: 'Target', word, symbol: '✗', tone: 'bad', detail };
    case 'similar': return { against: 'Target', word, symbol: '●', tone: 'neutral', detail };
    case 'not available': return { against: 'Target', ...NOT_AVAILABLE, detail };
  }
}

/**
 * Against a comparator: the symbol gives the direction (▲ higher, ▼ lower),
 * the word and colour whether that is better or worse.
 */
export function comparatorStatus(r: IndicatorRecord | undefined, c: Comparison, better: 'higher' | 'lower', when: string): Status {
  const detail = `${formatValue(c.comparatorValue, c.unit)} in ${when}`;
  const judged = judge(r, c.comparatorValue, better);
  const direction = isShown(r) ? significantAgainst(r, c.comparatorValue).direction : null;
  const symbol = direction === 'higher' ? '▲' : direction === 'lower' ? '▼' : '●';
  switch (judged) {
    case 'better': return { against: c.area, word: `${direction} (better)`, symbol, tone: 'good', detail };
    case 'worse': return { against: c.area, word: `${direction} (worse)`, symbol, tone: 'bad', detail };
    case 'similar': return { against: c.area, word: 'similar', symbol, tone: 'neutral', detail };
    case 'not available': return { against: c.area, ...NOT_AVAILABLE, detail };
  }
}

type Judgement = 'better' | 'worse' | 'similar' | 'not available';

function judge(r: IndicatorRecord | undefined, reference: number, better: 'higher' | 'lower'): Judgement {
  if (!isShown(r) || r.lower === null || r.upper === null) return 'not available';
  const { significant, direction } = significantAgainst(r, reference);
  if (!significant) return 'similar';
  return direction === better ? 'better' : 'worse';
}

/** The comparisons made for exactly this record (same id, period and breakdown). */
export function comparisonsOf(comparisons: readonly Comparison[], r: IndicatorRecord | undefined): Comparison[] {
  if (!r) return [];
  const key = JSON.stringify(sorted(r.breakdown));
  return comparisons.filter((c) => c.id === r.id && c.period === r.period && JSON.stringify(sorted(c.breakdown)) === key);
}

function sorted(breakdown: Record<string, string | undefined>): [string, string | undefined][] {
  return Object.entries(breakdown).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** "It met the target of 200.0 or lower." */
export function targetSentence(status: Status, target: Target, unit: Unit): string {
  const what = `the target of ${formatValue(target.value, unit)} or ${target.better}`;
  switch (status.word) {
    case 'met': return `It met ${what}.`;
    case 'not met': return `It did not meet ${what}.`;
    case 'similar': return `It was similar to ${what}.`;
    default: return `It cannot be compared with ${what}.`;
  }
}

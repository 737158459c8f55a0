/**
 * The disproportionality records the pack shows, and their words: which
 * stages (the pooled figure in place of the single year where the setting
 * pools a stage: compute/indicators/dispro.ts), each group's RRI, whether it
 * can be drawn on a log scale and why not, and the sentence that names a
 * significant one. Differences are described as things that occur together,
 * never as causes.
 */
import { ETHNIC_GROUPS, type EthnicGroup } from '../contract/codes.js';
import { POPULATION_STAGE } from '../compute/indicators/dispro/records.js';
import { STAGES, pooledStage, type DisproStage } from '../compute/indicators/dispro/stages.js';
import type { IndicatorId, IndicatorRecord } from '../compute/record.js';
import { formatPeriod, type Period } from '../period.js';
import { isShown } from './cells.js';
import { formatInterval, formatValue, yearToLabel } from './format.js';
import { capitalise } from '../words.js';
import { NO_HIDDEN_REASONS, type HiddenReasonOf } from './hidden-reasons.js';

export const REFERENCE_GROUP: EthnicGroup = 'White';
/** The groups compared with White children, in the order of the code list. */
export const COMPARED_GROUPS: readonly EthnicGroup[] = ETHNIC_GROUPS.filter((g) => g !== REFERENCE_GROUP);

export interface StageView {
  stage: DisproStage;
  /** breakdown.stage of the records shown: the stage, or its pooled key. */
  key: string;
  pooled: boolean;
  /** "Custodial sentence (3 years pooled)". */
  label: string;
  /** The chart's axis label, lines split by "|". */
  chartLabel: string;
  /** Short, for a table row ("Remand to youth detention (pooled)"). */
  tableLabel: string;
  /** "the year to September 2026" or "the three years to September 2026". */
  when: string;
  /** What is counted at the stage ("arrests", "children sentenced at court"). */
  counted: string;
  /** Whether the stage's rates are per 1,000 children in the population (not a percentage of those fed in). */
  onPopulation: boolean;
  /** The events a population stage counts, one and many (["arrest", "arrests"]). */
  events: readonly [string, string];
}

interface StageWords {
  label: string;
  /** Short enough for the chart's axis; "|" breaks a line. */
  short: string;
  /** The comparison, after "<group> were": "2.46 times as likely as White children to …". */
  likely: (ratio: string) => string;
  /** What a population stage counts, one and many, before "among 2,716 Black children". */
  events: readonly [string, string];
}

const WORDS: Record<DisproStage, StageWords> = {
  arrest: { label: 'Arrest', short: 'Arrest', events: ['arrest', 'arrests'], likely: (x) => `arrested ${x} times as often as White children, for their numbers in the population` },
  fte: { label: 'First time entrant', short: 'First time entrant', events: ['first time entrant', 'first time entrants'], likely: (x) => `${x} times as likely as White children to become first time entrants` },
  outcome: { label: 'Caution or sentence', short: 'Caution or sentence', events: ['caution or sentence', 'cautions or sentences'], likely: (x) => `${x} times as likely as White children to receive a caution or court sentence` },
  diversion: { label: 'Diversion (all outcomes out of court)', short: 'Diversion', events: ['child diverted', 'children diverted'], likely: (x) => `${x} times as likely as White children to have all their outcomes dealt with out of court, among children with a proven outcome` },
  remand_yda: { label: 'Remand to youth detention', short: 'Remand to|youth detention', events: ['child remanded', 'children remanded'], likely: (x) => `${x} times as likely as White children to be remanded to youth detention accommodation, among children with a remand decision` },
  custody: { label: 'Custodial sentence', short: 'Custodial sentence', events: ['custodial sentence', 'custodial sentences'], likely: (x) => `${x} times as likely as White children to receive a custodial sentence, among children sentenced at court` },
  reoffending: { label: 'Reoffending', short: 'Reoffending', events: ['reoffender', 'reoffenders'], likely: (x) => `${x} times as likely as White children to reoffend, among children in the latest complete reoffending cohorts` },
};

/** "Black children", "children from the Mixed ethnic group" (GOV.UK style for ethnicity). */
export function groupNoun(group: string): string {
  return group === 'Mixed' || group === 'Other' ? `children from the ${group} ethnic group` : `${group} children`;
}

/** The dispro records describing the year (or pooled years) to P. */
export function disproRecords(records: readonly IndicatorRecord[], period: Period): IndicatorRecord[] {
  const code = formatPeriod(period);
  return records.filter((r) => r.id.startsWith('dispro.') && r.period === code);
}

/** The stages with records, in the order of the chain, each as its pooled figure where there is one. */
export function stagesShown(records: readonly IndicatorRecord[], period: Period): StageView[] {
  const keys = new Set(records.map((r) => r.breakdown.stage));
  return STAGES.flatMap((def): StageView[] => {
    const pooledKey = pooledStage(def.stage);
    const pooled = keys.has(pooledKey);
    const key = pooled ? pooledKey : def.stage;
    if (!keys.has(key)) return [];
    const year = yearToLabel(period);
    return [{
      stage: def.stage, key, pooled,
      label: pooled ? `${WORDS[def.stage].label} (3 years pooled)` : WORDS[def.stage].label,
      chartLabel: pooled ? `${WORDS[def.stage].short}|(3 years pooled)` : WORDS[def.stage].short,
      tableLabel: `${WORDS[def.stage].short.replace('|', ' ')}${pooled ? ' (pooled)' : ''}`,
      when: pooled ? `the ${year.replace(/^year to/, 'three years to')}` : `the ${year}`,
      counted: def.counted,
      onPopulation: def.base === 'population',
      events: WORDS[def.stage].events,
    }];
  });
}

export function recordOf(records: readonly IndicatorRecord[], id: IndicatorId, stageKey: string, group: string): IndicatorRecord | undefined {
  return records.find((r) => r.id === id && r.breakdown.stage === stageKey && r.breakdown.group === group);
}

/** The population shares of the groups (the Lammy-review comparison). */
export function populationShare(records: readonly IndicatorRecord[], group: string): IndicatorRecord | undefined {
  return recordOf(records, 'dispro.share', POPULATION_STAGE, group);
}

export type Drawable = IndicatorRecord & { value: number; lower: number; upper: number };

/** An RRI a log scale can show: a positive value with both limits positive. */
export function isDrawable(r: IndicatorRecord | undefined): r is Drawable {
  return isShown(r) && r.value > 0 && r.lower !== null && r.lower > 0 && r.upper !== null;
}

/**
 * Why an RRI is not drawn: a few words for the table, and the reason for the
 * list under the chart, worded to cover every group and stage it applies to
 * (the list groups them); null when it is drawn.
 */
export function whyNotDrawn(r: IndicatorRecord | undefined, hiddenReason: HiddenReasonOf = NO_HIDDEN_REASONS): { short: string; full: string } | null {
  if (isDrawable(r)) return null;
  if (r === undefined) return { short: 'No figure', full: 'No figure for the group' };
  if (r.suppressed) {
    switch (hiddenReason(r)) {
      case 'protects another':
        return { short: 'Hidden [c]: protects another', full: 'Hidden to protect children\'s identities, so that another hidden figure cannot be worked out from them (they are not small themselves)' };
      case 'small count':
        return { short: 'Hidden [c]: small count', full: 'Hidden to protect children\'s identities, because each is built on a small count' };
      default:
        return { short: 'Hidden [c]', full: 'Hidden to protect children\'s identities' };
    }
  }
  if (r.value === null) {
    return r.denominator === 0
      ? { short: 'No White children', full: 'No White child reached the stage, so there is no rate to compare with and the index is undefined' }
      : { short: 'No base', full: 'The group or White children had no one in the base for the stage (or no population figure), so the index is undefined' };
  }
  if (r.value === 0) return { short: 'Index is 0', full: 'No child of the group reached the stage, so the index is 0, which a log scale cannot show' };
  return { short: 'No interval', full: 'The 95% confidence interval cannot be calculated' };
}

/**
 * "In the year to …, Black children were 2.46 times as likely as White
 * children to become first time entrants (95% confidence interval 1.42 to
 * 3.97; 15 first time entrants among 1,920 Black children, against …)."
 */
export function rriSentence(r: Drawable, stage: StageView, options: { interval: boolean; counts?: string | null } = { interval: true }): string {
  const group = r.breakdown.group ?? '';
  const ratio = formatValue(r.value, 'ratio');
  const bracket = [
    options.interval ? `95% confidence interval ${formatInterval(r.lower, r.upper, 'ratio')}` : null,
    options.counts ?? null,
  ].filter((x): x is string => x !== null);
  return `In ${stage.when}, ${groupNoun(group)} were ${WORDS[stage.stage].likely(ratio)}${bracket.length > 0 ? ` (${bracket.join('; ')})` : ''}.`;
}

/** The RRIs of every compared group at every stage shown, in chart order. */
export function rriRows(records: readonly IndicatorRecord[], stages: readonly StageView[]): { stage: StageView; group: EthnicGroup; rri: IndicatorRecord | undefined }[] {
  return stages.flatMap((stage) => COMPARED_GROUPS.map((group) => ({ stage, group, rri: recordOf(records, 'dispro.rri', stage.key, group) })))
    .filter((row) => row.rri !== undefined);
}

export function capitalisedWhen(stage: StageView): string {
  return capitalise(stage.when.replace(/^the /, ''));
}

/**
 * The indicator catalogue: for every IndicatorId, what it is (label, topic,
 * kind), what its count is of (and so whether disclosure control applies),
 * whether it is counted over the year to each quarter, how its value is
 * scaled and shown (unit → multiplier, decimal places, interval, chart words)
 * and, for the YJB key performance indicators, its KPI number, the wording of
 * its row in the KPI return and where the pack's KPI tables show it
 * (docs/indicators.md, Output record and KPIs). Compute builds records from
 * it, assemble words, rounds and controls them from it, and the output
 * writers lay out the KPI return from it, so a fact about an indicator is
 * written once.
 *
 * It lives in compute/ because compute is the lowest phase that needs it
 * (the unit and multiplier of every record) and assemble and output already
 * read compute's types; putting it in assemble/ would make compute import
 * from a later phase.
 */
import { capitalise } from '../words.js';
import type { IndicatorId, Unit } from './record.js';

/** What a figure is: a rate per head (or per child), a proportion in per cent, a count, or a ratio of rates. */
export type IndicatorKind = 'rate' | 'proportion' | 'count' | 'index';

/** The topic an indicator belongs to: its section of the pack and the prefix of its compute notes. */
export type Topic = 'fte' | 'custody' | 'reoffending' | 'ete' | 'dispro' | 'kpi';

export interface TopicEntry {
  /** Section heading ("First time entrants"). */
  heading: string;
  /** The topic in a sentence ("first time entrants"). */
  label: string;
}

export const TOPICS: Readonly<Record<Topic, TopicEntry>> = {
  fte: { heading: 'First time entrants', label: 'first time entrants' },
  custody: { heading: 'Use of custody', label: 'use of custody' },
  reoffending: { heading: 'Reoffending', label: 'reoffending' },
  ete: { heading: 'Education, training and employment', label: 'education, training and employment' },
  dispro: { heading: 'Disproportionality', label: 'disproportionality' },
  kpi: { heading: 'Youth Justice Board key performance indicators', label: 'the YJB key performance indicators' },
};

export interface UnitEntry {
  /** A rate or percentage is events ÷ base × this; null where the value is not scaled (counts). */
  multiplier: number | null;
  /** Decimal places shown (assemble may add up to two to tell a figure from its interval; format.ts). */
  decimals: number;
  /** The unit in words, for subtitles and axis titles. */
  words: string;
  /** Whether a figure has a sampling interval: not a count, nor a count of all five partners (a census, not a sample). */
  interval: boolean;
  /** At least this many significant figures shown, places added as needed (format.ts): a small rate per head. */
  significantFigures?: number;
  /** The largest figure the unit allows (the top of a chart's axis), where it has one. */
  max?: number;
  /** The words of a KPI's small chart in this unit: its subtitle, axis title and table column. */
  panel?: { subtitle: string; axis: string; column: string };
}

export const UNITS: Readonly<Record<Unit, UnitEntry>> = {
  count: { multiplier: null, decimals: 0, words: 'number', interval: false },
  '%': {
    multiplier: 100, decimals: 1, words: 'per cent', interval: true, max: 100,
    panel: { subtitle: 'Per cent of the children measured', axis: 'Per cent', column: 'Per cent' },
  },
  'per 100,000': { multiplier: 100_000, decimals: 1, words: 'per 100,000 children aged 10–17', interval: true, significantFigures: 2 },
  'per 10,000': {
    multiplier: 10_000, decimals: 1, words: 'per 10,000 children aged 10–17', interval: true,
    panel: { subtitle: 'Children per 10,000 aged 10–17', axis: 'Per 10,000', column: 'Rate per 10,000' },
  },
  'per 1,000': { multiplier: 1_000, decimals: 1, words: 'per 1,000 children aged 10–17', interval: true, significantFigures: 2 },
  ratio: { multiplier: 1, decimals: 2, words: 'ratio', interval: true },
  'per child': { multiplier: 1, decimals: 2, words: 'per child', interval: true },
  'of 5': {
    multiplier: null, decimals: 0, words: 'of the 5 statutory partners', interval: false, max: 5,
    panel: { subtitle: 'Statutory partners (of 5)', axis: 'Partners', column: 'Partners' },
  },
};

/** The KPIs by number, as the YJB's return names them. */
export const KPI_NAMES = {
  1: 'Suitable accommodation',
  2: 'Education, training and employment',
  3: 'SEND/ALN',
  4: 'Mental health and emotional wellbeing',
  5: 'Substance misuse',
  6: 'Out-of-court disposals',
  7: 'Links to wider services',
  8: 'Management board attendance',
  9: 'Serious violence',
  10: 'Victims',
} as const;
export type KpiNumber = keyof typeof KPI_NAMES;

/**
 * What a figure's count is of: the number a reader is told it is "of" (the numerator; a rate's events).
 * `stage`: a disproportionality stage's own (arrests at the arrest stage, children at the others).
 */
export type Counted = 'children' | 'victims' | 'partners' | 'offences' | 'sentences' | 'reoffences' | 'stage';

/** A KPI measure: its KPI, its row in the KPI return, and where the pack shows it. */
export interface KpiEntry {
  number: KpiNumber;
  /** The measure's row in the KPI return. */
  measure: string;
  /** The KPI's headline measure (one per KPI): its row of the pack's KPI table, after the KPI number. */
  headline?: string;
  /** A column of the pack's KPI tables by type of order, ethnic group, sex and age band (under its `header`). */
  byGroup?: true;
}

export interface CatalogueEntry {
  /** What the figure is, in a sentence (lower case; capitalise() where it starts one). */
  label: string;
  /** What its count is of; a count of the statutory partners is not under disclosure control (underDisclosureControl). */
  counts: Counted;
  /** A table's column header, where the pack shows the figure as a column. */
  header?: string;
  topic: Topic;
  kind: IndicatorKind;
  unit: Unit;
  /**
   * dispro.rate only: its unit at the stages whose base is the stage before
   * (a percentage); `unit` is the population stage's.
   */
  stageUnit?: Unit;
  /** Whether a higher figure is better, where the config sets no target to say so. */
  better?: 'higher' | 'lower';
  /** Counted over the year to the end of each quarter of the trend window (the first time entrant and custody topics). */
  rollingYear?: true;
  /** The KPI the figure is a measure of, and the measure's row in the KPI return. */
  kpi?: KpiEntry;
}

const kpi = (number: KpiNumber, measure: string, shown: Pick<KpiEntry, 'headline' | 'byGroup'> = {}) => ({ kpi: { number, measure, ...shown } });

/**
 * Every indicator, once (the Record type refuses a missing or unknown id).
 * The KPI measures are in the order of the KPI return: KPI number, then
 * measure (KPI_MEASURES reads them in this order).
 */
export const CATALOGUE: Readonly<Record<IndicatorId, CatalogueEntry>> = {
  'fte.count': { label: 'first time entrants', topic: 'fte', counts: 'children', rollingYear: true, kind: 'count', unit: 'count', header: 'First time entrants' },
  'fte.offences': {
    label: 'offences dealt with at the first time entrants\' first outcomes', topic: 'fte', counts: 'offences', rollingYear: true, kind: 'count', unit: 'count', header: 'Offences',
  },
  'fte.rate': { label: 'first time entrant rate', topic: 'fte', counts: 'children', rollingYear: true, kind: 'rate', unit: 'per 100,000', better: 'lower' },
  'custody.count': { label: 'custodial sentences', topic: 'custody', counts: 'sentences', rollingYear: true, kind: 'count', unit: 'count', header: 'Custodial sentences' },
  'custody.children': { label: 'children sentenced to custody', topic: 'custody', counts: 'children', rollingYear: true, kind: 'count', unit: 'count', header: 'Children sentenced' },
  'custody.rate': { label: 'custody rate', topic: 'custody', counts: 'sentences', rollingYear: true, kind: 'rate', unit: 'per 1,000', better: 'lower' },
  'reoffending.binary': {
    label: 'children who reoffended within 12 months', topic: 'reoffending', counts: 'children', kind: 'proportion', unit: '%', better: 'lower',
  },
  'reoffending.per_reoffender': {
    label: 'reoffences per child who reoffended', topic: 'reoffending', counts: 'reoffences', kind: 'rate', unit: 'per child', better: 'lower',
  },
  'reoffending.per_offender': {
    label: 'reoffences per child in the cohort', topic: 'reoffending', counts: 'reoffences', kind: 'rate', unit: 'per child', better: 'lower',
  },
  'dispro.rate': {
    label: 'rate for each ethnic group', topic: 'dispro', counts: 'stage', kind: 'rate', unit: 'per 1,000', stageUnit: '%',
  },
  'dispro.rri': { label: 'relative rate index against White children', topic: 'dispro', counts: 'stage', kind: 'index', unit: 'ratio' },
  'dispro.share': { label: 'share of each ethnic group', topic: 'dispro', counts: 'stage', kind: 'proportion', unit: '%' },

  'kpi.accommodation.end': {
    label: 'children in suitable accommodation at the end of the order', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%', header: 'Suitable accommodation',
    ...kpi(1, 'Suitable accommodation at the end of the order (%)', { headline: 'Suitable accommodation at the end of the order', byGroup: true }),
  },
  'kpi.accommodation.start': {
    label: 'children in suitable accommodation at the start of the order', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(1, 'Suitable accommodation at the start of the order (%)'),
  },
  'kpi.accommodation.not_recorded': {
    label: 'children with no accommodation recorded at the end of the order', topic: 'kpi', counts: 'children', kind: 'count', unit: 'count',
    ...kpi(1, 'No accommodation recorded at the end of the order (children)'),
  },
  'kpi.accommodation.not_recorded_start': {
    label: 'children with no accommodation recorded at the start of the order', topic: 'kpi', counts: 'children', kind: 'count', unit: 'count',
    ...kpi(1, 'No accommodation recorded at the start of the order (children)'),
  },
  'ete.overall': {
    label: 'children offered the expected ETE hours at the end of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    header: 'All children: hours met', better: 'higher', ...kpi(2, 'Offered the expected ETE hours at the end of the order (%)', { headline: 'ETE: offered the expected hours at the end' }),
  },
  'ete.school_age': {
    label: 'children of school age offered 25 hours or more at the end of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    header: 'School age: 25 hours or more', better: 'higher', ...kpi(2, 'School age: 25 hours or more at the end (%)'),
  },
  'ete.over_school_age': {
    label: 'children above school age offered 16 hours or more at the end of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    header: 'Above school age: 16 hours or more', better: 'higher', ...kpi(2, 'Above school age: 16 hours or more at the end (%)'),
  },
  'ete.suitable_end': {
    label: 'children in suitable ETE at the end of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    header: 'In suitable ETE at the end', better: 'higher', ...kpi(2, 'In suitable ETE at the end of the order (%)'),
  },
  'ete.not_recorded': {
    label: 'children with no ETE recorded at the end of the order', topic: 'ete', counts: 'children', kind: 'count', unit: 'count',
    ...kpi(2, 'No ETE recorded at the end of the order (children)'),
  },
  'ete.overall_start': {
    label: 'children offered the expected ETE hours at the start of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(2, 'Offered the expected ETE hours at the start of the order (%)'),
  },
  'ete.school_age_start': {
    label: 'children of school age offered 25 hours or more at the start of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(2, 'School age: 25 hours or more at the start (%)'),
  },
  'ete.over_school_age_start': {
    label: 'children above school age offered 16 hours or more at the start of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(2, 'Above school age: 16 hours or more at the start (%)'),
  },
  'ete.suitable_start': {
    label: 'children in suitable ETE at the start of the order', topic: 'ete', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(2, 'In suitable ETE at the start of the order (%)'),
  },
  'ete.not_recorded_start': {
    label: 'children with no ETE recorded at the start of the order', topic: 'ete', counts: 'children', kind: 'count', unit: 'count',
    ...kpi(2, 'No ETE recorded at the start of the order (children)'),
  },
  'kpi.send.plan': {
    label: 'children with an identified SEND/ALN need who have a formal plan', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%', header: 'SEND with a plan',
    ...kpi(3, 'Formal plan, of children with an identified SEND/ALN need (%)', { headline: 'SEND: children with a need who have a formal plan', byGroup: true }),
  },
  'kpi.mental_health.need': {
    label: 'children with an identified mental health need', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(4, 'Identified need, of children whose order ended (%)'),
  },
  'kpi.mental_health.offered': {
    label: 'children with a mental health need offered an intervention', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%', header: 'Mental health: offered',
    ...kpi(4, 'Offered an intervention, of children with the need (%)', { headline: 'Mental health: offered an intervention, of those with a need', byGroup: true }),
  },
  'kpi.mental_health.attended': {
    label: 'children offered a mental health intervention who attended', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(4, 'Attended, of children offered (%)'),
  },
  'kpi.substance_misuse.need': {
    label: 'children with an identified substance misuse need', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(5, 'Identified need, of children whose order ended (%)'),
  },
  'kpi.substance_misuse.offered': {
    label: 'children with a substance misuse need offered an intervention', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(5, 'Offered an intervention, of children with the need (%)', { headline: 'Substance misuse: offered an intervention, of those with a need' }),
  },
  'kpi.substance_misuse.attended': {
    label: 'children offered a substance misuse intervention who attended', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(5, 'Attended, of children offered (%)'),
  },
  'kpi.oocd.completed': {
    label: 'out-of-court disposals completed', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(6, 'Completed the intervention (%)', { headline: 'Out-of-court disposals completed' }),
  },
  'kpi.wider_services.any': {
    label: 'children looked after, on a protection plan, in need or on early help during the order', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%', header: 'Wider services',
    ...kpi(7, 'Any of the four statuses during the order (%)', { headline: 'Links to wider services (looked after, protection plan, in need, early help)', byGroup: true }),
  },
  'kpi.wider_services.lac': {
    label: 'children looked after during the order', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(7, 'Looked after during the order (%)'),
  },
  'kpi.wider_services.cpp': {
    label: 'children on a child protection plan during the order', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(7, 'Child protection plan during the order (%)'),
  },
  'kpi.wider_services.cin': {
    label: 'children in need during the order', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(7, 'Child in need during the order (%)'),
  },
  'kpi.wider_services.early_help': {
    label: 'children on an early help plan during the order', topic: 'kpi', counts: 'children', kind: 'proportion', unit: '%',
    ...kpi(7, 'Early help plan during the order (%)'),
  },
  'kpi.board_attendance.sectors': {
    label: 'statutory partners whose senior member attended at least half the board meetings', topic: 'kpi', counts: 'partners', kind: 'count', unit: 'of 5',
    ...kpi(8, 'Sectors whose senior partner attended at least half the meetings (of 5)', { headline: 'Board: statutory partners attending at least half the meetings (of 5)' }),
  },
  'kpi.board_attendance.data_shared': {
    label: 'statutory partners that shared data at every board meeting they attended', topic: 'kpi', counts: 'partners', kind: 'count', unit: 'of 5',
    ...kpi(8, 'Sectors that shared data at every meeting attended (of 5)'),
  },
  'kpi.serious_violence.offences': {
    label: 'serious violence offences', topic: 'kpi', counts: 'offences', kind: 'count', unit: 'count',
    ...kpi(9, 'Serious violence offences (count)'),
  },
  'kpi.serious_violence.children': {
    label: 'children with a serious violence offence', topic: 'kpi', counts: 'children', kind: 'count', unit: 'count',
    ...kpi(9, 'Children with a serious violence offence (count)'),
  },
  'kpi.serious_violence.rate': {
    label: 'serious violence rate', topic: 'kpi', counts: 'children', kind: 'rate', unit: 'per 10,000',
    ...kpi(9, 'Children with a serious violence offence per 10,000 aged 10-17', { headline: 'Serious violence: children per 10,000 aged 10–17' }),
  },
  'kpi.victims.engaged_rj': {
    label: 'victims who engaged with restorative justice, of those who consented to contact', topic: 'kpi', counts: 'victims', kind: 'proportion', unit: '%',
    ...kpi(10, 'Engaged with restorative justice, of victims who consented to contact (%)', { headline: 'Victims engaged with restorative justice, of those consenting to contact' }),
  },
  'kpi.victims.contacted': {
    label: 'victims contacted, of those who consented to contact', topic: 'kpi', counts: 'victims', kind: 'proportion', unit: '%',
    ...kpi(10, 'Contacted, of victims who consented to contact (%)'),
  },
  'kpi.victims.views_considered': {
    label: 'victims whose views were considered, of those identified', topic: 'kpi', counts: 'victims', kind: 'proportion', unit: '%',
    ...kpi(10, 'Views considered, of victims identified (%)'),
  },
};

/** The unit an indicator's records carry (dispro.rate's population stage; stageUnit for its other stages). */
export function unitOf(id: IndicatorId): Unit {
  return CATALOGUE[id].unit;
}

/** Every entry with its id, in the catalogue's order (the KPI return's). */
export function catalogueEntries(): [IndicatorId, CatalogueEntry][] {
  return Object.entries(CATALOGUE) as [IndicatorId, CatalogueEntry][];
}

/** A figure in the unit is a fraction × this (per cent → 100, per 10,000 → 10,000); 1 for an unscaled unit. */
export function unitMultiplier(unit: Unit): number {
  return UNITS[unit].multiplier ?? 1;
}

/** events ÷ base × this is the indicator's value (per 100,000 → 100,000); 1 for an unscaled figure. */
export function multiplierOf(id: IndicatorId): number {
  return unitMultiplier(unitOf(id));
}

/**
 * Whether the indicator's counts are under disclosure control: every count of children, victims, offences,
 * sentences and reoffences is. A count of the five statutory partners at the board (KPI 8) is not: nobody can
 * be identified from it, and a public "[c] of 5" would hide the partners' own accountability.
 */
export function underDisclosureControl(id: IndicatorId): boolean {
  return CATALOGUE[id].counts !== 'partners';
}

/** The rates on the population aged 10–17 over the trend window: the rolling-year topics' rates. */
export function isTrendRate(id: IndicatorId): boolean {
  const entry = CATALOGUE[id];
  return entry.rollingYear === true && entry.kind === 'rate';
}

/** An indicator's label, or a topic's (compute notes name either: `fte.rate`, `fte`); the key itself when neither. */
export function labelOf(key: string): string {
  if (key in CATALOGUE) return CATALOGUE[key as IndicatorId].label;
  if (key in TOPICS) return TOPICS[key as Topic].label;
  return key;
}

/** The table header of an indicator shown as a column (its label, capitalised, where it has no header of its own). */
export function headerOf(id: IndicatorId): string {
  const entry = CATALOGUE[id];
  return entry.header ?? capitalise(entry.label);
}

/**
 * Section 10, Methods and sources: the definitions behind the
 * figures in this pack, the statistics, the settings in force for this run,
 * the population estimates used, and the attribution the licences of the
 * reference data require. Built from what the run used: a topic with no
 * records gets no definition, a statistic no figure uses is not described.
 * The definitions (methods-definitions.ts) and the disclosure rules
 * (methods-disclosure.ts) are worded in files of their own.
 */
import type { IndicatorRecord } from '../../compute/record.js';
import { STALE_ESTIMATE_YEARS } from '../../compute/population.js';
import { midYearFor, type Period } from '../../period.js';
import type { Audience, Block, PackSettings, Section } from '../model.js';
import { STAGES } from '../../compute/indicators/dispro/stages.js';
import { capitalise, listOf } from '../../words.js';
import { CHANGE_METHOD_TEXT } from '../compare.js';
import { MIN_POINTS } from '../../compute/statistics.js';
import { profileDefinition, topicDefinition, type MethodTopic } from './methods-definitions.js';
import { disclosureMethod } from './methods-disclosure.js';

export const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';
export const PRISM_ATTRIBUTION = 'Census 2021 ethnic group figures as processed by PRISM-R, Oxon Advisory (CC BY 4.0).';

export type { MethodTopic } from './methods-definitions.js';

export const DEFAULT_SETTINGS: PackSettings = { includeNonSubstantive: false, poolStages: [], comparatorAreas: [] };

export interface MethodsOptions {
  audience: Audience;
  threshold: number;
  /** The records of this pack (any audience): which topics and statistics to describe. */
  records: readonly IndicatorRecord[];
  period: Period;
  population: { year: number; fallback: boolean } | null;
  settings?: PackSettings;
  /** Whether the pack has a cohort profile section (it has no indicator records to tell). */
  profile?: boolean;
}

/** Topics with records, in the order of the pack. */
export function topicsOf(records: readonly IndicatorRecord[]): MethodTopic[] {
  const prefixes = new Set(records.map((r) => r.id.slice(0, r.id.indexOf('.'))));
  return (['fte', 'custody', 'reoffending', 'ete', 'kpi', 'dispro'] as const).filter((t) => prefixes.has(t));
}

export function methodsSection(options: MethodsOptions): Section {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const topics = topicsOf(options.records);
  const blocks: Block[] = [
    { kind: 'paragraphs', paragraphs: ['How each figure in this pack is defined and worked out, the settings this pack was made with, and where the data comes from.'] },
    ...topics.flatMap((t) => topicDefinition(t, settings, options.records)),
    ...(options.profile ? [profileDefinition()] : []),
    statistics(options.records, topics),
    settingsBlock(options, settings),
    disclosureMethod(options.audience, options.threshold),
    sources(topics, settings),
  ];
  return { id: 'methods', heading: 'Methods and sources', blocks };
}

function statistics(records: readonly IndicatorRecord[], topics: readonly MethodTopic[]): Block {
  const units = new Set(records.map((r) => r.unit));
  const rates = units.has('per 100,000') || units.has('per 1,000');
  const paragraphs: string[] = [
    'Each rate and percentage has a 95% confidence interval: the range of values consistent with the number of children counted, allowing for chance.',
  ];
  if (units.has('%')) paragraphs.push('Percentages: the Wilson score interval.');
  if (rates || units.has('per child')) paragraphs.push('Rates: the exact Poisson interval below 10 events and Byar\'s method from 10, as in the Public Health England (now UKHSA) Fingertips tools.');
  if (topics.includes('dispro')) {
    paragraphs.push('Relative rate indexes: for stages compared with the population, the exact conditional interval for a ratio of two rates (Clopper and Pearson 1934; Breslow and Day 1987), which stays reliable with very small counts; for stages compared with the children fed in, Katz\'s log interval for a ratio of two proportions.');
  }
  // The rate charts and the KPI section's small multiples mark SPC signals.
  if (topics.includes('fte') || topics.includes('custody') || topics.includes('kpi')) {
    paragraphs.push(`Trends: statistical process control (XmR charts, NHS "Making Data Count"). The limits are the mean plus or minus 2.66 times the mean moving range. The signals, named the same way in every chart and table: above the upper or below the lower limit (a point outside the limits); run above or below the average (7 points in a row on one side of the mean); rising or falling trend (7 points in a row rising or falling); near the upper or lower limit (2 of 3 points beyond two-thirds of the way to a limit on the same side). With fewer than 12 points the limits are trial limits. With fewer than ${MIN_POINTS} points (only quarters with a figure shown count) a chart has no average line, limits or signals and says there are too few quarters to judge variation: limits from fewer points would claim more than the data can show (Wheeler 1993: useful limits need at least five or six values).`);
  }
  paragraphs.push(
    CHANGE_METHOD_TEXT,
    'Against the service\'s target, a figure has met or not met it only when the target lies outside the figure\'s 95% interval; otherwise it is called similar to the target, because the data cannot tell the two apart. Against a published comparator, a difference is called better or worse in the same way: only when the comparator lies outside the interval.',
  );
  return { kind: 'subsection', heading: 'Confidence intervals, trends and comparisons', paragraphs };
}

function settingsBlock(options: MethodsOptions, settings: PackSettings): Block {
  const pooled = settings.poolStages.length > 0
    ? `${capitalise(listOf(settings.poolStages.map((s) => STAGES.find((d) => d.stage === s)?.name ?? s)))} stages: pooled over three years, because a single year has too few children to compare groups.`
    : 'None: every stage is for a single year.';
  return { kind: 'facts', heading: 'Settings used for this pack', items: [
    { term: 'Reoffending index events', detail: settings.includeNonSubstantive
      ? 'Community resolutions and Outcome 22 count as well as cautions, court sentences and releases from custody (the local live-tracker view), so reoffending rates are not comparable with official statistics, which leave them out.'
      : 'Cautions, court sentences and releases from custody only, as in official statistics.' },
    { term: 'Disproportionality pooling', detail: pooled },
    { term: 'Small-number threshold', detail: options.audience === 'public'
      ? `Counts from 1 to ${options.threshold} are hidden in this version, with every figure built on them.`
      : `Not applied in this board version; the published version hides counts from 1 to ${options.threshold}, with every figure built on them.` },
    { term: 'Comparators', detail: settings.comparatorAreas.length > 0 ? listOf([...settings.comparatorAreas]) : 'None chosen.' },
    { term: 'Population estimate', detail: populationText(options) },
  ] };
}

function populationText(options: MethodsOptions): string {
  const p = options.population;
  if (p === null) return 'None available, so no rate is shown.';
  const wanted = midYearFor(options.period);
  return p.fallback
    ? `ONS mid-${p.year}, the latest in population.csv: the year to this period wants mid-${wanted}, and every year after mid-${p.year} uses mid-${p.year} too.${wanted - p.year > STALE_ESTIMATE_YEARS ? ` That is ${wanted - p.year} years older than this period needs: see the warnings under Data quality.` : ''}`
    : `ONS mid-${p.year} for the year to this period; each earlier year uses the estimate for 30 June inside it.`;
}

function sources(topics: readonly MethodTopic[], settings: PackSettings): Block {
  const paragraphs = [
    'Case-level data: the service\'s quarterly case-management extract (and, for arrests, the police partner\'s file). Population: Office for National Statistics (ONS) mid-year population estimates, children aged 10 to 17.',
  ];
  if (topics.includes('dispro')) {
    paragraphs.push('Population by ethnic group: the ONS mid-year estimates split in the proportions of Census 2021 (table RM032) for the area, by age band and sex.');
  }
  if (settings.comparatorAreas.length > 0) {
    paragraphs.push('Comparators: published figures shipped with yjpack (reference/comparators.csv, described in reference/comparators.SOURCES.md): first time entrant rates from the Department for Education\'s Local Authority Interactive Tool (Youth Justice Statistics, Police National Computer); children cautioned or sentenced from the Youth Justice Board\'s local statistics; proven reoffending from the Ministry of Justice\'s Proven Reoffending Statistics; and any figures added in the service\'s own comparators.csv.');
  }
  paragraphs.push(OGL_ATTRIBUTION);
  if (topics.includes('dispro')) paragraphs.push(PRISM_ATTRIBUTION);
  return { kind: 'subsection', heading: 'Sources', paragraphs };
}

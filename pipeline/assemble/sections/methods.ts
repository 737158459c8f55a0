/**
 * Section 10, Methods and sources (board-pack.md): the definitions behind the
 * figures in this pack, the statistics, the settings in force for this run,
 * the population estimates used, and the attribution the licences of the
 * reference data require. Built from what the run used: a topic with no
 * records gets no definition, a statistic no figure uses is not described.
 */
import type { IndicatorRecord } from '../../compute/record.js';
import { midYearFor, type Period } from '../../period.js';
import type { Audience, Block, PackSettings, Section } from '../model.js';
import { listOf } from '../../compute/indicators/dispro/notes.js';
import { STAGES } from '../../compute/indicators/dispro/stages.js';
import { capitalise } from '../format.js';

export const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';
export const PRISM_ATTRIBUTION = 'Census 2021 ethnic group figures as processed by PRISM-R, Oxon Advisory (CC BY 4.0).';

export type MethodTopic = 'fte' | 'custody' | 'reoffending' | 'ete' | 'dispro';

export const DEFAULT_SETTINGS: PackSettings = { includeNonSubstantive: false, poolStages: [], comparatorAreas: [] };

export interface MethodsOptions {
  audience: Audience;
  threshold: number;
  /** The records of this pack (any audience): which topics and statistics to describe. */
  records: readonly IndicatorRecord[];
  period: Period;
  population: { year: number; fallback: boolean } | null;
  settings?: PackSettings;
}

/** Topics with records, in the order of the pack. */
export function topicsOf(records: readonly IndicatorRecord[]): MethodTopic[] {
  const prefixes = new Set(records.map((r) => r.id.slice(0, r.id.indexOf('.'))));
  return (['fte', 'custody', 'reoffending', 'ete', 'dispro'] as const).filter((t) => prefixes.has(t));
}

export function methodsSection(options: MethodsOptions): Section {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const topics = topicsOf(options.records);
  const blocks: Block[] = [
    { kind: 'paragraphs', paragraphs: ['How each figure in this pack is defined and worked out, the settings this pack was made with, and where the data comes from.'] },
    ...topics.map((t) => definition(t, settings)),
    statistics(options.records, topics),
    settingsBlock(options, settings),
    disclosure(options),
    sources(topics, settings),
  ];
  return { id: 'methods', heading: 'Methods and sources', blocks };
}

function definition(topic: MethodTopic, settings: PackSettings): Block {
  switch (topic) {
    case 'fte': return { kind: 'subsection', heading: 'First time entrants', paragraphs: [
      'A first time entrant is a child who receives their first substantive outcome: a youth caution, a youth conditional caution or a court sentence. Community resolutions and other out-of-court outcomes without a caution do not count. The child counts on the date of that outcome, if they were aged 10 to 17 at the date of the offence it dealt with.',
      'Each figure counts first time entrants in the year (four quarters) to the end of a quarter. The rate is that number per 100,000 children aged 10 to 17 living in the area.',
      'Local (case-management) count: these figures come from the service\'s case-management system. The official figures in Youth Justice Statistics come from the Police National Computer and usually run higher, so the two should not be compared directly. Where the extract covers less than three years, some children may look like first time entrants because their earlier outcomes are missing.',
      'Source of the definition: Youth Justice Statistics, first time entrants chapter (Ministry of Justice and Youth Justice Board).',
    ] };
    case 'custody': return { kind: 'subsection', heading: 'Use of custody', paragraphs: [
      'Custodial sentences are detention and training orders (Sentencing Act 2020 section 233) and sentences of detention under sections 250, 254, 258 and 259. Each child and sentence date counts once, however many offences were sentenced that day. The rate is custodial sentences in the year to the end of a quarter per 1,000 children aged 10 to 17 in the area.',
    ] };
    case 'reoffending': return { kind: 'subsection', heading: 'Reoffending', paragraphs: [
      'The Ministry of Justice method with three-month cohorts. A child joins the cohort of the quarter of their first index event in it: a youth caution or youth conditional caution, a court sentence other than custody, or release from custody. A proven reoffence is an offence committed in the 12 months after that date and proven by a caution or court sentence within a further 6 months. The reoffending rate is the percentage of the cohort who reoffended; reoffences per reoffender counts each proven reoffence once.',
      settings.includeNonSubstantive
        ? 'In this pack community resolutions and Outcome 22 also count as index events (setting include_non_substantive: the local live-tracker view). Official statistics leave them out, so these rates are not comparable with published ones.'
        : 'As in official statistics, community resolutions and other outcomes without a caution are not index events.',
      'A cohort is complete once the 18 months have passed; provisional after 12 months; younger cohorts are in progress and show what is known so far. Source of the method: Ministry of Justice, Proven Reoffending Statistics; YJB reoffending toolkit (live tracking).',
    ] };
    case 'ete': return { kind: 'subsection', heading: 'Education, training and employment', paragraphs: [
      'YJB key performance indicator 2 (from April 2023). Each child whose intervention ended in the quarter counts once. The hours are those offered by the ETE placements that cover the end date: at least 25 hours a week for a child of compulsory school age, at least 16 hours above it. A child is of compulsory school age until the last Friday of June of the school year in which they turn 16. Suitable ETE means every placement covering the end date was recorded as suitable; a child with no placement is not in suitable ETE.',
    ] };
    case 'dispro': return { kind: 'subsection', heading: 'Ethnic disproportionality', paragraphs: [
      'At each decision point (arrest, first time entry, outcome, diversion, remand to youth detention, custody and reoffending) the rate for each ethnic group is compared with the rate for White children. The ratio of the two is the relative rate index (RRI): 1 means the same rate, 2 twice the White rate. Each decision point is compared with the one that feeds it (for example, custody among children sentenced at court), so a difference that arose earlier is not counted again (the decision-point method of the US Office of Juvenile Justice and Delinquency Prevention).',
      'Rates at arrest, first time entry and outcome are per 1,000 children aged 10 to 17 in the group; the others are percentages of the children fed in. The arrest file does not identify children, so that stage counts arrests. Children whose ethnicity is not recorded are left out of the rates; the data quality section says how many.',
      'The pack also shows each group\'s share of the children at each stage next to its share of the population aged 10 to 17 (the view of the Lammy Review, 2017).',
      'A difference shows that a decision happened more often to children of one group. It does not show why: differences in offences, earlier decisions, needs, where children live, or bias may all play a part.',
    ] };
  }
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
    paragraphs.push('Relative rate indexes: for stages compared with the population, the exact conditional interval for a ratio of two rates (Clopper and Pearson 1934; Breslow and Day 1987), which stays reliable with very small counts; for stages compared with the children fed in, Katz\'s log interval for a ratio of two proportions. An RRI is significant when its interval lies wholly above or wholly below 1.');
  }
  if (topics.includes('fte') || topics.includes('custody')) {
    paragraphs.push('Trends: statistical process control (XmR charts, NHS "Making Data Count"). The limits are the mean plus or minus 2.66 times the mean moving range. A signal is a point outside the limits, 7 points in a row above or below the mean, 7 points rising or falling, or 2 of 3 points beyond two-thirds of the way to a limit on the same side. With fewer than 12 points the limits are trial limits.');
  }
  paragraphs.push(
    'A figure is called higher or lower than an earlier one only where their 95% confidence intervals do not overlap; otherwise it is called similar. This is a cautious test, chosen for this pack: a smaller real change can go unreported, but a change reported is unlikely to be chance. Against a published comparator, a difference is called significant only when the comparator lies outside the figure\'s 95% interval.',
  );
  return { kind: 'subsection', heading: 'Confidence intervals, trends and comparisons', paragraphs };
}

function settingsBlock(options: MethodsOptions, settings: PackSettings): Block {
  const pooled = settings.poolStages.length > 0
    ? `${capitalise(listOf(settings.poolStages.map((s) => STAGES.find((d) => d.stage === s)?.name ?? s)))} stages: pooled over three years, because a single year has too few children to compare groups.`
    : 'None: every stage is for a single year.';
  return { kind: 'facts', heading: 'Settings used for this pack', items: [
    { term: 'Reoffending index events', detail: settings.includeNonSubstantive
      ? 'Include community resolutions and Outcome 22 (include_non_substantive: true).'
      : 'Cautions, court sentences and releases from custody only, as in official statistics (include_non_substantive: false).' },
    { term: 'Disproportionality pooling', detail: pooled },
    { term: 'Small-number threshold', detail: options.audience === 'public'
      ? `Counts from 1 to ${options.threshold} are hidden in this version (suppression_threshold: ${options.threshold}).`
      : `Not applied in this board version; the published version hides counts from 1 to ${options.threshold} (suppression_threshold: ${options.threshold}).` },
    { term: 'Comparators', detail: settings.comparatorAreas.length > 0 ? listOf([...settings.comparatorAreas]) : 'None chosen.' },
    { term: 'Population estimate', detail: populationText(options) },
  ] };
}

function populationText(options: MethodsOptions): string {
  const p = options.population;
  if (p === null) return 'None available, so no rate is shown.';
  const wanted = midYearFor(options.period);
  return p.fallback
    ? `ONS mid-${p.year}, the latest available: the year to this period wants mid-${wanted}, and later years use mid-${p.year} too.`
    : `ONS mid-${p.year} for the year to this period; each earlier year uses the estimate for 30 June inside it.`;
}

function disclosure(options: MethodsOptions): Block {
  const paragraphs = options.audience === 'public'
    ? [
      `Counts from 1 to ${options.threshold} are shown as [c] (confidential), and so is every rate, percentage, ratio and interval built on such a count or on such a base, so that no child can be identified. True zeros are shown as 0.`,
      'Where one figure in a row of a table is hidden, the next smallest is hidden too, so the hidden one cannot be worked out from a total shown elsewhere. Where a count is hidden, the other figures built on the same children (for example the same group\'s rate, ratio and share) are hidden with it. Charts leave hidden figures out, and sentences say a figure is withheld.',
      'Symbols (Government Statistical Service guidance): [c] confidential; [x] not available; [z] not applicable. Each table explains the symbols it uses. Every hidden figure is listed in manifest.json.',
    ]
    : [
      'This board version shows every count, however small, so that the board sees the whole picture. It is not for publication: the published version applies disclosure control.',
      'Symbols (Government Statistical Service guidance): [x] not available; [z] not applicable. Each table explains the symbols it uses.',
    ];
  return { kind: 'subsection', heading: 'Small numbers', paragraphs };
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

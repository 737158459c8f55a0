/**
 * The definitions part of the methods section: one subsection per topic the
 * pack shows, in plain words for a board member, each saying what counts,
 * over what period and out of whom. The wording follows docs/indicators.md
 * and docs/disproportionality.md, which carry the detail and the sources.
 */
import { TOPICS, type Topic } from '../../compute/catalogue.js';
import type { IndicatorRecord } from '../../compute/record.js';
import { STAGES, isPooledStage, POOLED_SUFFIX, type DisproStage } from '../../compute/indicators/dispro/stages.js';
import type { Block, PackSettings } from '../model.js';

/** The pack's topics (the catalogue's). */
export type MethodTopic = Topic;

export function topicDefinition(topic: MethodTopic, settings: PackSettings, records: readonly IndicatorRecord[]): Block[] {
  switch (topic) {
    case 'fte': return [{ kind: 'subsection', heading: TOPICS.fte.heading, paragraphs: [
      'A first time entrant is a child who receives their first substantive outcome: a youth caution, a youth conditional caution or a court sentence. Community resolutions and other out-of-court outcomes without a caution do not count. The child counts on the date of that outcome, if they were aged 10 to 17 at the date of the offence it dealt with.',
      'Each figure counts first time entrants in the year (four quarters) to the end of a quarter. The rate is that number per 100,000 children aged 10 to 17 living in the area.',
      'Local (case-management) count: these figures come from the service\'s case-management system. The official figures in Youth Justice Statistics come from the Police National Computer and usually run higher, so the two should not be compared directly. Where the extract covers less than three years, some children may look like first time entrants because their earlier outcomes are missing.',
      'Source of the definition: Youth Justice Statistics, first time entrants chapter (Ministry of Justice and Youth Justice Board).',
    ] }];
    case 'custody': return [{ kind: 'subsection', heading: TOPICS.custody.heading, paragraphs: [
      'Custodial sentences are detention and training orders (Sentencing Act 2020 section 233) and sentences of detention under sections 250, 254, 258 and 259. Each child and sentence date counts once, however many offences were sentenced that day. The rate is custodial sentences in the year to the end of a quarter per 1,000 children aged 10 to 17 in the area.',
    ] }];
    case 'reoffending': return [{ kind: 'subsection', heading: TOPICS.reoffending.heading, paragraphs: [
      'The Ministry of Justice method with three-month cohorts. A child joins the cohort of the quarter of their first index event in it: a youth caution or youth conditional caution, a court sentence other than custody, or release from custody. A proven reoffence is an offence committed in the 12 months after that date and proven by a caution or court sentence within a further 6 months. The reoffending rate is the percentage of the cohort who reoffended; reoffences per reoffender counts each proven reoffence once.',
      settings.includeNonSubstantive
        ? 'In this pack community resolutions and Outcome 22 also count as index events (the local live-tracker view, chosen in the service\'s settings). Official statistics leave them out, so these rates are not comparable with published ones.'
        : 'As in official statistics, community resolutions and other outcomes without a caution are not index events.',
      'A cohort is complete once the 18 months have passed; provisional after 12 months; younger cohorts are in progress and show what is known so far. Source of the method: Ministry of Justice, Proven Reoffending Statistics; YJB reoffending toolkit (live tracking).',
    ] }];
    case 'ete': return [{ kind: 'subsection', heading: TOPICS.ete.heading, paragraphs: [
      'YJB key performance indicator 2 (from April 2023). Each child whose intervention ended in the quarter counts once. The hours are those offered by the ETE placements that cover the end date: at least 25 hours a week for a child of compulsory school age, at least 16 hours above it. A child is of compulsory school age until the last Friday of June of the school year in which they turn 16. Suitable ETE means every placement covering the end date was recorded as suitable; a child with no placement is not in suitable ETE.',
    ] }];
    case 'kpi': return [kpiDefinition()];
    case 'dispro': return disproDefinition(records);
  }
}

/** The ten YJB KPIs in short; docs/indicators.md has every rule. */
function kpiDefinition(): Block {
  return { kind: 'subsection', heading: 'YJB key performance indicators', paragraphs: [
    'The Youth Justice Board\'s ten KPIs (from April 2023), each for one quarter. Except for serious violence, board attendance and victims, they count children aged 10 to 17 at the start whose order or intervention ended in the quarter, once each under their most serious type of order; children living outside the area are left out.',
    'Suitable accommodation: the accommodation covering the order\'s end date was recorded as suitable (no record counts as not suitable). SEND: children with a special educational need identified before the order ended (and not more than 12 months before it started) who have an EHCP or IDP. Mental health and substance misuse: children with such a need who were offered an intervention during the order. Out-of-court disposals: children whose out-of-court disposal, youth caution or youth conditional caution ending in the quarter was completed. Wider services: children looked after, on a child protection plan, a child in need or on an early help plan at any time during the order.',
    'Board attendance: the five statutory partners (police, probation, health, education, children\'s social care) whose senior representative attended at least half of the quarter\'s board meetings. Serious violence: children with a proven offence of violence against the person, robbery or drugs of gravity 5 or more, dealt with by a caution or sentence in the quarter, per 10,000 children aged 10 to 17. Victims: victims identified in the quarter who engaged with restorative justice, of those who consented to be contacted.',
    'A KPI whose data file is missing is shown [x] with the reason, never as 0. Percentages have Wilson intervals; the serious violence rate an exact or Byar interval. Board attendance counts all five partners rather than a sample, so it has no interval and its change on a year before is not tested: it is shown as not available, never as similar.',
  ] };
}

/** What each stage counts and out of whom, in the words of docs/disproportionality.md. */
const STAGE_TERMS: Record<DisproStage, { term: string; detail: string }> = {
  arrest: { term: 'Arrest', detail: 'Arrests per 1,000 children aged 10 to 17 in the group living in the area. The police file does not identify children, so a child arrested twice counts twice.' },
  fte: { term: 'First time entrant', detail: 'Children who became first time entrants in the year, per 1,000 children aged 10 to 17 in the group.' },
  outcome: { term: 'Caution or sentence', detail: 'Children given a youth caution, a youth conditional caution or a court sentence in the year, per 1,000 children aged 10 to 17 in the group.' },
  diversion: { term: 'Diversion', detail: 'Children all of whose outcomes in the year were out of court (community resolution, Outcome 20, 21 or 22, youth caution or youth conditional caution), as a percentage of the children with any proven outcome.' },
  remand_yda: { term: 'Remand to youth detention', detail: 'Children remanded to youth detention accommodation, as a percentage of the children with any remand decision (bail or remand).' },
  custody: { term: 'Custodial sentence', detail: 'Children given a custodial sentence, as a percentage of the children sentenced at court.' },
  reoffending: { term: 'Reoffending', detail: 'Children who committed a proven reoffence, as a percentage of the children in the four latest complete quarterly reoffending cohorts (a child in two of those cohorts counts in each).' },
};

function disproDefinition(records: readonly IndicatorRecord[]): Block[] {
  const stages = disproStagesIn(records);
  return [
    { kind: 'subsection', heading: 'Ethnic disproportionality', paragraphs: [
      'At each decision point the rate for each ethnic group (Asian, Black, Mixed and Other, the Census groups) is compared with the rate for White children. The ratio of the two is the relative rate index (RRI): 1 means the same rate as White children, 2 twice the White rate, 0.5 half of it. Each decision point is compared with the one that feeds it (for example, custody among children sentenced at court), so a difference that arose earlier is not counted again: the decision-point method of the US Office of Juvenile Justice and Delinquency Prevention.',
      'Significant: an RRI is called higher or lower only when its 95% confidence interval lies wholly above 1 or wholly below 1. When the interval includes 1, there are too few children to tell the group\'s rate apart from White children\'s, and the pack does not call it a difference. With no White child at a stage there is no White rate to divide by, so no RRI; a group with no child at a stage compared with the children fed in has an RRI of 0 with no interval.',
      'Pooling: where a stage has very few children each year (custody and remand often do), the service can pool it over three years (chosen in the service\'s settings). The counts and the populations of the three years are added together, so a child counted in two of those years counts in both; the settings below say which stages, if any, are pooled.',
      'Ethnicity not known: children whose ethnicity is not recorded (left blank, refused or not obtained) cannot be placed in a group, so they are left out of the rates and RRIs. The data quality section gives their percentage at each stage and flags any above 10%: if those children differ from the rest, the comparison between groups may be biased.',
      'The pack also shows each group\'s share of the children at each stage next to its share of the population aged 10 to 17 (the view of the Lammy Review, 2017). A share is easy to read but is not the RRI, because it does not compare each stage with the one that feeds it.',
      'A difference shows that a decision happened more often to children of one group. It does not show why: differences in offences, earlier decisions, needs, where children live, or bias may all play a part.',
    ] },
    { kind: 'facts', heading: 'Disproportionality stages: who is counted, and out of whom', items: stages.map((s) => STAGE_TERMS[s]) },
  ];
}

/** The stages the run has records for, in the order of the chain (a pooled stage is its stage). */
function disproStagesIn(records: readonly IndicatorRecord[]): DisproStage[] {
  const keys = new Set(records.filter((r) => r.id.startsWith('dispro.')).map((r) => {
    const stage = r.breakdown.stage ?? '';
    return isPooledStage(stage) ? stage.slice(0, -POOLED_SUFFIX.length) : stage;
  }));
  return STAGES.map((d) => d.stage).filter((s) => keys.has(s));
}

/** The cohort profile: who counts and how each child is described (compute/profile.ts). */
export function profileDefinition(): Block {
  return { kind: 'subsection', heading: 'Cohort profile', paragraphs: [
    'The children who received any proven outcome in the year to the end of the quarter: community resolutions and other out-of-court outcomes, cautions and court sentences. Outcomes not proven (no further action, not guilty, withdrawn) do not count. Each child counts once in each table, so every table adds up to the same number of children.',
    'Sex and ethnic group are as recorded. Age is in whole years at the date of the offence dealt with at the child\'s first outcome in the year. Offence type is the YJB category of the child\'s most serious offence dealt with in the year: the one with the highest YJB gravity score. Outcome is the most severe of the child\'s outcomes in the year, from least to most severe: community resolution or diversion, youth or conditional caution, first-tier court sentence, community sentence, custodial sentence.',
  ] };
}

/**
 * Section 10, Methods and sources: the definitions behind the figures shown,
 * how differences are judged, disclosure control, and the attribution the
 * Open Government Licence requires wherever official figures are used.
 */
import type { Audience, Block, Section } from '../model.js';

export const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';

export type MethodTopic = 'fte' | 'custody' | 'reoffending' | 'ete';

export interface MethodsOptions {
  audience: Audience;
  threshold: number;
  /** Topics with a section in this pack, so only their definitions are given. */
  topics: readonly MethodTopic[];
}

const DEFINITIONS: Record<MethodTopic, Block> = {
  fte: { kind: 'subsection', heading: 'First time entrants', paragraphs: [
    'A first time entrant is a child who receives their first substantive outcome: a youth caution, a youth conditional caution or a court sentence. Community resolutions and other out-of-court outcomes without a caution do not count. The child counts on the date of that outcome, if they were aged 10 to 17 at the date of the offence it dealt with.',
    'Each figure counts first time entrants in the year (four quarters) to the end of a quarter. The rate is that number per 100,000 children aged 10 to 17 living in the area, using the ONS mid-year population estimate whose 30 June falls in the year.',
    'Local (case-management) count: these figures come from the service\'s case-management system. The official figures in Youth Justice Statistics come from the Police National Computer and usually run higher, so the two should not be compared directly. Where the extract covers less than three years, some children may look like first time entrants because their earlier outcomes are missing.',
    'Source of the definition: Youth Justice Statistics, first time entrants chapter (Ministry of Justice and Youth Justice Board).',
  ] },
  custody: { kind: 'subsection', heading: 'Use of custody', paragraphs: [
    'Custodial sentences are detention and training orders (Sentencing Act 2020 section 233) and sentences of detention under sections 250, 254, 258 and 259. Each child and sentence date counts once. The rate is custodial sentences in the year to the end of a quarter per 1,000 children aged 10 to 17 in the area.',
  ] },
  reoffending: { kind: 'subsection', heading: 'Reoffending', paragraphs: [
    'The Ministry of Justice method with three-month cohorts. A child joins the cohort of the quarter of their first index event in it: a youth caution or youth conditional caution, a court sentence other than custody, or release from custody. A proven reoffence is an offence committed in the 12 months after that date and proven by a caution or court sentence within a further 6 months. The reoffending rate is the percentage of the cohort who reoffended; reoffences per reoffender counts each proven reoffence once.',
    'A cohort is complete once the 18 months have passed; provisional after 12 months; younger cohorts are in progress and show what is known so far. Source of the method: Ministry of Justice, Proven Reoffending Statistics; YJB reoffending toolkit (live tracking).',
  ] },
  ete: { kind: 'subsection', heading: 'Education, training and employment', paragraphs: [
    'YJB key performance indicator 2 (from April 2023). Each child whose intervention ended in the quarter counts once. The hours are those offered by the ETE placements that cover the end date. A child is of compulsory school age until the last Friday of June of the school year in which they turn 16. Suitable ETE means every placement covering the end date was recorded as suitable; a child with no placement is not in suitable ETE.',
  ] },
};

export function methodsSection(options: MethodsOptions): Section {
  const blocks: Block[] = [
    ...options.topics.map((t) => DEFINITIONS[t]),
    { kind: 'subsection', heading: 'Confidence intervals and changes', paragraphs: [
      'Each rate and percentage has a 95% confidence interval: the range of values consistent with the number of children counted, allowing for chance. Intervals for rates use the exact Poisson method below 10 events and Byar\'s method from 10; for percentages, the Wilson score method; as in the Public Health England (now UKHSA) Fingertips tools.',
      'A figure is called higher or lower than an earlier one only where their 95% confidence intervals do not overlap; otherwise it is called similar. This is a cautious test, chosen for this pack: a smaller real change can go unreported, but a change reported is unlikely to be chance.',
    ] },
    disclosure(options),
    { kind: 'subsection', heading: 'Sources', paragraphs: [
      'Case-level data: the service\'s quarterly case-management extract. Population: Office for National Statistics (ONS) mid-year population estimates, children aged 10 to 17.',
      OGL_ATTRIBUTION,
    ] },
  ];
  return { id: 'methods', heading: 'Methods and sources', blocks };
}

function disclosure(options: MethodsOptions): Block {
  const paragraphs = options.audience === 'public'
    ? [`Disclosure control: counts from 1 to ${options.threshold} are shown as [c], and so is every rate and interval built on such a count, so that no child can be identified. True zeros are shown as 0. [x] means a figure is not available.`]
    : ['This board version shows every count, however small, so that the board sees the whole picture. It is not for publication: the published version applies disclosure control.'];
  return { kind: 'subsection', heading: 'Small numbers', paragraphs };
}

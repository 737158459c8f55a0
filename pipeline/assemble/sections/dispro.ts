/**
 * Section 7, Disproportionality (docs/disproportionality.md): the stages where a group's rate differed
 * significantly from White children's, named in sentences; the RRI chart by
 * stage and group on a log scale with its table (RRIs that cannot be drawn
 * are in the table with the reason, and listed); and each group's share of
 * every stage beside its share of the population (the Lammy-review view),
 * with the share of children whose ethnicity is not known.
 */
import { TOPICS } from '../../compute/catalogue.js';
import { ETHNIC_GROUPS, NOT_KNOWN } from '../../contract/codes.js';
import type { ComputeNote, NoteMessageId } from '../../compute/context.js';
import type { IndicatorRecord } from '../../compute/record.js';
import type { Period } from '../../period.js';
import { rriChartSpec, type RriPoint } from '../charts/rri-chart.js';
import { intervalCell, isShown, labelCell, numberCell, table, textCell, valueCell, valueWithCountsCell } from '../cells.js';
import { SYMBOL, formatCount, formatValue } from '../format.js';
import { NO_HIDDEN_REASONS, type HiddenReasonOf } from '../hidden-reasons.js';
import { isNoteFrom, noteText } from '../notes.js';
import type { Block, ChartModel, Section, TableModel } from '../model.js';
import {
  COMPARED_GROUPS, REFERENCE_GROUP, disproRecords, groupNoun, isDrawable, populationShare, recordOf,
  rriRows, rriSentence, stagesShown, whyNotDrawn, type StageView,
} from '../dispro-figures.js';
import {
  DEFAULT_HEADLINE_MIN_COUNT, chanceSentence, fewSentence, hiddenSentence, largestRobust, significantSentence,
  groupCountWords, rowCounts, tallyComparisons, type ComparisonTally, type SignificantRow,
} from './dispro-statements.js';
import { capitalise, listOf } from '../../words.js';

export const DISPRO_SECTION_ID = 'disproportionality';

export function hasDispro(records: readonly IndicatorRecord[], period: Period): boolean {
  return stagesShown(disproRecords(records, period), period).length > 0;
}

/** What the section may claim: the headline count of children, and why each hidden figure is hidden (public packs). */
export interface DisproOptions {
  /** Config `headline_min_count`. */
  headlineMinCount?: number;
  hiddenReason?: HiddenReasonOf;
}

export function disproSection(allRecords: readonly IndicatorRecord[], period: Period, threshold: number | null, notes: readonly ComputeNote[],
  options: DisproOptions = {}): Section {
  const minCount = options.headlineMinCount ?? DEFAULT_HEADLINE_MIN_COUNT;
  const hiddenReason = options.hiddenReason ?? NO_HIDDEN_REASONS;
  const records = disproRecords(allRecords, period);
  const stages = stagesShown(records, period);
  const rows = rriRows(records, stages);
  const tally = tallyComparisons(rows, minCount, hiddenReason);
  const withCounts = (r: SignificantRow) => rriSentence(r.rri, r.stage, { interval: true, counts: rowCounts(records, r) });
  const blocks: Block[] = [
    { kind: 'paragraphs', paragraphs: [
      'The relative rate index (RRI) compares the rate at which children of each ethnic group reach a stage of the youth justice system with the rate for White children. An RRI of 1 means the same rate; 2 means twice the rate; 0.5 half. Each stage\'s rate is of the children who reached the stage before it (or of all children aged 10 to 17 for the first three stages), so a difference already present earlier is not counted again.',
      'These figures show where differences occur, not why. They are a prompt for the board to ask questions, not evidence that any decision was made because of a child\'s ethnicity. Children whose ethnicity is not recorded are left out of the rates.',
    ] },
  ];
  const pooled = stages.filter((s) => s.pooled);
  if (pooled.length > 0) {
    blocks.push({ kind: 'paragraphs', paragraphs: [
      `Stages marked "3 years pooled" add together ${pooled[0]?.when ?? ''}, because a single year has too few children to compare groups (the service pools these stages). The other stages are for ${stages.find((s) => !s.pooled)?.when ?? 'the year'}.`,
    ] });
  }
  blocks.push({ kind: 'paragraphs', paragraphs: [
    [significantSentence(tally), hiddenSentence(tally), chanceSentence(tally), fewSentence(tally)].filter(Boolean).join(' '),
  ] });
  if (tally.robust.length > 0) {
    blocks.push({ kind: 'list', heading: 'Where rates differed significantly from White children\'s', items: tally.robust.map(withCounts) });
  } else if (tally.significant.length === 0) {
    blocks.push({ kind: 'paragraphs', paragraphs: ['At no stage did any group\'s rate differ significantly from White children\'s: every 95% confidence interval that could be calculated includes 1.'] });
  }
  if (tally.few.length > 0) {
    blocks.push({ kind: 'list', heading: `Significant, but based on few children (fewer than ${formatCount(minCount)} in the group at the stage)`, items: tally.few.map(withCounts) });
  }
  const chart = rriChart(records, stages, rows, tally, hiddenReason, threshold);
  // With nothing to plot, a log-scale chart has no domain (Vega sizes it to infinity): give the table alone.
  blocks.push(chart
    ? { kind: 'figure', chart }
    : { kind: 'table', table: rriTable(records, rows, hiddenReason, threshold) });
  const undrawn = notDrawnItems(rows, hiddenReason);
  if (undrawn.length > 0) blocks.push({ kind: 'list', heading: 'Not drawn on the chart', items: undrawn });
  blocks.push({ kind: 'table', table: shareTable(records, stages, threshold) });
  const other = notes.filter(isContextNote).map((n) => noteText(n, threshold));
  if (other.length > 0) blocks.push({ kind: 'list', heading: 'About these figures', items: other });
  return { id: DISPRO_SECTION_ID, heading: TOPICS.dispro.heading, blocks };
}

/**
 * The RRIs the chart cannot draw, one item per reason naming the stages and
 * groups it applies to, in chart order: a public pack hides many, and a
 * sentence for each would bury the few that say something else.
 */
function notDrawnItems(rows: ReturnType<typeof rriRows>, hiddenReason: HiddenReasonOf): string[] {
  const byReason = new Map<string, Map<StageView, string[]>>();
  for (const { stage, group, rri } of rows) {
    const reason = whyNotDrawn(rri, hiddenReason)?.full;
    if (reason === undefined) continue;
    const stages = byReason.get(reason) ?? new Map<StageView, string[]>();
    stages.set(stage, [...(stages.get(stage) ?? []), group]);
    byReason.set(reason, stages);
  }
  return [...byReason].map(([reason, stages]) => {
    const where = [...stages].map(([stage, groups]) =>
      `${stage.label.toLowerCase()}, ${groups.length === COMPARED_GROUPS.length ? 'every group' : listOf(groups)}`);
    return `${reason}: ${where.join('; ')}.`;
  });
}

/** Notes whose facts the section shows in its own words (the RRI table and list, the pooling paragraph, the data-quality table). */
const SHOWN_OTHERWISE: readonly NoteMessageId[] = [
  'noteDisproRatioUndefined', 'noteDisproPooled', 'noteDisproUnknownEthnicity', 'noteDisproUnknownEthnicityHigh',
];

/** The compute notes that add context (arrests counted rather than children, population gaps, the cohorts behind the reoffending stage). */
function isContextNote(n: ComputeNote): boolean {
  return n.indicator === 'dispro' && !isNoteFrom(n, SHOWN_OTHERWISE);
}

function rriChart(records: readonly IndicatorRecord[], stages: readonly StageView[], rows: ReturnType<typeof rriRows>,
  tally: ComparisonTally, hiddenReason: HiddenReasonOf, threshold: number | null): ChartModel | null {
  const points: RriPoint[] = rows.flatMap(({ stage, group, rri }) => (isDrawable(rri) ? [{
    stage: chartLabel(stage), group, value: rri.value, lower: rri.lower, upper: rri.upper,
    significant: rri.significant === true, label: formatValue(rri.value, 'ratio'),
  }] : []));
  if (points.length === 0) return null;
  const largest = largestRobust(tally);
  const single = stages.find((s) => !s.pooled);
  const pooled = stages.find((s) => s.pooled);
  const when = [single ? single.when : null, pooled ? `${pooled.when} for the stages marked "3 years pooled"` : null].filter(Boolean).join(', and ');
  const counted = significantSentence(tally).replace(/\.$/, '');
  const title = largest !== null
    ? `${counted}; the furthest from parity: ${groupNoun(largest.group)}, ${largest.stage.label.toLowerCase()}, ${formatValue(largest.rri.value, 'ratio')} times the White rate (${groupCountWords(largest)} in the group)`
    : tally.significant.length > 0
      ? `${counted}, each based on few children (fewer than ${formatCount(tally.minCount)} in the group)`
      : counted;
  return {
    id: 'chart-disproportionality',
    title: capitalise(title),
    subtitle: `Relative rate index with its 95% confidence interval, by stage, in ${when}. Log scale: the dashed line at 1 is the White rate. Filled, labelled markers are significant (the interval excludes 1); hollow ones are not.`,
    description: describe(rows, points.length),
    spec: rriChartSpec(points, { stages: stages.map(chartLabel), groups: [...COMPARED_GROUPS] }),
    table: rriTable(records, rows, hiddenReason, threshold),
  };
}

function chartLabel(stage: StageView): string {
  return stage.chartLabel;
}

function describe(rows: ReturnType<typeof rriRows>, drawn: number): string {
  const parts = [`Dot-and-interval chart of ${drawn} relative rate ${drawn === 1 ? 'index' : 'indexes'} by stage and ethnic group, on a log scale with a line at 1 (the same rate as White children).`];
  const sig = rows.filter((r) => isDrawable(r.rri) && r.rri.significant === true);
  if (sig.length > 0) {
    parts.push(`Significant: ${sig.map((r) => `${r.group} at ${r.stage.label.toLowerCase()}, ${formatValue(r.rri?.value ?? 0, 'ratio')}`).join('; ')}.`);
  } else {
    parts.push('None is significant.');
  }
  if (rows.length > drawn) parts.push(`${rows.length - drawn} cannot be drawn; the table gives the reason.`);
  parts.push('The figures are in the table below the chart.');
  return parts.join(' ');
}

function rriTable(records: readonly IndicatorRecord[], rows: ReturnType<typeof rriRows>, hiddenReason: HiddenReasonOf, threshold: number | null): TableModel {
  return table({
    id: 'table-disproportionality-rri',
    caption: 'Relative rate index by stage and ethnic group: the group\'s rate, White children\'s rate, the index with its 95% confidence interval, and whether it is significant',
    head: [
      textCell('Stage'), textCell('Ethnic group'), numberCell('Rate in the group'), numberCell('Rate for White children'),
      numberCell('Relative rate index'), numberCell('95% confidence interval'), textCell('Significant'), textCell('Not drawn'),
    ],
    rows: rows.map(({ stage, group, rri }) => [
      textCell(stage.tableLabel),
      labelCell(group),
      valueWithCountsCell(recordOf(records, 'dispro.rate', stage.key, group)),
      valueWithCountsCell(recordOf(records, 'dispro.rate', stage.key, REFERENCE_GROUP)),
      valueCell(rri),
      intervalCell(rri),
      labelCell(significanceText(rri)),
      // A phrase, not a short label: it may wrap, so that the table fits the A4 column at 9pt.
      textCell(whyNotDrawn(rri, hiddenReason)?.short ?? ''),
    ]),
    notes: [
      'Under each rate, in brackets, is the count it is built on and its base (the children aged 10 to 17 in the group, or those who reached the stage before).',
      'Rates: per 1,000 children aged 10 to 17 at the arrest, first time entrant and caution or sentence stages (arrests, not children, at the arrest stage); otherwise the percentage of the children who reached the stage before. Diversion: all of a child\'s outcomes in the year were out of court. Pooled: the three years added together.',
      'Intervals: the exact conditional method for rates on the population, the Katz log method for percentages. Significant: the interval excludes 1.',
    ],
  }, threshold);
}

function significanceText(r: IndicatorRecord | undefined): string {
  if (!isShown(r) || r.lower === null || r.upper === null) return r?.suppressed ? SYMBOL.confidential : SYMBOL.notAvailable;
  if (r.significant !== true) return 'No';
  return r.direction === 'lower' ? 'Yes: lower' : 'Yes: higher';
}

/** Each group's share of every stage beside its share of the population, and the share whose ethnicity is not known. */
function shareTable(records: readonly IndicatorRecord[], stages: readonly StageView[], threshold: number | null): TableModel {
  const groupRows = ETHNIC_GROUPS.map((group) => [
    textCell(group),
    valueWithCountsCell(populationShare(records, group)),
    ...stages.map((s) => valueWithCountsCell(recordOf(records, 'dispro.share', s.key, group))),
  ]);
  const unknownRow = [
    textCell('Ethnicity not known'),
    numberCell(SYMBOL.notApplicable),
    ...stages.map((s) => valueWithCountsCell(recordOf(records, 'dispro.share', s.key, NOT_KNOWN))),
  ];
  return table({
    id: 'table-disproportionality-share',
    caption: 'Each ethnic group\'s share of the children at each stage beside its share of the population aged 10 to 17, and the share whose ethnicity is not known',
    head: [textCell('Ethnic group'), numberCell('Population aged 10–17'), ...stages.map((s) => numberCell(s.label))],
    rows: [...groupRows, unknownRow],
    notes: [
      'Under each share, in brackets, is the count it is built on and its base. Shares of each stage are of the children (arrests at the arrest stage) whose ethnicity is known. A group whose share of a stage is larger than its share of the population is over-represented there.',
      `Ethnicity not known: the percentage of all the children at the stage (or fed into it) with no recorded ethnicity, who are left out of the other rows and of the rates. Population: Census 2021 ethnic split of the ONS mid-year estimate, which has no "not known" (${SYMBOL.notApplicable}).`,
    ],
  }, threshold);
}

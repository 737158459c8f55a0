/**
 * The assemble phase: indicator records and run facts in, the board pack as
 * display-ready data out (model.ts). Pure: the same input gives the same
 * model, and render adds nothing but layout.
 */
import { periodLabel } from '../period.js';
import { applyDisclosureControl, DEFAULT_SUPPRESSION_THRESHOLD } from './disclosure.js';
import type { Block, PackInput, PackModel, Section } from './model.js';
import { cover } from './sections/cover.js';
import { dataQualitySection } from './sections/data-quality.js';
import { eteSection, hasEte } from './sections/ete.js';
import { methodsSection, type MethodTopic } from './sections/methods.js';
import { rateTrendSection } from './sections/rate-trend.js';
import { hasReoffending, reoffendingSection } from './sections/reoffending.js';
import { summarySection } from './sections/summary.js';
import { indexHeadlines } from './series.js';
import { CUSTODY_TOPIC, FTE_TOPIC } from './topics.js';

export type { PackInput, PackModel } from './model.js';

export function assemblePack(input: PackInput): PackModel {
  const threshold = input.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const records = input.audience === 'public' ? applyDisclosureControl(input.records, threshold) : input.records;
  const index = indexHeadlines(records);
  // Tables explain [c] with the threshold only where it applies.
  const tableThreshold = input.audience === 'public' ? threshold : null;
  const trend = { index, period: input.period, notes: input.notes, population: input.population, threshold: tableThreshold };
  // Later topics join the pack as their records arrive; FTE always has a section (it says when there is no data).
  const hasCustody = index.has(CUSTODY_TOPIC.rateId);
  const rateTopics = hasCustody ? [FTE_TOPIC, CUSTODY_TOPIC] : [FTE_TOPIC];
  const withReoffending = hasReoffending(records);
  const withEte = hasEte(index);
  const methodTopics: MethodTopic[] = ['fte'];
  if (hasCustody) methodTopics.push('custody');
  if (withReoffending) methodTopics.push('reoffending');
  if (withEte) methodTopics.push('ete');

  const sections = numberTables([
    summarySection(index, input.period, rateTopics),
    ...rateTopics.map((t) => rateTrendSection(t, trend)),
    ...(withReoffending ? [reoffendingSection(records, tableThreshold)] : []),
    ...(withEte ? [eteSection(index, input.period, tableThreshold)] : []),
    dataQualitySection(input.dataQuality, input.period, input.population),
    methodsSection({ audience: input.audience, threshold, topics: methodTopics }),
  ]);
  return {
    title: `${input.serviceName}: youth justice performance, ${periodLabel(input.period)}`,
    cover: cover(input.serviceName, input.period, input.producedAt, input.audience),
    contents: sections.map((s) => ({ id: s.id, heading: s.heading })),
    sections,
  };
}

/** "Table 1: …" in reading order, so captions can be cited in a meeting. */
function numberTables(sections: readonly Section[]): Section[] {
  let n = 0;
  const numbered = <T extends { caption: string }>(t: T): T => ({ ...t, caption: `Table ${++n}: ${t.caption}` });
  const block = (b: Block): Block => {
    if (b.kind === 'table') return { ...b, table: numbered(b.table) };
    if (b.kind === 'figure') return { ...b, chart: { ...b.chart, table: numbered(b.chart.table) } };
    return b;
  };
  return sections.map((s) => ({ ...s, blocks: s.blocks.map(block) }));
}

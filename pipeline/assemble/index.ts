/**
 * The assemble phase: indicator records and run facts in, the board pack as
 * display-ready data out (model.ts). Pure: the same input gives the same
 * model, and render adds nothing but layout.
 *
 * assembleQuarter is the phase as the run calls it: disclosure control once,
 * over the computed records and count tables, before any text is written;
 * then each pack the run renders, built from the same disclosure.
 *
 * Section functions take their arguments in one order: what the section
 * shows, the period, the table threshold (null for the board), then anything
 * else; a section with many inputs takes one object of the same names.
 */
import { periodLabel } from '../period.js';
import type { Config } from '../config.js';
import type { QuarterComputed } from '../compute/index.js';
import type { FileSummary } from '../validate/report.js';
import type { Problem } from '../errors.js';
import { discloseRecords, DEFAULT_SUPPRESSION_THRESHOLD, type Disclosed } from './disclosure.js';
import { summariseLoadWarnings, withWarningRows } from './load-warnings.js';
import { hiddenReasons, NO_HIDDEN_REASONS } from './hidden-reasons.js';
import type { Audience, Block, LogoImage, PackInput, PackModel, Section } from './model.js';
import { cover, DEFAULT_ACCENT } from './sections/cover.js';
import { dataQualitySection } from './sections/data-quality.js';
import { disproSection, hasDispro } from './sections/dispro.js';
import { eteSection, hasEte } from './sections/ete.js';
import { hasKpis, kpiSection } from './sections/kpi.js';
import { methodsSection } from './sections/methods.js';
import { rateTrendSection } from './sections/rate-trend.js';
import { profileSection } from './sections/profile.js';
import { hasReoffending, reoffendingSection } from './sections/reoffending.js';
import { summarySection } from './sections/summary.js';
import { indexHeadlines } from './series.js';
import { CUSTODY_TOPIC, FTE_TOPIC } from './topics.js';

export type { PackInput, PackModel } from './model.js';

/** What the run knows besides the computed figures: when it ran, what it loaded, and the logo it read. */
export interface RunFacts {
  producedAt: string;
  files: readonly FileSummary[];
  loadWarnings: readonly Problem[];
  logo: LogoImage | null;
}

export interface AssembledQuarter {
  /** The public outputs' disclosure: the public pack, the public CSV and the manifest's log all rest on it. */
  disclosed: Disclosed;
  /** The HTML pack, and the PDF's pack when the run prints one. */
  html: PackModel;
  pdf: PackModel | null;
}

export function assembleQuarter(computed: QuarterComputed, facts: RunFacts, config: Config,
  audiences: { html: Audience; pdf: Audience | null }): AssembledQuarter {
  const input = packInput(computed, facts, config);
  // One disclosure for every public output: a count printed in a record and in a count table is hidden in both.
  const disclosed = discloseRecords(input.records, input.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    { profile: input.profile, remands: input.remands });
  return {
    disclosed,
    html: assemblePack({ ...input, audience: audiences.html }, disclosed),
    pdf: audiences.pdf ? assemblePack({ ...input, audience: audiences.pdf }, disclosed) : null,
  };
}

function packInput(computed: QuarterComputed, facts: RunFacts, config: Config): Omit<PackInput, 'audience'> {
  const warningSummary = summariseLoadWarnings(facts.loadWarnings);
  return {
    records: computed.records,
    notes: computed.notes,
    period: computed.period,
    producedAt: facts.producedAt,
    serviceName: config.serviceName,
    dataQuality: {
      files: withWarningRows(
        facts.files.filter((f) => f.present).map((f) => ({ file: f.file, rows: f.rows, refusedRows: f.refusedRows, sha256: f.sha256 })),
        warningSummary),
      extractFrom: computed.extractRange.from,
      extractTo: computed.extractRange.to,
      loadWarnings: warningSummary.warnings,
      notProven: computed.notProven,
    },
    population: computed.population,
    suppressionThreshold: config.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    headlineMinCount: config.headlineMinCount,
    logo: facts.logo,
    accentColour: config.accentColour,
    targets: config.targets,
    comparisons: computed.comparisons,
    profile: computed.profile,
    remands: computed.remands,
    settings: {
      includeNonSubstantive: config.includeNonSubstantive,
      poolStages: config.poolStages,
      comparatorAreas: config.comparatorAreas,
    },
  };
}

/**
 * One pack for one audience. A public pack shows `disclosed` (the run passes the disclosure it also writes the
 * public CSV and manifest from); without it, the pack's own records are disclosed here.
 */
export function assemblePack(input: PackInput, publicDisclosure?: Disclosed): PackModel {
  const threshold = input.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const disclosed = input.audience === 'public'
    ? publicDisclosure ?? discloseRecords(input.records, threshold, { profile: input.profile, remands: input.remands })
    : null;
  const records = disclosed?.records ?? input.records;
  const profile = disclosed && input.profile ? disclosed.profile : input.profile;
  const remands = disclosed ? disclosed.remands : input.remands ?? [];
  // Statements rest only on groups with enough children, and say why each hidden figure is hidden.
  const dispro = { headlineMinCount: input.headlineMinCount, hiddenReason: disclosed ? hiddenReasons(disclosed.log) : NO_HIDDEN_REASONS };
  const index = indexHeadlines(records);
  // Tables explain [c] with the threshold only where it applies.
  const tableThreshold = input.audience === 'public' ? threshold : null;
  const comparisons = input.comparisons ?? [];
  const trend = { index, period: input.period, notes: input.notes, population: input.population, threshold: tableThreshold, comparisons };
  // Later topics join the pack as their records arrive; FTE always has a section (it says when there is no data).
  const hasCustody = index.has(CUSTODY_TOPIC.rateId);
  const rateTopics = hasCustody ? [FTE_TOPIC, CUSTODY_TOPIC] : [FTE_TOPIC];
  const withReoffending = hasReoffending(records);
  const withEte = hasEte(index);
  const withDispro = hasDispro(records, input.period);

  const sections = numberTables([
    summarySection({ index, records, period: input.period, rateTopics, targets: input.targets ?? {}, comparisons, dispro }),
    ...(hasKpis(records) ? [kpiSection(records, index, input.period, tableThreshold)] : []),
    ...rateTopics.map((t) => rateTrendSection(t, t === CUSTODY_TOPIC ? { ...trend, remands } : trend)),
    ...(withReoffending ? [reoffendingSection(records, input.period, tableThreshold, {
      headlineMinCount: input.headlineMinCount, includeNonSubstantive: input.settings?.includeNonSubstantive ?? false,
    })] : []),
    ...(withEte ? [eteSection(index, input.period, tableThreshold)] : []),
    ...(withDispro ? [disproSection(records, input.period, tableThreshold, input.notes, dispro)] : []),
    ...(profile ? [profileSection(profile, input.period, tableThreshold, comparisons)] : []),
    dataQualitySection({
      dq: input.dataQuality, period: input.period, population: input.population, records, threshold: tableThreshold, notes: input.notes,
    }),
    methodsSection({
      audience: input.audience, threshold, records: input.records, period: input.period, population: input.population, settings: input.settings,
      profile: input.profile !== undefined,
    }),
  ]);
  return {
    title: `${input.serviceName}: youth justice performance, ${periodLabel(input.period)}`,
    cover: cover(input.serviceName, input.period, input.producedAt, input.audience, input.logo ?? null),
    contents: sections.map((s) => ({ id: s.id, heading: s.heading })),
    sections,
    accent: input.accentColour ?? DEFAULT_ACCENT,
  };
}

/** "Table 1: …" in reading order, so captions can be cited in a meeting. */
function numberTables(sections: readonly Section[]): Section[] {
  let n = 0;
  const numbered = <T extends { caption: string }>(t: T): T => ({ ...t, caption: `Table ${++n}: ${t.caption}` });
  const block = (b: Block): Block => {
    if (b.kind === 'table') return { ...b, table: numbered(b.table) };
    if (b.kind === 'figure') return { ...b, chart: { ...b.chart, table: numbered(b.chart.table) } };
    if (b.kind === 'multiples') return { ...b, charts: b.charts.map((c) => ({ ...c, table: numbered(c.table) })) };
    return b;
  };
  return sections.map((s) => ({ ...s, blocks: s.blocks.map(block) }));
}

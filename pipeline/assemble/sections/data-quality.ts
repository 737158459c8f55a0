/**
 * Section 9, Data quality: what this run was made from.
 * Files read with their rows (read, refused, with warnings) and a checksum to
 * match against the manifest; the extract's dates and how much history lies
 * before the period; the population estimate; outcomes that were loaded but
 * count in no indicator; children whose ethnicity is not recorded, stage by
 * stage; and every warning. Built from the run's own facts, so it describes
 * the figures in this pack and no others.
 */
import { STAGES, isPooledStage, POOLED_SUFFIX } from '../../compute/indicators/dispro/stages.js';
import { UNKNOWN_WARNING_PERCENT } from '../../compute/indicators/dispro/notes.js';
import type { ComputeNote, NoteMessageId } from '../../compute/context.js';
import type { IndicatorRecord } from '../../compute/record.js';
import { isSmallCount } from '../../compute/statistics.js';
import { formatPeriod, midYearFor, periodLabel, periodStart, type Period } from '../../period.js';
import { countCellOf, isShown, labelCell, numberCell, symbolFor, table, textCell, valueCell } from '../cells.js';
import { formatCount, formatDate, plural, SYMBOL, yearToLabel } from '../format.js';
import { capitalise } from '../../words.js';
import type { Block, Cell, DataQualityInput, LoadWarning, PackPopulation, Section } from '../model.js';
import { STALE_ESTIMATE_YEARS, staleEstimateWarnings, type EstimateUsed } from '../../compute/population.js';
import { isNoteFrom, noteText } from '../notes.js';

/** Characters of the SHA-256 shown: enough to match a file against the manifest by eye. */
const SHA_SHOWN = 12;
/** indicators.md: first time entrants need this much history before P. */
const HISTORY_MONTHS_NEEDED = 36;
const NOT_KNOWN = 'Not known';

export interface DataQualityContext {
  dq: DataQualityInput;
  period: Period;
  population: PackPopulation | null;
  /** The compute notes: those of severity 'warning' are listed, written for this audience. */
  notes?: readonly ComputeNote[];
  /** The records as this audience sees them (disclosed for the public). */
  records: readonly IndicatorRecord[];
  /** Public packs: the disclosure threshold; null for the board (nothing withheld). */
  threshold: number | null;
}

export function dataQualitySection(ctx: DataQualityContext): Section {
  const { dq } = ctx;
  const blocks: Block[] = [
    { kind: 'paragraphs', paragraphs: ['What this pack was made from, and what to bear in mind when reading it.'] },
    { kind: 'facts', heading: null, items: [
      { term: 'Dates in the extract', detail: dateRange(dq.extractFrom, dq.extractTo) },
      { term: 'History before this period', detail: history(dq.extractFrom, ctx.period) },
      { term: 'Population aged 10–17', detail: populationUsed(ctx.period, ctx.population) },
      ...notProven(dq, ctx.period, ctx.threshold),
    ] },
    filesBlock(dq),
    ...unknownEthnicity(ctx),
    warningsBlock(ctx),
  ];
  return { id: 'data-quality', heading: 'Data quality', blocks };
}

function filesBlock(dq: DataQualityInput): Block {
  if (dq.files.length === 0) {
    return { kind: 'paragraphs', paragraphs: ['No extract files were read in this run: the figures come from a yjpack store loaded earlier. The files loaded into it are listed by the run that loaded them.'] };
  }
  const withWarnings = dq.files.some((f) => f.warningRows !== undefined);
  const refused = dq.files.reduce((n, f) => n + f.refusedRows, 0);
  return { kind: 'table', table: table({
    id: 'table-files',
    caption: 'Files read, with the rows read, refused and loaded with a warning, and the start of each file\'s SHA-256 checksum',
    head: [
      textCell('File'), numberCell('Rows read'), numberCell('Rows refused'),
      ...(withWarnings ? [numberCell('Rows with warnings')] : []),
      textCell('SHA-256 (first 12 characters)'),
    ],
    rows: dq.files.map((f) => [
      textCell(f.file), numberCell(formatCount(f.rows)), numberCell(formatCount(f.refusedRows)),
      ...(withWarnings ? [numberCell(f.warningRows === undefined ? SYMBOL.notAvailable : `${f.warningRowsAtLeast ? 'at least ' : ''}${formatCount(f.warningRows)}`)] : []),
      textCell(f.sha256.slice(0, SHA_SHOWN)),
    ]),
    notes: [
      refused === 0
        ? 'No row was refused: yjpack loads an extract only when every row meets the data contract, so every row read was loaded.'
        : 'Refused rows were not loaded. yjpack validate lists each one with the reason.',
      ...(!withWarnings ? [] : dq.files.some((f) => (f.warningRows ?? 0) > 0)
        ? ['Rows with warnings were loaded as written; the warnings are listed below, and yjpack validate lists the rows.']
        : ['No row had a warning.']),
      'The full checksums are in manifest.json.',
    ],
  }, null) };
}

function dateRange(from: string | null, to: string | null): string {
  if (from === null || to === null) return 'Not known: the extract holds no dated records.';
  return `${formatDate(from)} to ${formatDate(to)}`;
}

/** Whole months from the extract's first date to the start of the period. */
export function monthsOfHistory(from: string, period: Period): number {
  const start = periodStart(period);
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  return Math.max(0, (sy - fy) * 12 + (sm - fm) - (sd < fd ? 1 : 0));
}

function history(from: string | null, period: Period): string {
  if (from === null) return 'Not known.';
  const months = monthsOfHistory(from, period);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const span = [years > 0 ? plural(years, 'year', 'years') : '', rest > 0 || years === 0 ? plural(rest, 'month', 'months') : '']
    .filter(Boolean).join(' and ');
  const base = `${span} of records before ${periodLabel(period)}`;
  return months < HISTORY_MONTHS_NEEDED
    ? `${base}: less than the 3 years first time entrants need, so they may be overstated (see the warnings below).`
    : `${base} (first time entrants need at least 3 years).`;
}

/** The estimate for the year to P, and which estimate each quarter's rate used when they differ (issue 9). */
function populationUsed(period: Period, population: PackPopulation | null): string {
  if (population === null) return 'No estimate is available, so rates are not shown.';
  const wanted = midYearFor(period);
  const source = `ONS mid-${population.year} population estimate for the year to this period`;
  const own = population.fallback ? `${source}, the latest in population.csv: that year needs mid-${wanted}.` : `${source}.`;
  const age = wanted - population.year;
  const stale = age > STALE_ESTIMATE_YEARS ? ` It is ${age} years older than that, so the rates may be off: see the warnings below.` : '';
  const years = estimatesOf(period, population);
  const runs = runsByYear(years);
  const byQuarter = runs.length > 1
    ? ` By quarter: ${runs.map((r) => `${r.year === null ? 'none' : `mid-${r.year}`} for ${yearsTo(r.from, r.to)}`).join('; ')}.`
    : '';
  return own + stale + byQuarter;
}

/** The estimates by quarter as given by compute, or P's alone. */
function estimatesOf(period: Period, population: PackPopulation): readonly EstimateUsed[] {
  return population.estimates ?? [{ period: formatPeriod(period), wanted: midYearFor(period), year: population.year }];
}

/** Consecutive quarters using the same estimate year. */
function runsByYear(estimates: readonly EstimateUsed[]): { year: number | null; from: string; to: string }[] {
  const runs: { year: number | null; from: string; to: string }[] = [];
  for (const e of estimates) {
    const last = runs[runs.length - 1];
    if (last && last.year === e.year) last.to = e.period;
    else runs.push({ year: e.year, from: e.period, to: e.period });
  }
  return runs;
}

function yearsTo(from: string, to: string): string {
  return from === to ? `the year to ${from}` : `the years to each quarter from ${from} to ${to}`;
}

function notProven(dq: DataQualityInput, period: Period, threshold: number | null): { term: string; detail: string }[] {
  if (!dq.notProven) return [];
  const count = (n: number) => (threshold !== null && isSmallCount(n, threshold) ? SYMBOL.confidential : formatCount(n));
  const { yearToPeriod, toPeriodEnd } = dq.notProven;
  const withheld = threshold !== null && (isSmallCount(yearToPeriod, threshold) || isSmallCount(toPeriodEnd, threshold));
  return [{
    term: 'Outcomes not proven',
    detail: `${count(yearToPeriod)} offences in the ${yearToLabel(period)} and ${count(toPeriodEnd)} in the whole extract up to then `
      + 'ended with no further action, not guilty or withdrawn. They are loaded and counted here, and excluded from every indicator.'
      + (withheld ? ` ${SYMBOL.confidential}: a count from 1 to ${threshold} is hidden to protect children's identities.` : ''),
  }];
}

/** Ethnicity not recorded, per disproportionality stage, from the "Not known" share records of P. */
function unknownEthnicity(ctx: DataQualityContext): Block[] {
  const code = formatPeriod(ctx.period);
  const rows = ctx.records
    .filter((r) => r.id === 'dispro.share' && r.period === code && r.breakdown.group === NOT_KNOWN)
    .map((r) => ({ r, order: stageOrder(r.breakdown.stage ?? '') }))
    .sort((a, b) => a.order - b.order)
    .map(({ r }) => r);
  if (rows.length === 0) return [];
  return [{ kind: 'table', table: table({
    id: 'table-unknown-ethnicity',
    caption: `Children with no recorded ethnicity at each stage of the disproportionality figures, ${yearToLabel(ctx.period)}`,
    head: [textCell('Stage'), numberCell('Ethnicity not recorded'), numberCell('All at the stage'), numberCell('Per cent'), textCell(`Above ${UNKNOWN_WARNING_PERCENT}%`)],
    rows: rows.map((r) => [
      textCell(stageLabel(r.breakdown.stage ?? '')),
      countCellOf(r, 'numerator'),
      countCellOf(r, 'denominator'),
      valueCell(r),
      aboveWarning(r),
    ]),
    notes: [
      'Children whose ethnicity is blank, refused or not obtained are left out of the disproportionality rates. '
      + `Above ${UNKNOWN_WARNING_PERCENT}%, the comparison between groups may be biased: record ethnicity in the case-management system.`,
      'The arrest stage counts arrests, not children.',
    ],
  }, ctx.threshold) }];
}

function aboveWarning(r: IndicatorRecord): Cell {
  if (!isShown(r)) return labelCell(symbolFor(r));
  return labelCell(r.value > UNKNOWN_WARNING_PERCENT ? 'Yes: warning' : 'No');
}

function stageOrder(stage: string): number {
  const base = isPooledStage(stage) ? stage.slice(0, -POOLED_SUFFIX.length) : stage;
  const i = STAGES.findIndex((s) => s.stage === base);
  return (i === -1 ? STAGES.length : i) * 2 + (isPooledStage(stage) ? 1 : 0);
}

function stageLabel(stage: string): string {
  const pooled = isPooledStage(stage);
  const def = STAGES.find((s) => s.stage === (pooled ? stage.slice(0, -POOLED_SUFFIX.length) : stage));
  const name = def ? capitalise(def.counted) : stage;
  return pooled ? `${name} (pooled over 3 years)` : name;
}

/** Compute notes shown elsewhere in this section as a table. */
const TABLED_NOTES: readonly NoteMessageId[] = ['noteDisproUnknownEthnicity', 'noteDisproUnknownEthnicityHigh'];

function warningsBlock(ctx: DataQualityContext): Block {
  const hasTable = ctx.records.some((r) => r.id === 'dispro.share' && r.breakdown.group === NOT_KNOWN);
  const notes = (ctx.notes ?? [])
    .filter((n) => n.severity === 'warning' && !(hasTable && isNoteFrom(n, TABLED_NOTES)))
    .map((n) => noteText(n, ctx.threshold));
  const population = ctx.population === null ? [] : staleEstimateWarnings(estimatesOf(ctx.period, ctx.population));
  const items = [...(ctx.dq.loadWarnings ?? []).map(loadWarningText), ...population, ...(ctx.dq.warnings ?? []), ...notes];
  return items.length > 0
    ? { kind: 'list', heading: 'Warnings', items }
    : { kind: 'paragraphs', paragraphs: ['There are no data-quality warnings for this period.'] };
}

/** "offences.csv, column offence_category: 12 rows: expected …". Values are left out: they could identify a child. */
function loadWarningText(w: LoadWarning): string {
  const where = w.column === null ? w.file : `${w.file}, column ${w.column}`;
  const rows = w.rows > 0 ? `${plural(w.rows, 'row', 'rows')}: ` : '';
  return `${where}: ${rows}${w.expected}.`.replace(/\.\.$/, '.');
}

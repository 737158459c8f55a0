/**
 * Section 5, Reoffending (first slice: a plain table). One row per cohort
 * quarter with its status, so a reader never mistakes a cohort still being
 * tracked for a final figure. The chart and the breakdowns come later.
 */
import type { IndicatorRecord } from '../../compute/record.js';
import { parsePeriod } from '../../period.js';
import { countCellOf, intervalCell, numberCell, table, textCell, valueCell } from '../cells.js';
import { quarterLabel } from '../format.js';
import type { Section } from '../model.js';
import { recordsOf } from '../series.js';

export const REOFFENDING_SECTION_ID = 'reoffending';

/** The cohort's headline records: breakdown exactly { cohort }. */
function byCohort(records: readonly IndicatorRecord[], id: IndicatorRecord['id']): Map<string, IndicatorRecord> {
  const out = new Map<string, IndicatorRecord>();
  for (const r of recordsOf(records, id)) {
    const keys = Object.keys(r.breakdown);
    if (keys.length === 1 && r.breakdown.cohort !== undefined) out.set(r.breakdown.cohort, r);
  }
  return out;
}

export function hasReoffending(records: readonly IndicatorRecord[]): boolean {
  return byCohort(records, 'reoffending.binary').size > 0;
}

export function reoffendingSection(records: readonly IndicatorRecord[], threshold: number | null): Section {
  const binary = byCohort(records, 'reoffending.binary');
  const perReoffender = byCohort(records, 'reoffending.per_reoffender');
  const cohorts = [...binary.keys()].sort();
  const rows = cohorts.map((cohort) => {
    const b = binary.get(cohort);
    return [
      textCell(quarterLabel(parsePeriod(cohort))),
      textCell(statusText(b)),
      countCellOf(b, 'denominator'),
      countCellOf(b, 'numerator'),
      valueCell(b),
      intervalCell(b),
      valueCell(perReoffender.get(cohort)),
    ];
  });
  return {
    id: REOFFENDING_SECTION_ID,
    heading: 'Reoffending',
    blocks: [
      { kind: 'paragraphs', paragraphs: [
        'Children in each three-month cohort (their first caution, court sentence or release from custody in the quarter) and how many of them committed a proven offence in the following 12 months.',
        'A cohort is complete 18 months after it ends (12 months of follow-up and 6 months for outcomes to be recorded). Provisional and in-progress cohorts are still being tracked: their figures can only rise.',
      ] },
      { kind: 'table', table: table({
        id: 'table-reoffending',
        caption: 'Proven reoffending by cohort quarter: children in the cohort, those who reoffended, and reoffences per reoffender',
        head: [
          textCell('Cohort quarter'), textCell('Status'), numberCell('Children in cohort'), numberCell('Reoffenders'),
          numberCell('Reoffending rate'), numberCell('95% confidence interval'), numberCell('Reoffences per reoffender'),
        ],
        rows,
        notes: [
          'Complete: 12 months of follow-up and 6 more for outcomes to be recorded have passed. Provisional: the 12 months have passed, but outcomes may still be recorded. "n months tracked": the cohort is still in its 12 months of follow-up.',
        ],
      }, threshold) },
    ],
  };
}

function statusText(r: IndicatorRecord | undefined): string {
  switch (r?.status) {
    case 'complete': return 'Complete';
    case 'provisional': return 'Provisional';
    case 'in_progress': return `${r.months_elapsed ?? 0} months tracked`;
    default: return 'Not known';
  }
}

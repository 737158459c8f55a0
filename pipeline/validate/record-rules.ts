/**
 * Rules that compare columns of one record, beyond each value's own type
 * (rules.ts): the implausible combinations of the KPI files (docs/indicators.md,
 * KPIs). Each is a condition over the normalised row `n` that is true for a bad
 * record; a rule runs only when every column it reads is in the header.
 *
 * Errors are records that contradict themselves (attended without being
 * offered); warnings are records that are possible but usually a slip
 * (bed and breakfast judged suitable), loaded as written.
 */
import { RARELY_SUITABLE_ACCOMMODATION } from '../contract/codes.js';
import type { ExtractFileName } from '../contract/files.js';
import { expected } from '../messages.js';
import { sqlString } from '../store/sql.js';

export interface RecordRule {
  file: ExtractFileName;
  /** The column the problem names (its value is shown). */
  column: string;
  rule: string;
  severity: 'error' | 'warning';
  /** Columns read; the rule is skipped when one is not in the header. */
  reads: readonly string[];
  /** SQL over the normalised columns (`n."name"`): true for a bad record. */
  bad: string;
  /** SQL for the detail the expected text needs, if any. */
  detail?: string;
  expected: (detail: string | null) => string;
}

const n = (column: string): string => `n."${column}"`;

export const RECORD_RULES: readonly RecordRule[] = [
  {
    file: 'accommodation', column: 'suitable', rule: 'rarelySuitable', severity: 'warning', reads: ['type', 'suitable'],
    bad: `${n('type')} IN (${RARELY_SUITABLE_ACCOMMODATION.map(sqlString).join(', ')}) AND ${n('suitable')}`,
    detail: n('type'),
    expected: (type) => expected.rarelySuitable(type ?? ''),
  },
  {
    file: 'needs', column: 'plan', rule: 'planNotSend', severity: 'warning', reads: ['need', 'plan'],
    bad: `${n('plan')} IS NOT NULL AND ${n('need')} <> 'SEND'`,
    expected: () => expected.planOnlyForSend(),
  },
  {
    file: 'needs', column: 'attended', rule: 'attendedNotOffered', severity: 'error', reads: ['attended', 'offered_date'],
    bad: `${n('attended')} AND ${n('offered_date')} IS NULL AND n."r_offered_date" IS NULL`,
    expected: () => expected.attendedNotOffered(),
  },
  {
    file: 'needs', column: 'offered_date', rule: 'offeredBeforeIdentified', severity: 'warning', reads: ['offered_date', 'identified_date'],
    bad: `${n('offered_date')} < ${n('identified_date')}`,
    detail: `CAST(${n('identified_date')} AS VARCHAR)`,
    expected: (date) => expected.offeredBeforeIdentified(date ?? ''),
  },
  {
    file: 'victims', column: 'contacted', rule: 'contactedWithoutConsent', severity: 'warning', reads: ['contacted', 'consented_contact'],
    bad: `${n('contacted')} AND ${n('consented_contact')} IS NOT TRUE`,
    expected: () => expected.withoutConsent('contacted'),
  },
  {
    file: 'victims', column: 'engaged_rj', rule: 'engagedWithoutConsent', severity: 'warning', reads: ['engaged_rj', 'consented_contact'],
    bad: `${n('engaged_rj')} AND ${n('consented_contact')} IS NOT TRUE`,
    expected: () => expected.withoutConsent('engaged_rj'),
  },
  {
    file: 'board_attendance', column: 'senior', rule: 'seniorNotAttended', severity: 'warning', reads: ['senior', 'attended'],
    bad: `${n('senior')} AND ${n('attended')} = false`,
    expected: () => expected.seniorNotAttended(),
  },
];

/**
 * The files of an extract and their columns (data-samples/README.md), as data the
 * validator walks. The store's tables (store/schema.ts) hold the same columns
 * after normalisation: canonical codes, ISO dates, booleans.
 */
import {
  ACCOMMODATION_TYPES, BOARD_SECTORS, CARE_STATUSES, ETE_PROVISION, ETE_SUITABILITY, INTERVENTION_TYPES, NEED_TYPES,
  OFFENCE_CATEGORIES, REMAND_TYPES, type CodeList,
} from './codes.js';

export type ColumnType =
  | { kind: 'text' }
  | { kind: 'id' }
  | { kind: 'childRef' }
  | { kind: 'date' }
  | { kind: 'yesNo' }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'code'; list: CodeList; /** unknown codes are a warning, kept as written */ open?: boolean }
  | { kind: 'sex' }
  | { kind: 'ethnicity' }
  | { kind: 'outcome' }
  | { kind: 'ageOrBand' }
  | { kind: 'ethnicGroupOrBlank' };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The column must be in the header (a missing one is an error naming file and column). */
  present: boolean;
  /** A blank value is allowed and means unknown (or open, for end dates). */
  blankOk: boolean;
}

export type ExtractFileName =
  | 'children' | 'offences' | 'interventions' | 'ete' | 'remands' | 'arrests'
  | 'population' | 'comparators'
  | 'accommodation' | 'needs' | 'care_status' | 'victims' | 'board_attendance';

export interface FileSpec {
  name: ExtractFileName;
  fileName: string;
  requiredFile: boolean;
  /** Columns whose values together identify a record; a later extract replaces records with the same key. */
  key: readonly string[];
  /** Reference tables are replaced whole when present, not merged by key. */
  reference: boolean;
  columns: readonly ColumnSpec[];
}

/** A column that must be in the header; `blank` says whether an empty value is allowed. */
const col = (name: string, type: ColumnType, blank: 'blank ok' | 'required' = 'required'): ColumnSpec =>
  ({ name, type, present: true, blankOk: blank === 'blank ok' });
/** A column the file may leave out altogether; blank values allowed. */
const optional = (name: string, type: ColumnType): ColumnSpec => ({ name, type, present: false, blankOk: true });

export const FILES: readonly FileSpec[] = [
  {
    name: 'children', fileName: 'children.csv', requiredFile: true, key: ['child_id'], reference: false,
    columns: [
      col('child_id', { kind: 'id' }),
      col('date_of_birth', { kind: 'date' }),
      col('sex', { kind: 'sex' }, 'blank ok'),
      col('ethnicity', { kind: 'ethnicity' }, 'blank ok'),
      optional('looked_after', { kind: 'yesNo' }),
      optional('send', { kind: 'yesNo' }),
      optional('ehcp', { kind: 'yesNo' }),
      // KPIs: a child recorded as living outside the service's area leaves the KPI population; blank = Y.
      optional('resident_in_area', { kind: 'yesNo' }),
    ],
  },
  {
    name: 'offences', fileName: 'offences.csv', requiredFile: true, key: ['offence_id'], reference: false,
    columns: [
      col('offence_id', { kind: 'id' }),
      col('child_id', { kind: 'childRef' }),
      col('offence_date', { kind: 'date' }),
      col('outcome_date', { kind: 'date' }),
      col('outcome', { kind: 'outcome' }),
      col('offence_category', { kind: 'code', list: OFFENCE_CATEGORIES }, 'blank ok'),
      col('gravity', { kind: 'integer', min: 1, max: 8 }, 'blank ok'),
    ],
  },
  {
    name: 'interventions', fileName: 'interventions.csv', requiredFile: false, key: ['intervention_id'], reference: false,
    columns: [
      col('intervention_id', { kind: 'id' }),
      col('child_id', { kind: 'childRef' }),
      col('type', { kind: 'code', list: INTERVENTION_TYPES }),
      col('start_date', { kind: 'date' }),
      col('end_date', { kind: 'date' }, 'blank ok'),
      optional('completed', { kind: 'yesNo' }),
    ],
  },
  {
    // No id column in the contract: a placement is identified by child, start and provision.
    name: 'ete', fileName: 'ete.csv', requiredFile: false, key: ['child_id', 'start_date', 'provision'], reference: false,
    columns: [
      col('child_id', { kind: 'childRef' }),
      col('start_date', { kind: 'date' }),
      col('end_date', { kind: 'date' }, 'blank ok'),
      col('provision', { kind: 'code', list: ETE_PROVISION, open: true }),
      col('suitability', { kind: 'code', list: ETE_SUITABILITY }, 'blank ok'),
      col('hours_offered', { kind: 'number', min: 0, max: 168 }, 'blank ok'),
      optional('hours_attended', { kind: 'number', min: 0, max: 168 }),
    ],
  },
  {
    name: 'remands', fileName: 'remands.csv', requiredFile: false, key: ['remand_id'], reference: false,
    columns: [
      col('remand_id', { kind: 'id' }),
      col('child_id', { kind: 'childRef' }),
      col('decision_date', { kind: 'date' }),
      col('end_date', { kind: 'date' }, 'blank ok'),
      col('remand_type', { kind: 'code', list: REMAND_TYPES }),
    ],
  },
  {
    name: 'arrests', fileName: 'arrests.csv', requiredFile: false, key: ['arrest_id'], reference: false,
    columns: [
      col('arrest_id', { kind: 'id' }),
      col('arrest_date', { kind: 'date' }),
      col('age', { kind: 'integer', min: 10, max: 17 }),
      col('sex', { kind: 'sex' }, 'blank ok'),
      col('ethnicity', { kind: 'ethnicity' }, 'blank ok'),
    ],
  },
  {
    name: 'population', fileName: 'population.csv', requiredFile: false, key: ['year', 'age', 'sex', 'ethnic_group'], reference: true,
    columns: [
      col('year', { kind: 'integer', min: 1990, max: 2200 }),
      col('age', { kind: 'ageOrBand' }),
      col('sex', { kind: 'sex' }, 'blank ok'),
      col('ethnic_group', { kind: 'ethnicGroupOrBlank' }, 'blank ok'),
      col('population', { kind: 'number', min: 0 }),
    ],
  },
  {
    name: 'comparators', fileName: 'comparators.csv', requiredFile: false, key: ['indicator', 'period', 'area'], reference: true,
    columns: [
      col('indicator', { kind: 'text' }),
      col('period', { kind: 'text' }),
      col('area', { kind: 'text' }),
      col('value', { kind: 'number' }),
      optional('numerator', { kind: 'number', min: 0 }),
      optional('denominator', { kind: 'number', min: 0 }),
      optional('source', { kind: 'text' }),
    ],
  },
  // The YJB KPI files (docs/indicators.md, KPIs). Files without an id column are keyed by what
  // identifies an episode: a later extract's row with the same key replaces the stored one.
  {
    // A child lives in one place from a start date: child, start and type identify the episode.
    name: 'accommodation', fileName: 'accommodation.csv', requiredFile: false, key: ['child_id', 'start_date', 'type'], reference: false,
    columns: [
      col('child_id', { kind: 'childRef' }),
      col('start_date', { kind: 'date' }),
      col('end_date', { kind: 'date' }, 'blank ok'),
      col('type', { kind: 'code', list: ACCOMMODATION_TYPES }),
      col('suitable', { kind: 'yesNo' }),
    ],
  },
  {
    // One need of a type is identified once on a date: child, need and identified date.
    name: 'needs', fileName: 'needs.csv', requiredFile: false, key: ['child_id', 'need', 'identified_date'], reference: false,
    columns: [
      col('child_id', { kind: 'childRef' }),
      col('need', { kind: 'code', list: NEED_TYPES }),
      col('identified_date', { kind: 'date' }),
      optional('plan', { kind: 'yesNo' }),
      col('offered_date', { kind: 'date' }, 'blank ok'),
      col('attended', { kind: 'yesNo' }, 'blank ok'),
    ],
  },
  {
    // A status episode: child, status and start date.
    name: 'care_status', fileName: 'care_status.csv', requiredFile: false, key: ['child_id', 'status', 'start_date'], reference: false,
    columns: [
      col('child_id', { kind: 'childRef' }),
      col('status', { kind: 'code', list: CARE_STATUSES }),
      col('start_date', { kind: 'date' }),
      col('end_date', { kind: 'date' }, 'blank ok'),
    ],
  },
  {
    name: 'victims', fileName: 'victims.csv', requiredFile: false, key: ['victim_id'], reference: false,
    columns: [
      col('victim_id', { kind: 'id' }),
      col('child_id', { kind: 'childRef' }),
      col('identified_date', { kind: 'date' }),
      col('consented_contact', { kind: 'yesNo' }, 'blank ok'),
      col('contacted', { kind: 'yesNo' }, 'blank ok'),
      col('engaged_rj', { kind: 'yesNo' }, 'blank ok'),
      col('views_considered', { kind: 'yesNo' }, 'blank ok'),
    ],
  },
  {
    // One row per sector per board meeting.
    name: 'board_attendance', fileName: 'board_attendance.csv', requiredFile: false, key: ['meeting_date', 'sector'], reference: false,
    columns: [
      col('meeting_date', { kind: 'date' }),
      col('sector', { kind: 'code', list: BOARD_SECTORS }),
      col('attended', { kind: 'yesNo' }),
      col('senior', { kind: 'yesNo' }, 'blank ok'),
      col('data_shared', { kind: 'yesNo' }, 'blank ok'),
    ],
  },
];

export function fileSpec(name: ExtractFileName): FileSpec {
  const spec = FILES.find((f) => f.name === name);
  if (!spec) throw new Error(`no file spec named ${name}`);
  return spec;
}

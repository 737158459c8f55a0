/**
 * The store's tables: the validated, normalised content of every extract
 * loaded so far. Codes are canonical (upper-case codes of contract/codes.ts),
 * dates are DATE, Y/N are BOOLEAN, blank is NULL. Indicators read only these.
 *
 * Normalisation choices (written down because the contract is silent):
 * - children.sex: blank → 'U'. children/arrests.ethnic_group: one of the five
 *   broad groups or 'Not known' (blank, REFU, NOBT).
 * - offences.outcome_tier is derived from the outcome code (contract/codes.ts).
 * - ete.suitability: blank → 'UNKNOWN' (which counts as unsuitable).
 * - population.age_from/age_to: a single age gives from = to; a band '10-17'
 *   gives 10 and 17. population.sex / ethnic_group NULL means all.
 *
 * Record keys (FileSpec.key) are unique because validation refuses repeated
 * keys and store/write.ts merges by key, not through PRIMARY KEY constraints:
 * their index cost about 2 s of CPU per million offences (a third of a
 * national load) and guarded nothing the load does not already guarantee.
 */

/**
 * How the store compresses its text columns, declared rather than left to
 * DuckDB's trial of every method on every segment (the method it chose on
 * the sample and on national data alike): ids are distinct strings (FSST), codes are
 * a handful of values (a dictionary). Declaring them gives the same file and
 * takes about a sixth off the CPU of a national load (docs/performance.md).
 * DuckDB still stores a segment it cannot compress that way uncompressed.
 */
const ID = 'VARCHAR USING COMPRESSION fsst';
const CODE = 'VARCHAR USING COMPRESSION dictionary';

/** 2: the KPI files (accommodation … board_attendance) and children.resident_in_area. */
export const SCHEMA_VERSION = 2;

export const STORE_TABLES = [
  'children', 'offences', 'interventions', 'ete', 'remands', 'arrests', 'population', 'comparators',
  'accommodation', 'needs', 'care_status', 'victims', 'board_attendance',
] as const;
export type StoreTable = (typeof STORE_TABLES)[number];

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS loads (
  load_id INTEGER PRIMARY KEY,
  loaded_at TIMESTAMP NOT NULL,
  mode VARCHAR NOT NULL,            -- 'merge' or 'full'
  source_dir VARCHAR NOT NULL,
  files JSON NOT NULL               -- [{ file, sha256, rows, bytes }]
);
CREATE TABLE IF NOT EXISTS children (
  child_id ${ID} NOT NULL,          -- key (see above)
  date_of_birth DATE NOT NULL,
  sex ${CODE} NOT NULL,             -- M, F, U
  ethnicity ${CODE},                -- extended code as given (canonical), NULL when blank
  ethnic_group ${CODE} NOT NULL,    -- Asian, Black, Mixed, Other, White, Not known
  looked_after BOOLEAN,
  send BOOLEAN,
  ehcp BOOLEAN,
  load_id INTEGER NOT NULL,
  resident_in_area BOOLEAN          -- NULL (blank) means resident: KPIs leave out only a recorded N
);
-- A version 1 store gains the column when opened for writing.
ALTER TABLE children ADD COLUMN IF NOT EXISTS resident_in_area BOOLEAN;
CREATE TABLE IF NOT EXISTS offences (
  offence_id ${ID} NOT NULL,        -- key (see above)
  child_id ${ID} NOT NULL,
  offence_date DATE NOT NULL,
  outcome_date DATE NOT NULL,
  outcome ${CODE} NOT NULL,
  outcome_tier ${CODE} NOT NULL,
  offence_category ${CODE},
  gravity INTEGER,
  load_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS interventions (
  intervention_id ${ID} NOT NULL,   -- key (see above)
  child_id ${ID} NOT NULL,
  type ${CODE} NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE,
  completed BOOLEAN,
  load_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ete (
  child_id ${ID} NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE,
  provision ${CODE} NOT NULL,
  suitability ${CODE} NOT NULL,     -- SUITABLE, UNSUITABLE, UNKNOWN
  hours_offered DOUBLE,
  hours_attended DOUBLE,
  load_id INTEGER NOT NULL          -- key: child_id, start_date, provision (see above)
);
CREATE TABLE IF NOT EXISTS remands (
  remand_id ${ID} NOT NULL,         -- key (see above)
  child_id ${ID} NOT NULL,
  decision_date DATE NOT NULL,
  end_date DATE,
  remand_type ${CODE} NOT NULL,
  load_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS arrests (
  arrest_id ${ID} NOT NULL,         -- key (see above)
  arrest_date DATE NOT NULL,
  age INTEGER NOT NULL,
  sex ${CODE} NOT NULL,
  ethnicity ${CODE},
  ethnic_group ${CODE} NOT NULL,
  load_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS population (
  year INTEGER NOT NULL,
  age_from INTEGER NOT NULL,
  age_to INTEGER NOT NULL,
  sex VARCHAR,                      -- M, F or NULL for persons
  ethnic_group VARCHAR,             -- broad group or NULL for all
  population DOUBLE NOT NULL,
  load_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS comparators (
  indicator VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  area VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  numerator DOUBLE,
  denominator DOUBLE,
  source VARCHAR,
  load_id INTEGER NOT NULL
);
-- The YJB KPI files (docs/indicators.md, KPIs); keys in contract/files.ts.
CREATE TABLE IF NOT EXISTS accommodation (
  child_id ${ID} NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE,                    -- NULL: current
  type ${CODE} NOT NULL,
  suitable BOOLEAN NOT NULL,
  load_id INTEGER NOT NULL          -- key: child_id, start_date, type
);
CREATE TABLE IF NOT EXISTS needs (
  child_id ${ID} NOT NULL,
  need ${CODE} NOT NULL,            -- SEND, MENTAL_HEALTH, SUBSTANCE_MISUSE
  identified_date DATE NOT NULL,
  plan BOOLEAN,                     -- SEND only
  offered_date DATE,                -- NULL: not offered
  attended BOOLEAN,                 -- NULL: not attended
  load_id INTEGER NOT NULL          -- key: child_id, need, identified_date
);
CREATE TABLE IF NOT EXISTS care_status (
  child_id ${ID} NOT NULL,
  status ${CODE} NOT NULL,          -- LAC, CPP, CIN, EARLY_HELP
  start_date DATE NOT NULL,
  end_date DATE,
  load_id INTEGER NOT NULL          -- key: child_id, status, start_date
);
CREATE TABLE IF NOT EXISTS victims (
  victim_id ${ID} NOT NULL,         -- key
  child_id ${ID} NOT NULL,
  identified_date DATE NOT NULL,
  consented_contact BOOLEAN,
  contacted BOOLEAN,
  engaged_rj BOOLEAN,
  views_considered BOOLEAN,
  load_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS board_attendance (
  meeting_date DATE NOT NULL,
  sector ${CODE} NOT NULL,          -- POLICE, PROBATION, HEALTH, EDUCATION, SOCIAL_CARE
  attended BOOLEAN NOT NULL,
  senior BOOLEAN,
  data_shared BOOLEAN,
  load_id INTEGER NOT NULL          -- key: meeting_date, sector
);
`;

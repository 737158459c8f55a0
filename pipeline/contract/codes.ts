/**
 * Code lists of the extract's columns (data-samples/README.md). Each list maps canonical code → label; the
 * validator accepts either, case-insensitively, and stores the canonical code.
 */

export type CodeList = Readonly<Record<string, string>>;

export const SEX: CodeList = { M: 'Male', F: 'Female', U: 'Unknown' };
/** CLD numeric sex codes, accepted as aliases. */
export const SEX_ALIASES: Readonly<Record<string, string>> = { '1': 'M', '2': 'F', '9': 'U' };

export type EthnicGroup = 'Asian' | 'Black' | 'Mixed' | 'Other' | 'White';
export const ETHNIC_GROUPS: readonly EthnicGroup[] = ['Asian', 'Black', 'Mixed', 'Other', 'White'];
export const NOT_KNOWN = 'Not known';

/** DfE/CLD extended ethnicity code → [ONS 2021-style label, broad group]. */
export const ETHNICITY: Readonly<Record<string, readonly [string, EthnicGroup | typeof NOT_KNOWN]>> = {
  WBRI: ['White British', 'White'],
  WIRI: ['Irish', 'White'],
  WIRT: ['Traveller of Irish heritage', 'White'],
  WROM: ['Gypsy/Roma', 'White'],
  WOTH: ['Any other White background', 'White'],
  MWBC: ['White and Black Caribbean', 'Mixed'],
  MWBA: ['White and Black African', 'Mixed'],
  MWAS: ['White and Asian', 'Mixed'],
  MOTH: ['Any other mixed background', 'Mixed'],
  AIND: ['Indian', 'Asian'],
  APKN: ['Pakistani', 'Asian'],
  ABAN: ['Bangladeshi', 'Asian'],
  ACHN: ['Chinese', 'Asian'],
  AOTH: ['Any other Asian background', 'Asian'],
  BCRB: ['Black Caribbean', 'Black'],
  BAFR: ['Black African', 'Black'],
  BOTH: ['Any other Black background', 'Black'],
  OARA: ['Arab', 'Other'],
  OOTH: ['Any other ethnic group', 'Other'],
  REFU: ['Refused', NOT_KNOWN],
  NOBT: ['Information not obtained', NOT_KNOWN],
};

export type OutcomeTier =
  | 'pre_court_non_substantive'
  | 'pre_court_substantive'
  | 'first_tier'
  | 'community'
  | 'custody'
  | 'not_proven';

/** Outcome code → [label, tier]. */
export const OUTCOMES: Readonly<Record<string, readonly [string, OutcomeTier]>> = {
  CR: ['Community Resolution', 'pre_court_non_substantive'],
  OUTCOME_22: ['Deferred prosecution / diversion', 'pre_court_non_substantive'],
  OUTCOME_20_21: ['Further action not in the public interest', 'pre_court_non_substantive'],
  YC: ['Youth Caution', 'pre_court_substantive'],
  YCC: ['Youth Conditional Caution', 'pre_court_substantive'],
  AD: ['Absolute Discharge', 'first_tier'],
  CD: ['Conditional Discharge', 'first_tier'],
  FINE: ['Fine', 'first_tier'],
  RO: ['Referral Order', 'first_tier'],
  REPARATION: ['Reparation Order', 'first_tier'],
  OTHER_FIRST_TIER: ['Other first-tier', 'first_tier'],
  YRO: ['Youth Rehabilitation Order', 'community'],
  YRO_ISS: ['YRO with Intensive Supervision and Surveillance', 'community'],
  DTO: ['Detention and Training Order', 'custody'],
  S250: ['Long-term detention', 'custody'],
  S254: ['Extended sentence', 'custody'],
  S258: ['Detention for life', 'custody'],
  S259: ["Detention at His Majesty's pleasure", 'custody'],
  NFA: ['No further action', 'not_proven'],
  NOT_GUILTY: ['Not guilty', 'not_proven'],
  WITHDRAWN: ['Withdrawn', 'not_proven'],
};

/** Tiers whose outcomes are substantive (FTE, proven reoffending). */
export const SUBSTANTIVE_TIERS: readonly OutcomeTier[] = ['pre_court_substantive', 'first_tier', 'community', 'custody'];
/** Tiers that are court sentences. */
export const COURT_TIERS: readonly OutcomeTier[] = ['first_tier', 'community', 'custody'];
/** Out-of-court outcomes for the diversion stage of disproportionality. */
export const OUT_OF_COURT_CODES: readonly string[] = ['CR', 'OUTCOME_22', 'OUTCOME_20_21', 'YC', 'YCC'];
/** Non-substantive index events added by the include_non_substantive setting. */
export const NON_SUBSTANTIVE_INDEX_CODES: readonly string[] = ['CR', 'OUTCOME_22'];

export const OFFENCE_CATEGORIES: CodeList = {
  ARSON: 'Arson',
  BREACH_OF_BAIL: 'Breach of Bail',
  BREACH_OF_CONDITIONAL_DISCHARGE: 'Breach of Conditional Discharge',
  BREACH_OF_STATUTORY_ORDER: 'Breach of Statutory Order',
  CRIMINAL_DAMAGE: 'Criminal Damage',
  DEATH_OR_INJURY_BY_DANGEROUS_DRIVING: 'Death or Injury by Dangerous Driving',
  DOMESTIC_BURGLARY: 'Domestic Burglary',
  DRUGS: 'Drugs',
  FRAUD_AND_FORGERY: 'Fraud and Forgery',
  MOTORING: 'Motoring',
  NON_DOMESTIC_BURGLARY: 'Non-domestic Burglary',
  OTHER: 'Other',
  PUBLIC_ORDER: 'Public Order',
  RACIALLY_AGGRAVATED: 'Racially Aggravated',
  ROBBERY: 'Robbery',
  SEXUAL: 'Sexual',
  THEFT_AND_HANDLING: 'Theft and Handling',
  VEHICLE_THEFT: 'Vehicle Theft',
  VIOLENCE_AGAINST_THE_PERSON: 'Violence against the Person',
};

export const INTERVENTION_TYPES: CodeList = {
  OOCD: 'Out-of-court disposal with YJS intervention',
  YC: 'Youth Caution',
  YCC: 'Youth Conditional Caution',
  RO: 'Referral Order',
  YRO: 'Youth Rehabilitation Order',
  CUSTODY: 'Custodial part of a sentence',
};

export const ETE_PROVISION: CodeList = {
  SCHOOL_FULL_TIME: 'School (full time)',
  SCHOOL_PART_TIME: 'School (part time)',
  ALTERNATIVE_PROVISION: 'Alternative provision',
  PRU: 'Pupil referral unit',
  COLLEGE: 'College',
  TRAINING: 'Training',
  APPRENTICESHIP: 'Apprenticeship',
  EMPLOYMENT: 'Employment',
  ELECTIVE_HOME_EDUCATION: 'Elective home education',
  OTHER: 'Other',
  NONE: 'None',
};

export const ETE_SUITABILITY: CodeList = {
  SUITABLE: 'Suitable',
  UNSUITABLE: 'Unsuitable',
  UNKNOWN: 'Unknown',
};

export const REMAND_TYPES: CodeList = {
  UNCONDITIONAL_BAIL: 'Unconditional bail',
  CONDITIONAL_BAIL: 'Conditional bail',
  BSS: 'Bail supervision and support',
  ISS_BAIL: 'Bail with intensive supervision and surveillance',
  RLAA: 'Remand to local authority accommodation',
  YDA: 'Remand to youth detention accommodation',
};

export const YES_VALUES: readonly string[] = ['Y', 'YES', 'TRUE', '1'];
export const NO_VALUES: readonly string[] = ['N', 'NO', 'FALSE', '0'];

// YJB key performance indicators (docs/indicators.md, KPIs): the code lists of the KPI files.

export const ACCOMMODATION_TYPES: CodeList = {
  FAMILY: 'Parents or family',
  KINSHIP: 'Kinship carers or friends',
  FOSTER: 'Foster care',
  CHILDRENS_HOME: "Children's home",
  SEMI_INDEPENDENT: 'Semi-independent or supported',
  INDEPENDENT: 'Independent living',
  SECURE: 'YOI, STC, SCH or secure children\'s home',
  BED_AND_BREAKFAST: 'Bed and breakfast',
  NO_FIXED_ABODE: 'No fixed abode',
  OTHER: 'Other',
};
/** Accommodation a worker may still judge suitable, but which the YJB expects almost never is: a warning. */
export const RARELY_SUITABLE_ACCOMMODATION: readonly string[] = ['BED_AND_BREAKFAST', 'NO_FIXED_ABODE'];

export const NEED_TYPES: CodeList = {
  SEND: 'Special educational needs or disability (ALN in Wales)',
  MENTAL_HEALTH: 'Mental health and emotional wellbeing',
  SUBSTANCE_MISUSE: 'Substance misuse',
};

export const CARE_STATUSES: CodeList = {
  LAC: 'Looked after',
  CPP: 'Child protection plan',
  CIN: 'Child in need',
  EARLY_HELP: 'Early help plan',
};

export const BOARD_SECTORS: CodeList = {
  POLICE: 'Police',
  PROBATION: 'Probation',
  HEALTH: 'Health',
  EDUCATION: 'Education',
  SOCIAL_CARE: "Children's social care",
};

/**
 * The fictional service's profile: every rate and mix the sample is drawn
 * from, in one place. Tuned so that, at the default size in an area of about
 * 26,000 children aged 10–17, the sample shows roughly what a real service of
 * that size reports: 80–130 first time entrants and 5–15 custodial sentences a
 * year, quarterly reoffending cohorts of 30–60 with 20–40% reoffending, and
 * ethnic disproportionality that grows along the justice journey.
 */
import type { EthnicGroup } from '../contract/codes.js';

/** Children in children.csv when no size is given: a service's six years. */
export const DEFAULT_CHILDREN = 1600;
/** Police arrests (arrests.csv) per child in children.csv: about 4% of 10–17s arrested a year at the default size. */
export const ARRESTS_PER_CHILD = 4;
export const HISTORY_QUARTERS = 24;

/** Outcome levels, from diversion up to custody, that a child's journey escalates through. */
export type Level = 'diversion' | 'not_proven' | 'caution' | 'conditional_caution' | 'first_tier' | 'community' | 'custody';
export const LEVEL_RANK: Readonly<Record<Level, number>> = {
  not_proven: -1, diversion: 0, caution: 1, conditional_caution: 2, first_tier: 3, community: 4, custody: 5,
};
export const COURT_LEVELS: readonly Level[] = ['first_tier', 'community', 'custody'];

/** How a child's first outcome is distributed (most first contacts are diverted). */
export const FIRST_OUTCOME: Readonly<Record<Level, number>> = {
  diversion: 0.66, not_proven: 0.07, caution: 0.09, conditional_caution: 0.06, first_tier: 0.1, community: 0.018, custody: 0.004,
};

/** After a proven outcome, how the next one moves: steps up or down the levels. */
/** Chance that a step up from a court order to custody is taken (times the group's custody factor). */
export const CUSTODY_WHEN_REACHED = 0.55;
export const NEXT_STEP: Readonly<Record<'down' | 'same' | 'up' | 'up2', number>> = { down: 0.1, same: 0.36, up: 0.4, up2: 0.14 };
/** Share of later offences dealt with by diversion again, or not proven, whatever came before. */
export const LATER_DIVERSION = 0.14;
export const LATER_NOT_PROVEN = 0.06;

/** Chance of another offence after an outcome (from the outcome date, or release for custody). */
export const REOFFEND: Readonly<Record<Level, number>> = {
  not_proven: 0.2, diversion: 0.26, caution: 0.36, conditional_caution: 0.4, first_tier: 0.5, community: 0.62, custody: 0.6,
};
/** Mean days from an outcome (or release) to the next offence. */
export const REOFFEND_MEAN_DAYS = 130;
export const FEMALE_REOFFEND_FACTOR = 0.75;

/** Codes within each level. */
export const OUTCOME_CODES: Readonly<Record<Level, Readonly<Record<string, number>>>> = {
  diversion: { CR: 0.5, OUTCOME_22: 0.42, OUTCOME_20_21: 0.08 },
  not_proven: { NFA: 0.5, NOT_GUILTY: 0.25, WITHDRAWN: 0.25 },
  caution: { YC: 1 },
  conditional_caution: { YCC: 1 },
  first_tier: { RO: 0.7, CD: 0.1, FINE: 0.06, AD: 0.03, REPARATION: 0.05, OTHER_FIRST_TIER: 0.06 },
  community: { YRO: 0.85, YRO_ISS: 0.15 },
  custody: { DTO: 0.82, S250: 0.14, S254: 0.02, S258: 0.01, S259: 0.01 },
};

/** Ethnic group factors along the journey (White = 1). Disparity grows from arrest to custody. */
export interface GroupFactors {
  /** Being arrested (arrests.csv), relative to the group's share of the population. */
  arrest: number;
  /** Coming to the YJS's notice (children.csv), relative to the population share. */
  entry: number;
  /** Being diverted at a first contact rather than cautioned or sentenced. */
  diversion: number;
  /** Custody chosen where it is an option (also at a first outcome); also remand to youth detention. */
  custody: number;
}
export const GROUP_FACTORS: Readonly<Record<EthnicGroup, GroupFactors>> = {
  White: { arrest: 1, entry: 1, diversion: 1, custody: 1 },
  Black: { arrest: 2.5, entry: 2.2, diversion: 0.6, custody: 1.2 },
  Mixed: { arrest: 2.2, entry: 1.85, diversion: 0.68, custody: 1.25 },
  Asian: { arrest: 0.85, entry: 0.8, diversion: 1, custody: 1 },
  Other: { arrest: 1.1, entry: 1.05, diversion: 0.95, custody: 1.15 },
};

/** Extended ethnicity codes within each broad group. */
export const ETHNICITY_CODES: Readonly<Record<EthnicGroup, Readonly<Record<string, number>>>> = {
  White: { WBRI: 0.86, WOTH: 0.08, WIRI: 0.02, WROM: 0.025, WIRT: 0.015 },
  Mixed: { MWBC: 0.45, MWBA: 0.13, MWAS: 0.17, MOTH: 0.25 },
  Asian: { AIND: 0.34, APKN: 0.36, ABAN: 0.1, ACHN: 0.04, AOTH: 0.16 },
  Black: { BCRB: 0.38, BAFR: 0.47, BOTH: 0.15 },
  Other: { OARA: 0.3, OOTH: 0.7 },
};
/** Ethnicity not recorded: blank, refused or not obtained (about 3% of records). */
export const ETHNICITY_NOT_KNOWN: Readonly<Record<'' | 'REFU' | 'NOBT', number>> = { '': 0.016, REFU: 0.01, NOBT: 0.004 };

export const SEX_MIX: Readonly<Record<'M' | 'F' | 'U', number>> = { M: 0.82, F: 0.175, U: 0.005 };
/** Age at first offence: most children first come to notice at 14–16. */
export const FIRST_OFFENCE_AGE: Readonly<Record<string, number>> = { 10: 1.5, 11: 3, 12: 6, 13: 11, 14: 16, 15: 20, 16: 22, 17: 20.5 };
/** Age at arrest. */
export const ARREST_AGE: Readonly<Record<string, number>> = { 10: 1, 11: 2, 12: 4, 13: 8, 14: 13, 15: 18, 16: 22, 17: 24 };

export const LOOKED_AFTER = 0.12;
export const LOOKED_AFTER_IF_CUSTODY = 0.3;
export const SEND = 0.28;
export const EHCP_IF_SEND = 0.4;

/** Offences dealt with at one outcome. */
export const OFFENCES_PER_OUTCOME: Readonly<Record<'1' | '2' | '3' | '4', number>> = { 1: 0.72, 2: 0.19, 3: 0.06, 4: 0.03 };
/** Days from the (first) offence to the outcome: [shortest, longest]; never more than 6 months. */
export const OUTCOME_DELAY_DAYS: Readonly<Record<'pre_court' | 'court', readonly [number, number]>> = {
  pre_court: [5, 100], court: [21, 181],
};

/** Offence category mix by where the case ends up. */
export const CATEGORY_MIX: Readonly<Record<'pre_court' | 'court' | 'custody', Readonly<Record<string, number>>>> = {
  pre_court: {
    VIOLENCE_AGAINST_THE_PERSON: 25, THEFT_AND_HANDLING: 22, CRIMINAL_DAMAGE: 12, DRUGS: 12, PUBLIC_ORDER: 10, MOTORING: 5,
    OTHER: 5, NON_DOMESTIC_BURGLARY: 2, VEHICLE_THEFT: 2, RACIALLY_AGGRAVATED: 2, FRAUD_AND_FORGERY: 1, ARSON: 1, SEXUAL: 1,
  },
  court: {
    VIOLENCE_AGAINST_THE_PERSON: 28, THEFT_AND_HANDLING: 12, DRUGS: 10, MOTORING: 8, ROBBERY: 7, PUBLIC_ORDER: 6,
    CRIMINAL_DAMAGE: 5, BREACH_OF_STATUTORY_ORDER: 5, DOMESTIC_BURGLARY: 4, VEHICLE_THEFT: 4, NON_DOMESTIC_BURGLARY: 3, OTHER: 3,
    SEXUAL: 2, BREACH_OF_CONDITIONAL_DISCHARGE: 1, BREACH_OF_BAIL: 1, FRAUD_AND_FORGERY: 1, ARSON: 1, RACIALLY_AGGRAVATED: 1,
    DEATH_OR_INJURY_BY_DANGEROUS_DRIVING: 0.2,
  },
  custody: {
    ROBBERY: 30, VIOLENCE_AGAINST_THE_PERSON: 30, DRUGS: 12, DOMESTIC_BURGLARY: 10, SEXUAL: 5, BREACH_OF_STATUTORY_ORDER: 5,
    VEHICLE_THEFT: 3, ARSON: 2, OTHER: 2, DEATH_OR_INJURY_BY_DANGEROUS_DRIVING: 1,
  },
};
/** Categories that need an earlier court order or bail to breach. */
export const BREACHES: readonly string[] = ['BREACH_OF_STATUTORY_ORDER', 'BREACH_OF_CONDITIONAL_DISCHARGE', 'BREACH_OF_BAIL'];

/** YJB gravity score range of each category: [lowest, highest]. */
export const GRAVITY: Readonly<Record<string, readonly [number, number]>> = {
  ARSON: [3, 6], BREACH_OF_BAIL: [2, 3], BREACH_OF_CONDITIONAL_DISCHARGE: [2, 3], BREACH_OF_STATUTORY_ORDER: [2, 4],
  CRIMINAL_DAMAGE: [2, 4], DEATH_OR_INJURY_BY_DANGEROUS_DRIVING: [7, 8], DOMESTIC_BURGLARY: [5, 6], DRUGS: [2, 6],
  FRAUD_AND_FORGERY: [2, 4], MOTORING: [1, 3], NON_DOMESTIC_BURGLARY: [3, 4], OTHER: [1, 4], PUBLIC_ORDER: [2, 4],
  RACIALLY_AGGRAVATED: [3, 5], ROBBERY: [5, 7], SEXUAL: [4, 8], THEFT_AND_HANDLING: [1, 4], VEHICLE_THEFT: [3, 5],
  VIOLENCE_AGAINST_THE_PERSON: [3, 7],
};

/** Custodial sentence lengths in months (the custodial part is half). */
export const DTO_MONTHS: Readonly<Record<string, number>> = { 4: 0.25, 6: 0.22, 8: 0.15, 10: 0.1, 12: 0.13, 18: 0.08, 24: 0.07 };
export const LONG_SENTENCE_MONTHS: readonly [number, number] = [24, 72];

/** Share of outcomes that start a YJS intervention, and its length in days. */
export const INTERVENTION: Readonly<Record<string, { share: number; days: readonly [number, number]; completes: number }>> = {
  CR: { share: 0.5, days: [42, 112], completes: 0.85 },
  OUTCOME_22: { share: 0.85, days: [56, 126], completes: 0.82 },
  YC: { share: 0.5, days: [28, 84], completes: 0.9 },
  YCC: { share: 1, days: [56, 112], completes: 0.84 },
  RO: { share: 1, days: [91, 365], completes: 0.8 },
  YRO: { share: 1, days: [182, 730], completes: 0.65 },
  YRO_ISS: { share: 1, days: [182, 365], completes: 0.6 },
};

/** Chance that a court case has remand decisions before the outcome. */
export const REMAND_CHANCE: Readonly<Record<'custody' | 'court' | 'acquitted', number>> = { custody: 0.75, court: 0.25, acquitted: 0.25 };
export const REMAND_MIX: Readonly<Record<'custody' | 'other', Readonly<Record<string, number>>>> = {
  custody: { YDA: 0.35, CONDITIONAL_BAIL: 0.3, RLAA: 0.1, ISS_BAIL: 0.1, BSS: 0.1, UNCONDITIONAL_BAIL: 0.05 },
  other: { CONDITIONAL_BAIL: 0.5, UNCONDITIONAL_BAIL: 0.25, BSS: 0.1, RLAA: 0.06, ISS_BAIL: 0.05, YDA: 0.04 },
};

/** ETE provision while of school age and above it: share and weekly hours offered [fewest, most]. */
export const ETE_SCHOOL_AGE: Readonly<Record<string, { share: number; hours: readonly [number, number] }>> = {
  SCHOOL_FULL_TIME: { share: 0.5, hours: [25, 30] },
  SCHOOL_PART_TIME: { share: 0.1, hours: [6, 20] },
  ALTERNATIVE_PROVISION: { share: 0.16, hours: [10, 27] },
  PRU: { share: 0.12, hours: [15, 27] },
  ELECTIVE_HOME_EDUCATION: { share: 0.03, hours: [0, 10] },
  NONE: { share: 0.09, hours: [0, 0] },
};
export const ETE_OVER_SCHOOL_AGE: Readonly<Record<string, { share: number; hours: readonly [number, number] }>> = {
  COLLEGE: { share: 0.38, hours: [12, 22] },
  TRAINING: { share: 0.16, hours: [16, 30] },
  APPRENTICESHIP: { share: 0.05, hours: [30, 37] },
  EMPLOYMENT: { share: 0.09, hours: [16, 40] },
  OTHER: { share: 0.04, hours: [4, 16] },
  NONE: { share: 0.28, hours: [0, 0] },
};
export const ETE_SUITABLE: Readonly<Record<'SUITABLE' | 'UNSUITABLE' | 'UNKNOWN', number>> = { SUITABLE: 0.84, UNSUITABLE: 0.09, UNKNOWN: 0.07 };
/** Mean days a placement lasts before the child moves on; chance a needed record is missing. */
export const ETE_PLACEMENT_MEAN_DAYS = 240;
export const ETE_RECORD_MISSING = 0.05;

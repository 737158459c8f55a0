/**
 * The fictional service's rates for the YJB KPI files (accommodation, needs,
 * care status, victims, board attendance) and resident_in_area, in one place.
 * kpis.md gives three targets (about 90% in suitable accommodation at the end
 * of an order; 20–30% with SEND, about half of them with a plan; 30–40% with
 * a mental-health need); the rest are plausible values chosen for the sample
 * and listed in data-samples/README.md. Tuned so the KPI population (children
 * whose order ends in a quarter) shows them; that population is weighted
 * towards children who come back, so child-level rates sit a little lower.
 */

/** Children recorded as living outside the area; looked-after children are more often placed out of area. */
export const OUT_OF_AREA = 0.015;
export const OUT_OF_AREA_IF_LOOKED_AFTER = 0.08;

// --- care_status.csv -------------------------------------------------------------------------
/** A looked-after child (children.csv looked_after = Y) was already in care when the YJS first met them. */
export const IN_CARE_BEFORE_CONTACT = 0.6;
/** Chance a care episode ends (the child goes home) before 18; else it runs to the 18th birthday. */
export const CARE_ENDS_EARLY = 0.2;
/** A looked-after child had a child protection plan that ended when they came into care. */
export const CPP_BEFORE_CARE = 0.3;
/** Children not looked after: chance of each status at some time around their contact with the YJS, and its length in days. */
export const STATUS_EPISODE: Readonly<Record<'CPP' | 'CIN' | 'EARLY_HELP', { chance: number; days: readonly [number, number] }>> = {
  CPP: { chance: 0.07, days: [120, 540] },
  CIN: { chance: 0.2, days: [90, 540] },
  EARLY_HELP: { chance: 0.14, days: [60, 365] },
};

// --- accommodation.csv -----------------------------------------------------------------------
/** Mean days in one place (plus 60) before a move; the share of episodes nobody recorded. */
export const ACCOMMODATION_MEAN_DAYS = 420;
export const ACCOMMODATION_RECORD_MISSING = 0.015;
type Mix = Readonly<Record<string, number>>;
/** Where a child lives, by whether they are in care and whether they are 16 or over. */
export const ACCOMMODATION_MIX: Readonly<Record<'home_under_16' | 'home_16_plus' | 'care_under_16' | 'care_16_plus', Mix>> = {
  home_under_16: { FAMILY: 0.9, KINSHIP: 0.075, OTHER: 0.015, NO_FIXED_ABODE: 0.01 },
  home_16_plus: { FAMILY: 0.8, KINSHIP: 0.07, SEMI_INDEPENDENT: 0.04, INDEPENDENT: 0.025, BED_AND_BREAKFAST: 0.015, NO_FIXED_ABODE: 0.025, OTHER: 0.025 },
  care_under_16: { FOSTER: 0.5, CHILDRENS_HOME: 0.33, KINSHIP: 0.1, FAMILY: 0.05, OTHER: 0.02 },
  care_16_plus: { FOSTER: 0.24, CHILDRENS_HOME: 0.25, SEMI_INDEPENDENT: 0.35, KINSHIP: 0.06, FAMILY: 0.04, INDEPENDENT: 0.02, BED_AND_BREAKFAST: 0.02, OTHER: 0.02 },
};
/**
 * Chance the worker judges each type suitable. Bed and breakfast and no fixed
 * abode are never judged suitable here (the contract warns when they are).
 * Secure accommodation during custody or a remand counts as suitable.
 */
export const SUITABLE: Readonly<Record<string, number>> = {
  FAMILY: 0.96, KINSHIP: 0.94, FOSTER: 0.96, CHILDRENS_HOME: 0.86, SEMI_INDEPENDENT: 0.8, INDEPENDENT: 0.7,
  SECURE: 1, BED_AND_BREAKFAST: 0, NO_FIXED_ABODE: 0, OTHER: 0.5,
};
/** The first place after release from custody is less often suitable (times this factor). */
export const SUITABLE_AFTER_RELEASE = 0.85;

// --- needs.csv -------------------------------------------------------------------------------
/**
 * SEND is recorded for every child with SEND and a plan (children.csv ehcp),
 * and for this share of those with SEND but no plan (support without a plan
 * is less often known to the YJS): with send 28% and ehcp 40% of those, about
 * 22% of children have SEND recorded, half of them with a plan.
 */
export const SEND_RECORDED_WITHOUT_PLAN = 0.67;
/**
 * Mental-health need: a base chance, more for children who come back after
 * their first outcome (the link with reoffending) and for looked-after
 * children. Substance misuse: more for children with a drugs offence, who
 * come back, or who are 15 or over at their first intervention.
 */
export const MENTAL_HEALTH = { base: 0.26, cameBack: 0.2, lookedAfter: 0.12 } as const;
export const SUBSTANCE_MISUSE = { base: 0.16, drugsOffence: 0.14, cameBack: 0.1, aged15Plus: 0.06 } as const;
/** Chance that an assessment at an intervention's start records a need the child has (SEND, a matter of record, always). */
export const NEED_RECORDED_AT_ASSESSMENT: Readonly<Record<'SEND' | 'MENTAL_HEALTH' | 'SUBSTANCE_MISUSE', number>> = {
  SEND: 1, MENTAL_HEALTH: 0.9, SUBSTANCE_MISUSE: 0.9,
};
/** Days from a court order's pre-sentence assessment to the sentence; from an out-of-court intervention's start to its assessment. */
export const ASSESSMENT_BEFORE_COURT_ORDER: readonly [number, number] = [0, 28];
export const ASSESSMENT_AFTER_OOCD_START: readonly [number, number] = [0, 10];
/** An intervention for the need offered during the order, and attended if offered. */
export const NEED_SUPPORT: Readonly<Record<'MENTAL_HEALTH' | 'SUBSTANCE_MISUSE', { offered: number; attended: number }>> = {
  MENTAL_HEALTH: { offered: 0.8, attended: 0.72 },
  SUBSTANCE_MISUSE: { offered: 0.85, attended: 0.65 },
};
/** An offer comes within this many days of the assessment (and within the order). */
export const OFFER_WITHIN_DAYS = 42;

// --- victims.csv -----------------------------------------------------------------------------
/** Chance an offence of the category has a victim the YJS identifies (0 or absent: victimless). */
export const VICTIM_CHANCE: Readonly<Record<string, number>> = {
  VIOLENCE_AGAINST_THE_PERSON: 0.9, ROBBERY: 0.95, DOMESTIC_BURGLARY: 0.95, NON_DOMESTIC_BURGLARY: 0.7, SEXUAL: 0.95,
  THEFT_AND_HANDLING: 0.6, CRIMINAL_DAMAGE: 0.75, ARSON: 0.7, VEHICLE_THEFT: 0.8, RACIALLY_AGGRAVATED: 0.85,
  FRAUD_AND_FORGERY: 0.6, PUBLIC_ORDER: 0.3,
};
export const VICTIMS_PER_OFFENCE: Readonly<Record<'1' | '2' | '3', number>> = { 1: 0.88, 2: 0.1, 3: 0.02 };
/** Days from the intervention's start to the victim being identified. */
export const VICTIM_IDENTIFIED_DAYS: readonly [number, number] = [0, 21];
/** Consent to contact; contact and restorative justice only with consent; views considered (more often with consent). */
export const VICTIM = { consents: 0.55, contactedIfConsented: 0.9, rjIfContacted: 0.33, viewsIfConsented: 0.92, viewsOtherwise: 0.6 } as const;

// --- board_attendance.csv --------------------------------------------------------------------
/** The board meets on the second Tuesday of the first and third month of each quarter; now and then a meeting is cancelled. */
export const BOARD_MEETING_CANCELLED = 0.04;
/** Per statutory sector: attended, a senior partner if attended, data shared if attended. */
export const BOARD_SECTOR: Readonly<Record<'POLICE' | 'PROBATION' | 'HEALTH' | 'EDUCATION' | 'SOCIAL_CARE', { attends: number; senior: number; shares: number }>> = {
  POLICE: { attends: 0.9, senior: 0.9, shares: 0.9 },
  PROBATION: { attends: 0.8, senior: 0.85, shares: 0.75 },
  HEALTH: { attends: 0.72, senior: 0.75, shares: 0.6 },
  EDUCATION: { attends: 0.82, senior: 0.85, shares: 0.7 },
  SOCIAL_CARE: { attends: 0.95, senior: 0.95, shares: 0.92 },
};

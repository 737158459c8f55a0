/**
 * The rolling-year topics (first time entrants, use of custody): everything
 * that differs between them, so one builder draws both the same way
 * (custody takes the same form as FTE).
 */
import { CATALOGUE, headerOf, TOPICS, type Topic } from '../compute/catalogue.js';
import type { IndicatorId } from '../compute/record.js';
import { formatCount, plural, unitWords } from './format.js';

export interface RateTopic {
  /** Section fragment id. */
  id: string;
  heading: string;
  /** Id prefix of the topic's records and compute notes (`fte`). */
  prefix: string;
  rateId: IndicatorId;
  /** Count columns of the table, left to right. */
  counts: { id: IndicatorId; header: string }[];
  /** "first time entrant rate": the subject of sentences. */
  subject: string;
  /** Words for the rate's unit. */
  unitWords: string;
  /** The unit, short, for a column header ("per 100,000"; the caption says of whom). */
  rateHeader: string;
  /** "34 of 13,861 children aged 10–17 became first time entrants". */
  basis: (numerator: number, denominator: number) => string;
  /** Under the counts table: what its columns count. */
  tableNotes: string[];
  /** Label shown with the figure. */
  label: string | null;
  /** What the topic measures, in plain English, opening its section. */
  intro: string[];
  /** Said when the topic has no records. */
  noData: string;
}

/** What the catalogue says of a rolling-year topic: its heading, rate and count columns, and the rate's unit. */
function fromCatalogue(prefix: Extract<Topic, 'fte' | 'custody'>, rateId: IndicatorId, countIds: readonly IndicatorId[])
  : Pick<RateTopic, 'heading' | 'prefix' | 'rateId' | 'counts' | 'subject' | 'unitWords' | 'rateHeader'> {
  const { label, unit } = CATALOGUE[rateId];
  return {
    heading: TOPICS[prefix].heading, prefix, rateId, counts: countIds.map((id) => ({ id, header: headerOf(id) })),
    subject: label, unitWords: unitWords(unit), rateHeader: unit,
  };
}

export const FTE_TOPIC: RateTopic = {
  id: 'first-time-entrants',
  ...fromCatalogue('fte', 'fte.rate', ['fte.count', 'fte.offences']),
  basis: (n, d) => `${formatCount(n)} of ${plural(d, 'child', 'children')} aged 10–17 became first time entrants`,
  tableNotes: [`${headerOf('fte.offences')}: the ${CATALOGUE['fte.offences'].label}.`],
  label: 'Local (case-management) count',
  intro: [
    'Children aged 10 to 17 who received their first youth caution, youth conditional caution or court sentence, counted over the year to the end of each quarter.',
    'This is the local (case-management) count. The official figure comes from the Police National Computer and is usually higher, so the two should not be compared directly.',
  ],
  noData: 'No first time entrant figures are available for this period: the extract has no substantive outcomes in the years shown.',
};

export const CUSTODY_TOPIC: RateTopic = {
  id: 'use-of-custody',
  ...fromCatalogue('custody', 'custody.rate', ['custody.count', 'custody.children']),
  basis: (n, d) => `${plural(n, 'custodial sentence', 'custodial sentences')} among ${plural(d, 'child', 'children')} aged 10–17`,
  tableNotes: [`${headerOf('custody.count')}: each child and sentence date once. ${headerOf('custody.children')}: each child once.`],
  label: 'Local (case-management) count',
  intro: [
    'Custodial sentences (detention and training orders and longer sentences of detention) given to children, counted over the year to the end of each quarter, and the number of children who received them.',
  ],
  noData: 'No custody figures are available for this period: the extract has no outcomes in the years shown.',
};

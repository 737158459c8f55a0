/**
 * The records of one stage (dispro.rate, dispro.rri, dispro.share) and of
 * the population shares, from its figures. Pure arithmetic, no store.
 *
 * - dispro.rate: events / base per group, per 1,000 with the exact/Byar
 *   interval on a population base, % with the Wilson interval otherwise.
 * - dispro.rri: each non-White group's rate over the White rate, with the
 *   exact conditional (population) or Katz (proportion) interval.
 *   numerator = the group's events (a), denominator = the White group's
 *   events (c): the two counts the ratio is built on, so that disclosure
 *   control can suppress it with them.
 * - dispro.share: the group's share of the stage's events of known
 *   ethnicity (Wilson interval); group 'Not known' is the data-quality
 *   share (StageFigures.unknown), of all children at the decision point.
 */
import { ETHNIC_GROUPS, NOT_KNOWN, type EthnicGroup } from '../../../contract/codes.js';
import { CATALOGUE, multiplierOf, unitMultiplier, unitOf } from '../../catalogue.js';
import { record, scaled, type Estimate, type IndicatorRecord } from '../../record.js';
import { proportionCI, rateCI, rateRatioCI, significantAgainst } from '../../statistics.js';
import { REFERENCE_GROUP, type GroupFigures, type StageFigures } from './figures.js';

/** Rates on a population base are per this many children aged 10–17 (the catalogue's unit of dispro.rate). */
export const PER_POPULATION = multiplierOf('dispro.rate');

/** A group whose relative rate index or interval is undefined, and why (worded by the statistics module). */
export interface UndefinedRatio {
  group: EthnicGroup;
  reason: string;
}

export interface StageRecords {
  records: IndicatorRecord[];
  undefinedRatios: UndefinedRatio[];
}

const NONE: Estimate = { value: null, lower: null, upper: null };

/** A rate at a stage whose base is the stage before is a percentage (dispro.rate's stage unit). */
const PER_STAGE = unitMultiplier(CATALOGUE['dispro.rate'].stageUnit ?? unitOf('dispro.rate'));
/** A group's share of a stage (or of the population) is a percentage. */
const PER_SHARE = multiplierOf('dispro.share');

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

function rateEstimate(fig: StageFigures, g: GroupFigures): Estimate {
  if (g.base === null) return NONE;
  return fig.base === 'population' ? rateCI(g.events, g.base, PER_POPULATION) : scaled(proportionCI(g.events, g.base), PER_STAGE);
}

export function stageRecords(fig: StageFigures): StageRecords {
  const breakdown = (group: string) => ({ stage: fig.stage, group });
  const { unit: populationUnit, stageUnit } = CATALOGUE['dispro.rate'];
  const unit = fig.base === 'population' ? populationUnit : stageUnit;
  const records: IndicatorRecord[] = [];
  const undefinedRatios: UndefinedRatio[] = [];

  for (const group of ETHNIC_GROUPS) {
    const g = fig.groups[group];
    records.push(record({
      id: 'dispro.rate', period: fig.period, breakdown: breakdown(group),
      numerator: g.events, denominator: g.base, ...rateEstimate(fig, g), unit,
    }));
  }

  const white = fig.groups[REFERENCE_GROUP];
  for (const group of ETHNIC_GROUPS.filter((g) => g !== REFERENCE_GROUP)) {
    const g = fig.groups[group];
    let ratio: Estimate = NONE;
    // A missing population is reported once for the whole stage, not as an undefined ratio per group.
    if (g.base !== null && white.base !== null) {
      const r = rateRatioCI(g.events, g.base, white.events, white.base, { base: fig.base });
      ratio = { value: finiteOrNull(r.value), lower: finiteOrNull(r.lower), upper: finiteOrNull(r.upper) };
      if (r.undefinedReason !== undefined) undefinedRatios.push({ group, reason: r.undefinedReason });
    }
    const significance = ratio.value === null
      ? { significant: false, direction: null }
      : significantAgainst(ratio, 1);
    records.push({
      ...record({
        id: 'dispro.rri', period: fig.period, breakdown: breakdown(group),
        numerator: g.events, denominator: white.events, ...ratio,
      }),
      significant: significance.significant,
      direction: significance.direction,
    });
  }

  const knownEvents = ETHNIC_GROUPS.reduce((n, g) => n + fig.groups[g].events, 0);
  for (const group of ETHNIC_GROUPS) {
    const events = fig.groups[group].events;
    records.push(record({
      id: 'dispro.share', period: fig.period, breakdown: breakdown(group),
      numerator: events, denominator: knownEvents, ...scaled(proportionCI(events, knownEvents), PER_SHARE),
    }));
  }
  records.push(record({
    id: 'dispro.share', period: fig.period, breakdown: breakdown(NOT_KNOWN),
    numerator: fig.unknown.count, denominator: fig.unknown.total,
    ...scaled(proportionCI(fig.unknown.count, fig.unknown.total), PER_SHARE),
  }));

  return { records, undefinedRatios };
}

/** breakdown.stage of the population shares (the Lammy-review comparison). */
export const POPULATION_STAGE = 'population';

/**
 * Each group's share of the population aged 10–17 (of the five groups'
 * total: the Census split has no "not known"). A count of everyone, not a
 * sample, so no interval. Not emitted unless every group has a population.
 */
export function populationShareRecords(
  populations: Readonly<Record<EthnicGroup, number | null>>, period: string,
): IndicatorRecord[] {
  const values = ETHNIC_GROUPS.map((g) => populations[g]);
  if (values.some((v) => v === null)) return [];
  const total = (values as number[]).reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  return ETHNIC_GROUPS.map((group) => {
    const population = populations[group] as number;
    return record({
      id: 'dispro.share', period, breakdown: { stage: POPULATION_STAGE, group },
      numerator: population, denominator: total, value: population / total * PER_SHARE,
    });
  });
}

/**
 * The YJB key performance indicators (docs/indicators.md, KPIs), one module
 * each, over one reading of the common population. KPI 2 (ETE) keeps its own
 * module and `ete.*` ids (../ete.ts) and runs here on the same population.
 */
import type { Store } from '../../../store/db.js';
import type { ComputeContext } from '../../context.js';
import type { IndicatorResult } from '../result.js';
import { eteForPopulation } from '../ete.js';
import { computeAccommodation } from './accommodation.js';
import { computeBoardAttendance } from './board-attendance.js';
import { kpiInputs, type KpiInputs } from './inputs.js';
import { computeMentalHealth } from './mental-health.js';
import { computeSend } from './needs.js';
import { computeOocd } from './oocd.js';
import { computeSeriousViolence } from './serious-violence.js';
import { computeSubstanceMisuse } from './substance-misuse.js';
import { computeVictims } from './victims.js';
import { computeWiderServices } from './wider-services.js';

/**
 * The version of the YJB's KPI definitions computed (recorded in the manifest
 * and the methods): the April 2023 KPIs as in the guidance and the YJB's
 * quality and methodology information of June 2025, with mental health as
 * need / offered / attended and wider services as LAC, CPP, CIN and early help.
 */
export const KPI_VERSION = 'YJB KPIs 2023 (QMI June 2025)';

type KpiModule = (store: Store, inputs: KpiInputs) => Promise<IndicatorResult>;

/** In KPI order, so output is deterministic. */
export const KPI_MODULES: readonly KpiModule[] = [
  computeAccommodation, eteForPopulation, computeSend, computeMentalHealth, computeSubstanceMisuse, computeOocd, computeWiderServices,
  computeBoardAttendance, computeSeriousViolence, computeVictims,
];

export async function computeKpis(store: Store, ctx: ComputeContext): Promise<IndicatorResult> {
  const inputs = await kpiInputs(store, ctx);
  const result: IndicatorResult = { records: [], notes: [] };
  for (const kpi of KPI_MODULES) {
    const r = await kpi(store, inputs);
    result.records.push(...r.records);
    result.notes.push(...r.notes);
  }
  return result;
}

/** The records of the KPI return (all ten KPIs, ETE included), without the rest of the indicators. */
export const computeKpiRecords = computeKpis;

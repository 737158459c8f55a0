/** KPI 5, substance misuse: need, offered, attended (needs.ts). */
import type { Store } from '../../../store/db.js';
import type { IndicatorResult } from '../result.js';
import type { KpiInputs } from './inputs.js';
import { computeNeedKpi, type NeedKpi } from './needs.js';

export const SUBSTANCE_MISUSE: NeedKpi = {
  need: 'SUBSTANCE_MISUSE',
  ids: { need: 'kpi.substance_misuse.need', offered: 'kpi.substance_misuse.offered', attended: 'kpi.substance_misuse.attended' },
  label: 'KPI 5 (substance misuse)',
};

export function computeSubstanceMisuse(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  return computeNeedKpi(store, inputs, SUBSTANCE_MISUSE);
}

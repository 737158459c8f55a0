/** KPI 4, mental health and emotional wellbeing: need, offered, attended (needs.ts). */
import type { Store } from '../../../store/db.js';
import type { IndicatorResult } from '../result.js';
import type { KpiInputs } from './inputs.js';
import { computeNeedKpi, type NeedKpi } from './needs.js';

export const MENTAL_HEALTH: NeedKpi = {
  need: 'MENTAL_HEALTH',
  ids: { need: 'kpi.mental_health.need', offered: 'kpi.mental_health.offered', attended: 'kpi.mental_health.attended' },
  label: 'KPI 4 (mental health and emotional wellbeing)',
};

export function computeMentalHealth(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  return computeNeedKpi(store, inputs, MENTAL_HEALTH);
}

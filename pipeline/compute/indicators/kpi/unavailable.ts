/**
 * The `[x]` result of a KPI whose data is absent: one record per measure for
 * P with the reason, and the same reason as a note for the pack.
 */
import { messages } from '../../../messages.js';
import { formatPeriod } from '../../../period.js';
import type { ComputeNote, NoteMessageId } from '../../context.js';
import type { IndicatorId } from '../../record.js';
import type { IndicatorResult } from '../result.js';
import type { KpiInputs } from './inputs.js';
import { notAvailable } from './records.js';

/** Why a KPI is not available: a catalogue note and its words (the file, the KPI); the period is added where used. */
export interface KpiReason {
  message: Extract<NoteMessageId, `noteKpi${string}`>;
  params: Readonly<Record<string, string>>;
}

/** The reason in words, for a record's `reason` (the quarter as its code). */
export function reasonText(reason: KpiReason, period: string): string {
  return messages[reason.message].text({ ...reason.params, period });
}

/** The reason as a note for the pack, which writes the quarter in words. */
export function reasonNote(indicator: string, reason: KpiReason, period: string): ComputeNote {
  return { indicator, severity: 'warning', message: reason.message, params: { ...reason.params, period: { kind: 'periods', codes: [period], as: 'quarters' } } };
}

/** `[x]` records for every id, for P, with this reason. */
export function notAvailableResult(inputs: KpiInputs, ids: readonly IndicatorId[], reason: KpiReason): IndicatorResult {
  const period = formatPeriod(inputs.period);
  const text = reasonText(reason, period);
  return {
    records: ids.map((id) => notAvailable(id, period, text)),
    notes: [reasonNote(ids[0]!.split('.').slice(0, 2).join('.'), reason, period)],
  };
}

/**
 * The `[x]` result when the population has no interventions or the KPI's
 * file has no records up to P's end; null when the KPI can be computed.
 */
export function unavailable(inputs: KpiInputs, ids: readonly IndicatorId[], fileFirst: string | null | undefined,
  file: string, kpi: string): IndicatorResult | null {
  if (inputs.firstIntervention === null) return notAvailableResult(inputs, ids, { message: 'noteKpiNoInterventions', params: { kpi } });
  if (fileFirst === null) return notAvailableResult(inputs, ids, { message: 'noteKpiFileAbsent', params: { file, kpi } });
  return null;
}

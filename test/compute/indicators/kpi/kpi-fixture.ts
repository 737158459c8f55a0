/**
 * Shared set-up of the KPI tests: a run for 2024-25-Q2 (July–September 2024)
 * over an inline fixture store, and look-ups of its records.
 */
import { DEFAULT_SETTINGS, type ComputeContext } from '../../../../pipeline/compute/context.js';
import { computeKpis } from '../../../../pipeline/compute/indicators/kpi/index.js';
import type { IndicatorRecord } from '../../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../../pipeline/period.js';
import type { Store } from '../../../../pipeline/store/db.js';
import { fixtureStore, type Fixture, type InterventionFixture } from '../../../helpers/fixture-store.js';

export const P = '2024-25-Q2';
export const ctx: ComputeContext = { period: parsePeriod(P), settings: DEFAULT_SETTINGS };

/** Aged 14 throughout 2024. */
export const AGED_14 = '2010-01-01';

let open: Store | null = null;

export async function kpis(f: Fixture): Promise<IndicatorRecord[]> {
  closeStore();
  open = await fixtureStore(f);
  return (await computeKpis(open, ctx)).records;
}

export function closeStore(): void {
  open?.close();
  open = null;
}

/** The record of an id for P (or another quarter), headline unless a breakdown is given. */
export function find(records: readonly IndicatorRecord[], id: string, breakdown: Record<string, string> = {}, period = P): IndicatorRecord | undefined {
  return records.find((r) => r.id === id && r.period === period
    && JSON.stringify(r.breakdown) === JSON.stringify(breakdown));
}

/** An RO from 1 March 2024 to 15 August 2024 (in P), unless said otherwise. */
export const order = (id: string, child: string, fields: Partial<InterventionFixture> = {}): InterventionFixture =>
  ({ intervention_id: id, child_id: child, type: 'RO', start_date: '2024-03-01', end_date: '2024-08-15', ...fields });

export const child = (id: string, fields: Record<string, unknown> = {}) => ({ child_id: id, date_of_birth: AGED_14, ...fields });

/**
 * What every indicator module returns: its records (for P and the trend
 * window) and the notes it leaves for the data-quality and methods sections.
 */
import type { ComputeNote } from '../context.js';
import type { IndicatorRecord } from '../record.js';

export interface IndicatorResult {
  records: IndicatorRecord[];
  notes: ComputeNote[];
}

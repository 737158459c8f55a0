/** A point estimate with its confidence limits; null where undefined (no denominator). */
export interface Estimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export const UNDEFINED_ESTIMATE: Estimate = Object.freeze({ value: null, lower: null, upper: null });

/**
 * The statistics behind every indicator: confidence intervals for
 * proportions, rates and rate ratios, significance against a comparator,
 * XmR control charts for trends, and the distribution functions they need,
 * in pure TypeScript. Each function's source is given beside it.
 */
export type { Estimate } from './statistics/interval.js';
export { proportionCI } from './statistics/proportion.js';
export { rateCI, exactPoissonLimits, byarLimits, BYAR_FROM } from './statistics/rate.js';
export { rateRatioCI, RATE_RATIO_UNDEFINED, type RateRatioEstimate, type RateRatioOptions } from './statistics/rate-ratio.js';
export { significantAgainst, type Significance } from './statistics/significance.js';
export {
  xmr, XMR_SIGNALS, LIMIT_FACTOR, SCREEN_FACTOR, RUN_LENGTH, TRIAL_BELOW, MIN_POINTS,
  type XmrSignal, type XmrDirection, type XmrSignalDetail, type XmrPoint, type XmrResult, type XmrJudged, type XmrTooFew,
} from './statistics/xmr.js';
export { normalQuantile, zForLevel } from './statistics/normal.js';
export { chiSquareQuantile, chiSquareCdf, regularizedGamma, logGamma } from './statistics/gamma.js';
export { betaQuantile, regularizedBeta, logBeta } from './statistics/beta.js';
export { isSmallCount } from './statistics/suppression.js';
export {
  auditPublished, percentageRelations, complementRelation, totalRelation,
  type AuditCell, type LinearRelation, type CellRange, type AuditResult,
} from './statistics/disclosure-audit.js';
export { suppressCells, type TableCell, type CellReason } from './statistics/cell-suppression.js';

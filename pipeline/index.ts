/**
 * yjpack as a library: the phases of the quarterly job (see run.ts for the
 * diagram), the statistics, and the types of the data contract and records.
 */
export { runQuarterlyJob, openSource, choosePeriod, type RunOptions, type RunResult, type StoreSource } from './run.js';
export { YjpackError, ExitCode, formatProblem, type Problem } from './errors.js';
export { messages, type MessageId } from './messages.js';
export * from './period.js';
export { parseConfig, DEFAULT_CONFIG, type Config } from './config.js';
export { FILES, fileSpec, type FileSpec, type ColumnSpec } from './contract/files.js';
export * as codes from './contract/codes.js';
export { openStore, type Store } from './store/db.js';
export { loadExtract, validateExtract, problemsToCsv } from './load/index.js';
export { computeIndicators, computeQuarter, type ComputeOutput, type QuarterComputed } from './compute/index.js';
export { DEFAULT_SETTINGS, computeContext, type ComputeContext, type ComputeSettings, type ComputeNote } from './compute/context.js';
export { INDICATOR_IDS, type IndicatorRecord, type IndicatorId, type Breakdown } from './compute/record.js';
export {
  proportionCI, rateCI, rateRatioCI, xmr, MIN_POINTS, significantAgainst, suppressCells, auditPublished,
  type XmrResult, type XmrSignal, type TableCell, type LinearRelation, type CellRange,
} from './compute/statistics.js';
export { assemblePack, assembleQuarter } from './assemble/index.js';
export { renderBoardPack } from './render/index.js';
export { findBrowser, printPdf } from './print/index.js';
export { recordsToJson, recordsToCsv } from './output/records.js';
export { generateSample } from './sample/index.js';
export { buildPopulation, loadPopulationReference, populationToCsv } from './population/index.js';

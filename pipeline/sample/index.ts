/** yjpack sample: a synthetic extract, deterministic per seed (see generate.ts and profile.ts). */
export { generateSample, DEFAULT_AREA, DEFAULT_SEED, type SampleOptions, type SampleSummary } from './generate.js';
export { DEFAULT_CHILDREN } from './profile.js';

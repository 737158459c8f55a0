/** yjpack population: population.csv for one or more areas from the reference data shipped in reference/. */
export { buildPopulation, OGL_ATTRIBUTION, PRISM_ATTRIBUTION } from './build.js';
export { listAreas, resolveAreas, type KnownArea } from './areas.js';
export { loadPopulationReference, parsePopulationReference, defaultReferenceDir } from './reference.js';
export { populationToCsv, writePopulationCsv, notesPathFor, populationNotesText, POPULATION_HEADER } from './csv.js';
export type { PopulationRow, PopulationReference, BuiltPopulation, AreaInfo } from './types.js';

/**
 * The run configuration (YAML). Parsing and checking are pure; reading the
 * file is load's job (load/config-file.ts). Every problem is reported at
 * once with its path in the file and how to fix it.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contrastRatio, darkenToContrast, formatRatio, MIN_TEXT_CONTRAST, WHITE } from './assemble/contrast.js';
import { YjpackError } from './errors.js';
import { INDICATOR_IDS } from './compute/record.js';
import { DISPRO_STAGES } from './compute/indicators/dispro/stages.js';

export interface Target {
  value: number;
  /** Whether a higher value is better (ETE) or worse (FTE, custody, reoffending). */
  better: 'higher' | 'lower';
}

export interface Config {
  serviceName: string;
  areaCodes: string[];
  targets: Partial<Record<string, Target>>;
  comparatorAreas: string[];
  suppressionThreshold: number;
  /** A headline, summary sentence or "largest difference" rests only on a group with at least this many children at the stage. */
  headlineMinCount: number;
  poolStages: string[];
  includeNonSubstantive: boolean;
  logoFile: string | null;
  accentColour: string | null;
  /** The service's code at the Youth Justice Board, written on the KPI return. */
  yjbCode: string | null;
}

export const DEFAULT_CONFIG: Config = {
  serviceName: 'Youth Justice Service',
  areaCodes: [],
  targets: {},
  comparatorAreas: [],
  suppressionThreshold: 5,
  headlineMinCount: 10,
  poolStages: [],
  includeNonSubstantive: false,
  logoFile: null,
  accentColour: null,
  yjbCode: null,
};

const KNOWN_KEYS = ['service_name', 'area_codes', 'targets', 'comparators', 'suppression_threshold', 'headline_min_count', 'pooling',
  'include_non_substantive', 'logo', 'accent_colour', 'yjb_code'];

/** Parses and checks a YAML config; `path` is only used in messages. */
export function parseConfig(text: string, path: string): Config {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (e) {
    throw configError(path, [`(file): not valid YAML: ${(e as Error).message.split('\n')[0]}. Check indentation and quotes.`]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw configError(path, ['(file): expected a mapping of settings such as "service_name: Wolverhampton YJS".']);
  }
  const doc = raw as Record<string, unknown>;
  const config: Config = { ...DEFAULT_CONFIG, targets: {} };

  for (const key of Object.keys(doc)) {
    if (!KNOWN_KEYS.includes(key)) problems.push(`${key}: unknown setting. Known settings: ${KNOWN_KEYS.join(', ')}.`);
  }
  if (doc.service_name !== undefined) {
    if (typeof doc.service_name === 'string' && doc.service_name.trim()) config.serviceName = doc.service_name.trim();
    else problems.push('service_name: expected the service name as text, e.g. "Wolverhampton Youth Justice Service".');
  }
  if (doc.area_codes !== undefined) {
    const codes = stringList(doc.area_codes);
    if (codes && codes.every((c) => /^[EWSN]\d{8}$/.test(c))) config.areaCodes = codes;
    else problems.push('area_codes: expected a list of ONS area codes such as [E08000031].');
  }
  if (doc.comparators !== undefined) {
    const areas = stringList(doc.comparators);
    if (areas) config.comparatorAreas = areas;
    else problems.push('comparators: expected a list of comparator area names, e.g. [West Midlands, England].');
  }
  if (doc.suppression_threshold !== undefined) {
    const t = doc.suppression_threshold;
    if (typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= 100) config.suppressionThreshold = t;
    else problems.push('suppression_threshold: expected a whole number from 0 to 100 (default 5).');
  }
  if (doc.headline_min_count !== undefined) {
    const n = doc.headline_min_count;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1000) config.headlineMinCount = n;
    else problems.push('headline_min_count: expected a whole number from 1 to 1000 (default 10): the fewest children in a group at a stage for a difference to be a headline.');
  }
  if (doc.include_non_substantive !== undefined) {
    if (typeof doc.include_non_substantive === 'boolean') config.includeNonSubstantive = doc.include_non_substantive;
    else problems.push('include_non_substantive: expected true or false.');
  }
  if (doc.pooling !== undefined) {
    const stages = stringList(doc.pooling);
    const bad = stages?.filter((s) => !(DISPRO_STAGES as readonly string[]).includes(s)) ?? [];
    if (stages && bad.length === 0) config.poolStages = stages;
    else problems.push(`pooling: expected a list of stages to pool over three years, from: ${DISPRO_STAGES.join(', ')}.`);
  }
  if (doc.logo !== undefined) {
    // Relative to the config file, so a config and its logo can be moved together.
    if (typeof doc.logo === 'string' && /\.(png|jpe?g|svg)$/i.test(doc.logo)) config.logoFile = isAbsolute(doc.logo) ? doc.logo : join(dirname(path), doc.logo);
    else problems.push('logo: expected the path of a PNG, JPEG or SVG file (relative to this config file), e.g. "logo.png".');
  }
  if (doc.accent_colour !== undefined) {
    if (typeof doc.accent_colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(doc.accent_colour)) {
      const problem = accentContrastProblem(doc.accent_colour);
      if (problem) problems.push(problem);
      else config.accentColour = doc.accent_colour;
    } else problems.push('accent_colour: expected a colour like "#12436D".');
  }
  if (doc.yjb_code !== undefined) {
    // Read as text whatever YAML made of it (a code of digits is a number to YAML), but only letters, digits and hyphens.
    const code = typeof doc.yjb_code === 'number' && Number.isInteger(doc.yjb_code) ? String(doc.yjb_code) : doc.yjb_code;
    if (typeof code === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/.test(code.trim())) config.yjbCode = code.trim();
    else problems.push('yjb_code: expected the service\'s code at the Youth Justice Board as written on its KPI template: letters, digits and hyphens, at most 16, e.g. "YJS123".');
  }
  if (doc.targets !== undefined) readTargets(doc.targets, config, problems);

  if (problems.length) throw configError(path, problems);
  return config;
}

function readTargets(raw: unknown, config: Config, problems: string[]): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push('targets: expected a mapping of indicator id to target, e.g. "fte.rate: { value: 200, better: lower }".');
    return;
  }
  for (const [id, t] of Object.entries(raw as Record<string, unknown>)) {
    if (!(INDICATOR_IDS as readonly string[]).includes(id)) {
      problems.push(`targets.${id}: unknown indicator. Use one of: ${INDICATOR_IDS.join(', ')}.`);
      continue;
    }
    const target = t as Record<string, unknown> | null;
    if (typeof target !== 'object' || target === null || typeof target.value !== 'number'
      || (target.better !== 'higher' && target.better !== 'lower')) {
      problems.push(`targets.${id}: expected { value: NUMBER, better: higher | lower }.`);
      continue;
    }
    // YAML reads .nan, .inf and numbers of hundreds of digits as NaN or Infinity: no target can be one.
    if (!Number.isFinite(target.value)) {
      problems.push(`targets.${id}.value: expected a finite number, not ${String(target.value)}. Write the target as a plain number such as 200.`);
      continue;
    }
    config.targets[id] = { value: target.value, better: target.better };
  }
}

/** The accent colours headings, links and borders on white, so it must be readable there (WCAG 2.2 AA). */
function accentContrastProblem(colour: string): string | null {
  const ratio = contrastRatio(colour, WHITE);
  if (ratio >= MIN_TEXT_CONTRAST) return null;
  return `accent_colour: "${colour}" has a contrast ratio of ${formatRatio(ratio)} against white; headings and links need at least ${MIN_TEXT_CONTRAST}:1 (WCAG 2.2 AA). `
    + `Use a darker colour, for example "${darkenToContrast(colour)}" (the same hue, darkened), or the default "#12436D".`;
}

function stringList(v: unknown): string[] | null {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim())) return v.map((x: string) => x.trim());
  return null;
}

function configError(path: string, problems: string[]): YjpackError {
  return new YjpackError('badConfig', { path, count: problems.length, details: problems.map((p) => `  - ${p}`).join('\n') });
}

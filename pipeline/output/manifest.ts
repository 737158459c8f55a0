/**
 * manifest.json: what a pack was made from and how, so a published figure
 * can be traced back: inputs with their SHA-256, tool version, settings, the
 * audience of each pack file (and what each folder is for: board/ is not for
 * publication, public/ is) and every figure hidden by disclosure control
 * with its reason (disclosure.ts: primary, complement, secondary, linked).
 * Holds no child-level data (suppressions name indicators and breakdowns,
 * never children).
 */
import type { DisclosureEntry } from '../assemble/disclosure.js';
import type { Audience } from '../assemble/model.js';
import type { Config } from '../config.js';
import { AUDIENCE_FOLDER, FOLDER_GUIDE } from './layout.js';
import { formatPeriod, type Period } from '../period.js';

export interface ManifestInput {
  toolVersion: string;
  producedAt: string;
  period: Period;
  inputs: { file: string; sha256: string; rows: number; bytes: number }[];
  source: { kind: 'data' | 'db'; name: string };
  settings: Config;
  /** The version of the YJB KPI definitions computed (docs/indicators.md, KPIs). */
  kpiVersion?: string;
  outputs: string[];
  /** Pack file (path in the period folder) → its audience ('board': every count; 'public': disclosure control). */
  audiences?: Record<string, Audience>;
  /** The disclosure log of the public pack's records; empty when no file is public. */
  suppressions?: readonly DisclosureEntry[];
  /** Counts hidden in tables that are not indicator records (the cohort profile, remands), logged after the records'. */
  countSuppressions?: readonly { table: string; period: string; category: string; reason: string }[];
}

export function buildManifest(m: ManifestInput): string {
  return `${JSON.stringify({
    tool: 'yjpack',
    version: m.toolVersion,
    produced_at: m.producedAt,
    period: formatPeriod(m.period),
    source: m.source,
    inputs: m.inputs,
    settings: m.settings,
    folders: Object.fromEntries(Object.entries(AUDIENCE_FOLDER).map(([audience, folder]) => [`${folder}/`, FOLDER_GUIDE[audience as Audience]])),
    ...(m.kpiVersion ? { kpi_version: m.kpiVersion } : {}),
    audiences: m.audiences ?? {},
    suppression_threshold: m.settings.suppressionThreshold,
    suppressions: [
      ...(m.suppressions ?? []).map((s) => ({ id: s.id, period: s.period, breakdown: s.breakdown, reason: s.reason })),
      ...(m.countSuppressions ?? []).map((s) => ({ table: s.table, period: s.period, category: s.category, reason: s.reason })),
    ],
    outputs: m.outputs,
  }, null, 2)}\n`;
}

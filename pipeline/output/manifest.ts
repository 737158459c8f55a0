/**
 * manifest.json: what a pack was made from and how, so a published figure
 * can be traced back. Holds no child-level data.
 */
import type { Config } from '../config.js';
import { formatPeriod, type Period } from '../period.js';

export interface ManifestInput {
  toolVersion: string;
  producedAt: string;
  period: Period;
  inputs: { file: string; sha256: string; rows: number; bytes: number }[];
  source: { kind: 'data' | 'db'; name: string };
  settings: Config;
  outputs: string[];
  suppressions?: unknown[];
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
    suppressions: m.suppressions ?? [],
    outputs: m.outputs,
  }, null, 2)}\n`;
}

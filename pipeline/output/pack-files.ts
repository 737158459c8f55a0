/**
 * The output phase's file list: the packs as rendered, the records for the
 * board and (disclosed) for the public, and manifest.json naming them all, as
 * paths in the period folder. Pure: writing them is writeFilesAtomically's.
 */
import { basename, join } from 'node:path';
import type { Disclosed } from '../assemble/disclosure.js';
import type { Audience } from '../assemble/model.js';
import type { QuarterComputed } from '../compute/index.js';
import type { Config } from '../config.js';
import { formatPeriod } from '../period.js';
import type { FileSummary } from '../validate/report.js';
import type { OutputFile } from './atomic.js';
import { audiencePath, EARLIER_LAYOUT, KPI_RETURN, MANIFEST, PACK_HTML, PACK_PDF, RECORDS_CSV, RECORDS_JSON } from './layout.js';
import { kpiReturnCsv } from './kpi-return.js';
import { KPI_VERSION } from '../compute/indicators/kpi/index.js';
import { buildManifest } from './manifest.js';
import { recordsToCsv, recordsToJson } from './records.js';

export interface RenderedPacks {
  html: { audience: Audience; data: string };
  /** The PDF's audience, its bytes when it was printed, and whether printing was asked for but failed. */
  pdf: { audience: Audience; data: Uint8Array | null; failed: boolean };
}

export interface RunDescription {
  toolVersion: string;
  producedAt: string;
  source: { kind: 'data' | 'db'; path: string };
  files: readonly FileSummary[];
  config: Config;
}

export interface PackFiles {
  /** The period folder. */
  dir: string;
  outputs: OutputFile[];
  /** Files a run must not leave beside this pack: the earlier layout's, and a PDF this run did not replace. */
  stale: string[];
}

export function packFiles(outDir: string, computed: QuarterComputed, disclosed: Disclosed, packs: RenderedPacks, run: RunDescription): PackFiles {
  const dir = join(outDir, formatPeriod(computed.period));
  const named: { name: string; data: string | Uint8Array; audience: Audience }[] = [
    { name: audiencePath(packs.html.audience, PACK_HTML), data: packs.html.data, audience: packs.html.audience },
    { name: audiencePath('board', RECORDS_JSON), data: recordsToJson(computed.records), audience: 'board' },
    { name: audiencePath('board', RECORDS_CSV), data: recordsToCsv(computed.records), audience: 'board' },
    { name: audiencePath('public', RECORDS_CSV), data: recordsToCsv(disclosed.records, { confidential: true }), audience: 'public' },
    // The YJB KPI return (docs/indicators.md, KPIs): child-level counts, like the template it replaces, so the board's.
    { name: audiencePath('board', KPI_RETURN), data: kpiReturnCsv(computed.records, formatPeriod(computed.period), {
      yjbCode: run.config.yjbCode, serviceName: run.config.serviceName, kpiVersion: KPI_VERSION,
    }), audience: 'board' },
  ];
  const pdfName = audiencePath(packs.pdf.audience, PACK_PDF);
  if (packs.pdf.data) named.push({ name: pdfName, data: packs.pdf.data, audience: packs.pdf.audience });
  const inPeriodDir = (name: string) => join(dir, ...name.split('/'));
  const outputs: OutputFile[] = named.map((f) => ({ path: inPeriodDir(f.name), data: f.data }));
  outputs.push({
    path: join(dir, MANIFEST),
    data: buildManifest({
      toolVersion: run.toolVersion, producedAt: run.producedAt, period: computed.period,
      inputs: run.files.filter((f) => f.present).map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows, bytes: f.bytes })),
      source: { kind: run.source.kind, name: basename(run.source.path) },
      settings: run.config, kpiVersion: KPI_VERSION, outputs: [...named.map((f) => f.name), MANIFEST],
      audiences: Object.fromEntries(named.map((f) => [f.name, f.audience])),
      suppressions: disclosed.log,
      countSuppressions: disclosed.countLog,
    }),
  });
  return { dir, outputs, stale: [...EARLIER_LAYOUT.map((f) => join(dir, f)), ...(packs.pdf.failed ? [inPeriodDir(pdfName)] : [])] };
}

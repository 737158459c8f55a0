/**
 * Where a pack's files go (README, "Output"): files for the board, with every
 * count, under `board/`; files fit for publication, with disclosure control,
 * under `public/`; `manifest.json` (which says which is which) at the top, so
 * nobody publishes the wrong file by picking it out of one shared folder.
 */
import type { Audience } from '../assemble/model.js';

export const AUDIENCE_FOLDER: Readonly<Record<Audience, string>> = { board: 'board', public: 'public' };

export const PACK_HTML = 'board-pack.html';
export const PACK_PDF = 'scrutiny-pack.pdf';
export const RECORDS_JSON = 'indicators.json';
export const RECORDS_CSV = 'indicators.csv';
export const KPI_RETURN = 'kpi-return.csv';
export const MANIFEST = 'manifest.json';

/** Files of the layout before board/ and public/ (yjpack 0.1): removed from a period folder a run writes, so no unsuppressed file is left beside the manifest. */
export const EARLIER_LAYOUT: readonly string[] = [PACK_HTML, PACK_PDF, RECORDS_JSON, RECORDS_CSV];

/** What each folder is for, as manifest.json states it. */
export const FOLDER_GUIDE: Readonly<Record<Audience, string>> = {
  board: 'For the management board only: every count, no disclosure control. Not for publication.',
  public: 'For publication: disclosure control applied (counts from 1 to the threshold and the figures that would reveal them are [c]).',
};

/** `board/board-pack.html`: a file's path inside the period folder, by the audience it is made for. */
export function audiencePath(audience: Audience, file: string): string {
  return `${AUDIENCE_FOLDER[audience]}/${file}`;
}

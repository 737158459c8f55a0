/**
 * Section 9, Data quality: what was read (files, rows, refused rows and a
 * checksum a performance officer can match to the manifest), the extract's
 * date range, the population estimate used, and every warning.
 */
import { midYearFor, type Period } from '../../period.js';
import { numberCell, table, textCell } from '../cells.js';
import { formatCount, formatDate } from '../format.js';
import type { Block, DataQualityInput, Section } from '../model.js';

/** Characters of the SHA-256 shown: enough to match a file against the manifest by eye. */
const SHA_SHOWN = 12;

export function dataQualitySection(dq: DataQualityInput, period: Period, population: { year: number; fallback: boolean } | null): Section {
  const blocks: Block[] = [
    { kind: 'facts', heading: null, items: [
      { term: 'Dates in the extract', detail: dateRange(dq.extractFrom, dq.extractTo) },
      { term: 'Population aged 10–17', detail: populationUsed(period, population) },
    ] },
  ];
  if (dq.files.length > 0) {
    blocks.push({ kind: 'table', table: table({
      id: 'table-files',
      caption: 'Files read, with the rows loaded and refused, and the start of each file\'s SHA-256 checksum',
      head: [textCell('File'), numberCell('Rows read'), numberCell('Rows refused'), textCell('SHA-256 (first 12 characters)')],
      rows: dq.files.map((f) => [
        textCell(f.file), numberCell(formatCount(f.rows)), numberCell(formatCount(f.refusedRows)), textCell(f.sha256.slice(0, SHA_SHOWN)),
      ]),
      notes: ['Refused rows are listed, with the reason for each, by yjpack validate. The full checksums are in manifest.json.'],
    }, null) });
  } else {
    blocks.push({ kind: 'paragraphs', paragraphs: ['No extract files were read in this run: the figures come from a yjpack store loaded earlier. The files loaded into it are listed by the run that loaded them.'] });
  }
  blocks.push(dq.warnings.length > 0
    ? { kind: 'list', heading: 'Warnings', items: dq.warnings }
    : { kind: 'paragraphs', paragraphs: ['There are no data-quality warnings for this period.'] });
  return { id: 'data-quality', heading: 'Data quality', blocks };
}

function dateRange(from: string | null, to: string | null): string {
  if (from === null || to === null) return 'Not known: the extract holds no dated records.';
  return `${formatDate(from)} to ${formatDate(to)}`;
}

function populationUsed(period: Period, population: { year: number; fallback: boolean } | null): string {
  if (population === null) return 'No estimate is available, so rates are not shown.';
  const source = `ONS mid-${population.year} population estimate`;
  return population.fallback
    ? `${source}: the latest available, used because the mid-${midYearFor(period)} estimate is missing.`
    : source;
}

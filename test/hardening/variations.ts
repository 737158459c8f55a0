/**
 * Harmless variations of an extract, as Excel re-saves and other
 * case-management systems produce them: each must load to the same
 * indicators as the original (README.md, Input).
 */
import { parse } from 'csv-parse/sync';
import {
  ETHNICITY, OUTCOMES, SEX, type CodeList,
} from '../../pipeline/contract/codes.js';
import { FILES, type ColumnSpec } from '../../pipeline/contract/files.js';
import type { ExtractFiles } from './corpus.js';

type Table = string[][];

function readTable(bytes: Buffer): Table {
  return parse(bytes, { bom: true, relaxColumnCount: false }) as Table;
}

function writeTable(rows: Table, newline = '\n'): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join(newline) + newline;
}

function mapTables(files: ExtractFiles, fn: (name: string, rows: Table) => Table): ExtractFiles {
  const out: ExtractFiles = {};
  for (const [name, bytes] of Object.entries(files)) {
    out[name] = name.endsWith('.csv') ? Buffer.from(writeTable(fn(name, readTable(bytes)))) : bytes;
  }
  return out;
}

const columnsOf = (file: string): readonly ColumnSpec[] => FILES.find((f) => f.fileName === file)?.columns ?? [];

/** UTF-8 byte order mark and CRLF line ends, as Excel's "CSV UTF-8" writes. */
export function bomAndCrlf(files: ExtractFiles): ExtractFiles {
  const out: ExtractFiles = {};
  for (const [name, bytes] of Object.entries(files)) {
    out[name] = name.endsWith('.csv') ? Buffer.from(`\ufeff${bytes.toString('utf8').replace(/\r?\n/g, '\r\n')}`, 'utf8') : bytes;
  }
  return out;
}

/** Every ISO date value written DD/MM/YYYY. */
export function ukDates(files: ExtractFiles): ExtractFiles {
  return mapTables(files, (name, rows) => rows.map((row, i) => (i === 0 ? row : row.map((v, c) =>
    columnsOf(name).find((s) => s.name === rows[0]![c])?.type.kind === 'date' ? v.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') : v))));
}

/** Header names in odd case with spaces around, and columns outside the contract before and after. */
export function extraColumnsOddHeaders(files: ExtractFiles): ExtractFiles {
  const oddCase = (name: string, i: number) => ` ${i % 2 === 0 ? name.toUpperCase() : name.replace(/(^|_)([a-z])/g, (_m, s: string, ch: string) => s + ch.toUpperCase())} `;
  return mapTables(files, (_name, rows) => rows.map((row, i) => (i === 0
    ? ['Case Worker', ...row.map(oddCase), ' notes ', '']
    : [`Worker ${i % 3}`, ...row, i % 2 === 0 ? 'seen, ok' : '', ''])));
}

/** Labels instead of codes, in a different case; CLD numbers for sex; words for Y/N. */
export function labelsForCodes(files: ExtractFiles): ExtractFiles {
  const label = (column: ColumnSpec, value: string, row: number): string => {
    if (value === '') return value;
    const t = column.type;
    switch (t.kind) {
      case 'code': return labelOf(t.list, value);
      case 'sex': return row % 2 === 0 ? (SEX[value] ?? value) : ({ M: '1', F: '2', U: '9' }[value] ?? value);
      case 'ethnicity': return (ETHNICITY[value]?.[0] ?? value).toLowerCase();
      case 'outcome': return (OUTCOMES[value]?.[0] ?? value).toUpperCase();
      case 'yesNo': return ({ Y: row % 2 === 0 ? 'Yes' : 'true', N: row % 2 === 0 ? 'no' : 'FALSE' }[value] ?? value);
      default: return value;
    }
  };
  return mapTables(files, (name, rows) => rows.map((row, i) => (i === 0 ? row : row.map((v, c) => {
    const column = columnsOf(name).find((s) => s.name === rows[0]![c]);
    // Population sex is M/F/blank for persons: its label form is Male/Female.
    return column ? label(column, v, i) : v;
  }))));
}

function labelOf(list: CodeList, code: string): string {
  return list[code] ?? code;
}

/**
 * Every message yjpack shows a user, in one place. Each says what happened,
 * where, and how to fix it. Tests refer to messages by id, never by text.
 * Add new messages here rather than writing text at the throw site.
 */
import type { ExitCode } from './errors.js';

export type MessageParams = Record<string, string | number | undefined>;

interface MessageEntry {
  exit: ExitCode;
  text: (p: MessageParams) => string;
}

const USAGE = 64 as const;
const DATA = 65 as const;
const NOINPUT = 66 as const;
const CANTCREAT = 73 as const;
const CONFIG = 78 as const;
const INTERNAL = 1 as const;

function entry(exit: ExitCode, text: (p: MessageParams) => string): MessageEntry {
  return { exit, text };
}

export const messages = {
  // usage
  badPeriod: entry(USAGE, (p) =>
    `'${p.value}' is not a period. Write a financial-year quarter as YYYY-YY-QN, for example 2024-25-Q3 (October to December 2024).`),
  periodNotInData: entry(USAGE, (p) =>
    `Period ${p.period} is outside the data, which covers ${p.from} to ${p.to}. Choose a period inside that range or load a newer extract.`),
  noCompletePeriod: entry(DATA, (p) =>
    `The data in ${p.source} has no complete quarter to report on (latest outcome ${p.latest}). Load an extract that covers a whole quarter, or name one with --period.`),
  badOption: entry(USAGE, (p) => `${p.option}: ${p.reason}`),
  dataOrDb: entry(USAGE, () => `Give either --data DIR (an extract folder) or --db FILE (a yjpack store), not both.`),
  dataOrDbRequired: entry(USAGE, () => `Say what to read: --data DIR (an extract folder) or --db FILE (a store made by 'yjpack load').`),

  // missing input
  dataDirMissing: entry(NOINPUT, (p) =>
    `The extract folder '${p.path}' does not exist. Check the path given to --data.`),
  requiredFileMissing: entry(NOINPUT, (p) =>
    `${p.file} is missing from '${p.dir}'. An extract needs children.csv and offences.csv; see data-samples/README.md for the format.`),
  storeMissing: entry(NOINPUT, (p) =>
    `The store '${p.path}' does not exist. Load an extract first: yjpack load --data DIR --db ${p.path}`),
  configMissing: entry(NOINPUT, (p) => `The config file '${p.path}' does not exist. Check the path given to --config.`),
  browserMissing: entry(NOINPUT, (p) =>
    `No browser could be started to print the PDF (${p.reason}). The HTML pack was written. Install Chromium (apt-get install chromium), or point --browser or YJPACK_BROWSER at a Chrome, Edge or Chromium executable, or run npm ci to get @sparticuz/chromium.`),

  // bad data
  invalidExtract: entry(DATA, (p) =>
    `The extract in '${p.dir}' has ${p.errors} problem(s) in ${p.files}; nothing was loaded. Fix them and run again.`),
  notUtf8: entry(DATA, (p) =>
    `${p.file} is not UTF-8 text (${p.detail}). Save it from Excel as "CSV UTF-8 (Comma delimited)".`),
  notCommaSeparated: entry(DATA, (p) =>
    `${p.file} is not comma-separated: its header looks ${p.detail}-separated. Save it as CSV with commas between fields.`),
  emptyFile: entry(DATA, (p) => `${p.file} is empty: it needs at least a header row.`),
  noPopulation: entry(DATA, (p) =>
    `No population aged 10–17 for the year to ${p.period}: population.csv has no usable rows. Make one with 'yjpack population --area CODE'.`),

  // store
  storeInUse: entry(CANTCREAT, (p) =>
    `The store '${p.path}' is in use by another yjpack process. Wait for it to finish and run again.`),
  storeUnreadable: entry(DATA, (p) =>
    `The store '${p.path}' cannot be opened as a yjpack store (${p.detail}). Point --db at a file made by 'yjpack load', or remove it to start afresh.`),

  // output
  cannotWrite: entry(CANTCREAT, (p) =>
    `Cannot write '${p.path}' (${p.detail}). Check that the folder exists and is writable, and that the file is not open in another program.`),

  // config
  badConfig: entry(CONFIG, (p) =>
    `The config file '${p.path}' has ${p.count} problem(s):\n${p.details}`),

  // internal
  internal: entry(INTERNAL, (p) =>
    `yjpack failed unexpectedly: ${p.detail}\nThis is a bug. Please report it with the command that failed: ${p.command}`),
} satisfies Record<string, MessageEntry>;

export type MessageId = keyof typeof messages;

/**
 * Every message yjpack shows a user, in one place. Each says what happened,
 * where, and how to fix it. Tests refer to messages by id, never by text.
 * Add new messages here rather than writing text at the throw site.
 */
import { ExitCode } from './exit-codes.js';

export type MessageParams = Record<string, string | number | undefined>;

interface MessageEntry {
  exit: ExitCode;
  text: (p: MessageParams) => string;
}

// Short names for the catalogue's lines; the numbers are defined once, in exit-codes.ts.
const { usage: USAGE, data: DATA, missingInput: NOINPUT, cannotWrite: CANTCREAT, config: CONFIG, internal: INTERNAL } = ExitCode;

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
    `The data in ${p.source} covers no whole quarter that has ended (latest record ${p.latest}), so there is no quarter to report on. Load an extract that covers a whole quarter up to its last day.`),
  // period guard (issue 9): a quarter the data does not cover to its end, or that has not ended
  periodAfterData: entry(DATA, (p) =>
    `Period ${p.period} ends on ${p.end}, after the last record in the data (${p.to}): the data does not cover the whole quarter, and its figures would read the missing part as no activity. The last quarter the data covers is ${p.last}. Report that quarter (leave out --period), or load an extract that runs to ${p.end} or later.`),
  periodNotEnded: entry(DATA, (p) =>
    `Period ${p.period} has not ended: it runs to ${p.end} and the run date is ${p.today}, so its figures would cover only part of the quarter. The last quarter that has ended and that the data covers is ${p.last}. Report that quarter (leave out --period), or run again after ${p.end}.`),
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
    `No browser could be started to print the PDF (${p.reason}). The HTML pack, indicators and manifest were written, and any older public/scrutiny-pack.pdf removed; run with --no-pdf to skip the PDF on purpose. Install Chromium (apt-get install chromium), or point --browser or YJPACK_BROWSER at a Chrome, Edge or Chromium executable, or run npm ci to get @sparticuz/chromium.`),

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

  // population reference (yjpack population, yjpack sample)
  unknownArea: entry(USAGE, (p) =>
    `'${p.code}' is not an area code yjpack knows.${p.suggestions ? ` Did you mean ${p.suggestions}?` : ''} Give the 9-character ONS code of a local authority in England or Wales, for example E08000031 for Wolverhampton (a county, region, England or Wales also works). Every code yjpack knows is listed with its name in reference/areas.csv; the ONS Open Geography Portal (geoportal.statistics.gov.uk) finds the code for a name.`),
  areaRequired: entry(USAGE, () =>
    `Name at least one area: --area CODE, the ONS code of a local authority, for example E08000031 for Wolverhampton.`),
  areasOverlap: entry(USAGE, (p) =>
    `${p.inner} is part of ${p.outer}, so its children would be counted twice. Give either the larger area or its parts, not both.`),
  referenceMissing: entry(NOINPUT, (p) =>
    `The population reference data shipped with yjpack cannot be read from '${p.path}' (${p.detail}). Run yjpack from a complete copy of the project (npm ci in a fresh checkout restores it).`),

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

  // FTE, custody, ETE, population, comparators (pipeline/compute): notes left for the pack's
  // data-quality section (never thrown, so their exit code is unused), and the shipped comparators.
  // Notes are written by assemble after disclosure control (assemble/notes.ts): their parameters
  // arrive as words ("the year to September 2026", "[c]" for a withheld count, "2.7%" for a percentage).
  noteShortHistory: entry(DATA, (p) =>
    `The extract's earliest outcome is on ${p.first}, less than 3 years before ${p.period} begins. Children whose earlier outcomes are missing look like first time entrants, so first time entrants may be overstated. Load earlier extracts to cover at least 3 years.`),
  notePartialYear: entry(DATA, (p) =>
    `The ${p.window} starts before the earliest outcome in the extract (${p.first}), so ${p.indicator} for it covers only part of the year.`),
  noteNoPopulation: entry(DATA, (p) =>
    `No population aged 10–17 for the ${p.periods}, so the ${p.indicator} is not shown there. Add the mid-year estimate to population.csv (yjpack population --area CODE makes one).`),
  notePopulationFallback: entry(DATA, (p) =>
    `population.csv has no estimate for ${p.wanted}, so the ${p.indicator} for the ${p.periods} uses the mid-${p.year} estimate, the latest before them.`),
  // population honesty (issue 9): a warning in the data-quality section and on stderr (never thrown)
  warnPopulationEstimateOld: entry(DATA, (p) =>
    `Rates per head of population for ${p.periods} use the ONS mid-${p.year} estimate of children aged 10–17, ${p.age} older than ${p.wanted} ${p.need}: more than ${p.threshold} years out of date. If the number of children in the area has changed since mid-${p.year}, these rates are off by the same proportion. Add a later ONS estimate to population.csv when one is published.`),
  noteCohortsBeforeHistory: entry(DATA, (p) =>
    `The reoffending cohorts from ${p.from} up to ${p.to} are not shown: the extract's earliest outcome is on ${p.first}, so it holds none of their children. Load earlier extracts to show them.`),
  noteDisproArrestsEndBefore: entry(DATA, (p) =>
    `arrests.csv has no arrest dated in ${p.period} (its latest is on ${p.last}), so it does not cover the year to ${p.period} and the arrest stage of the disproportionality figures is not shown. Add the police partner's arrests up to the end of ${p.period}.`),
  noteOutcomesEndBefore: entry(DATA, (p) =>
    `offences.csv has no outcome dated in ${p.period} (its latest is on ${p.last}), although other files reach the end of the quarter. First time entrants, custody and reoffending for the year to ${p.period} count only the outcomes up to ${p.last}, so they may be too low. Check that the extract of offences ran to the end of ${p.period}.`),
  noteNoInterventions: entry(DATA, (p) =>
    `No interventions started by the end of ${p.period} (interventions.csv missing or empty), so the ETE indicators (KPI 2) are not shown.`),
  comparatorsMissing: entry(NOINPUT, (p) =>
    `The comparators shipped with yjpack cannot be read from '${p.path}' (${p.detail}). Run yjpack from a complete copy of the project (a fresh checkout restores reference/comparators.csv).`),

  // reoffending (pipeline/compute/indicators/reoffending): a note for the pack (never thrown)
  noteReoffendingNonSubstantive: entry(INTERNAL, () =>
    'Reoffending cohorts include Community Resolutions and Outcome 22 as index events (the local live-tracker view), so rates are not comparable with the official MoJ figures, which exclude them.'),

  // YJB key performance indicators (pipeline/compute/indicators/kpi): why a KPI is not available ([x]),
  // carried in the record's reason and left as a note for the pack (never thrown, so the exit code is unused)
  noteKpiNoInterventions: entry(DATA, (p) =>
    `No interventions ending by the end of ${p.period} (interventions.csv missing or empty), so ${p.kpi} is not available: the KPIs count children whose order or intervention ended in the quarter. Add interventions.csv to the extract.`),
  noteKpiFileAbsent: entry(DATA, (p) =>
    `${p.file} has no records up to the end of ${p.period} (missing or empty), so ${p.kpi} is not available. Add ${p.file} to the extract (data-samples/README.md describes it).`),
  noteKpiCompletedNotRecorded: entry(DATA, (p) =>
    `No intervention up to the end of ${p.period} has 'completed' filled in (interventions.csv has no completed column, or it is blank throughout), so ${p.kpi} is not available. Record Y or N for each out-of-court intervention that has ended.`),
  noteKpiNoMeetings: entry(DATA, (p) =>
    `board_attendance.csv has no board meeting dated in ${p.period}, so ${p.kpi} is not available for that quarter.`),
  noteKpiNoPopulation: entry(DATA, (p) =>
    `No population aged 10–17 for the year to ${p.period}, so ${p.kpi} per 10,000 is not available. Add the mid-year estimate to population.csv (yjpack population --area CODE makes one).`),

  kpiReturnWritten: entry(DATA, (p) => `KPI return for ${p.period} written to ${p.path}.`),
  kpiReturnNoYjbCode: entry(CONFIG, () =>
    `The return's yjb_code column is blank: add the service's YJB code to the config (yjb_code: ...) and pass it with --config.`),

  // statistics (pipeline/compute/statistics): a caller passed impossible numbers, so a bug
  badStatisticInput: entry(INTERNAL, (p) =>
    `yjpack failed unexpectedly: ${p.fn} cannot use ${p.detail}.\nThis is a bug. Please report it with the command that failed.`),

  // disproportionality (pipeline/compute/indicators/dispro): notes left for the pack (never thrown,
  // so their exit code is unused)
  noteDisproUnknownEthnicity: entry(DATA, (p) =>
    `${p.unknown} of ${p.total} ${p.counted} in the ${p.window} (${p.percent}) have no recorded ethnicity, so they are left out of the ${p.stage} stage of the disproportionality figures.`),
  noteDisproUnknownEthnicityHigh: entry(DATA, (p) =>
    `${p.unknown} of ${p.total} ${p.counted} in the ${p.window} (${p.percent}) have no recorded ethnicity, so they are left out of the ${p.stage} stage of the disproportionality figures. Above 10% the comparison between groups may be biased: record ethnicity for these children in the case-management system.`),
  noteDisproArrestsNotChildren: entry(DATA, () =>
    `arrests.csv has no child identifier, so the arrest stage counts arrests, not children: a child arrested twice in the year counts twice, and its rate is arrests per 1,000 children aged 10–17.`),
  noteDisproRatioUndefined: entry(DATA, (p) =>
    `${p.stage} stage, ${p.window}, ${p.groups}: ${p.reason}`),
  noteDisproNoPopulation: entry(DATA, (p) =>
    `No population aged 10–17 for the ${p.groups} group(s) in the ${p.window}, so disproportionality rates on population (arrest, first time entrant and outcome stages) are not shown for them. Add the ethnic split to population.csv ('yjpack population --area CODE' makes one).`),
  noteDisproPopulationFallback: entry(DATA, (p) =>
    `The mid-${p.wanted} population by ethnic group is missing, so disproportionality rates for the ${p.window} use the mid-${p.year} estimate.`),
  noteDisproPooled: entry(DATA, (p) =>
    `The ${p.stage} stage is pooled over the ${p.window} (${p.from} to ${p.to}), because a single year has too few children to compare groups. In indicators.json the pooled figures are under stage '${p.pooledStage}'; the single years are under stage '${p.stageKey}' for the ${p.periods}.`),
  noteDisproReoffendingCohorts: entry(DATA, (p) =>
    `The reoffending stage pools the ${p.count} latest complete reoffending cohorts at ${p.period} (${p.cohorts}): reoffenders of the children in those cohorts.`),
  noteDisproNoReoffendingCohort: entry(DATA, (p) =>
    `No complete reoffending cohort with any children by ${p.period}, so the reoffending stage of disproportionality is not shown.`),

  // load and validate (pipeline/load, pipeline/validate)
  extractFileUnreadable: entry(NOINPUT, (p) =>
    `${p.file} in '${p.dir}' cannot be read (${p.detail}). Check that the file is not open in another program and that you may read it.`),
  moreProblems: entry(DATA, (p) => `… and ${p.count} more problems (see the problems file)`),

  // pack assembly, rendering and printing (pipeline/assemble, render, print, load/templates)
  templatesMissing: entry(NOINPUT, (p) =>
    `The board pack templates shipped with yjpack cannot be read from '${p.path}' (${p.detail}). Run yjpack from a complete copy of the project (a fresh checkout restores templates/).`),
  chartFailed: entry(INTERNAL, (p) =>
    `yjpack failed unexpectedly: the chart '${p.chart}' could not be drawn (${p.detail}).\nThis is a bug. Please report it with the command that failed.`),
  printFailed: entry(CANTCREAT, (p) =>
    `The browser at '${p.browser}' started but could not print the PDF (${p.reason}), so nothing was written (run with --no-pdf to write the pack without the PDF). Try again, or point --browser or YJPACK_BROWSER at another Chrome, Edge or Chromium.`),

  // board pack: logo, disclosure, data quality, methods (pipeline/load/logo.ts, pipeline/assemble)
  logoMissing: entry(NOINPUT, (p) =>
    `The logo file '${p.path}' named in the config (logo:) cannot be read (${p.detail}). Check the path: it is relative to the config file.`),
  logoNotImage: entry(CONFIG, (p) =>
    `The logo file '${p.path}' is not a PNG, JPEG or SVG image (${p.detail}). Export the logo as PNG (or JPEG, or SVG) and point logo: at that file.`),
  logoTooLarge: entry(CONFIG, (p) =>
    `The logo file '${p.path}' is ${p.size} KB; a logo is inlined into the pack, so it may be at most ${p.limit} KB. Save a smaller version (about 600 pixels wide is plenty).`),

  // hardening (broken and hostile extracts: pipeline/validate, pipeline/load)
  storeNotYjpack: entry(DATA, (p) =>
    `'${p.path}' is a DuckDB database but not a yjpack store (it has no yjpack tables). Point --db at a file made by 'yjpack load', or give a new file name to start a store.`),
  storeTooNew: entry(DATA, (p) =>
    `The store '${p.path}' was made by a newer yjpack (store version ${p.version}; this yjpack reads version ${p.supported}). Update yjpack (npm ci in a fresh checkout) to read it.`),
  // YJB KPIs: a store from before the KPI files (pipeline/store)
  storeTooOld: entry(DATA, (p) =>
    `The store '${p.path}' was made by an older yjpack (store version ${p.version}; this yjpack needs version ${p.supported}). Upgrade it by loading into it once (yjpack load --data DIR --db ${p.path}), then run again.`),
  badLineEnds: entry(DATA, (p) =>
    `${p.file} has a carriage return (CR) on its own on line ${p.line}: lines must end with LF or CRLF. Save it again from Excel as "CSV UTF-8 (Comma delimited)".`),

  // input limits: files that are not files, or too large to read (issue 10: pipeline/load, pipeline/validate)
  dataDirNotFolder: entry(NOINPUT, (p) =>
    `'${p.path}' is ${p.what}, not a folder. Give --data the folder that holds the extract's CSV files.`),
  extractFileNotFile: entry(NOINPUT, (p) =>
    `${p.file} in '${p.dir}' is ${p.what}, not an ordinary file, so it was not read (a pipe or device may never end). Put the exported CSV file itself in the folder.`),
  fileTooLarge: entry(DATA, (p) =>
    `${p.file} is ${p.size} MB; yjpack reads data files of at most ${p.limit} MB. Check that it is the right file, or load a long history in parts (yjpack load merges them by id).`),
  recordTooLong: entry(DATA, (p) =>
    `${p.file} has a record on line ${p.line} that cannot be read: ${p.detail}. Fix that line (an unclosed quote, a runaway value or stray commas) and run again.`),
  headerTooLong: entry(DATA, (p) =>
    `${p.file}: its header row (line 1) runs past ${p.limit} KB without ending, so it is not a header of column names. Check that the file starts with the header row.`),
  tooManyColumns: entry(DATA, (p) =>
    `${p.file}: its header row has ${p.count} columns; yjpack reads at most ${p.limit}. Remove the columns that are not in the data contract (data-samples/README.md).`),
  logoNotFile: entry(NOINPUT, (p) =>
    `The logo file '${p.path}' named in the config (logo:) is ${p.what}, not an ordinary file, so it was not read. Point logo: at a PNG, JPEG or SVG file.`),
  configNotFile: entry(NOINPUT, (p) =>
    `The config file '${p.path}' is ${p.what}, not an ordinary file, so it was not read. Point --config at a YAML file.`),
  configTooLarge: entry(CONFIG, (p) =>
    `The config file '${p.path}' is ${p.size} KB; a config file is at most ${p.limit} KB. Check that --config names the YAML settings file.`),

  // process and environment (issue 10: signals, closed or full stdout, damaged or unwritable store,
  // inputs overwritten; pipeline/interrupt.ts, cli/streams.ts, store/, output/)
  interruptedSigint: entry(130, (p) => stopped(p)),
  interruptedSigterm: entry(143, (p) => stopped(p)),
  interruptedSighup: entry(129, (p) => stopped(p)),
  outputStreamFailed: entry(CANTCREAT, (p) =>
    `Cannot write to ${p.stream} (${p.detail}), so the output is incomplete. Free some space on the disk it goes to, or send it elsewhere, and run again.`),
  storeDamaged: entry(DATA, (p) =>
    `The store '${p.path}' is damaged (${p.detail}), so it cannot be read. ${p.backup
      ? `The copy kept before its last load is '${p.backup}' and opens cleanly: copy it over the store (cp '${p.backup}' '${p.path}') and load the extracts since then again.`
      : `There is no backup copy of it: rebuild it by loading your extracts again into a new file (yjpack load --data DIR --db NEW_FILE --full).`}`),
  storeCannotOpen: entry(NOINPUT, (p) =>
    `The store '${p.path}' cannot be opened (${p.detail}). ${p.hint}`),
  storeCannotWrite: entry(CANTCREAT, (p) =>
    `The store '${p.path}' cannot be written (${p.detail}); nothing was loaded and the store is as it was. ${p.hint}`),
  dataDirUnreadable: entry(NOINPUT, (p) =>
    `The folder '${p.path}' cannot be read (${p.detail}). Check that it is a folder you may read (ls -ld '${p.path}').`),
  inputUnreadable: entry(NOINPUT, (p) =>
    `'${p.path}' cannot be read (${p.detail}). Check that it exists and that you may read it (ls -l '${p.path}').`),
  wouldOverwrite: entry(CANTCREAT, (p) =>
    `'${p.path}' already exists${p.what ? ` (${p.what})` : ''}, so it was not written over and nothing was written. Choose another ${p.option}, or add --force to replace it.`),
  wouldOverwriteInput: entry(CANTCREAT, (p) =>
    `'${p.path}' is ${p.name}, a file of an extract; yjpack never writes ${p.output} over it, even with --force, so nothing was written. Choose another ${p.option}.`),
  problemsFileUnwritten: entry(CANTCREAT, (p) =>
    `The full list of problems could not be written to ${p.path} (${p.detail}); every problem is listed below instead.`),

  // internal
  internal: entry(INTERNAL, (p) =>
    `yjpack failed unexpectedly: ${p.detail}\nThis is a bug. Please report it with the command that failed: ${p.command}`),
} satisfies Record<string, MessageEntry>;

export type MessageId = keyof typeof messages;

function stopped(p: MessageParams): string {
  return `Stopped by ${p.signal}. Outputs and the store are replaced only as a whole set, so each is either as it was before this run or wholly new; nothing half-written is left. Run the command again to finish the work.`;
}

// ---------------------------------------------------------------------------
// load and validate: what each data-contract rule expected (Problem.expected).
// Shown after `file:line: column 'x' value 'y': `, so each reads on from there.
// ---------------------------------------------------------------------------
const expectedList = (items: readonly string[]): string => items.join(', ');

export const expected = {
  // file level
  requiredFile: (dir: string) =>
    `expected this file in '${dir}': an extract needs children.csv and offences.csv`,
  emptyFile: () => 'expected a header row and data rows, but the file is empty',
  notUtf8: (detail: string) =>
    `expected UTF-8 text, but ${detail}. Save it from Excel as "CSV UTF-8 (Comma delimited)"`,
  utf16Bom: (bom: string) => `it starts with a UTF-16 byte order mark (${bom}): it is UTF-16 ("Unicode Text")`,
  utf16NoBom: () => 'it contains NUL bytes, so it looks like UTF-16 ("Unicode Text")',
  invalidByte: (byte: string, line: number) =>
    `byte ${byte} on line ${line} is not UTF-8: the file looks like Windows-1252 / Latin-1 (Excel's plain "CSV (Comma delimited)")`,
  notCommaSeparated: (separator: string) =>
    `expected commas between fields, but the header looks ${separator}-separated. Save it as CSV with commas`,
  unreadableCsv: (detail: string) => `expected a CSV file that can be read (${detail})`,

  // header
  column: () => 'expected this column in the header row (line 1)',
  extraColumns: (names: readonly string[]) =>
    `these columns are not in the data contract and are ignored: ${expectedList(names)}`,
  uniqueHeader: (firstPosition: number) =>
    `expected each column once, but this name is also column ${firstPosition} of the header`,

  // record shape
  fieldCount: (wanted: number, found: number) =>
    `expected ${wanted} fields like the header row, found ${found}`,
  quoting: () =>
    'expected a quoted field to end with a double quote followed by a comma or the end of the line (write a quote inside a quoted field as ""); an unclosed quote swallows the rest of the file',

  // values
  notBlank: () => 'expected a value: this column cannot be blank',
  date: () => 'expected a date written YYYY-MM-DD or DD/MM/YYYY',
  dateMonthFirst: () => 'expected a date written YYYY-MM-DD or DD/MM/YYYY (day first): this looks month first, US-style',
  dateImpossible: () => 'expected a real calendar date written YYYY-MM-DD or DD/MM/YYYY: this day does not exist',
  yesNo: () => 'expected one of Y, N, Yes, No, TRUE, FALSE, 1, 0 (or blank for unknown)',
  integer: (min?: number, max?: number) => `expected a whole number${expectedRange(min, max)}`,
  number: (min?: number, max?: number) => `expected a number${expectedRange(min, max)}`,
  oneOf: (codes: readonly string[]) => `expected one of ${expectedList(codes)} (or its label)`,
  sex: () => 'expected one of M, F, U (or Male, Female, Unknown, or CLD 1, 2, 9)',
  sexOrPersons: () => 'expected M or F (or Male, Female, or CLD 1, 2), or blank for persons',
  knownCode: (codes: readonly string[]) =>
    `expected one of ${expectedList(codes)} (or its label); loaded as written, upper-cased`,
  ageOrBand: () => 'expected an age from 10 to 17 or a band such as 10-17',
  ethnicGroup: (groups: readonly string[]) => `expected one of ${expectedList(groups)}, or blank for all`,
  unique: (firstLine: number) => `expected a value used once in the file, but line ${firstLine} has it too`,
  childExists: () => 'expected a child_id that is in children.csv',
  notBefore: (column: string, date: string) => `expected a date on or after ${column} (${date})`,
  // hardening (broken and hostile extracts)
  nulByte: (line: number) => `line ${line} holds a NUL byte (0x00), which is never in text: the file is damaged or not a CSV export`,
  bareCarriageReturn: (line: number) =>
    `expected each line to end with LF or CRLF, but line ${line} has a carriage return (CR) on its own (old Mac line ends, or a stray character)`,
  noMarkup: () => 'expected a code or its label: < and > are not allowed in a code (this looks like markup)',
  // input limits and implausible values (issue 10)
  fileTooLarge: (size: string, limit: string) =>
    `expected a data file of at most ${limit} MB, but this one is ${size} MB`,
  recordTooLong: (size: string, limit: string, lines: number) =>
    `expected a record (one row) of at most ${limit} MB, but the record starting on this line is ${size} MB${
      lines > 1 ? ` over ${lines.toLocaleString('en-GB')} lines: most likely a quote opened here is never closed` : ''}`,
  headerTooLong: (limit: number) =>
    `expected a header row of column names, but line 1 runs past ${limit} KB without ending`,
  tooManyColumns: (count: string, limit: number) =>
    `expected at most ${limit.toLocaleString('en-GB')} columns, but the header row has ${count}`,
  numberTooLong: () => 'expected a number, but this one has too many digits to be a finite number (it reads as infinity)',
  dateYearDigits: () => 'expected a date written YYYY-MM-DD or DD/MM/YYYY: the year has more than four digits',
  dateTooEarly: (earliest: string) => `expected a date on or after ${earliest}: yjpack reads no records from before then`,
  dateAfterRun: (runDate: string) =>
    `expected a date on or before the day of the run (${runDate}): this has not happened yet`,
  plannedDateAfterRun: () =>
    'a date after the day of the run: loaded as a planned date; check it if it should already have passed',
  bornAfter: (born: string) => `expected a date after the child's date of birth in children.csv (${born})`,
  underTen: (born: string) =>
    `expected the child to be at least 10 on this date (the age of criminal responsibility), but children.csv gives a date of birth of ${born}`,
  eighteenOrOver: () =>
    "the child was 18 or over on the offence date (by children.csv's date of birth): loaded, as a breach after 18 can be; check the dates",
  notAbove: (column: string, value: string) => `expected at most ${column} (${value})`,
  invisibleInId: () =>
    'expected an identifier of visible characters, but this one holds an invisible character inside it (a zero-width space, byte order mark, tab or other control character)',
  partsDiffer: (parts: string, total: string, sum: string) =>
    `expected the ${parts} of this year to add up to this total (${total}), but they add up to ${sum}`,
  partsRounded: () =>
    'the parts of this population total add up to within 1% of it but not exactly (rounding of published figures can do this); rates use the total',
  // YJB KPI files (accommodation, needs, care_status, victims, board_attendance)
  rarelySuitable: (type: string) =>
    `expected N for ${type}: the YJB counts bed and breakfast and no fixed abode as unsuitable almost always. Loaded as written; check the worker's judgement`,
  planOnlyForSend: () => 'expected a blank plan: a plan (EHCP, or IDP in Wales) applies to SEND needs only, so it is ignored for this need',
  attendedNotOffered: () => 'expected attended = Y only with an offered_date: a child cannot attend an intervention that was not offered. Add the date it was offered, or blank attended',
  offeredBeforeIdentified: (date: string) => `expected an offer on or after the need was identified (${date}). Loaded as written; check the dates`,
  withoutConsent: (column: string) => `expected ${column} = Y only for a victim who consented to contact (consented_contact = Y). Loaded as written; check consent was recorded`,
  seniorNotAttended: () => 'expected senior = Y only for a sector that attended (attended = Y); ignored for a meeting not attended',
  moreRows: (count: number) =>
    `… and ${count.toLocaleString('en-GB')} more row(s) with the same problem in this column (not listed)`,
} as const;

function expectedRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

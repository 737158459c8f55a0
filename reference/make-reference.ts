/**
 * Rebuilds the population reference tables in this folder from the public
 * source files (see SOURCES.md). A maintenance tool, not run by yjpack:
 *
 *   npx tsx reference/make-reference.ts SOURCE_DIR
 *
 * SOURCE_DIR holds census2021_age10_17_ethnicity_by_la.csv,
 * ons_mye_2019_2020_age10_17_by_area.csv and yjb_yjs_names_standardised.csv.
 * The Census file is copied as it is; the others are cut down to what
 * yjpack uses and joined up as described in SOURCES.md.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const OUT = dirname(fileURLToPath(import.meta.url));
const SRC = process.argv[2];
if (!SRC) throw new Error('usage: npx tsx reference/make-reference.ts SOURCE_DIR');

type Row = Record<string, string>;
const read = (file: string): Row[] =>
  parse(readFileSync(join(SRC, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

const CENSUS_FILE = 'census2021_age10_17_ethnicity_by_la.csv';
const AGES = ['age_10', 'age_11', 'age_12', 'age_13', 'age_14', 'age_15', 'age_16', 'age_17'];

/** Local authorities abolished between mid-2019 and the 2023 geography of the Census file, with their successor. */
const SUCCESSOR: Record<string, string> = {
  E07000026: 'E06000063', E07000028: 'E06000063', E07000029: 'E06000063', // Allerdale, Carlisle, Copeland → Cumberland
  E07000027: 'E06000064', E07000030: 'E06000064', E07000031: 'E06000064', // Barrow, Eden, South Lakeland → Westmorland and Furness
  E07000163: 'E06000065', E07000164: 'E06000065', E07000165: 'E06000065', E07000166: 'E06000065',
  E07000167: 'E06000065', E07000168: 'E06000065', E07000169: 'E06000065', // North Yorkshire districts → North Yorkshire
  E07000187: 'E06000066', E07000188: 'E06000066', E07000246: 'E06000066', E07000189: 'E06000066', // Somerset districts → Somerset
  E07000150: 'E06000061', E07000152: 'E06000061', E07000153: 'E06000061', E07000156: 'E06000061', // → North Northamptonshire
  E07000151: 'E06000062', E07000154: 'E06000062', E07000155: 'E06000062', // → West Northamptonshire
};

/** 2023 unitary authorities that the mid-2019/2020 estimates do not have, and what they are the sum of. */
const NEW_UNITARIES: Record<string, { name: string; region: string; sumOf: string[] }> = {
  E06000063: { name: 'Cumberland', region: 'E12000002', sumOf: ['E07000026', 'E07000028', 'E07000029'] },
  E06000064: { name: 'Westmorland and Furness', region: 'E12000002', sumOf: ['E07000027', 'E07000030', 'E07000031'] },
  E06000065: { name: 'North Yorkshire', region: 'E12000003', sumOf: ['E10000023'] },
  E06000066: { name: 'Somerset', region: 'E12000009', sumOf: ['E10000027'] },
};
/** Mid-2020 Northamptonshire is published only as its two new unitaries, mid-2019 only as the county and districts. */
const SAME_AREA_AS_SUM: Record<string, string[]> = {
  E10000021: ['E06000061', 'E06000062'],
  E06000061: ['E07000150', 'E07000152', 'E07000153', 'E07000156'],
  E06000062: ['E07000151', 'E07000154', 'E07000155'],
};

/** YJB services whose name is not simply the name of one local authority. */
const SERVICE_AREAS: Record<string, string[]> = {
  F00BE00: ['E06000055', 'E06000056'], // Bedfordshire: Bedford, Central Bedfordshire
  F00CB00: ['W06000019', 'W06000018'], // Blaenau Gwent, Caerphilly
  F00BS00: ['E06000023'], // Bristol, City of
  F00RB00: ['E08000002', 'E08000005'], // Bury, Rochdale
  F00WG00: ['E06000049', 'E06000050', 'E06000006', 'E06000007'], // Cheshire East, Cheshire West and Chester, Halton, Warrington
  F00CN00: ['W06000003', 'W06000004'], // Conwy, Denbighshire
  F00CO00: ['E06000052', 'E06000053'], // Cornwall, Isles of Scilly
  F00CT00: ['W06000024', 'W06000016'], // Merthyr Tydfil, Rhondda Cynon Taf
  F00DT00: ['E06000058', 'E06000059'], // Bournemouth, Christchurch and Poole; Dorset
  F00DC00: ['E06000047'], // County Durham
  F00GY00: ['W06000002', 'W06000001'], // Gwynedd, Isle of Anglesey
  F00KT00: ['E09000021', 'E09000027'], // Kingston upon Thames, Richmond upon Thames
  F00KH00: ['E06000010'], // Kingston upon Hull, City of
  F00LC00: ['E06000016'], // Leicester
  F00LS00: ['E10000018', 'E06000017'], // Leicestershire, Rutland
  F00TM00: ['W06000021', 'W06000020'], // Monmouthshire, Torfaen
  F00NZ00: ['E10000021'], // Northamptonshire
  F00SS00: ['E06000002', 'E06000003'], // Middlesbrough, Redcar and Cleveland
  F00TC00: ['E09000030', 'E09000001'], // Tower Hamlets, City of London
  F00WC00: ['E06000019', 'E06000051', 'E06000020', 'E10000034'], // Herefordshire, Shropshire, Telford and Wrekin, Worcestershire
};

const LOCAL = new Set(['Unitary Authority', 'London Borough', 'Metropolitan District', 'Non-metropolitan District']);
const KEPT_COUNTRIES = new Set(['E92000001', 'W92000004', 'K04000001']);

interface Area { code: string; name: string; geography: string; parent: string; region: string; country: string }

// --- mid-year estimates and the area hierarchy (from the order of the ONS rows) ---
const mye = read('ons_mye_2019_2020_age10_17_by_area.csv');
const areas = new Map<string, Area>();
const estimates = new Map<string, Row>(); // `${code}|${year}`
for (const year of ['2019', '2020']) {
  let country = '';
  let region = '';
  let county = '';
  for (const r of mye.filter((x) => x.mid_year === year)) {
    const code = r.area_code!;
    const geography = r.geography!;
    if (geography === 'Country') { country = code; region = code.startsWith('W') ? code : ''; county = ''; }
    else if (geography === 'Region') { region = code; county = ''; }
    else if (geography === 'County' || geography === 'Metropolitan County') county = code;
    else if (!geography.includes('District')) county = '';
    const kept = KEPT_COUNTRIES.has(code) || (/^[EW]/.test(code) && geography !== 'Country');
    if (!kept) continue;
    const parent = geography.includes('District') ? county : '';
    areas.set(code, { code, name: titleCase(r.area_name!), geography, parent, region: geography === 'Region' || geography === 'Country' ? '' : region, country: code.startsWith('W') ? 'W92000004' : 'E92000001' });
    estimates.set(`${code}|${year}`, r);
  }
}
for (const [code, u] of Object.entries(NEW_UNITARIES)) {
  areas.set(code, { code, name: u.name, geography: 'Unitary Authority', parent: '', region: u.region, country: 'E92000001' });
}

function sumEstimates(code: string, year: string, parts: string[]): Row | null {
  const rows = parts.map((p) => estimates.get(`${p}|${year}`));
  if (rows.some((r) => !r)) return null;
  const out: Row = { area_code: code, area_name: areas.get(code)!.name, geography: areas.get(code)!.geography, mid_year: year };
  for (const a of [...AGES, 'total_10_17']) out[a] = String(rows.reduce((s, r) => s + Number(r![a]), 0));
  out.derived_from = parts.join(' ');
  return out;
}
for (const year of ['2019', '2020']) {
  for (const [code, parts] of [...Object.entries(SAME_AREA_AS_SUM), ...Object.entries(NEW_UNITARIES).map(([c, u]) => [c, u.sumOf] as const)]) {
    if (estimates.has(`${code}|${year}`)) continue;
    const derived = sumEstimates(code, year, [...parts]);
    if (derived) estimates.set(`${code}|${year}`, derived);
  }
}

// --- Census parts: which Census 2021 areas make up each area's ethnic mix ---
const census = read(CENSUS_FILE);
const censusStatus = new Map<string, string>();
for (const r of census) censusStatus.set(r.area_code!, r.disclosure_status!);
const isLocal = (a: Area) => LOCAL.has(a.geography);

function ownParts(code: string): string[] {
  if (censusStatus.has(code)) return [code];
  const successor = SUCCESSOR[code];
  return successor ? [successor] : [];
}
function partsOf(a: Area): string[] {
  const own = ownParts(a.code);
  if (own.length) return own;
  const members = [...areas.values()].filter((m) => isLocal(m) && (
    m.parent === a.code
    || (a.geography === 'Region' && m.region === a.code)
    || (a.code === 'W92000004' && m.country === 'W92000004')
    || (a.code === 'E92000001' && m.country === 'E92000001')
    || a.code === 'K04000001'));
  return [...new Set(members.flatMap((m) => ownParts(m.code)))].sort();
}
const usable = (code: string) => censusStatus.get(code) !== 'unavailable';

const areaRows: string[][] = [];
for (const a of [...areas.values()].sort((x, y) => x.code.localeCompare(y.code))) {
  let parts = partsOf(a).filter(usable);
  let note = '';
  if (parts.length === 0 && censusStatus.get(a.code) === 'unavailable') {
    const regionArea = areas.get(a.region)!;
    parts = partsOf(regionArea).filter(usable);
    note = `Census 2021 figures for children are not published for ${a.name}; the ${regionArea.name} mix is used`;
  } else if (SUCCESSOR[a.code]) {
    const successor = areas.get(SUCCESSOR[a.code]!)!.name;
    note = `Census 2021 figures are published for 2023 areas, after ${a.name} became part of ${successor}; the ${successor} mix is used`;
  }
  if (parts.length === 0) throw new Error(`no Census parts for ${a.code} ${a.name}`);
  areaRows.push([a.code, a.name, a.geography, a.parent, a.region, parts.join(' '), note]);
}

function titleCase(s: string): string {
  return s === s.toUpperCase() ? s.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\bAnd\b/g, 'and').replace(/\bThe\b/g, 'the') : s;
}

// --- YJB service populations, with the ONS codes of each service's areas ---
const norm = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]/g, '');
const byName = new Map<string, string>();
for (const a of areas.values()) if (isLocal(a) || a.geography === 'County') byName.set(norm(a.name), a.code);
const serviceRows: string[][] = [];
for (const r of read('yjb_yjs_names_standardised.csv')) {
  const codes = SERVICE_AREAS[r.ou_code!] ?? [byName.get(norm(r.yjs_name!))].filter((c): c is string => !!c);
  if (codes.length === 0) throw new Error(`no ONS area for service ${r.ou_code} ${r.yjs_name}`);
  for (const year of ['2019', '2020']) {
    const ons = codes.reduce((s, c) => s + Number(estimates.get(`${c}|${year}`)?.total_10_17 ?? NaN), 0);
    if (ons !== Number(r[year])) throw new Error(`${r.yjs_name} ${year}: YJB ${r[year]} ≠ ONS ${ons}`);
  }
  serviceRows.push([r.ou_code!, r.yjs_name!, codes.join(' '), r['2018']!, r['2019']!, r['2020']!, r['2021']!]);
}

// --- write ---
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';

const myeRows = [...estimates.values()]
  .sort((x, y) => x.area_code!.localeCompare(y.area_code!) || x.mid_year!.localeCompare(y.mid_year!))
  .map((r) => [r.area_code!, r.mid_year!, ...AGES.map((a) => r[a]!), r.total_10_17!, r.derived_from ?? '']);
writeFileSync(join(OUT, 'ons_mye_age10_17.csv'), csv(['area_code', 'mid_year', ...AGES, 'total_10_17', 'derived_from'], myeRows));
writeFileSync(join(OUT, 'areas.csv'), csv(['area_code', 'area_name', 'geography', 'parent_code', 'region_code', 'census_parts', 'census_note'], areaRows));
writeFileSync(join(OUT, 'yjs_population_2018_2021.csv'), csv(['ou_code', 'yjs_name', 'area_codes', '2018', '2019', '2020', '2021'], serviceRows));
copyFileSync(join(SRC, CENSUS_FILE), join(OUT, CENSUS_FILE));
console.log(`areas ${areaRows.length}, estimates ${myeRows.length}, services ${serviceRows.length}`);

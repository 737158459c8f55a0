/**
 * Which areas a population is built for: codes checked against the shipped
 * list, and a refusal when one area contains another (its children would be
 * counted twice).
 */
import { YjpackError } from '../errors.js';
import type { AreaInfo, PopulationReference } from './types.js';

export interface KnownArea {
  code: string;
  name: string;
  geography: string;
}

/** Every area population.csv can be built for, by name (for help text and suggestions). */
export function listAreas(reference: PopulationReference): KnownArea[] {
  return reference.areas
    .map((a) => ({ code: a.code, name: a.name, geography: a.geography }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code));
}

/** The requested areas, in the order given, each once; throws on an unknown code or an overlap. */
export function resolveAreas(codes: readonly string[], reference: PopulationReference): AreaInfo[] {
  const byCode = new Map(reference.areas.map((a) => [a.code, a]));
  const typed = codes.map((c) => c.trim()).filter((c) => c !== '');
  if (typed.length === 0) throw new YjpackError('areaRequired');
  const areas = [...new Set(typed.map((text) => {
    const area = byCode.get(text.toUpperCase());
    if (!area) throw new YjpackError('unknownArea', { code: text, suggestions: suggest(text, reference) });
    return area;
  }))];
  refuseOverlaps(areas, reference);
  return areas;
}

/** Areas whose name contains what was typed: people often give a name where a code is wanted. */
function suggest(typed: string, reference: PopulationReference): string | undefined {
  const needle = typed.toLowerCase();
  if (needle.length < 3) return undefined;
  const hits = listAreas(reference).filter((a) => a.name.toLowerCase().includes(needle)).slice(0, 5);
  return hits.length ? hits.map((a) => `${a.code} (${a.name})`).join(' or ') : undefined;
}

function refuseOverlaps(areas: readonly AreaInfo[], reference: PopulationReference): void {
  const containers = containersOf(reference);
  for (const inner of areas) {
    for (const outer of areas) {
      if (inner !== outer && containers(inner).has(outer.code)) {
        throw new YjpackError('areasOverlap', { inner: label(inner), outer: label(outer) });
      }
    }
  }
}

/** Codes of every area that contains a given one: county, region, country, and areas estimated as a sum including it. */
function containersOf(reference: PopulationReference): (a: AreaInfo) => Set<string> {
  const sumsContaining = new Map<string, Set<string>>();
  for (const e of reference.midYear) {
    for (const part of e.derivedFrom) {
      if (!sumsContaining.has(part)) sumsContaining.set(part, new Set());
      sumsContaining.get(part)!.add(e.area);
    }
  }
  return (a) => {
    const out = new Set<string>();
    const add = (code: string | null) => { if (code) out.add(code); };
    add(a.parent);
    add(a.region);
    if (a.geography !== 'Country') add(a.code.startsWith('W') ? 'W92000004' : 'E92000001');
    if (a.code !== 'K04000001') add('K04000001');
    for (const s of sumsContaining.get(a.code) ?? []) add(s);
    out.delete(a.code);
    return out;
  };
}

function label(a: AreaInfo): string {
  return `${a.code} (${a.name})`;
}

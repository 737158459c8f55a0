/**
 * The indicator catalogue: one entry for every IndicatorId and none else, the
 * scales docs/indicators.md sets, and every record the shipped sample
 * produces carrying its entry's unit.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOGUE, catalogueEntries, headerOf, isTrendRate, KPI_NAMES, labelOf, multiplierOf, underDisclosureControl, unitMultiplier, UNITS, unitOf,
} from '../../pipeline/compute/catalogue.js';
import { packCells } from '../../pipeline/assemble/disclosure-cells.js';
import { computeQuarter } from '../../pipeline/compute/index.js';
import { INDICATOR_IDS, record, scaled, type IndicatorId, type IndicatorRecord } from '../../pipeline/compute/record.js';
import { parseConfig } from '../../pipeline/config.js';
import { loadExtract } from '../../pipeline/load/index.js';
import { parsePeriod } from '../../pipeline/period.js';
import { openStore, type Store } from '../../pipeline/store/db.js';
import { KPI_MEASURES } from '../../pipeline/output/kpi-return.js';

describe('the catalogue', () => {
  it('has exactly one entry for every indicator id, and no other', () => {
    const keys = Object.keys(CATALOGUE);
    expect(new Set(INDICATOR_IDS).size).toBe(INDICATOR_IDS.length);
    expect(keys.length).toBe(INDICATOR_IDS.length);
    expect([...keys].sort()).toEqual([...INDICATOR_IDS].sort());
  });

  it('scales the rates as docs/indicators.md sets them', () => {
    // FTE per 100,000 aged 10–17; custody and the disproportionality population stage per 1,000; serious violence per 10,000.
    expect([multiplierOf('fte.rate'), unitOf('fte.rate')]).toEqual([100_000, 'per 100,000']);
    expect([multiplierOf('custody.rate'), unitOf('custody.rate')]).toEqual([1_000, 'per 1,000']);
    expect([multiplierOf('dispro.rate'), unitOf('dispro.rate'), CATALOGUE['dispro.rate'].stageUnit]).toEqual([1_000, 'per 1,000', '%']);
    expect([multiplierOf('kpi.serious_violence.rate'), unitOf('kpi.serious_violence.rate')]).toEqual([10_000, 'per 10,000']);
    // Percentages are out of 100; counts are not scaled.
    expect(multiplierOf('reoffending.binary')).toBe(100);
    expect(multiplierOf('fte.count')).toBe(1);
    // One decimal place for percentages and rates per head, two for a ratio or per child, none for counts.
    expect([UNITS['%'].decimals, UNITS['per 1,000'].decimals, UNITS.ratio.decimals, UNITS['per child'].decimals, UNITS.count.decimals, UNITS['of 5'].decimals])
      .toEqual([1, 1, 2, 2, 0, 0]);
  });

  it('gives each kind its units: a count is a count (or of 5), a proportion a percentage, an index a ratio', () => {
    for (const [id, entry] of Object.entries(CATALOGUE)) {
      const allowed = { count: ['count', 'of 5'], proportion: ['%'], index: ['ratio'], rate: ['per 100,000', 'per 10,000', 'per 1,000', 'per child'] }[entry.kind];
      expect(allowed, id).toContain(entry.unit);
    }
  });

  it('names a KPI measure for every KPI id and for ETE (KPI 2), and none for the other indicators', () => {
    for (const [id, entry] of Object.entries(CATALOGUE)) {
      const kpi = id.startsWith('kpi.') || id.startsWith('ete.');
      expect(entry.kpi !== undefined, id).toBe(kpi);
    }
  });

  it('lists the KPI return in KPI order, every KPI from 1 to 10, each measure once', () => {
    const numbers = KPI_MEASURES.map((m) => m.kpi);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect([...new Set(numbers)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(KPI_MEASURES.map((m) => m.id)).size).toBe(KPI_MEASURES.length);
    expect(KPI_MEASURES.find((m) => m.id === 'kpi.oocd.completed')).toEqual({
      kpi: 6, kpiName: KPI_NAMES[6], id: 'kpi.oocd.completed', measure: 'Completed the intervention (%)',
    });
  });

  it('names one headline measure per KPI, 1 to 10, in KPI order: the rows of the pack\'s KPI table', () => {
    const headlines = catalogueEntries().flatMap(([id, e]) => (e.kpi?.headline ? [{ id, number: e.kpi.number }] : []));
    expect(headlines.map((h) => h.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The YJB's headline measures (kpis.md): ETE all children, board attendance by sector, the serious violence rate.
    expect(headlines.find((h) => h.number === 2)?.id).toBe('ete.overall');
    expect(headlines.find((h) => h.number === 8)?.id).toBe('kpi.board_attendance.sectors');
    expect(headlines.find((h) => h.number === 9)?.id).toBe('kpi.serious_violence.rate');
  });

  it('gives each KPI shown by group a column header of its own, and only percentages are shown by group', () => {
    const byGroup = catalogueEntries().filter(([, e]) => e.kpi?.byGroup);
    expect(byGroup.map(([id]) => id)).toEqual(['kpi.accommodation.end', 'kpi.send.plan', 'kpi.mental_health.offered', 'kpi.wider_services.any']);
    for (const [id, e] of byGroup) {
      expect(e.header, id).toBeDefined();
      expect(e.unit, id).toBe('%');
    }
  });

  it('exempts from disclosure control only the counts of statutory partners (board attendance), and those are the "of 5" figures', () => {
    const exempt = INDICATOR_IDS.filter((id) => !underDisclosureControl(id));
    expect(exempt).toEqual(['kpi.board_attendance.sectors', 'kpi.board_attendance.data_shared']);
    for (const [id, e] of catalogueEntries()) expect(e.counts === 'partners', id).toBe(e.unit === 'of 5');
    // Victims are people: KPI 10 stays under control.
    expect(underDisclosureControl('kpi.victims.engaged_rj')).toBe(true);
  });

  it('takes the rolling-year rates, and no quarterly rate, as the trend rates on the population', () => {
    expect(INDICATOR_IDS.filter(isTrendRate)).toEqual(['fte.rate', 'custody.rate']);
    // Serious violence is a rate on the same population, but for the quarter, not the year to it.
    expect(isTrendRate('kpi.serious_violence.rate')).toBe(false);
  });

  it('gives an interval to every unit but the counts (a census of the five partners is no sample), and caps % at 100 and "of 5" at 5', () => {
    const without = (Object.keys(UNITS) as (keyof typeof UNITS)[]).filter((u) => !UNITS[u].interval);
    expect(without.sort()).toEqual(['count', 'of 5']);
    expect([UNITS['%'].max, UNITS['of 5'].max, UNITS['per 1,000'].max]).toEqual([100, 5, undefined]);
    // Every unit a KPI headline is in has the words of its small chart.
    for (const [id, e] of catalogueEntries()) if (e.kpi?.headline) expect(UNITS[e.unit].panel, id).toBeDefined();
  });

  it('scales a fraction and its interval by the unit\'s multiplier, leaving a missing end missing', () => {
    // 9 of 40 = 0.225 → 22.5 per cent; 0.0003 → 3 per 10,000.
    expect(scaled({ value: 0.225, lower: 0.12, upper: null }, unitMultiplier('%'))).toEqual({ value: 22.5, lower: 12, upper: null });
    expect(scaled({ value: 0.0003, lower: null, upper: null }, unitMultiplier('per 10,000')).value).toBeCloseTo(3, 12);
    expect(unitMultiplier('count')).toBe(1);
  });

  it('labels a note by indicator or by topic, and heads a column by its header or its capitalised label', () => {
    expect(labelOf('fte.rate')).toBe('first time entrant rate');
    expect(labelOf('custody')).toBe('use of custody');
    expect(labelOf('not.an.id')).toBe('not.an.id');
    expect(headerOf('fte.offences')).toBe('Offences');
    expect(headerOf('kpi.mental_health.need')).toBe('Children with an identified mental health need');
  });

  it('gives a record the catalogue unit unless it names its own', () => {
    const r = (id: IndicatorId) => record({ id, period: '2024-25-Q1', breakdown: {}, numerator: 1, denominator: 2, value: 50 });
    expect(r('kpi.board_attendance.sectors').unit).toBe('of 5');
    expect(r('reoffending.per_offender').unit).toBe('per child');
    expect(record({ id: 'dispro.rate', period: '2024-25-Q1', breakdown: {}, numerator: 1, denominator: 2, value: 50, unit: '%' }).unit).toBe('%');
  });
});

describe('the sample\'s records', () => {
  let store: Store;
  let records: IndicatorRecord[];

  beforeAll(async () => {
    const config = parseConfig(await readFile('data-samples/yjpack.example.yaml', 'utf8'), 'data-samples/yjpack.example.yaml');
    store = await openStore(null);
    await loadExtract(store, 'data-samples', { mode: 'full', loadedAt: new Date('2026-11-23T09:30:00Z') });
    records = (await computeQuarter(store, parsePeriod('2026-27-Q2'), config)).records;
  });
  afterAll(() => store?.close());

  it('each have a catalogue entry and carry its unit (a disproportionality rate after the population stage, its stage unit)', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      const entry = CATALOGUE[r.id];
      expect(entry, r.id).toBeDefined();
      if (r.id === 'dispro.rate') expect([entry.unit, entry.stageUnit], r.id).toContain(r.unit);
      else expect(r.unit, `${r.id} ${JSON.stringify(r.breakdown)}`).toBe(entry.unit);
    }
    // Every id the sample has data for is produced: all of them.
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(INDICATOR_IDS));
  });

  it('each print a disclosure cell for their count exactly when the catalogue puts them under disclosure control', () => {
    const cells = packCells(records).records;
    records.forEach((r, i) => {
      const where = `${r.id} ${r.period} ${JSON.stringify(r.breakdown)}`;
      if (!underDisclosureControl(r.id)) expect(cells[i], where).toEqual({ numerator: null, denominator: null });
      else if (r.numerator !== null) expect(cells[i]!.numerator, where).not.toBeNull();
    });
    expect(records.some((r) => !underDisclosureControl(r.id) && r.numerator !== null)).toBe(true);
  });
});
